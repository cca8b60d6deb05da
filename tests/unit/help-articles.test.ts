import { describe, expect, it } from 'vitest';
import { CAUSES, type CauseCode } from '../../src/domain/connection-checks/cause-codes.js';
import { findFixField } from '../../src/domain/connection-checks/find-fix-field.js';
import type { CheckTarget } from '../../src/domain/connection-checks/list-check-targets.js';
import { ADMIN_SCREENS, isKnownField } from '../../src/domain/help/admin-screens.js';
import { findArticle, HELP_ARTICLES } from '../../src/domain/help/articles/index.js';
import { CONFIRMATION_IDS, type HelpArticle, type RouteChip } from '../../src/domain/help/help-article.js';
import { findMarketplace } from '../../src/domain/marketplaces/find-marketplace.js';
import type { ProductSourceName } from '../../src/domain/products/product.js';
import { AMAZON_API_MODES } from '../../src/domain/settings/sections/amazon.js';

/**
 * Cause codes the Amazon check never reports, and why. The check's probe is a one-item keyword
 * search (probe-marketplace.ts); build-row-result.ts reports the probe's SourceError or `ok`.
 */
const NOT_FROM_THE_CHECK: Partial<Record<CauseCode, string>> = {
  ok: 'success: nothing to troubleshoot',
  item_not_found: 'per-ASIN error of GetItems (collect-item-errors.ts); a search that finds nothing is an empty answer, not an error',
  item_not_accessible: 'per-ASIN error of GetItems only; the probe asks for no ASIN',
};

const REQUIRED_ARTICLES = [
  'amazon-connection-test',
  'amazon-api-mode',
  'amazon-partner-tags',
  'amazon-check-troubleshooting',
  'openai-setup',
  'geolocation-setup',
  'products-and-refreshes',
  'money-page-blocks',
];

/** Distinctive sentences of the seed article (/work/shared/seed/amazon-connection-test.txt): never ours. */
const SEED_SENTENCES = [
  'Run this test before campaigns so you catch credentials and tag issues early',
  'Use this before publishing new monetized content, changing integrations, or troubleshooting connection issues',
  'Review whether the response confirms access for your selected mode',
  'If any country fails, add or correct partner tags for that country',
  'Retry after updates and save a screenshot of successful status',
  'New rows should appear in the list and be editable',
  'Reload the screen once and confirm your values are still saved',
  'Leaving defaults in place without checking if they match your niche',
  'Using invalid or expired credentials and expecting background jobs to recover',
  'Keep credentials in one secure document so your team stays synced',
  'Step-by-step help for settings / amazon',
];

function chipsOf(article: HelpArticle): Array<{ where: string; chip: RouteChip }> {
  return [
    { where: 'menuPath', chip: article.menuPath },
    ...article.steps.map((step, i) => ({ where: `step ${i + 1}`, chip: step.goHere })),
    ...article.troubleshooting.flatMap((entry) => (entry.goHere ? [{ where: `troubleshooting ${entry.id}`, chip: entry.goHere }] : [])),
  ];
}

function allText(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allText);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allText);
  return [];
}

const normalize = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

