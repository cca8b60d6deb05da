import type { HelpArticle, TroubleshootingEntry } from '../help-article.js';
import { chip } from './route-chips.js';

const amazon = (field?: string) => chip('/settings/amazon', field);

/** One entry per cause code the check can report (tests/unit/help-articles.test.ts keeps the list complete). */
const CAUSE_ENTRIES: TroubleshootingEntry[] = [
  {
    id: 'cause-credentials_missing',
    problem: 'credentials_missing — the chosen mode has nothing to sign in with for this store.',
    fix: 'Fill the credentials of the mode: Creators Credential ID and Secret, PA-API Access Key and Secret Key, or Relay URL and Relay Token. A locked field is set by a configuration variable instead.',
    goHere: amazon('creatorsCredentialId'),
  },
  {
    id: 'cause-credentials_invalid',
    problem: 'credentials_invalid — Amazon refused the credential ID or secret.',
    fix: 'Paste both again from Associates Central → Tools → Creators API. Amazon shows a secret only once: if it is gone, create a new credential and enter it.',
    goHere: amazon('creatorsCredentialSecret'),
  },
  {
    id: 'cause-credential_region_mismatch',
    problem: 'credential_region_mismatch — the credential serves another region than this store.',
    fix: 'Set Credential Version to the store\'s region (x.1 North America, x.2 Europe, India and the Middle East, x.3 Japan, Singapore and Australia), or give the marketplace row credentials of its own region.',
    goHere: amazon('creatorsCredentialVersion'),
  },
  {
    id: 'cause-partner_tag_missing',
    problem: 'partner_tag_missing — no tag applies to this store.',
    fix: 'Enter the store\'s tracking ID on its marketplace row, or set a Default Partner Tag for rows without one.',
    goHere: amazon('defaultPartnerTag'),
  },
  {
    id: 'cause-partner_tag_invalid',
    problem: 'partner_tag_invalid — Amazon does not know this tag for these credentials and this store.',
    fix: 'Replace it with a tracking ID of this store\'s Associates account (Associates Central → Tools → Manage Tracking IDs). The fix link opens the row\'s tag, or the Default Partner Tag when the row had none.',
    goHere: amazon('marketplaces.0.partnerTag'),
  },
  {
    id: 'cause-tag_suffix_unusual',
    problem: 'tag_suffix_unusual (warning) — Amazon accepted the tag, but it does not end like this store\'s tags usually do.',
    fix: 'Confirm the tag belongs to this store. If it does, nothing needs to change; the warning stays as a reminder.',
    goHere: amazon('marketplaces.0.partnerTag'),
  },
  {
    id: 'cause-associate_invalid',
    problem: 'associate_invalid — the credentials are not tied to an approved Associates account for this store.',
    fix: 'Create the credentials while signed in as the primary owner of an approved Associates account of this store, then enter the new Credential ID and Secret.',
    goHere: amazon('creatorsCredentialId'),
  },
  {
    id: 'cause-not_eligible',
    problem: 'not_eligible — the account currently has no API access.',
    fix: 'Amazon opens the API after about 10 qualifying sales in 30 days and restores it a couple of days after sales ship again. No setting changes this; links keep earning meanwhile. Check again later.',
    goHere: amazon(),
  },
  {
    id: 'cause-throttled',
    problem: 'throttled (warning) — Amazon asked PassiveWP to slow down; the credentials answered.',
    fix: 'Wait a moment and check again. If it keeps happening, lower PASSIVEWP_AMAZON_REQUESTS_PER_SECOND or keep fewer products on the Products screen.',
    goHere: chip('/products'),
  },
  {
    id: 'cause-quota_exhausted',
    problem: 'quota_exhausted (warning) — the daily request quota of these credentials is used up.',
    fix: 'Requests start again after midnight UTC; the check itself also counts against the quota. Amazon raises the quota as sales through the API grow.',
    goHere: chip('/jobs'),
  },
  {
    id: 'cause-clock_skew',
    problem: 'clock_skew — the server\'s clock is too far off for signed requests.',
    fix: 'Turn on time synchronisation (NTP) on the server running the engine; signatures are only valid within 15 minutes of Amazon\'s time. Then check again.',
    goHere: amazon(),
  },
  {
    id: 'cause-endpoint_retired',
    problem: 'endpoint_retired — PA-API 5.0 was retired by Amazon on 2026-05-15.',
    fix: 'Set Amazon API Mode to Creators (or Auto) and enter Creators API credentials.',
    goHere: amazon('mode'),
  },
  {
    id: 'cause-amazon_unavailable',
    problem: 'amazon_unavailable — Amazon\'s service failed to answer properly.',
    fix: 'Nothing in your settings causes this. Check again in a few minutes.',
    goHere: amazon(),
  },
  {
    id: 'cause-network_error',
    problem: 'network_error — the engine could not reach Amazon at all.',
    fix: 'Check the server\'s internet access, DNS and any firewall or outgoing proxy, then check again.',
    goHere: amazon(),
  },
  {
    id: 'cause-timeout',
    problem: 'timeout — Amazon took too long to answer.',
    fix: 'Check again later; if it repeats, look at the server\'s network path to Amazon.',
    goHere: amazon(),
  },
  {
    id: 'cause-tls_error',
    problem: 'tls_error — the HTTPS connection to Amazon could not be secured.',
    fix: 'Check the server\'s clock, its CA certificate bundle, and any proxy that rewrites HTTPS traffic.',
    goHere: amazon(),
  },
  {
    id: 'cause-request_invalid',
    problem: 'request_invalid — the request was refused as malformed before or by Amazon.',
    fix: 'The message names the offending value. The check\'s own request is fixed, so this usually points to an engine problem: report it with the engine log.',
    goHere: amazon(),
  },
  {
    id: 'cause-unexpected_response',
    problem: 'unexpected_response — Amazon answered in a shape this version does not understand.',
    fix: 'Check again later; if it persists, update PassiveWP or report it with the engine log.',
    goHere: amazon(),
  },
  {
    id: 'cause-relay_unreachable',
    problem: 'relay_unreachable — the PassiveWP relay did not answer.',
    fix: 'Check Relay URL, and that the relay engine is running and reachable over HTTPS from this server.',
    goHere: amazon('relayUrl'),
  },
  {
    id: 'cause-relay_unauthorized',
    problem: 'relay_unauthorized — the relay refused the relay token.',
    fix: 'Ask the relay\'s administrator for a new token (`passivewp relay token create` on the relay) and enter it as Relay Token.',
    goHere: amazon('relayToken'),
  },
  {
    id: 'cause-relay_invalid_answer',
    problem: 'relay_invalid_answer — the relay answered, but its data did not pass PassiveWP\'s checks, so none of it was kept.',
    fix: 'Make sure Relay URL is the address of a PassiveWP engine and not some other website or proxy. If it is, the relay engine may be outdated or misbehaving: ask its administrator to update it and look at its log. Until then your pages show tagged product links without live data.',
    goHere: amazon('relayUrl'),
  },
];

