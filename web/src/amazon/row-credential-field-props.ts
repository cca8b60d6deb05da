import type { MarketplaceRowDraft } from './amazon-draft.js';
import type { AmazonForm } from './use-amazon-form.js';

/** What every field of a row's own credentials gets. */
export interface RowCredentialFieldProps {
  form: AmazonForm;
  row: MarketplaceRowDraft;
  index: number;
  locked: boolean;
}
