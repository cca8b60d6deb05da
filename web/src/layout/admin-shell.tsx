import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Notice } from '../components/notice.js';
import { navigate } from '../routing/hash-route.js';
import { useSession } from '../session/session-context.js';
import { fieldText } from '../site/field-text.js';
import { useGeneralSettings } from '../site/general-settings-context.js';
import { AdminSidebar } from './admin-sidebar.js';
import { AdminTopBar } from './admin-top-bar.js';

const MENU_ID = 'admin-menu';

/** The frame of every logged-in screen: admin bar, left menu, content area. */
export function AdminShell({ email, currentPath, children }: { email: string; currentPath: string; children: ReactNode }) {
  const { logOut } = useSession();
  const { general } = useGeneralSettings();
  const [menuOpen, setMenuOpen] = useState(false);
  const [loggingOut, setLoggingOut] = useState(false);
  const [logoutError, setLogoutError] = useState<string | null>(null);
  const mainRef = useRef<HTMLElement>(null);

  // On a phone the menu covers the content; moving to another screen closes it.
  useEffect(() => setMenuOpen(false), [currentPath]);

  useEffect(() => {
    if (!menuOpen) return;
    const closeOnEscape = (event: KeyboardEvent) => event.key === 'Escape' && setMenuOpen(false);
    window.addEventListener('keydown', closeOnEscape);
    return () => window.removeEventListener('keydown', closeOnEscape);
  }, [menuOpen]);

  const handleLogOut = async () => {
    setLoggingOut(true);
    setLogoutError(null);
    try {
      await logOut();
      navigate('/login');
    } catch (error) {
      setLogoutError(error instanceof Error ? error.message : String(error));
      setLoggingOut(false);
    }
  };

  return (
    <div className={menuOpen ? 'admin-shell menu-open' : 'admin-shell'}>
      <button type="button" className="skip-link" onClick={() => mainRef.current?.focus()}>
        Skip to main content
      </button>
      <AdminTopBar
        email={email}
        siteName={fieldText(general, 'siteName')}
        menuId={MENU_ID}
        menuOpen={menuOpen}
        onToggleMenu={() => setMenuOpen((open) => !open)}
        onLogOut={() => void handleLogOut()}
        loggingOut={loggingOut}
      />
      <AdminSidebar id={MENU_ID} currentPath={currentPath} open={menuOpen} />
      {menuOpen && <div className="menu-backdrop" aria-hidden="true" onClick={() => setMenuOpen(false)} />}
      <main className="admin-content" ref={mainRef} tabIndex={-1}>
        {logoutError && (
          <Notice kind="error" onDismiss={() => setLogoutError(null)}>
            <p>Could not log out: {logoutError}</p>
          </Notice>
        )}
        {children}
      </main>
    </div>
  );
}
