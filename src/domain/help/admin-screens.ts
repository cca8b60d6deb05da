import { z } from 'zod';
import { settingsSections } from '../settings/registry.js';

/** A screen of the admin app that help articles may send the reader to. */
export interface AdminScreen {
  /** The hash route without `#` (web/src/private-screens.tsx answers it). */
  route: string;
  label: string;
  /** The menu path as the reader sees it. */
  menuPath: readonly string[];
  /** For a settings tab: the settings section whose fields `?focus=` may name. */
  sectionId?: string;
}

const SETTINGS_TABS: readonly AdminScreen[] = settingsSections.map((section) => ({
  route: `/settings/${section.id}`,
  label: `Settings → ${section.title}`,
  menuPath: ['PassiveWP', 'Settings', section.title],
  sectionId: section.id,
}));

/** Every admin route a route chip may name, in menu order. */
export const ADMIN_SCREENS: readonly AdminScreen[] = [
  { route: '/dashboard', label: 'Dashboard', menuPath: ['PassiveWP', 'Dashboard'] },
  { route: '/products', label: 'Products', menuPath: ['PassiveWP', 'Products'] },
  { route: '/test-post', label: 'Test post', menuPath: ['PassiveWP', 'Test post'] },
  { route: '/jobs', label: 'Jobs', menuPath: ['PassiveWP', 'Jobs'] },
  ...SETTINGS_TABS,
  { route: '/help', label: 'Help', menuPath: ['PassiveWP', 'Help'] },
];

export function findAdminScreen(route: string): AdminScreen | undefined {
  return ADMIN_SCREENS.find((screen) => screen.route === route);
}

/**
 * Whether `field` is a path `?focus=` can name on `route`: its first segment is a field of the
 * screen's settings section; a list field continues with a row number and a key of its row schema
 * (`marketplaces.0.partnerTag`, `marketplaces.2.credentials.creatorsCredentialSecret`).
 */
export function isKnownField(route: string, field: string): boolean {
  const sectionId = findAdminScreen(route)?.sectionId;
  const section = settingsSections.find((s) => s.id === sectionId);
  if (!section) return false;
  const [first, ...rest] = field.split('.');
  const definition = first === undefined ? undefined : section.fields[first];
  if (!definition || !Object.hasOwn(section.fields, first as string)) return false;
  return followPath(definition.schema, rest);
}

/** Walks the remaining segments through arrays (a row number) and objects (a key). */
function followPath(schema: z.ZodType, segments: readonly string[]): boolean {
  const inner = unwrap(schema);
  if (segments.length === 0) return true;
  const [head, ...rest] = segments as [string, ...string[]];
  if (inner instanceof z.ZodArray) return /^(0|[1-9]\d*)$/.test(head) && followPath(inner.element as z.ZodType, rest);
  if (inner instanceof z.ZodObject) {
    const shape = inner.shape as Record<string, z.ZodType>;
    return Object.hasOwn(shape, head) && followPath(shape[head] as z.ZodType, rest);
  }
  return false;
}

function unwrap(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) return unwrap(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodPipe) return unwrap(schema.in as z.ZodType);
  return schema;
}
