/**
 * The engine writes its base path into a meta tag of index.html, so one build works under `/admin/`
 * as well as under `/anything/admin/` (for instance inside the WordPress admin later).
 */
export function readBasePath(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="passivewp-base-path"]');
  return (meta?.content ?? '').replace(/\/+$/, '');
}
