import { usePalette } from '../palette/palette-context.js';
import { hrefFor } from '../routing/hash-route.js';
import { BrandIcon } from './brand-icon.js';

interface AdminTopBarProps {
  email: string;
  siteName: string;
  menuId: string;
  menuOpen: boolean;
  onToggleMenu: () => void;
  onLogOut: () => void;
  loggingOut: boolean;
}

/** The dark bar across the top, like the WordPress admin bar. */
export function AdminTopBar({ email, siteName, menuId, menuOpen, onToggleMenu, onLogOut, loggingOut }: AdminTopBarProps) {
  const { openPalette } = usePalette();
  return (
    <header className="admin-bar">
      <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls={menuId} onClick={onToggleMenu}>
        <svg width="24" height="24" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M3 5h14v2H3zm0 4h14v2H3zm0 4h14v2H3z" />
        </svg>
        <span className="screen-reader-text">Menu</span>
      </button>
      <a className="admin-bar-home" href={hrefFor('/dashboard')}>
        <BrandIcon />
        <span className="admin-bar-engine">PassiveWP</span>
        {siteName && <span className="admin-bar-site">{siteName}</span>}
      </a>
      <button type="button" className="admin-bar-search" aria-keyshortcuts="Control+K Meta+K" onClick={(event) => openPalette(event.currentTarget)}>
        <svg width="16" height="16" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M12.7 11.3a6 6 0 1 0-1.4 1.4l4.6 4.6 1.4-1.4-4.6-4.6zM8 12.5a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9z" />
        </svg>
        <span className="admin-bar-search-label">Search help</span>
        <kbd className="admin-bar-search-keys">Ctrl K</kbd>
      </button>
      <div className="admin-bar-account">
        <span className="admin-bar-user">
          <span className="admin-bar-howdy">Howdy, </span>
          <span className="admin-bar-email">{email}</span>
        </span>
        <button type="button" className="admin-bar-logout" onClick={onLogOut} disabled={loggingOut}>
          {loggingOut ? 'Logging out…' : 'Log out'}
        </button>
      </div>
    </header>
  );
}
