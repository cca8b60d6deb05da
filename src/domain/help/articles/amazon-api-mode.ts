import type { HelpArticle } from '../help-article.js';
import { chip } from './route-chips.js';

export const amazonApiMode: HelpArticle = {
  id: 'amazon-api-mode',
  title: 'Amazon API Mode: Auto, Creators, PA-API or the PassiveWP relay',
  category: 'Settings / Amazon',
  lede: 'The mode decides where product data comes from: Amazon\'s Creators API, the old PA-API 5.0, or another PassiveWP engine that holds working credentials.',
  whenToUse: 'When you set up PassiveWP, when Amazon moves you to new credentials, or when a check reports that PA-API 5.0 is retired.',
  beforeYouStart: [
    'For Creators: a Credential ID, its Secret and the Credential Version from Associates Central → Tools → Creators API.',
    'For the relay: the relay engine\'s address and a relay token its administrator created with `passivewp relay token create`.',
    'If a field shows a lock, a configuration variable sets it: change the variable, not the form.',
  ],
  menuPath: chip('/settings/amazon', 'mode'),
  steps: [
    {
      title: 'Pick the mode',
      goHere: chip('/settings/amazon', 'mode'),
      doThis: 'Choose Amazon API Mode. Creators uses only the Creators API. PA-API uses only PA-API 5.0, which Amazon retired on 2026-05-15, so it now only answers "retired". PassiveWP relay fetches through another engine; links still carry your own tags. Auto tries Creators, then PA-API, then the relay, and moves on only when a source fails for a reason other than credentials or tags.',
      confirm: { text: 'The fields the mode needs are shown with the mode.' },
    },
    {
      title: 'Enter the credentials that mode needs',
      goHere: chip('/settings/amazon', 'creatorsCredentialId'),
      doThis: 'Creators: fill Creators Credential ID, Creators Credential Secret and Credential Version (x.1 North America, x.2 Europe, India and the Middle East, x.3 Japan, Singapore and Australia). Relay: fill Relay URL and Relay Token. A store in another region can carry its own credentials on its marketplace row.',
      confirm: { text: 'Secret fields show "set" with their last four characters after saving, never the value.' },
    },
    {
      title: 'Save',
      goHere: chip('/settings/amazon'),
      doThis: 'Click Save Changes. A problem with a field is shown next to it and nothing is stored until every field is valid.',
      confirm: { text: 'The settings are stored.', live: 'amazon_settings_saved' },
    },
    {
      title: 'Prove the mode works',
      goHere: chip('/settings/amazon'),
      doThis: 'Click "Check API Connections". The Source column says which source answered each store; in Auto, the message lists sources that failed before it.',
      confirm: { text: 'Every row is OK or a warning.', live: 'amazon_check_passed' },
    },
  ],
  troubleshooting: [
    {
      id: 'mode-paapi-retired',
      problem: 'Every row says endpoint_retired.',
      fix: 'PA-API 5.0 no longer works. Switch Amazon API Mode to Creators (or Auto) and enter Creators API credentials.',
      goHere: chip('/settings/amazon', 'mode'),
    },
    {
      id: 'mode-auto-stops',
      problem: 'Auto does not fall back to the next source after a credential error.',
      fix: 'That is on purpose: rejected credentials, a refused tag or lost eligibility would be hidden by a fallback. Fix the field the row points to.',
      goHere: chip('/settings/amazon', 'creatorsCredentialSecret'),
    },
    {
      id: 'mode-locked',
      problem: 'The mode cannot be changed in the form.',
      fix: 'PASSIVEWP_AMAZON_API_MODE sets it. Change or remove that variable and restart the engine.',
    },
  ],
  commonMistakes: [
    'Keeping PA-API after its retirement because old keys still look filled in.',
    'Choosing a Credential Version of another region than the stores you sell in.',
    'Expecting the relay to use its owner\'s tags: your own partner tags are still needed.',
  ],
  successChecklist: [
    { text: 'Settings → Amazon is saved with the chosen mode.', live: 'amazon_settings_saved' },
    { text: 'The last check passed with the saved settings.', live: 'amazon_check_passed' },
  ],
  screens: ['/settings/amazon'],
};
