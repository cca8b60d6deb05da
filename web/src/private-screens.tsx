import { RefreshPauseBanner } from './alerts/refresh-pause-banner.js';
import { RefreshPausesProvider } from './alerts/refresh-pauses-context.js';
import { JobsPage } from './jobs/jobs-page.js';
import { AdminShell } from './layout/admin-shell.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { HelpPage } from './pages/help-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { SettingsPage } from './pages/settings-page.js';
import { ProductsPage } from './products/products-page.js';
import type { HashRoute } from './routing/hash-route.js';
import { Redirect } from './routing/redirect.js';
import { TestPostPage } from './test-post/test-post-page.js';
import { GeneralSettingsProvider } from './site/general-settings-context.js';

/** The logged-in screens, inside the admin shell; paused product refreshes are announced above every one. */
export function PrivateScreens({ email, route }: { email: string; route: HashRoute }) {
  return (
    <GeneralSettingsProvider>
      <RefreshPausesProvider routePath={route.path}>
        <AdminShell email={email} currentPath={route.path}>
          <RefreshPauseBanner />
          <PrivateScreen email={email} route={route} />
        </AdminShell>
      </RefreshPausesProvider>
    </GeneralSettingsProvider>
  );
}

function PrivateScreen({ email, route }: { email: string; route: HashRoute }) {
  const [, section, tab, ...rest] = route.path.split('/');
  if (route.path === '/' || route.path === '') return <Redirect to="/dashboard" />;
  if (section === 'dashboard' && !tab) return <DashboardPage email={email} />;
  if (section === 'products' && !tab) return <ProductsPage routeQuery={route.query} />;
  if (section === 'test-post' && !tab) return <TestPostPage />;
  if (section === 'jobs' && !tab) return <JobsPage routeQuery={route.query} />;
  if (section === 'help' && !tab) return <HelpPage />;
  if (section === 'settings' && !tab) return <Redirect to="/settings/general" />;
  if (section === 'settings' && tab && rest.length === 0) return <SettingsPage tab={tab} focusKey={route.query.get('focus')} />;
  return <NotFoundPage path={route.path} />;
}
