import type { HelpArticle } from '../help-article.js';
import { amazonApiMode } from './amazon-api-mode.js';
import { amazonCheckTroubleshooting } from './amazon-check-troubleshooting.js';
import { amazonConnectionTest } from './amazon-connection-test.js';
import { amazonPartnerTags } from './amazon-partner-tags.js';
import { geolocationSetup } from './geolocation-setup.js';
import { moneyPageBlocks } from './money-page-blocks.js';
import { openAiSetup } from './openai-setup.js';
import { productsAndRefreshes } from './products-and-refreshes.js';

/** Every help article, in the order the help center lists them. */
export const HELP_ARTICLES: readonly HelpArticle[] = Object.freeze([
  amazonConnectionTest,
  amazonApiMode,
  amazonPartnerTags,
  amazonCheckTroubleshooting,
  openAiSetup,
  geolocationSetup,
  productsAndRefreshes,
  moneyPageBlocks,
]);

export function findArticle(id: string): HelpArticle | undefined {
  return HELP_ARTICLES.find((article) => article.id === id);
}
