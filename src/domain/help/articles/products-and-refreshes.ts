import type { HelpArticle } from '../help-article.js';
import { chip } from './route-chips.js';

export const productsAndRefreshes: HelpArticle = {
  id: 'products-and-refreshes',
  title: 'Products and refreshes: keeping product data fresh',
  category: 'Products',
  lede: 'Every product a page shows is kept in the Products list and refreshed in the background before its data gets too old for Amazon\'s rules.',
  whenToUse: 'When you add products, when one shows a state other than fresh, or when a banner says refreshes are paused.',
  beforeYouStart: ['A working Amazon connection: the last "Check API Connections" has no errors.'],
  menuPath: chip('/products'),
  steps: [
    {
      title: 'Add a product',
      goHere: chip('/products'),
      doThis: 'In Add product, paste an ASIN or any Amazon product link; a bare ASIN uses the store you pick, or the Default Country. Products named in a block are added on their own when a page is rendered.',
      confirm: { text: 'The product is listed, first as refreshing, then fresh with a title, price and its time.' },
    },
    {
      title: 'Read the states',
      goHere: chip('/products'),
      doThis: 'Filter by state: fresh, stale, refreshing, not_found (not sold in that store), not_accessible (Amazon does not serve it through the API) or error (with its cause and fix). "Refresh now" on a row asks Amazon again straight away.',
      confirm: { text: 'The state counts above the list add up to the total.' },
    },
    {
      title: 'Set how fresh data must be',
      goHere: chip('/settings/products', 'maxAgeHours'),
      doThis: 'Refresh before (hours) is 23 by default; Amazon allows at most 24. Retry "not found" after (hours) sets how soon a missing product is asked again, doubling each time up to a week.',
      confirm: { text: 'Saving refuses a value above 24 with the reason.' },
    },
    {
      title: 'Clear a paused credential',
      goHere: chip('/settings/amazon', 'creatorsCredentialSecret'),
      doThis: 'When Amazon refuses a credential, its refreshes stop and a banner shows on every screen with the cause and a "Fix it" link. Fix that field, save, and run "Check API Connections": a successful answer resumes them.',
      confirm: { text: 'The banner is gone and the check passed.', live: 'amazon_check_passed' },
    },
    {
      title: 'Watch the background jobs',
      goHere: chip('/jobs'),
      doThis: 'Jobs lists queued, running, failed and dead refresh jobs with their last error. Retry runs a failed or dead one again now.',
      confirm: { text: 'No job stays in the dead list.' },
    },
  ],
  troubleshooting: [
    { id: 'products-not-found', problem: 'A product is not_found.', fix: 'Check the ASIN, or add it in a store where it is sold.', goHere: chip('/products') },
    { id: 'products-stale', problem: 'Products stay stale.', fix: 'The daily quota may be short or refreshes paused; look at Jobs and the dashboard.', goHere: chip('/jobs') },
    { id: 'products-no-data', problem: 'A block shows only a link without price or image.', fix: 'Data older than 24 hours is never shown. Use "Refresh now" and check the Amazon connection.', goHere: chip('/products') },
  ],
  commonMistakes: [
    'Raising the maximum age to save quota: Amazon forbids showing data older than 24 hours.',
    'Retrying dead jobs while the credential is still refused.',
  ],
  successChecklist: [{ text: 'The Amazon check passed, so refreshes can run.', live: 'amazon_check_passed' }],
  screens: ['/products', '/jobs', '/settings/products'],
};
