import type { EngineContext } from '../context.js';
import type { IntegrationId } from '../connection-checks/integration-check.js';
import { readLatestCheck } from '../connection-checks/read-latest-check.js';
import { readLatestIntegrationCheck } from '../connection-checks/read-latest-integration-check.js';
import { SINGLE_INTEGRATIONS } from '../connection-checks/single-integrations.js';
import type { MarketplaceRow } from '../settings/sections/amazon.js';
import { amazonSection } from '../settings/sections/amazon.js';
import { generalSection } from '../settings/sections/general.js';
import { findSection, resolveFields, type ResolvedField } from '../settings/resolve-fields.js';
import { CONFIRMATION_IDS, type ConfirmationId } from './help-article.js';

export type ConfirmationState = 'met' | 'not_met' | 'unknown';

export interface ConfirmationResult {
  state: ConfirmationState;
  /** The data behind the state, in one sentence. */
  detail: string;
  /** When that data was recorded (the check's end, the save), when known. */
  at: string | null;
}

export type Confirmations = Record<ConfirmationId, ConfirmationResult>;

type Evaluator = (ctx: EngineContext, now: Date) => Promise<ConfirmationResult>;

/**
 * The "Confirm" cues of help articles that the engine can check itself, from stored data only:
 * nothing here calls Amazon, OpenAI or MaxMind. A rule whose data cannot be read is `unknown`.
 */
export async function evaluateConfirmations(ctx: EngineContext): Promise<Confirmations> {
  const now = ctx.clock.now();
  const entries = await Promise.all(
    CONFIRMATION_IDS.map(async (id) => {
      try {
        return [id, await EVALUATORS[id](ctx, now)] as const;
      } catch (error) {
        ctx.logger.warn({ err: error, confirmation: id }, 'help confirmation could not be evaluated');
        return [id, { state: 'unknown', detail: 'The data behind this could not be read; see the engine log.', at: null }] as const;
      }
    }),
  );
  return Object.fromEntries(entries) as Confirmations;
}

