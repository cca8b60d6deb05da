import { useEffect, useRef } from 'react';
import { Notice } from '../components/notice.js';

interface UnsavedChangesPromptProps {
  saving: boolean;
  onSaveAndCheck: () => void;
  onCheckSaved: () => void;
  onCancel: () => void;
}

/** The check reads the saved settings; with edits pending, the user chooses which ones to check. */
export function UnsavedChangesPrompt({ saving, onSaveAndCheck, onCheckSaved, onCancel }: UnsavedChangesPromptProps) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <Notice kind="warning" className="inline unsaved-prompt">
      <p>
        <strong>The form has unsaved changes.</strong> The check uses the saved settings, so save first to check what you entered.
      </p>
      <p className="prompt-actions">
        <button type="button" className="button button-primary" ref={first} disabled={saving} onClick={onSaveAndCheck}>
          {saving ? 'Saving…' : 'Save and check'}
        </button>
        <button type="button" className="button" disabled={saving} onClick={onCheckSaved}>
          Check saved settings
        </button>
        <button type="button" className="button-link" disabled={saving} onClick={onCancel}>
          Cancel
        </button>
      </p>
    </Notice>
  );
}
