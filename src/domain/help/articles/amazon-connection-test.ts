import type { HelpArticle } from '../help-article.js';
import { chip } from './route-chips.js';

export const amazonConnectionTest: HelpArticle = {
  id: 'amazon-connection-test',
  title: 'Check API Connections: prove every Amazon store works',
  category: 'Settings / Amazon',
  lede: 'One click asks Amazon a tiny catalog question for every store you sell in, with the credentials and partner tag that store would really use, and shows the answer per store.',
  whenToUse: 'After you enter or change credentials, the API mode or any partner tag; when a product shows an error; or when the dashboard says a daily re-check found a failing store.',
  beforeYouStart: [
    'You are signed in to the PassiveWP admin.',
    'Settings → Amazon holds your credentials for the chosen Amazon API Mode (or a relay address and token) and is saved.',
    'At least the Default Country has a partner tag, on its own row or as the Default Partner Tag.',
  ],
  menuPath: chip('/settings/amazon'),
  steps: [
    {
      title: 'Save what you changed, then start the check',
      goHere: chip('/settings/amazon'),
      doThis: 'Click Save Changes if the form has edits (the check always uses the saved values), then click "Check API Connections". Rows appear one by one as each store answers.',
      confirm: { text: 'The settings are stored, and once the button no longer says "Checking…" a summary line such as "3 marketplaces: 2 ok, 0 warnings, 1 error" sits under the table.', live: 'amazon_settings_saved' },
    },
    {
      title: 'Read the status table',
      goHere: chip('/settings/amazon'),
      doThis: 'Each row names a store, the tag that was tried (and whether it came from the row or the Default Partner Tag), which source answered, a status (OK, Warning, Error), the cause code, a plain-language message and what to do.',
      confirm: { text: 'Every store you publish links for is listed; the Default Country is always among them, even without its own row.' },
    },
    {
      title: 'Fix the first error through its link',
      goHere: chip('/settings/amazon', 'marketplaces.0.partnerTag'),
      doThis: 'Follow the fix link of an error row: it opens the exact field to change (a row\'s partner tag, the Default Partner Tag, a credential, the mode). Change it and click Save Changes. The troubleshooting list below explains every cause code.',
      confirm: { text: 'The old result is marked as stale because the settings it used have changed.' },
    },
    {
      title: 'Run the check again',
      goHere: chip('/settings/amazon'),
      doThis: 'Click "Check API Connections" once more. Within a minute of the last run with unchanged settings, the earlier result is shown again without asking Amazon.',
      confirm: { text: 'No row is an error and the result is not stale.', live: 'amazon_check_passed' },
    },
  ],
  troubleshooting: [
    {
      id: 'check-stale',
      problem: 'The table is marked stale.',
      fix: 'Credentials, the mode or tags changed after that run. Click "Check API Connections" to check the values you saved.',
      goHere: chip('/settings/amazon'),
    },
    {
      id: 'check-row-missing',
      problem: 'A store you expected is not in the table.',
      fix: 'Only enabled marketplace rows (and the Default Country) are checked. Enable the row, save, and check again.',
      goHere: chip('/settings/amazon', 'marketplaces.0.enabled'),
    },
    {
      id: 'check-cause-codes',
      problem: 'A row shows a cause code you do not recognise.',
      fix: 'Look it up in "Amazon check: every cause code explained"; each code has its own entry with the field that fixes it.',
      goHere: chip('/help'),
    },
  ],
  commonMistakes: [
    'Running the check with unsaved edits on the form: it tests what is stored, not what is typed.',
    'Treating a Warning as a failure: an unusual tag suffix, throttling or a used-up daily quota leave the store working.',
    'Changing several settings at once after an error, so it is unclear which change fixed it.',
  ],
  successChecklist: [
    { text: 'The last check has no error rows and is not stale.', live: 'amazon_check_passed' },
    { text: 'Every enabled marketplace has a partner tag.', live: 'amazon_marketplaces_tagged' },
    { text: 'The Default Country and the Default Partner Tag are set.', live: 'amazon_defaults_set' },
  ],
  screens: ['/settings/amazon', '/dashboard'],
};
