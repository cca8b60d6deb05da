import { useEffect, useState } from 'react';
import type { SectionView } from '../api/types.js';
import { Notice } from '../components/notice.js';
import { useEngineApi } from '../session/use-engine-api.js';
import type { FormSection } from './form-section.js';
import { SettingsForm } from './settings-form.js';

type Load = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; view: SectionView };

/** Loads a section's current values from the engine, then shows its form. */
export function SectionScreen({ section, focusKey, onSaved }: { section: FormSection; focusKey: string | null; onSaved?: (view: SectionView) => void }) {
  const api = useEngineApi();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setLoad({ status: 'loading' });
    api<SectionView>(`settings/${section.id}`).then(
      (view) => current && setLoad({ status: 'ready', view }),
      (error: unknown) => current && setLoad({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, section.id, attempt]);

  if (load.status === 'loading') {
    return (
      <p className="loading" role="status">
        Loading {section.title} settings…
      </p>
    );
  }
  if (load.status === 'failed') {
    return (
      <Notice kind="error">
        <p>
          {section.title} settings could not be loaded: {load.message}{' '}
          <button type="button" className="button button-small" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </p>
      </Notice>
    );
  }
  return <SettingsForm section={section} view={load.view} focusKey={focusKey} {...(onSaved ? { onSaved } : {})} />;
}
