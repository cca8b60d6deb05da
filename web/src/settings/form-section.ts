import type { FieldDefinition } from '../../../src/domain/settings/define-section.js';

export type { FieldDefinition };

/** The part of a shared section declaration that the admin form needs. */
export interface FormSection {
  id: string;
  title: string;
  fields: Record<string, FieldDefinition>;
}

/**
 * Ids follow `${sectionId}-${path}` with dots as dashes (`geolocation-visitorMarketplaces-3-country`),
 * so `?focus=<path>` links and the error banner's links find the input.
 */
export const fieldInputId = (sectionId: string, path: string): string => `${sectionId}-${path.replaceAll('.', '-')}`;

/** `visitorMarketplaces.3.country` → `visitorMarketplaces`: the field a nested path belongs to. */
export const fieldKeyOf = (path: string): string => path.split('.')[0] ?? path;
