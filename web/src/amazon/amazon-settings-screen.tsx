import { useEffect, useState } from 'react';
import type { SectionView } from '../api/types.js';
import { Notice } from '../components/notice.js';
import { useEngineApi } from '../session/use-engine-api.js';
import { AmazonSettingsPanel } from './amazon-settings-panel.js';

type Load = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; view: SectionView };

/** Settings → Amazon: loads the saved settings, then shows the connection check and the form. */
export function AmazonSettingsScreen({ focusKey }: { focusKey: string | null }) {
  const api = useEngineApi();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setLoad({ status: 'loading' });
    api<SectionView>('settings/amazon').then(
      (view) => current && setLoad({ status: 'ready', view }),
      (error: unknown) => current && setLoad({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, attempt]);

  if (load.status === 'loading') {
    return (
      <p className="loading" role="status">
        Loading Amazon settings…
      </p>
    );
  }
  if (load.status === 'failed') {
    return (
      <Notice kind="error">
        <p>
          Amazon settings could not be loaded: {load.message}{' '}
          <button type="button" className="button button-small" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </p>
      </Notice>
    );
  }
  return <AmazonSettingsPanel view={load.view} focusKey={focusKey} />;
}
