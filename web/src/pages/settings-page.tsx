import { AmazonSettingsScreen } from '../amazon/amazon-settings-screen.js';
import { NavTabs } from '../components/nav-tabs.js';
import { Wrap } from '../components/wrap.js';
import { ScreenHelpLinks } from '../help/screen-help-links.js';
import { GeolocationSettingsScreen } from '../geolocation/geolocation-settings-screen.js';
import { OpenAiSettingsScreen } from '../openai/openai-settings-screen.js';
import { SectionScreen } from '../settings/section-screen.js';
import { SETTINGS_TABS } from '../settings/settings-tabs.js';
import { useGeneralSettings } from '../site/general-settings-context.js';
import { NotFoundPage } from './not-found-page.js';

const TABS = SETTINGS_TABS.map((tab) => ({ route: `/settings/${tab.id}`, label: tab.label }));

/** Settings, one tab per section; Amazon, OpenAI and Geolocation add their checks and panels to the form. */
export function SettingsPage({ tab, focusKey }: { tab: string; focusKey: string | null }) {
  const current = SETTINGS_TABS.find((candidate) => candidate.id === tab);
  if (!current) return <NotFoundPage path={`/settings/${tab}`} />;
  return (
    <Wrap title="Settings">
      <NavTabs tabs={TABS} current={`/settings/${current.id}`} label="Settings sections" />
      <ScreenHelpLinks route={`/settings/${current.id}`} />
      <TabScreen tab={current} focusKey={focusKey} />
    </Wrap>
  );
}

function TabScreen({ tab, focusKey }: { tab: (typeof SETTINGS_TABS)[number]; focusKey: string | null }) {
  const { replace } = useGeneralSettings();
  switch (tab.id) {
    case 'amazon':
      return <AmazonSettingsScreen focusKey={focusKey} />;
    case 'openai':
      return <OpenAiSettingsScreen focusKey={focusKey} />;
    case 'geolocation':
      return <GeolocationSettingsScreen focusKey={focusKey} />;
    default:
      // The top bar and the dashboard show the general settings: they get each save at once.
      return <SectionScreen key={tab.id} section={tab.section} focusKey={focusKey} onSaved={replace} />;
  }
}
