import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error.js';
import { requestApi } from '../api/request-api.js';
import type { SessionInfo } from '../api/types.js';
import { Notice } from '../components/notice.js';
import { StackedField } from '../components/stacked-field.js';
import { AuthLayout } from '../layout/auth-layout.js';
import { hrefFor } from '../routing/hash-route.js';
import { useSession } from '../session/session-context.js';

const MIN_PASSWORD_LENGTH = 12;

type SetupField = 'email' | 'password' | 'confirm';
type FieldErrors = Partial<Record<SetupField, string>>;

function checkForm(email: string, password: string, confirm: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!email.trim()) errors.email = 'Enter your email address.';
  if (password.length < MIN_PASSWORD_LENGTH) errors.password = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (confirm !== password) errors.confirm = 'The two passwords do not match.';
  return errors;
}

/** First run: the one-time link the engine printed creates the first administrator and logs them in. */
export function SetupPage({ token }: { token: string }) {
  const { state, signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  if (state.status === 'signed-out' && !state.setupRequired) {
    return (
      <AuthLayout title="Create the first administrator">
        <Notice kind="info">
          <p>An administrator already exists, so this setup link is no longer needed.</p>
        </Notice>
        <p className="auth-links">
          <a href={hrefFor('/login')}>Log in</a>
        </p>
      </AuthLayout>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = checkForm(email, password, confirm);
    setFieldErrors(problems);
    if (Object.keys(problems).length) {
      setError('The administrator was not created: fix the fields marked below.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      signIn(await requestApi<SessionInfo>('auth/setup', { method: 'POST', body: { token, email, password } }));
    } catch (failure) {
      const apiError = failure instanceof ApiError ? failure : null;
      setError(apiError?.message ?? String(failure));
      setFieldErrors(Object.fromEntries((apiError?.fields ?? []).map((f) => [f.field, f.message])));
      setBusy(false);
    }
  };

  return (
    <AuthLayout title="Create the first administrator">
      <p className="auth-intro">Welcome to PassiveWP. Choose the email address and password you will log in with.</p>
      {error && (
        <Notice kind="error">
          <p>{error}</p>
        </Notice>
      )}
      <form className="auth-form" onSubmit={(event) => void submit(event)} noValidate>
        <StackedField
          id="setup-email"
          label="Email address"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fieldErrors.email}
          required
        />
        <StackedField
          id="setup-password"
          label="Password"
          type="password"
          autoComplete="new-password"
          description={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong password.`}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fieldErrors.password}
          required
        />
        <StackedField
          id="setup-confirm"
          label="Confirm password"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(event) => setConfirm(event.target.value)}
          error={fieldErrors.confirm}
          required
        />
        <p className="submit">
          <button type="submit" className="button button-primary button-large" disabled={busy}>
            {busy ? 'Creating…' : 'Create administrator'}
          </button>
        </p>
      </form>
    </AuthLayout>
  );
}
