import type { FieldDefinition } from '../../../src/domain/settings/define-section.js';

export type { FieldDefinition };

/** The part of a shared section declaration that the admin form needs. */
export interface FormSection {
  id: string;
  title: string;
  fields: Record<string, FieldDefinition>;
}

/** Ids follow `${sectionId}-${key}`, so `?focus=key` links and error links can find the input. */
export const fieldInputId = (sectionId: string, key: string): string => `${sectionId}-${key}`;
