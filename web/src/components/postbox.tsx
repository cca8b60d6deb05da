import { useId, type ReactNode } from 'react';

/** A white dashboard box with a title bar, as on the WordPress dashboard. */
export function Postbox({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="postbox" aria-labelledby={headingId}>
      <h2 className="postbox-title" id={headingId}>
        {title}
      </h2>
      <div className="inside">{children}</div>
    </section>
  );
}
