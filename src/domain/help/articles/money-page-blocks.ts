import type { HelpArticle } from '../help-article.js';
import { chip } from './route-chips.js';

export const moneyPageBlocks: HelpArticle = {
  id: 'money-page-blocks',
  title: 'Money-page blocks: shortcodes, Test post and the disclosure',
  category: 'Money pages',
  lede: 'Shortcodes in a post become product boxes, comparison tables, lists, text links and images, rendered on the server from stored data: a page view never calls Amazon.',
  whenToUse: 'When you write a post with products, or a block looks wrong or empty.',
  beforeYouStart: [
    'A passing Amazon check and tags for the stores you link to.',
    'For a live site: a render key, created with `passivewp render key create --name "My blog"`, for the site\'s server.',
  ],
  menuPath: chip('/test-post'),
  steps: [
    {
      title: 'Write the shortcodes',
      goHere: chip('/test-post'),
      doThis: 'Use [passivewp box asin="…"], [passivewp table asins="…,…"], [passivewp list search="…"], [passivewp link asin="…"]text[/passivewp] or [passivewp image asin="…"]. Add marketplace="de" for another store than the Default Country.',
      confirm: { text: 'Each shortcode is on its own in the content, with its values in quotes.' },
    },
    {
      title: 'Preview it in Test post',
      goHere: chip('/test-post'),
      doThis: 'Paste the content, optionally pick "As a visitor from", and click Render. The result appears in a desktop and a phone frame, with the problems listed below.',
      confirm: { text: '"No problems found" under the preview.' },
    },
    {
      title: 'Set the affiliate disclosure',
      goHere: chip('/settings/general', 'affiliateDisclosure'),
      doThis: 'Write the sentence Amazon requires in Affiliate disclosure. It is placed once, before the first block of every page.',
      confirm: { text: 'The disclosure is not empty.', live: 'general_disclosure_set' },
    },
    {
      title: 'Render on your site',
      goHere: chip('/test-post'),
      doThis: 'Your site\'s server sends each page\'s content to /api/render/v1 with its render key as a Bearer token and prints the html and css it gets back. Keys are listed and revoked with `passivewp render key list|revoke`.',
      confirm: { text: 'The published page shows the same blocks as Test post.', live: 'amazon_check_passed' },
    },
  ],
  troubleshooting: [
    { id: 'blocks-broken', problem: 'A block is missing and Test post shows a warning.', fix: 'Read the problem\'s code: unknown attribute, bad ASIN, unknown marketplace or a link without [/passivewp].', goHere: chip('/test-post') },
    { id: 'blocks-no-price', problem: 'A box shows no price, only a link.', fix: 'The product was never fetched or is older than 24 hours; look at its state.', goHere: chip('/products') },
    { id: 'blocks-no-disclosure', problem: 'The preview reports a missing disclosure.', fix: 'Fill Affiliate disclosure.', goHere: chip('/settings/general', 'affiliateDisclosure') },
    { id: 'blocks-visitor-store', problem: 'Links ignore the visitor\'s store.', fix: 'That store needs an enabled row with its own tag.', goHere: chip('/settings/amazon', 'marketplaces.0.partnerTag') },
  ],
  commonMistakes: [
    'Publishing without looking at the phone frame: tables turn into cards under 600 px.',
    'Sharing a relay token where a render key is needed: each opens only its own endpoint.',
  ],
  successChecklist: [
    { text: 'The affiliate disclosure is set.', live: 'general_disclosure_set' },
    { text: 'The Amazon check passed.', live: 'amazon_check_passed' },
  ],
  screens: ['/test-post', '/settings/general'],
};
