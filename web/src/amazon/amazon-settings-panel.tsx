import { useCallback, useEffect, useState } from 'react';
import type { SectionView } from '../api/types.js';
import { ConnectionCheckPanel } from '../checks/connection-check-panel.js';
import { labelForAmazonPath } from './amazon-field-paths.js';
import { AmazonSettingsForm } from './amazon-settings-form.js';
import { useAmazonForm } from './use-amazon-form.js';

/** The loaded screen: the connection check above the form it checks, sharing the form's state. */
export function AmazonSettingsPanel({ view, focusKey }: { view: SectionView; focusKey: string | null }) {
  // Each save may make the last check stale; the check panel asks again.
  const [savedCount, setSavedCount] = useState(0);
  const onSaved = useCallback(() => setSavedCount((n) => n + 1), []);
  const form = useAmazonForm(view, onSaved);
  const { focus } = form;

  useEffect(() => {
    if (focusKey) focus(focusKey);
  }, [focusKey, focus]);

  return (
    <>
      <ConnectionCheckPanel
        dirty={form.dirty}
        saving={form.saving}
        save={form.save}
        savedCount={savedCount}
        fieldLabel={(path) => labelForAmazonPath(path, form.draft.rows)}
        onFocusField={focus}
      />
      <AmazonSettingsForm form={form} />
    </>
  );
}
