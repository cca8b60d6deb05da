import { findAdminScreen } from '../admin-screens.js';
import type { RouteChip } from '../help-article.js';

/** A route chip whose menu path comes from ADMIN_SCREENS, so an article cannot spell it differently. */
export function chip(route: string, field?: string): RouteChip {
  const screen = findAdminScreen(route);
  if (!screen) throw new Error(`Help articles may only name admin screens; "${route}" is not one.`);
  return { route, ...(field === undefined ? {} : { field }), menuPath: [...screen.menuPath] };
}
