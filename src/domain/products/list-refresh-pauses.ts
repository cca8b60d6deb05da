import { createHash } from 'node:crypto';
import { CAUSES } from '../connection-checks/cause-codes.js';
import type { EngineContext } from '../context.js';
import type { ProductSourceName } from './product.js';

export interface RefreshPauseView {
  /** A stable id for the credential that does not reveal it. */
  credentialKey: string;
  source: ProductSourceName;
  label: string;
  marketplaces: string[];
  cause: string;
  message: string;
  fix: string;
  /** The admin screen (and field) where the fix is made. */
  fixPath: string;
  pausedAt: string;
}

/** Paused credentials, for the banner on every admin page and the dashboard alert. */
export async function listRefreshPauses(ctx: EngineContext): Promise<RefreshPauseView[]> {
  return (await ctx.stores.refreshPauses.list()).map((pause) => ({
    credentialKey: createHash('sha256').update(pause.credentialKey).digest('hex').slice(0, 16),
    source: pause.source,
    label: pause.label,
    marketplaces: pause.marketplaces,
    cause: pause.cause,
    message: pause.message,
    fix: CAUSES[pause.cause].fix,
    fixPath: pause.fixField ? `#/settings/amazon?focus=${encodeURIComponent(pause.fixField)}` : '#/settings/amazon',
    pausedAt: pause.pausedAt,
  }));
}
