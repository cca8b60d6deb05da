import type { HelpArticle } from '../help-article.js';
import { chip } from './route-chips.js';

export const geolocationSetup: HelpArticle = {
  id: 'geolocation-setup',
  title: 'Geolocation: send each visitor to their own Amazon store',
  category: 'Settings / Geolocation',
  lede: 'PassiveWP looks up a visitor\'s country with MaxMind and sends their links to the store the visitor map names, as long as you have a tag there.',
  whenToUse: 'When you have partner tags in more than one store, or when a test lookup sends a country to the wrong store.',
  beforeYouStart: [
    'A MaxMind account (GeoLite2 is free), its account ID and a license key, or a .mmdb file you maintain yourself.',
    'Enabled marketplace rows with their own partner tags for the stores visitors should reach.',
  ],
  menuPath: chip('/settings/geolocation'),
  steps: [
    {
      title: 'Choose where locations come from',
      goHere: chip('/settings/geolocation', 'source'),
      doThis: 'Pick Source: a MaxMind database file (fast, free per visitor) or the MaxMind web service (no file, paid per lookup). Keep Precision on Country unless you need cities.',
      confirm: { text: 'The fields for that source are shown.' },
    },
    {
      title: 'Keep the database up to date',
      goHere: chip('/settings/geolocation', 'autoUpdate'),
      doThis: 'Set Automatic updates to Weekly, choose the Database edition and enter MaxMind Account ID and MaxMind License Key. Or leave it Off, put your own .mmdb file in the geo folder of the data directory and enter its name in Database file. Click Save Changes, then "Download now" in the Database panel for the first file.',
      confirm: { text: 'The Database panel shows the file, its type, build date and age, and the next update.' },
    },
    {
      title: 'Check it',
      goHere: chip('/settings/geolocation'),
      doThis: 'Click "Check Geolocation". It reports the database type, age and whether it serves your precision, or makes one lookup against the web service.',
      confirm: { text: 'The check is OK (a database older than 30 days is a warning) and not stale.', live: 'geolocation_check_passed' },
    },
    {
      title: 'Try an address and review the visitor map',
      goHere: chip('/settings/geolocation', 'visitorMarketplaces'),
      doThis: 'In Test lookup, try your own address (pre-filled) or a visitor\'s, and read which store it goes to and why. Adjust "Visitor country → Amazon store" for countries without a store of their own (Austria → amazon.de, Ireland → amazon.ie …).',
      confirm: { text: 'The lookup names the store you expect for that country.' },
    },
  ],
  troubleshooting: [
    { id: 'geo-database-missing', problem: 'database_missing, database_unreadable or database_path_invalid.', fix: 'Download the file with "Download now", or put the file in the geo folder of the data directory and enter its name (not a full path) in Database file.', goHere: chip('/settings/geolocation', 'databasePath') },
    { id: 'geo-credentials', problem: 'credentials_missing or credentials_invalid.', fix: 'Enter the account ID and a license key from maxmind.com → My Account → Manage License Keys.', goHere: chip('/settings/geolocation', 'licenseKey') },
    { id: 'geo-precision', problem: 'precision_mismatch: City precision with a Country database.', fix: 'Choose a City edition, or set Precision to Country.', goHere: chip('/settings/geolocation', 'edition') },
    { id: 'geo-proxy', problem: 'Every visitor resolves to the same address (your CDN\'s).', fix: 'List the CDN or reverse proxy in Trusted proxies, so the visitor\'s address in X-Forwarded-For is used.', goHere: chip('/settings/geolocation', 'trustedProxies') },
    { id: 'geo-store-skipped', problem: 'The lookup finds the country but keeps the block\'s own store.', fix: 'The target store has no enabled row with its own tag: add one in Settings → Amazon.', goHere: chip('/settings/amazon', 'marketplaces.0.partnerTag') },
  ],
  commonMistakes: [
    'Turning on weekly updates without the license key.',
    'Mapping a country to a store where you have no partner tag: it is never chosen.',
    'Forgetting Trusted proxies behind a CDN.',
  ],
  successChecklist: [
    { text: 'The latest Geolocation check passed with the saved settings.', live: 'geolocation_check_passed' },
    { text: 'Every enabled marketplace has a tag.', live: 'amazon_marketplaces_tagged' },
  ],
  screens: ['/settings/geolocation'],
};
