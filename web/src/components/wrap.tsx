import type { ReactNode } from 'react';
import { useDocumentTitle } from '../routing/use-document-title.js';

/** The `.wrap` of a WordPress admin screen: the page heading, then the screen's content. */
export function Wrap({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="wrap">
      <h1>{title}</h1>
      {children}
    </div>
  );
}
