import type { RouteChip } from '../api/help-types.js';
import { HELP_ARTICLES } from '../../../src/domain/help/articles/index.js';

/** The hash route a chip opens: its screen, with `?focus=<field>` when it names a field. */
export const chipRoute = (chip: Pick<RouteChip, 'route' | 'field'>): string => (chip.field ? `${chip.route}?focus=${encodeURIComponent(chip.field)}` : chip.route);

/** `#/help/<id>`, scrolled to one part of the article (a step or a troubleshooting entry) when `section` is given. */
export const articleRoute = (articleId: string, section?: string): string =>
  section ? `/help/${encodeURIComponent(articleId)}?section=${encodeURIComponent(section)}` : `/help/${encodeURIComponent(articleId)}`;

/** The anchor of step `index` (0-based) of an article: `step-1`, `step-2` … */
export const stepAnchor = (index: number): string => `step-${index + 1}`;

/** The DOM id of an article anchor, prefixed so it cannot clash with other ids on the page. */
export const anchorDomId = (anchor: string): string => `help-${anchor}`;

/** Articles whose "Help" links belong on the screen at `route`, in the help center's order. */
export const articlesForScreen = (route: string) => HELP_ARTICLES.filter((article) => article.screens.includes(route));

/** The troubleshooting entry of an Amazon check cause code. */
export const causeSectionRoute = (cause: string): string => articleRoute('amazon-check-troubleshooting', `cause-${cause}`);
