import type { ReactNode } from 'react';
import type { SectionView } from '../api/types.js';
import { Notice } from '../components/notice.js';
import { useApiResource } from '../session/use-api-resource.js';
import type { FormSection } from './form-section.js';

/** Loads a section's current values from the engine, then shows what `children` builds from them. */
export function SectionLoader({ section, children }: { section: FormSection; children: (view: SectionView) => ReactNode }) {
  const { load, reload } = useApiResource<SectionView>(`settings/${section.id}`);
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
          <button type="button" className="button button-small" onClick={reload}>
            Try again
          </button>
        </p>
      </Notice>
    );
  }
  return children(load.data);
}
