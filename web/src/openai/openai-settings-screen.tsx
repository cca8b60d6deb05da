import { useState } from 'react';
import { openAiSection } from '../../../src/domain/settings/sections/openai.js';
import type { SectionView } from '../api/types.js';
import { IntegrationCheckPanel } from '../checks/integration-check-panel.js';
import { SectionLoader } from '../settings/section-loader.js';
import { SettingsForm } from '../settings/settings-form.js';
import { useSettingsForm } from '../settings/use-settings-form.js';
import { AiUsagePanel } from './ai-usage-panel.js';

/** Settings → OpenAI: the key, endpoint, model and limits, the connection check, and this month's usage. */
export function OpenAiSettingsScreen({ focusKey }: { focusKey: string | null }) {
  return <SectionLoader section={openAiSection}>{(view) => <OpenAiSettingsPanels view={view} focusKey={focusKey} />}</SectionLoader>;
}

function OpenAiSettingsPanels({ view, focusKey }: { view: SectionView; focusKey: string | null }) {
  const form = useSettingsForm(openAiSection, view, { focusKey });
  // A check spends a few tokens, so the usage is asked for again after each one as well as after each save.
  const [checks, setChecks] = useState(0);
  return (
    <>
      <SettingsForm form={form} />
      <IntegrationCheckPanel
        integration="openai"
        title="Test connection"
        description="Sends one tiny request with the saved key, endpoint and model: it proves all three work and that the account can pay for it."
        buttonLabel="Check OpenAI Connection"
        form={form}
        onChecked={() => setChecks((n) => n + 1)}
      />
      <AiUsagePanel refreshKey={form.savedCount + checks} onFocusField={form.focus} />
    </>
  );
}
