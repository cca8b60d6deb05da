/** Amazon's image by URL (never stored, as its licence asks), or a neutral box while there is none. */
export function ProductThumbnail({ url }: { url: string | null }) {
  if (!url) {
    return (
      <span className="product-thumb is-empty" aria-hidden="true">
        <svg width="24" height="24" viewBox="0 0 20 20" focusable="false">
          <path fill="currentColor" d="M3 4h14a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zm1 2v7.5l3.5-3.5 2.5 2.5 2-2 4 4V6H4zm9.5 3a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3z" />
        </svg>
      </span>
    );
  }
  return <img className="product-thumb" src={url} alt="" width={56} height={56} loading="lazy" referrerPolicy="no-referrer" />;
}
