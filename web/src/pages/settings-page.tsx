import { AmazonSettingsScreen } from '../amazon/amazon-settings-screen.js';
import { NavTabs } from '../components/nav-tabs.js';
import { Notice } from '../components/notice.js';
import { Wrap } from '../components/wrap.js';
import { SectionScreen } from '../settings/section-screen.js';
import { SETTINGS_TABS } from '../settings/settings-tabs.js';
import { useGeneralSettings } from '../site/general-settings-context.js';
import { NotFoundPage } from './not-found-page.js';

const TABS = SETTINGS_TABS.map((tab) => ({ route: `/settings/${tab.id}`, label: tab.label }));

/** Settings, one tab per section; Amazon has its own screen; sections not built yet say when they arrive. */
export function SettingsPage({ tab, focusKey }: { tab: string; focusKey: string | null }) {
  const { replace } = useGeneralSettings();
  const current = SETTINGS_TABS.find((candidate) => candidate.id === tab);
  if (!current) return <NotFoundPage path={`/settings/${tab}`} />;

  return (
    <Wrap title="Settings">
      <NavTabs tabs={TABS} current={`/settings/${current.id}`} label="Settings sections" />
      {current.id === 'amazon' ? (
        <AmazonSettingsScreen focusKey={focusKey} />
      ) : current.section ? (
        <SectionScreen
          key={current.id}
          section={current.section}
          focusKey={focusKey}
          {...(current.id === 'general' ? { onSaved: replace } : {})}
        />
      ) : (
        <div className="tab-panel">
          <h2>{current.label}</h2>
          <Notice kind="info">
            <p>
              <strong>{current.label} settings are coming in a later release.</strong>
            </p>
            <p>This tab will hold the {current.label} connection and its options. Nothing needs to be set here yet.</p>
          </Notice>
        </div>
      )}
    </Wrap>
  );
}
