import { hrefFor } from '../routing/hash-route.js';
import { ADMIN_MENU_ITEMS } from './admin-menu-items.js';
import { BrandIcon } from './brand-icon.js';

interface AdminSidebarProps {
  id: string;
  currentPath: string;
  open: boolean;
}

/** The dark left menu: one top-level "PassiveWP" entry with its submenu always unfolded. */
export function AdminSidebar({ id, currentPath, open }: AdminSidebarProps) {
  const currentSection = currentPath.split('/')[1] ?? '';
  return (
    <div id={id} className={open ? 'admin-menu is-open' : 'admin-menu'}>
      <nav aria-label="Main menu">
        <ul className="admin-menu-list">
          <li className="menu-top is-current">
            <a className="menu-top-link" href={hrefFor('/dashboard')}>
              <BrandIcon />
              <span className="menu-name">PassiveWP</span>
            </a>
            <ul className="submenu">
              {ADMIN_MENU_ITEMS.map((item) => {
                const current = item.section === currentSection;
                return (
                  <li key={item.route} className={current ? 'is-current' : undefined}>
                    <a href={hrefFor(item.route)} aria-current={current ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                );
              })}
            </ul>
          </li>
        </ul>
      </nav>
    </div>
  );
}
