import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SectionView } from '../api/types.js';
import { useEngineApi } from '../session/use-engine-api.js';

interface GeneralSettingsControls {
  /** `null` until loaded, or when it could not be loaded (the screens that need it say so). */
  general: SectionView | null;
  loadError: string | null;
  /** Called after a save, so the top bar and the dashboard show the new values at once. */
  replace(view: SectionView): void;
}

const GeneralSettingsContext = createContext<GeneralSettingsControls | null>(null);

/** The general settings (site name, URL, time zone) that the whole shell shows, loaded once per login. */
export function GeneralSettingsProvider({ children }: { children: ReactNode }) {
  const api = useEngineApi();
  const [general, setGeneral] = useState<SectionView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api<SectionView>('settings/general').then(
      (view) => current && setGeneral(view),
      (error: unknown) => current && setLoadError(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      current = false;
    };
  }, [api]);

  const controls = useMemo(() => ({ general, loadError, replace: setGeneral }), [general, loadError]);
  return <GeneralSettingsContext.Provider value={controls}>{children}</GeneralSettingsContext.Provider>;
}

export function useGeneralSettings(): GeneralSettingsControls {
  const controls = useContext(GeneralSettingsContext);
  if (!controls) throw new Error('useGeneralSettings needs a GeneralSettingsProvider');
  return controls;
}
