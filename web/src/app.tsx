import { AuthLayout } from './layout/auth-layout.js';
import { Notice } from './components/notice.js';
import { LoginPage } from './pages/login-page.js';
import { SetupPage } from './pages/setup-page.js';
import { SetupRequiredPage } from './pages/setup-required-page.js';
import { PrivateScreens } from './private-screens.js';
import { useHashRoute } from './routing/hash-route.js';
import { Redirect } from './routing/redirect.js';
import { safeNextRoute } from './routing/safe-next-route.js';
import { SessionProvider, useSession } from './session/session-context.js';

export function App() {
  return (
    <SessionProvider>
      <Screens />
    </SessionProvider>
  );
}

/** Chooses the screen from the session and the hash route; private routes wait for a login. */
function Screens() {
  const { state, recheck } = useSession();
  const route = useHashRoute();
  const setupToken = route.path.match(/^\/setup\/([^/]+)$/)?.[1];

  if (state.status === 'checking') {
    return (
      <div className="app-loading" role="status">
        Loading PassiveWP…
      </div>
    );
  }
  if (state.status === 'unreachable') {
    return (
      <AuthLayout title="PassiveWP is not answering">
        <Notice kind="error">
          <p>{state.message}</p>
        </Notice>
        <p className="submit">
          <button type="button" className="button button-primary" onClick={recheck}>
            Try again
          </button>
        </p>
      </AuthLayout>
    );
  }
  if (state.status === 'signed-in') {
    if (route.path === '/login') return <Redirect to={safeNextRoute(route.query.get('next'))} />;
    if (setupToken) return <Redirect to="/dashboard" />;
    return <PrivateScreens email={state.session.email} route={route} />;
  }
  if (setupToken) return <SetupPage token={decodeURIComponent(setupToken)} />;
  if (route.path === '/login') return state.setupRequired ? <SetupRequiredPage /> : <LoginPage />;
  const wanted = route.path === '/' ? '' : `${route.path}${route.query.size ? `?${route.query.toString()}` : ''}`;
  return <Redirect to={wanted ? `/login?next=${encodeURIComponent(wanted)}` : '/login'} />;
}
