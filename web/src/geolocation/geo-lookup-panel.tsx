import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error.js';
import type { ClientIpView, GeoLookupView } from '../api/geolocation-types.js';
import { Notice } from '../components/notice.js';
import { useApiResource } from '../session/use-api-resource.js';
import { useEngineApi } from '../session/use-engine-api.js';
import type { SettingsFormState } from '../settings/use-settings-form.js';
import { GeoLookupResult } from './geo-lookup-result.js';

function addressNote(client: ClientIpView): string {
  if (client.usedForwardedFor) return `Your address, as the engine sees it: it came through a trusted proxy (X-Forwarded-For), the connection itself is from ${client.socketAddress}.`;
  if (client.forwardedFor) return `Your address, as the engine sees it. An X-Forwarded-For header (${client.forwardedFor}) was ignored: ${client.socketAddress} is not a trusted proxy.`;
  return 'Your address, as the engine sees it.';
}

/** "Test lookup": any address (pre-filled with the caller's own) → country, city and the Amazon store it is sent to. */
export function GeoLookupPanel({ form }: { form: SettingsFormState }) {
  const headingId = useId();
  const inputId = 'geolocation-test-ip';
  const api = useEngineApi();
  const { load: client } = useApiResource<ClientIpView>('geolocation/client-ip');
  // null until the user types: then the engine's view of the caller's address fills the field.
  const [typed, setTyped] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);
  const [result, setResult] = useState<GeoLookupView | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ip = typed ?? (client.status === 'ready' ? client.data.ip : '');
  const fieldLabel = (path: string) => form.section.fields[path]?.label ?? path;

  const lookUp = async (event: FormEvent) => {
    event.preventDefault();
    setLooking(true);
    setError(null);
    setFieldError(null);
    try {
      setResult(await api<GeoLookupView>('geolocation/lookup', { method: 'POST', body: { ip } }));
    } catch (failure) {
      setResult(null);
      const ipProblem = failure instanceof ApiError ? failure.fields.find((p) => p.field === 'ip') : undefined;
      if (ipProblem) setFieldError(ipProblem.message);
      else setError(`The lookup could not run: ${failure instanceof Error ? failure.message : String(failure)}`);
    } finally {
      setLooking(false);
    }
  };

  const describedBy = [fieldError ? `${inputId}-error` : '', `${inputId}-description`].filter(Boolean).join(' ');
  return (
    <section className="check-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Test lookup</h2>
      <p className="description">Where an address is, and which Amazon store its visitors are sent to, with the saved settings.</p>
      <form className="lookup-form" onSubmit={(event) => void lookUp(event)} noValidate>
        <label htmlFor={inputId}>IP address</label>
        <span className="lookup-controls">
          <input
            id={inputId}
            type="text"
            className="regular-text code"
            inputMode="text"
            autoComplete="off"
            spellCheck={false}
            value={ip}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => {
              setTyped(event.target.value);
              setFieldError(null);
            }}
          />
          <button type="submit" className="button" disabled={looking}>
            {looking ? 'Looking up…' : 'Look up'}
          </button>
        </span>
        {fieldError && (
          <span className="field-error" id={`${inputId}-error`}>
            {fieldError}
          </span>
        )}
        <span className="description" id={`${inputId}-description`}>
          {client.status === 'ready' && typed === null ? addressNote(client.data) : 'An IPv4 address like 81.2.69.142 or an IPv6 address like 2001:db8::1.'}
          {form.dirty && ' The lookup uses the saved settings, not the unsaved changes above.'}
        </span>
      </form>
      {error && (
        <Notice kind="error" className="inline">
          <p>{error}</p>
        </Notice>
      )}
      {result && <GeoLookupResult result={result} fieldLabel={fieldLabel} onFocusField={form.focus} />}
    </section>
  );
}
