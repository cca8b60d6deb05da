import { ADMIN_SCREENS } from '../../../src/domain/help/admin-screens.js';
import { HELP_ARTICLES } from '../../../src/domain/help/articles/index.js';
import { articleRoute, chipRoute, stepAnchor } from '../help/help-routes.js';
import { SETTINGS_TABS } from '../settings/settings-tabs.js';

export type PaletteKind = 'field' | 'screen' | 'article' | 'step' | 'troubleshooting';

/** One thing the command palette can open. */
export interface PaletteEntry {
  /** Unique, also the option's DOM id suffix. */
  id: string;
  kind: PaletteKind;
  title: string;
  /** Where it lives: "Settings → Amazon", an article's title. */
  context: string;
  /** Longer text searched with less weight: a field's help, an article's lede, a step's action. */
  text: string;
  /** The hash route it opens (a field's screen with `?focus=`, an article at an anchor). */
  route: string;
}

export const KIND_LABELS: Record<PaletteKind, string> = {
  field: 'Setting',
  screen: 'Screen',
  article: 'Article',
  step: 'Step',
  troubleshooting: 'Troubleshooting',
};

function settingsFields(): PaletteEntry[] {
  return SETTINGS_TABS.flatMap((tab) =>
    Object.entries(tab.section.fields).map(([key, field]) => ({
      id: `field-${tab.id}-${key}`,
      kind: 'field' as const,
      title: field.label,
      context: `Settings → ${tab.label}`,
      text: field.help ?? '',
      route: chipRoute({ route: `/settings/${tab.id}`, field: key }),
    })),
  );
}

function screens(): PaletteEntry[] {
  return ADMIN_SCREENS.map((screen) => ({
    id: `screen-${screen.route.replaceAll('/', '-')}`,
    kind: 'screen' as const,
    title: screen.label,
    context: screen.menuPath.join(' → '),
    text: '',
    route: screen.route,
  }));
}

function articles(): PaletteEntry[] {
  return HELP_ARTICLES.flatMap((article) => [
    { id: `article-${article.id}`, kind: 'article' as const, title: article.title, context: article.category, text: article.lede, route: articleRoute(article.id) },
    ...article.steps.map((step, index) => ({
      id: `step-${article.id}-${index + 1}`,
      kind: 'step' as const,
      title: step.title,
      context: `${article.title} · Step ${index + 1}`,
      text: step.doThis,
      route: articleRoute(article.id, stepAnchor(index)),
    })),
    ...article.troubleshooting.map((entry) => ({
      id: `entry-${article.id}-${entry.id}`,
      kind: 'troubleshooting' as const,
      title: entry.problem,
      context: article.title,
      text: entry.fix,
      route: articleRoute(article.id, entry.id),
    })),
  ]);
}

/** Everything the palette searches, built once from the same declarations the screens use. */
export const PALETTE_ENTRIES: readonly PaletteEntry[] = [...settingsFields(), ...screens(), ...articles()];
