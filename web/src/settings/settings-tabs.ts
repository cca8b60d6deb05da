import { amazonSection } from '../../../src/domain/settings/sections/amazon.js';
import { generalSection } from '../../../src/domain/settings/sections/general.js';
import { geolocationSection } from '../../../src/domain/settings/sections/geolocation.js';
import { openAiSection } from '../../../src/domain/settings/sections/openai.js';
import { productsSection } from '../../../src/domain/settings/sections/products.js';
import type { FormSection } from './form-section.js';

/** The settings tabs in order; each section also names its fields in the audit log (see SettingsPage for the screens). */
export const SETTINGS_TABS: ReadonlyArray<{ id: string; label: string; section: FormSection }> = [
  { id: 'general', label: 'General', section: generalSection },
  { id: 'amazon', label: 'Amazon', section: amazonSection },
  { id: 'openai', label: 'OpenAI', section: openAiSection },
  { id: 'geolocation', label: 'Geolocation', section: geolocationSection },
  { id: 'products', label: 'Products', section: productsSection },
];
