import { amazonSection } from '../../../src/domain/settings/sections/amazon.js';
import { SectionLoader } from '../settings/section-loader.js';
import { AmazonSettingsPanel } from './amazon-settings-panel.js';

/** Settings → Amazon: loads the saved settings, then shows the connection check and the form. */
export function AmazonSettingsScreen({ focusKey }: { focusKey: string | null }) {
  return <SectionLoader section={amazonSection}>{(view) => <AmazonSettingsPanel view={view} focusKey={focusKey} />}</SectionLoader>;
}
