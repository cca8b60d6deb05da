import type { CauseDefinition } from './cause-codes.js';

/** Stable cause codes of the Geolocation check, the test lookup and the database updates. Never rename one. */
export const GEOLOCATION_CAUSES = {
  ok: { severity: 'ok', retryable: false, message: 'The geolocation source answered and matches the chosen precision.', fix: 'Nothing to do.' },
  database_missing: { severity: 'error', retryable: false, message: 'There is no MaxMind database file at the configured path.', fix: 'Put a GeoLite2 or GeoIP2 Country or City .mmdb file in the geo folder of the data directory and enter its name in Database file, or turn on automatic updates with your MaxMind account ID and license key and click "Download now".' },
  database_path_invalid: { severity: 'error', retryable: false, message: 'The Database file setting does not name a file inside the geo folder of the data directory, so the engine does not open it.', fix: 'Put the .mmdb file in the geo folder of the data directory and enter its name (e.g. GeoLite2-City.mmdb), or leave Database file blank to use the file automatic updates download.' },
  database_unreadable: { severity: 'error', retryable: false, message: 'The file is not a readable MaxMind database (damaged, truncated or another format).', fix: 'Download the .mmdb file again from your MaxMind account (or click "Download now"); do not open or convert it on the way.' },
  database_wrong_type: { severity: 'error', retryable: false, message: 'The file is a MaxMind database, but not a Country or City one.', fix: 'Use a GeoLite2-Country, GeoLite2-City, GeoIP2-Country or GeoIP2-City database; ASN, ISP or anonymous-IP databases hold no location.' },
  precision_mismatch: { severity: 'warning', retryable: false, message: 'Precision is City, but the source only knows countries.', fix: 'Use a City database or the City web service, or set Precision to Country.' },
  database_outdated: { severity: 'warning', retryable: false, message: 'The database is more than 30 days old; addresses move between countries over time.', fix: 'Turn on weekly automatic updates, or download a current file from your MaxMind account.' },
  credentials_missing: { severity: 'error', retryable: false, message: 'The MaxMind account ID or license key is missing.', fix: 'Enter the account ID and a license key from maxmind.com → My Account → Manage License Keys.' },
  credentials_invalid: { severity: 'error', retryable: false, message: 'MaxMind rejected the account ID or license key.', fix: 'Check the account ID and create a new license key in your MaxMind account if the old one was lost or revoked.' },
  permission_required: { severity: 'error', retryable: false, message: 'The MaxMind account has no access to this database or service.', fix: 'Choose an edition your account includes (GeoLite2 is free) or, for the web service, the precision your plan covers; or add the product to your MaxMind account.' },
  insufficient_funds: { severity: 'error', retryable: false, message: 'The MaxMind account has no queries or funds left for the web service.', fix: 'Add funds to your MaxMind account, or switch Source to a local database.' },
  download_corrupt: { severity: 'error', retryable: true, message: 'The downloaded database did not match its checksum or could not be unpacked; the previous file was kept.', fix: 'Try the download again later; if it keeps failing, check for a proxy that alters downloads.' },
  service_unavailable: { severity: 'error', retryable: true, message: 'MaxMind’s service had a problem answering.', fix: 'Try again later; nothing is wrong with your settings.' },
  timeout: { severity: 'error', retryable: true, message: 'MaxMind did not answer in time.', fix: 'Try again later; if it keeps happening, check the server’s network.' },
  network_error: { severity: 'error', retryable: true, message: 'The engine could not reach MaxMind.', fix: 'Check the server’s internet connection, DNS and any firewall or proxy.' },
  unexpected_response: { severity: 'error', retryable: true, message: 'MaxMind answered something this version of PassiveWP does not understand.', fix: 'Try again later; if it persists, report it with the engine log.' },
} as const satisfies Record<string, CauseDefinition>;

export type GeolocationCause = keyof typeof GEOLOCATION_CAUSES;
