import { useEffect } from 'react';
import { onApiWrite } from '../api/api-writes.js';
import type { Confirmations, ConfirmationsAnswer } from '../api/help-types.js';
import { useApiResource } from '../session/use-api-resource.js';

/** The live "Confirm" cues, asked again after any write (a save, a check) and on `reload()`. */
export function useConfirmations(): { confirmations: Confirmations | 'loading' | 'failed'; pending: boolean; reload(): void } {
  const { load, pending, reload } = useApiResource<ConfirmationsAnswer>('help/confirmations');
  useEffect(() => onApiWrite((path) => !path.startsWith('help/') && reload()), [reload]);
  const confirmations = load.status === 'ready' ? load.data.confirmations : load.status;
  return { confirmations, pending, reload };
}