describe('help articles', () => {
  it('include the required articles, with unique ids, found by findArticle', () => {
    const ids = HELP_ARTICLES.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(REQUIRED_ARTICLES));
    for (const id of ids) expect(findArticle(id)?.id).toBe(id);
    expect(findArticle('no-such-article')).toBeUndefined();
  });

  it.each(HELP_ARTICLES.map((a) => [a.id, a] as const))('%s is well-formed', (_id, article) => {
    expect(article.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const text of [article.title, article.category, article.lede, article.whenToUse]) expect(text.trim()).not.toBe('');
    expect(article.beforeYouStart.length).toBeGreaterThan(0);
    expect(article.steps.length).toBeGreaterThan(0);
    expect(article.commonMistakes.length).toBeGreaterThan(0);
    expect(article.successChecklist.length).toBeGreaterThan(0);
    expect(article.screens.length).toBeGreaterThan(0);
    for (const step of article.steps) {
      for (const text of [step.title, step.doThis, step.confirm.text]) expect(text.trim()).not.toBe('');
    }
    const anchors = article.troubleshooting.map((t) => t.id);
    expect(new Set(anchors).size, 'troubleshooting ids are unique').toBe(anchors.length);
    for (const entry of article.troubleshooting) {
      expect(entry.id).toMatch(/^[a-z0-9_-]+$/);
      expect(entry.problem.trim()).not.toBe('');
      expect(entry.fix.trim()).not.toBe('');
    }
    for (const text of allText(article)) expect(text, 'no empty strings anywhere').not.toBe('');
    const lives = [...article.steps.map((s) => s.confirm.live), ...article.successChecklist.map((c) => c.live)].filter(Boolean);
    for (const live of lives) expect(CONFIRMATION_IDS).toContain(live);
  });

  it('name only admin screens, their menu paths, and fields of their settings sections', () => {
    const routes = new Map(ADMIN_SCREENS.map((s) => [s.route, s]));
    for (const article of HELP_ARTICLES) {
      for (const { where, chip } of chipsOf(article)) {
        const at = `${article.id} ${where}`;
        const screen = routes.get(chip.route);
        expect(screen, `${at}: ${chip.route} is not an admin screen`).toBeDefined();
        expect(chip.menuPath, at).toEqual(screen!.menuPath);
        if (chip.field !== undefined) expect(isKnownField(chip.route, chip.field), `${at}: ${chip.route}?focus=${chip.field}`).toBe(true);
      }
      for (const screen of article.screens) expect(routes.has(screen), `${article.id} screens: ${screen}`).toBe(true);
    }
  });

  it('isKnownField follows list rows and nested row objects, and refuses anything else', () => {
    expect(isKnownField('/settings/amazon', 'defaultPartnerTag')).toBe(true);
    expect(isKnownField('/settings/amazon', 'marketplaces')).toBe(true);
    expect(isKnownField('/settings/amazon', 'marketplaces.0.partnerTag')).toBe(true);
    expect(isKnownField('/settings/amazon', 'marketplaces.12.credentials.creatorsCredentialSecret')).toBe(true);
    expect(isKnownField('/settings/geolocation', 'visitorMarketplaces.3.country')).toBe(true);
    expect(isKnownField('/settings/amazon', 'marketplaces.x.partnerTag')).toBe(false);
    expect(isKnownField('/settings/amazon', 'marketplaces.0.nope')).toBe(false);
    expect(isKnownField('/settings/amazon', 'defaultPartnerTag.0')).toBe(false);
    expect(isKnownField('/settings/amazon', 'apiKey')).toBe(false);
    expect(isKnownField('/settings/amazon', 'toString')).toBe(false);
    expect(isKnownField('/products', 'defaultPartnerTag')).toBe(false);
    expect(isKnownField('/settings/nope', 'mode')).toBe(false);
  });

  it('troubleshoot every cause code the Amazon check can report, with the field find-fix-field.ts would focus', () => {
    const article = findArticle('amazon-check-troubleshooting')!;
    const entries = new Map(article.troubleshooting.map((t) => [t.id, t]));
    const reported = (Object.keys(CAUSES) as CauseCode[]).filter((code) => !(code in NOT_FROM_THE_CHECK));
    for (const code of reported) {
      const entry = entries.get(`cause-${code}`);
      expect(entry, `cause-${code} is missing`).toBeDefined();
      expect(entry!.goHere, `cause-${code} has no Go here chip`).toBeDefined();
      const possible = possibleFixFields(code);
      if (possible.size === 0) expect(entry!.goHere!.field, `cause-${code}: no setting fixes it`).toBeUndefined();
      else {
        expect(entry!.goHere!.route).toBe('/settings/amazon');
        expect([...possible], `cause-${code}`).toContain(generic(entry!.goHere!.field ?? ''));
      }
    }
    for (const code of Object.keys(NOT_FROM_THE_CHECK)) expect(entries.has(`cause-${code}`), `cause-${code} is excluded`).toBe(false);
    const causeEntries = article.troubleshooting.filter((t) => t.id.startsWith('cause-')).map((t) => t.id.slice('cause-'.length));
    expect(causeEntries.sort()).toEqual([...reported].sort());
  });

  it('are written in our own words, not copied from the seed article', () => {
    const ours = normalize(HELP_ARTICLES.flatMap(allText).join(' \n '));
    for (const sentence of SEED_SENTENCES) expect(ours, sentence).not.toContain(normalize(sentence));
  });
});

/** Row numbers replaced by `<n>`, so `marketplaces.0.partnerTag` matches any row. */
const generic = (field: string) => field.replace(/\.\d+\./g, '.<n>.');

/** Every field findFixField can focus for a cause, over sources, modes, rows and tag origins. */
function possibleFixFields(cause: CauseCode): Set<string> {
  const fields = new Set<string>();
  const marketplace = findMarketplace('de')!;
  const sources: Array<ProductSourceName | null> = ['creators', 'paapi', 'relay', null];
  for (const source of sources)
    for (const mode of AMAZON_API_MODES)
      for (const rowIndex of [0, null])
        for (const partnerTagFrom of ['row', 'default', null] as const)
          for (const own of [false, true]) {
            const target: CheckTarget = { marketplace, rowIndex, partnerTag: 'x-21', partnerTagFrom, ownCredentials: { creators: own, paapi: own } };
            const field = findFixField({ cause, source, mode, target });
            if (field) fields.add(generic(field));
          }
  return fields;
}
