import type { ReactNode } from 'react';
import { useDocumentTitle } from '../routing/use-document-title.js';
import { BrandIcon } from './brand-icon.js';

/** The narrow centred box of the logged-out screens, like wp-login.php. */
export function AuthLayout({ title, wide = false, children }: { title: string; wide?: boolean; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="auth-screen">
      <main className={wide ? 'auth-box is-wide' : 'auth-box'}>
        <p className="auth-brand">
          <BrandIcon />
          <span>PassiveWP</span>
        </p>
        <div className="auth-card">
          <h1 className="auth-title">{title}</h1>
          {children}
        </div>
      </main>
    </div>
  );
}
