import { rowHasCredentials } from './amazon-draft.js';
import { withRow, withoutRowCredentials } from './amazon-draft-edits.js';
import { amazonInputId, rowPath } from './amazon-field-paths.js';
import { findMarketplace } from './marketplace-options.js';
import type { RowCredentialFieldProps } from './row-credential-field-props.js';
import { RowCredentialSecretField } from './row-credential-secret-field.js';
import { RowCredentialTextField } from './row-credential-text-field.js';
import { RowCredentialVersionField } from './row-credential-version-field.js';

/** Credentials for one marketplace only (a second Associates account, another region), folded away until wanted. */
export function RowCredentials(props: RowCredentialFieldProps) {
  const { form, row, index, locked } = props;
  const panelId = amazonInputId(rowPath(index, 'credentials'));
  const name = findMarketplace(row.country)?.name ?? row.country;
  const own = rowHasCredentials(row);
  const toggle = () => form.edit((draft) => withRow(draft, index, { credentialsOpen: !row.credentialsOpen }), rowPath(index, 'credentials'));

  return (
    <div className="row-credentials">
      <button type="button" className="button-link disclosure" aria-expanded={row.credentialsOpen} aria-controls={panelId} onClick={toggle}>
        <span className="disclosure-arrow" aria-hidden="true" />
        Use other credentials for this marketplace
        <span className="screen-reader-text"> ({name})</span>
      </button>
      {own && !row.credentialsOpen && <span className="badge">Own credentials</span>}
      {row.credentialsOpen && (
        <div className="row-credentials-panel" id={panelId}>
          <RowCredentialTextField {...props} fieldKey="creatorsCredentialId" label="Creators Credential ID" />
          <RowCredentialSecretField {...props} fieldKey="creatorsCredentialSecret" label="Creators Credential Secret" />
          <RowCredentialVersionField {...props} />
          <RowCredentialTextField {...props} fieldKey="paapiAccessKey" label="PA-API Access Key" />
          <RowCredentialSecretField {...props} fieldKey="paapiSecretKey" label="PA-API Secret Key" />
          {own && !locked && (
            <p className="row-credentials-actions">
              <button
                type="button"
                className="button-link button-link-delete"
                onClick={() => form.edit((draft) => withoutRowCredentials(draft, index), rowPath(index, 'credentials.creatorsCredentialId'))}
              >
                Stop using other credentials for {name}
              </button>
            </p>
          )}
        </div>
      )}
    </div>
  );
}
