import { findAdminScreen } from '../../../src/domain/help/admin-screens.js';
import { labelForAmazonPath } from '../amazon/amazon-field-paths.js';
import { labelForPath } from '../settings/label-for-path.js';
import { SETTINGS_TABS } from '../settings/settings-tabs.js';

/** How a route chip names its field: "Default Partner Tag", "Marketplace row 1: Partner tag". */
export function fieldLabel(route: string, field: string): string {
  const sectionId = findAdminScreen(route)?.sectionId;
  if (sectionId === 'amazon') return labelForAmazonPath(field, []);
  const tab = SETTINGS_TABS.find((candidate) => candidate.id === sectionId);
  return (tab && labelForPath(tab.section, {}, field)) ?? field;
}
