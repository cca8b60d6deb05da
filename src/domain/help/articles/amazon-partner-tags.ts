import type { HelpArticle } from '../help-article.js';
import { chip } from './route-chips.js';

export const amazonPartnerTags: HelpArticle = {
  id: 'amazon-partner-tags',
  title: 'Partner tags: Default Country, Default Partner Tag and marketplace rows',
  category: 'Settings / Amazon',
  lede: 'Every Amazon link and every API request carries a partner tag (tracking ID). PassiveWP takes a store\'s tag from its marketplace row, or falls back to the Default Partner Tag.',
  whenToUse: 'When you first connect Amazon, open a new store, or get partner_tag_missing, partner_tag_invalid or tag_suffix_unusual in a check.',
  beforeYouStart: [
    'Your tracking IDs from Associates Central → Tools → Manage Tracking IDs, one Associates account per store.',
    'The store most of your readers buy from: it becomes the Default Country.',
  ],
  menuPath: chip('/settings/amazon', 'defaultPartnerTag'),
  steps: [
    {
      title: 'Set the defaults',
      goHere: chip('/settings/amazon', 'defaultCountry'),
      doThis: 'Choose Default Country (the store used by blocks without marketplace="…" and for bare ASINs) and enter Default Partner Tag, the tracking ID of that store.',
      confirm: { text: 'Both fields have a value after saving.', live: 'amazon_defaults_set' },
    },
    {
      title: 'Add one row per marketplace',
      goHere: chip('/settings/amazon', 'marketplaces.0.country'),
      doThis: 'Under Marketplaces, add a row for each store you link to, pick its country and tick Enabled. A store can appear only once.',
      confirm: { text: 'Each store appears in one row; a duplicate is refused with the row it repeats.' },
    },
    {
      title: 'Give each row its own tag',
      goHere: chip('/settings/amazon', 'marketplaces.0.partnerTag'),
      doThis: 'Enter the tracking ID of that store\'s Associates account in the row\'s partner tag. Tags usually end in -20 in North America, -21 in Europe, India and the Middle East, and -22 in Japan, Singapore and Australia; another ending is only a warning. A row left blank uses the Default Partner Tag.',
      confirm: { text: 'No enabled marketplace lacks a tag.', live: 'amazon_marketplaces_tagged' },
    },
    {
      title: 'Save and check',
      goHere: chip('/settings/amazon'),
      doThis: 'Click Save Changes, then "Check API Connections": Amazon itself tells whether each tag belongs to the credentials and store.',
      confirm: { text: 'No row errors with a tag cause.', live: 'amazon_check_passed' },
    },
  ],
  troubleshooting: [
    {
      id: 'tags-visitor-store',
      problem: 'Visitors from a country are not sent to their own store.',
      fix: 'A store is chosen for a visitor only when its row is enabled and has its own tag (or it is the Default Country with the Default Partner Tag). Add the tag on that row.',
      goHere: chip('/settings/amazon', 'marketplaces.0.partnerTag'),
    },
    {
      id: 'tags-suffix-warning',
      problem: 'A tag is saved with a warning about its ending.',
      fix: 'Make sure the tag was created for that store. Some accounts have unusual IDs; if Amazon accepts it in the check, keep it.',
      goHere: chip('/settings/amazon', 'marketplaces.0.partnerTag'),
    },
  ],
  commonMistakes: [
    'Using the US tag on European rows: Amazon rejects tags from another store\'s account.',
    'Relying on the Default Partner Tag for every store: it only belongs to one of them.',
    'Adding a row but leaving it disabled, so it is never checked or linked.',
  ],
  successChecklist: [
    { text: 'Default Country and Default Partner Tag are set.', live: 'amazon_defaults_set' },
    { text: 'Every enabled marketplace has a tag.', live: 'amazon_marketplaces_tagged' },
    { text: 'The last check passed.', live: 'amazon_check_passed' },
  ],
  screens: ['/settings/amazon'],
};
