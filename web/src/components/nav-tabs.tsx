import { hrefFor } from '../routing/hash-route.js';

export interface NavTab {
  route: string;
  label: string;
}

/** WordPress `nav-tab-wrapper`: links styled as tabs; the current one carries aria-current. */
export function NavTabs({ tabs, current, label }: { tabs: readonly NavTab[]; current: string; label: string }) {
  return (
    <nav className="nav-tab-wrapper" aria-label={label}>
      {tabs.map((tab) => (
        <a
          key={tab.route}
          href={hrefFor(tab.route)}
          className={tab.route === current ? 'nav-tab nav-tab-active' : 'nav-tab'}
          aria-current={tab.route === current ? 'page' : undefined}
        >
          {tab.label}
        </a>
      ))}
    </nav>
  );
}
