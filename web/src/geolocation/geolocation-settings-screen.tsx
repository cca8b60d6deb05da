import { geolocationSection } from '../../../src/domain/settings/sections/geolocation.js';
import type { SectionView } from '../api/types.js';
import { IntegrationCheckPanel } from '../checks/integration-check-panel.js';
import { SectionLoader } from '../settings/section-loader.js';
import { SettingsForm } from '../settings/settings-form.js';
import { useSettingsForm } from '../settings/use-settings-form.js';
import { GeoDatabasePanel } from './geo-database-panel.js';
import { GeoLookupPanel } from './geo-lookup-panel.js';

/** Settings → Geolocation: source, proxies and the country map, then the database, the check and a test lookup. */
export function GeolocationSettingsScreen({ focusKey }: { focusKey: string | null }) {
  return <SectionLoader section={geolocationSection}>{(view) => <GeolocationSettingsPanels view={view} focusKey={focusKey} />}</SectionLoader>;
}

function GeolocationSettingsPanels({ view, focusKey }: { view: SectionView; focusKey: string | null }) {
  const form = useSettingsForm(geolocationSection, view, { focusKey });
  return (
    <>
      <SettingsForm form={form} />
      <GeoDatabasePanel form={form} />
      <IntegrationCheckPanel
        integration="geolocation"
        title="Test connection"
        description="Opens the database file (or asks the web service about one known address) and reports its type, build date, age and whether it can answer with the chosen precision."
        buttonLabel="Check Geolocation"
        form={form}
      />
      <GeoLookupPanel form={form} />
    </>
  );
}
