import { AuthLayout } from '../layout/auth-layout.js';
import { useSession } from '../session/session-context.js';

/** Shown instead of the login form while no administrator exists and no setup link was opened. */
export function SetupRequiredPage() {
  const { recheck } = useSession();
  return (
    <AuthLayout title="Create the first administrator" wide>
      <p>PassiveWP has no administrator yet. There are two ways to create one:</p>
      <ol className="setup-steps">
        <li>
          <strong>Open the setup link.</strong> When the engine started, it printed a one-time link in its terminal, such as:
          <pre className="terminal">No administrator yet. Create one within the next hour at: …/admin/#/setup/…</pre>
          The link works once and for one hour. Restart the engine to print a new one.
        </li>
        <li>
          <strong>Or use a terminal</strong> on the machine that runs the engine:
          <pre className="terminal">npx passivewp admin create --email you@example.com --password '…'</pre>
        </li>
      </ol>
      <p className="submit">
        <button type="button" className="button button-primary" onClick={recheck}>
          I have created one — log in
        </button>
      </p>
    </AuthLayout>
  );
}
