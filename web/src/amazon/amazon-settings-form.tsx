import { useEffect, useRef, type FormEvent } from 'react';
import { Notice } from '../components/notice.js';
import { SaveProblemsBanner } from '../settings/save-problems-banner.js';
import { labelForAmazonPath } from './amazon-field-paths.js';
import { MODES_USING } from './amazon-help.js';
import { AmazonSettingRow } from './amazon-setting-row.js';
import { ApiModeField } from './api-mode-field.js';
import { CredentialBlock } from './credential-block.js';
import { COUNTRY_OPTIONS, VERSION_OPTIONS } from './marketplace-options.js';
import { MarketplaceRowsTable } from './marketplace-rows-table.js';
import type { AmazonForm } from './use-amazon-form.js';

/** Settings → Amazon: mode and credentials, defaults, marketplace rows, and "Save Changes". */
export function AmazonSettingsForm({ form }: { form: AmazonForm }) {
  const bannerRef = useRef<HTMLDivElement>(null);
  const { outcome, draft } = form;
  const mode = draft.scalars.mode;

  useEffect(() => {
    if (outcome?.kind === 'refused') bannerRef.current?.focus();
  }, [outcome]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.save();
  };

  return (
    <form className="settings-form amazon-settings" onSubmit={submit} noValidate aria-label="Amazon settings">
      {outcome?.kind === 'saved' && (
        <Notice kind="success" onDismiss={form.dismissOutcome}>
          <p>
            <strong>Settings saved.</strong> Run “Check API Connections” to confirm that Amazon accepts them.
          </p>
        </Notice>
      )}
      {outcome?.kind === 'refused' && (
        <SaveProblemsBanner
          ref={bannerRef}
          sectionId="amazon"
          message={outcome.message}
          problems={outcome.problems}
          labelFor={(path) => labelForAmazonPath(path, draft.rows)}
          onFocusField={form.focus}
          onDismiss={form.dismissOutcome}
        />
      )}

      <h2 className="section-heading">Connection</h2>
      <table className="form-table" role="presentation">
        <tbody>
          <ApiModeField form={form} />
        </tbody>
      </table>
      <CredentialBlock title="Creators API" usedBy={MODES_USING.creators} mode={mode}>
        <AmazonSettingRow form={form} fieldKey="creatorsCredentialId" />
        <AmazonSettingRow form={form} fieldKey="creatorsCredentialSecret" />
        <AmazonSettingRow form={form} fieldKey="creatorsCredentialVersion" options={VERSION_OPTIONS} />
      </CredentialBlock>
      <CredentialBlock title="PA-API 5.0" usedBy={MODES_USING.paapi} mode={mode}>
        <AmazonSettingRow form={form} fieldKey="paapiAccessKey" />
        <AmazonSettingRow form={form} fieldKey="paapiSecretKey" />
      </CredentialBlock>
      <CredentialBlock title="PassiveWP relay" usedBy={MODES_USING.relay} mode={mode}>
        <AmazonSettingRow form={form} fieldKey="relayUrl" />
        <AmazonSettingRow form={form} fieldKey="relayToken" />
      </CredentialBlock>

      <h2 className="section-heading">Defaults</h2>
      <table className="form-table" role="presentation">
        <tbody>
          <AmazonSettingRow form={form} fieldKey="defaultCountry" options={COUNTRY_OPTIONS} />
          <AmazonSettingRow form={form} fieldKey="defaultPartnerTag" />
        </tbody>
      </table>

      <h2 className="section-heading">Marketplaces</h2>
      <p className="description section-intro">
        One row per Amazon store you link to, with the tracking ID of that store. A row without a partner tag uses the Default Partner Tag; a disabled row
        is kept but neither used nor checked.
      </p>
      <MarketplaceRowsTable form={form} />

      <p className="submit">
        <button type="submit" className="button button-primary" disabled={form.saving} aria-disabled={form.saving}>
          {form.saving ? 'Saving…' : 'Save Changes'}
        </button>
        {form.dirty && !form.saving && <span className="unsaved-mark">Unsaved changes</span>}
      </p>
    </form>
  );
}
