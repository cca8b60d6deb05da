import { amazonSection } from '../../../src/domain/settings/sections/amazon.js';
import { generalSection } from '../../../src/domain/settings/sections/general.js';
import type { FormSection } from './form-section.js';

/**
 * The settings tabs in order; a tab without a `section` arrives in a later release. The section
 * also names the fields in the audit log; Amazon has a screen of its own (see SettingsPage).
 */
export const SETTINGS_TABS: ReadonlyArray<{ id: string; label: string; section?: FormSection }> = [
  { id: 'general', label: 'General', section: generalSection },
  { id: 'amazon', label: 'Amazon', section: amazonSection },
  { id: 'openai', label: 'OpenAI' },
  { id: 'geolocation', label: 'Geolocation' },
];
