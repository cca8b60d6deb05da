import { RefreshPauseBanner } from './alerts/refresh-pause-banner.js';
import { RefreshPausesProvider } from './alerts/refresh-pauses-context.js';
import { JobsPage } from './jobs/jobs-page.js';
import { AdminShell } from './layout/admin-shell.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { HelpArticlePage } from './help/help-article-page.js';
import { HelpIndexPage } from './help/help-index-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { PaletteProvider } from './palette/palette-context.js';
import { SettingsPage } from './pages/settings-page.js';
import { ProductsPage } from './products/products-page.js';
import type { HashRoute } from './routing/hash-route.js';
import { Redirect } from './routing/redirect.js';
import { TestPostPage } from './test-post/test-post-page.js';
import { GeneralSettingsProvider } from './site/general-settings-context.js';

/** The logged-in screens, inside the admin shell; paused product refreshes are announced above every one, and Ctrl/Cmd+K searches help on each. */
export function PrivateScreens({ email, route }: { email: string; route: HashRoute }) {
  return (
    <GeneralSettingsProvider>
      <RefreshPausesProvider routePath={route.path}>
        <PaletteProvider>
          <AdminShell email={email} currentPath={route.path}>
            <RefreshPauseBanner />
            <PrivateScreen email={email} route={route} />
          </AdminShell>
        </PaletteProvider>
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
  if (section === 'help' && !tab) return <HelpIndexPage />;
  if (section === 'help' && tab && rest.length === 0) return <HelpArticlePage articleId={decodeURIComponent(tab)} section={route.query.get('section')} />;
  if (section === 'settings' && !tab) return <Redirect to="/settings/general" />;
  if (section === 'settings' && tab && rest.length === 0) return <SettingsPage tab={tab} focusKey={route.query.get('focus')} />;
  return <NotFoundPage path={route.path} />;
}
