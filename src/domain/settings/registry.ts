import type { SettingVariable } from '../../config/env.js';
import type { SectionDefinition } from './define-section.js';
import { amazonSection } from './sections/amazon.js';
import { generalSection } from './sections/general.js';
import { geolocationSection } from './sections/geolocation.js';
import { openAiSection } from './sections/openai.js';
import { productsSection } from './sections/products.js';

/** Every settings section the engine knows, in menu order. */
export const settingsSections: readonly SectionDefinition[] = [
  generalSection as SectionDefinition,
  amazonSection as SectionDefinition,
  openAiSection as SectionDefinition,
  geolocationSection as SectionDefinition,
  productsSection as SectionDefinition,
];

export type SettingsRegistry = ReadonlyMap<string, SectionDefinition>;

export function createSettingsRegistry(sections: readonly SectionDefinition[] = settingsSections): SettingsRegistry {
  const registry = new Map<string, SectionDefinition>();
  const variables = new Set<string>();
  for (const section of sections) {
    if (registry.has(section.id)) throw new Error(`Settings section "${section.id}" is declared twice.`);
    registry.set(section.id, section);
    for (const field of Object.values(section.fields)) {
      if (!field.configVariable) continue;
      if (variables.has(field.configVariable)) throw new Error(`${field.configVariable} locks two settings.`);
      variables.add(field.configVariable);
    }
  }
  return registry;
}

/** The configuration variables that lock a setting, with how to read each one. */
export function listSettingVariables(registry: SettingsRegistry): SettingVariable[] {
  return [...registry.values()].flatMap((section) =>
    Object.values(section.fields)
      .filter((field) => field.configVariable)
      .map((field) => ({ name: field.configVariable as string, schema: field.configSchema ?? field.schema })),
  );
}
