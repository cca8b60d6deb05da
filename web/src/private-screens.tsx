import { AdminShell } from './layout/admin-shell.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { HelpPage } from './pages/help-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { SettingsPage } from './pages/settings-page.js';
import type { HashRoute } from './routing/hash-route.js';
import { Redirect } from './routing/redirect.js';
import { GeneralSettingsProvider } from './site/general-settings-context.js';

/** The logged-in screens, inside the admin shell. */
export function PrivateScreens({ email, route }: { email: string; route: HashRoute }) {
  return (
    <GeneralSettingsProvider>
      <AdminShell email={email} currentPath={route.path}>
        <PrivateScreen email={email} route={route} />
      </AdminShell>
    </GeneralSettingsProvider>
  );
}

function PrivateScreen({ email, route }: { email: string; route: HashRoute }) {
  const [, section, tab, ...rest] = route.path.split('/');
  if (route.path === '/' || route.path === '') return <Redirect to="/dashboard" />;
  if (section === 'dashboard' && !tab) return <DashboardPage email={email} />;
  if (section === 'help' && !tab) return <HelpPage />;
  if (section === 'settings' && !tab) return <Redirect to="/settings/general" />;
  if (section === 'settings' && tab && rest.length === 0) return <SettingsPage tab={tab} focusKey={route.query.get('focus')} />;
  return <NotFoundPage path={route.path} />;
}
