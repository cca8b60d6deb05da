import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error.js';
import { requestApi } from '../api/request-api.js';
import type { SessionInfo } from '../api/types.js';
import { Notice } from '../components/notice.js';
import { StackedField } from '../components/stacked-field.js';
import { AuthLayout } from '../layout/auth-layout.js';
import { useSession } from '../session/session-context.js';

type FieldErrors = Partial<Record<'email' | 'password', string>>;

/** Email and password; the app shell takes over (and returns to the wanted screen) once signed in. */
export function LoginPage() {
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldErrors = {
      ...(email.trim() ? {} : { email: 'Enter your email address.' }),
      ...(password ? {} : { password: 'Enter your password.' }),
    };
    setFieldErrors(missing);
    if (Object.keys(missing).length) {
      setError('Enter your email address and password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      signIn(await requestApi<SessionInfo>('auth/login', { method: 'POST', body: { email, password } }));
    } catch (failure) {
      const apiError = failure instanceof ApiError ? failure : null;
      setError(apiError?.message ?? String(failure));
      setFieldErrors(Object.fromEntries((apiError?.fields ?? []).map((f) => [f.field, f.message])));
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <AuthLayout title="Log in">
      {error && (
        <Notice kind="error">
          <p>{error}</p>
        </Notice>
      )}
      <form className="auth-form" onSubmit={(event) => void submit(event)} noValidate>
        <StackedField
          id="login-email"
          label="Email address"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fieldErrors.email}
          required
        />
        <StackedField
          id="login-password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fieldErrors.password}
          required
        />
        <p className="submit">
          <button type="submit" className="button button-primary button-large" disabled={busy}>
            {busy ? 'Logging in…' : 'Log In'}
          </button>
        </p>
      </form>
    </AuthLayout>
  );
}