const EVALUATORS: Record<ConfirmationId, Evaluator> = {
  async amazon_check_passed(ctx, now) {
    const { run, stale, changed } = await readLatestCheck(ctx);
    if (!run) return { state: 'not_met', detail: 'No Amazon check has run yet.', at: null };
    const { ok, warning, error } = run.summary;
    const counts = `${ok} ok${warning ? `, ${plural(warning, 'warning')}` : ''}, ${plural(error, 'error')}`;
    const base = `Last check ${ago(run.finishedAt, now)}: ${counts}`;
    if (stale) return { state: 'not_met', detail: `${base}, but the ${changed.join(', ')} settings changed since; run it again.`, at: run.finishedAt };
    if (error > 0) {
      const failing = run.rows.filter((row) => row.status === 'error').map((row) => `${row.country} (${row.cause})`);
      return { state: 'not_met', detail: `${base}; failing: ${failing.join(', ')}.`, at: run.finishedAt };
    }
    return { state: 'met', detail: `${base}.`, at: run.finishedAt };
  },

  async amazon_defaults_set(ctx) {
    const fields = await resolveFields(ctx, findSection(ctx, amazonSection.id));
    const country = text(fields.get('defaultCountry'));
    const tag = text(fields.get('defaultPartnerTag'));
    const at = latest([fields.get('defaultCountry')?.updatedAt, fields.get('defaultPartnerTag')?.updatedAt]);
    if (country && tag) return { state: 'met', detail: `Default Country ${country}, Default Partner Tag ${tag}.`, at };
    const missing = [country ? null : 'Default Country', tag ? null : 'Default Partner Tag'].filter(Boolean).join(' and ');
    return { state: 'not_met', detail: `${missing} not set${country ? ` (Default Country is ${country})` : ''}.`, at };
  },

  async amazon_marketplaces_tagged(ctx) {
    const fields = await resolveFields(ctx, findSection(ctx, amazonSection.id));
    const defaultTag = text(fields.get('defaultPartnerTag'));
    // Only country, tag and enabled are read: the rows' sealed secrets stay sealed.
    const rows = (fields.get('marketplaces')?.value ?? []) as MarketplaceRow[];
    const at = fields.get('marketplaces')?.updatedAt ?? null;
    const enabled = rows.filter((row) => row.enabled);
    if (enabled.length === 0) {
      return defaultTag
        ? { state: 'met', detail: `No enabled marketplace rows; links use the Default Country with the Default Partner Tag ${defaultTag}.`, at }
        : { state: 'not_met', detail: 'No enabled marketplace rows and no Default Partner Tag.', at };
    }
    const untagged = enabled.filter((row) => !row.partnerTag && !defaultTag).map((row) => row.country);
    if (untagged.length) return { state: 'not_met', detail: `${plural(untagged.length, 'enabled marketplace')} without a tag: ${untagged.join(', ')}.`, at };
    const fromDefault = enabled.filter((row) => !row.partnerTag).length;
    return {
      state: 'met',
      detail: `${plural(enabled.length, 'enabled marketplace')}, all tagged${fromDefault ? ` (${fromDefault} with the Default Partner Tag)` : ''}.`,
      at,
    };
  },

  async amazon_settings_saved(ctx, now) {
    const stored = await ctx.stores.settings.read(amazonSection.id);
    if (stored.length) {
      const newest = stored.reduce((a, b) => (b.updatedAt > a.updatedAt ? b : a));
      return { state: 'met', detail: `Saved ${ago(newest.updatedAt, now)} by ${newest.updatedBy} (${plural(stored.length, 'stored field')}).`, at: newest.updatedAt };
    }
    const fields = await resolveFields(ctx, findSection(ctx, amazonSection.id));
    const locked = [...fields.values()].filter((f) => f.source === 'config').map((f) => f.configVariable);
    if (locked.length) return { state: 'met', detail: `Nothing saved in the admin; set by configuration: ${locked.join(', ')}.`, at: null };
    return { state: 'not_met', detail: 'Settings → Amazon has never been saved.', at: null };
  },

  openai_check_passed: (ctx, now) => integrationPassed(ctx, 'openai', now),
  geolocation_check_passed: (ctx, now) => integrationPassed(ctx, 'geolocation', now),

  async general_disclosure_set(ctx) {
    const fields = await resolveFields(ctx, findSection(ctx, generalSection.id));
    const field = fields.get('affiliateDisclosure');
    const disclosure = text(field);
    const at = field?.updatedAt ?? null;
    if (!disclosure) return { state: 'not_met', detail: 'The affiliate disclosure is empty, so pages with blocks carry none.', at };
    const shown = disclosure.length > 60 ? `${disclosure.slice(0, 57)}…` : disclosure;
    const origin = field?.source === 'default' ? 'the default text' : field?.source === 'config' ? `set by ${field.configVariable}` : 'saved';
    return { state: 'met', detail: `Disclosure (${origin}): “${shown}”`, at };
  },
};

/** OpenAI and Geolocation: met when the latest check has no error and the settings are unchanged since. */
async function integrationPassed(ctx: EngineContext, id: IntegrationId, now: Date): Promise<ConfirmationResult> {
  const { check, stale } = await readLatestIntegrationCheck(ctx, id);
  const label = SINGLE_INTEGRATIONS[id].label;
  if (!check) return { state: 'not_met', detail: `No ${label} check has run yet.`, at: null };
  const [first] = check.findings;
  const base = `Last ${label} check ${ago(check.finishedAt, now)}: ${check.status}${first && first.cause !== 'ok' ? ` (${first.cause})` : ''}`;
  if (stale) return { state: 'not_met', detail: `${base}, but the settings changed since; run it again.`, at: check.finishedAt };
  return { state: check.status === 'error' ? 'not_met' : 'met', detail: `${base}.`, at: check.finishedAt };
}

function text(field: ResolvedField | undefined): string {
  return typeof field?.value === 'string' ? field.value.trim() : '';
}

function latest(times: ReadonlyArray<string | undefined>): string | null {
  return times.filter((t): t is string => Boolean(t)).sort().at(-1) ?? null;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "just now", "3 min ago", "5 h ago", "2 days ago". */
export function ago(iso: string, now: Date): string {
  const minutes = Math.floor((now.getTime() - Date.parse(iso)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}
