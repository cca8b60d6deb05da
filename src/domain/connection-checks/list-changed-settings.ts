import type { EngineContext } from '../context.js';
import { readSectionValues } from '../settings/read-section-values.js';
import { amazonSection } from '../settings/sections/amazon.js';
import type { CheckRunRecord, SettingsPart } from './check-run.js';
import { fingerprintAmazonSettings } from './fingerprint-amazon-settings.js';

/** Which parts of the Amazon settings (credentials, mode, tags) differ from the ones a run was made with. */
export async function listChangedSettings(ctx: EngineContext, record: CheckRunRecord): Promise<SettingsPart[]> {
  const current = fingerprintAmazonSettings(await readSectionValues(ctx, amazonSection)).parts;
  return (Object.keys(current) as SettingsPart[]).filter((part) => current[part] !== record.fingerprint.parts[part]);
}