export const amazonCheckTroubleshooting: HelpArticle = {
  id: 'amazon-check-troubleshooting',
  title: 'Amazon check: every cause code explained',
  category: 'Settings / Amazon',
  lede: 'Each row of "Check API Connections" ends in a cause code. This page says, for every code, what went wrong and which field fixes it.',
  whenToUse: 'When a row of the status table, the dashboard, a paused-refresh banner or `passivewp check amazon` shows a cause code other than ok.',
  beforeYouStart: ['A finished check: its rows name the cause code and, when a setting fixes it, link to that field.'],
  menuPath: chip('/settings/amazon'),
  steps: [
    {
      title: 'Find the code of the failing row',
      goHere: chip('/settings/amazon'),
      doThis: 'In the status table, read the cause code of the first Error row (Warnings can wait) and find it in the list below.',
      confirm: { text: 'You know which code you are fixing and for which store.' },
    },
    {
      title: 'Change the field the entry names',
      goHere: chip('/settings/amazon', 'marketplaces.0.partnerTag'),
      doThis: 'Use the row\'s fix link or the entry\'s chip, change that one field and click Save Changes. Codes without a field (network, Amazon outages, eligibility) need time or a server fix, not a setting.',
      confirm: { text: 'The save succeeds and the last check is marked stale.', live: 'amazon_settings_saved' },
    },
    {
      title: 'Check again',
      goHere: chip('/settings/amazon'),
      doThis: 'Click "Check API Connections" and compare the row with the previous run.',
      confirm: { text: 'No row is an error.', live: 'amazon_check_passed' },
    },
  ],
  troubleshooting: CAUSE_ENTRIES,
  commonMistakes: [
    'Fixing a retryable cause (throttled, timeout, amazon_unavailable) by changing credentials that were fine.',
    'Creating new credentials for partner_tag_invalid: the tag, not the credential, is wrong.',
  ],
  successChecklist: [{ text: 'The last check has no error rows and is not stale.', live: 'amazon_check_passed' }],
  screens: ['/settings/amazon', '/dashboard', '/products'],
};
