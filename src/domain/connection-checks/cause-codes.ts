/**
 * Stable cause codes for everything that can go right or wrong between us and a product source.
 * They are shown in the admin, the CLI and the API, and each has a help section; never rename one.
 */
/**
 * `error`: the marketplace does not work right now (even when retrying later may fix it — the
 * message says so); `warning`: it works, or the credentials evidently do, but something deserves a look.
 */
export type Severity = 'ok' | 'warning' | 'error';

export interface CauseDefinition {
  severity: Severity;
  /** Whether trying the same request again later can succeed without anyone changing anything. */
  retryable: boolean;
  /** What happened, in plain language. */
  message: string;
  /** What to do about it. */
  fix: string;
}

export const CAUSES = {
  ok: { severity: 'ok', retryable: false, message: 'Amazon answered and accepted the credentials and the partner tag.', fix: 'Nothing to do.' },
  credentials_missing: { severity: 'error', retryable: false, message: 'No API credentials are set for this marketplace.', fix: 'Enter the Credential ID and Secret (or the PA-API keys) in Settings → Amazon, or set them in the configuration.' },
  credentials_invalid: { severity: 'error', retryable: false, message: 'Amazon rejected the API credentials.', fix: 'Copy the Credential ID and Secret again from Associates Central → Tools → Creators API; a secret is shown only once, so create a new credential if it is lost.' },
  credential_region_mismatch: { severity: 'error', retryable: false, message: 'These credentials belong to another region than this marketplace.', fix: 'Pick the credential version of the marketplace’s region (x.1 North America, x.2 Europe/India/Middle East, x.3 Japan/Singapore/Australia), or add credentials for that region on the marketplace row.' },
  partner_tag_missing: { severity: 'error', retryable: false, message: 'No partner tag applies to this marketplace.', fix: 'Enter the marketplace’s tracking ID on its row, or set a Default Partner Tag.' },
  partner_tag_invalid: { severity: 'error', retryable: false, message: 'Amazon does not recognise this partner tag for these credentials and marketplace.', fix: 'Use a tracking ID from this marketplace’s Associates account (Associates Central → Tools → Manage Tracking IDs).' },
  tag_suffix_unusual: { severity: 'warning', retryable: false, message: 'The partner tag does not end the way this marketplace’s tags usually do.', fix: 'Check that the tag really belongs to this marketplace; some accounts have unusual IDs, so this is only a warning.' },
  associate_invalid: { severity: 'error', retryable: false, message: 'Amazon says the credentials are not linked to an approved Associates account for this store.', fix: 'Create the credentials with the primary account owner of an approved Associates account for this marketplace.' },
  not_eligible: { severity: 'error', retryable: false, message: 'The Associates account is not currently eligible for API access.', fix: 'Amazon grants API access after about 10 qualifying sales in the last 30 days; access returns about two days after sales ship again. Links keep working meanwhile.' },
  throttled: { severity: 'warning', retryable: true, message: 'Amazon is limiting the request rate for these credentials.', fix: 'Wait and try again; PassiveWP paces its requests. If it persists, lower the requests per second or refresh fewer products.' },
  quota_exhausted: { severity: 'warning', retryable: false, message: 'Today’s request quota for these credentials is used up.', fix: 'Requests resume after midnight UTC. Amazon raises the quota as API-referred sales grow.' },
  clock_skew: { severity: 'error', retryable: false, message: 'The server’s clock is too far from Amazon’s for signed requests.', fix: 'Synchronise the server clock (NTP); signed requests must be within 15 minutes of Amazon’s time.' },
  endpoint_retired: { severity: 'error', retryable: false, message: 'Amazon has retired PA-API 5.0 (since 2026-05-15).', fix: 'Switch Amazon API Mode to Creators and enter Creators API credentials.' },
  amazon_unavailable: { severity: 'error', retryable: true, message: 'Amazon’s service had a problem answering.', fix: 'Try again later; nothing is wrong with your settings.' },
  network_error: { severity: 'error', retryable: true, message: 'The engine could not reach Amazon.', fix: 'Check the server’s internet connection, DNS and any firewall or proxy.' },
  timeout: { severity: 'error', retryable: true, message: 'Amazon did not answer in time.', fix: 'Try again later; if it keeps happening, check the server’s network.' },
  tls_error: { severity: 'error', retryable: false, message: 'The secure connection to Amazon failed (certificate or TLS problem).', fix: 'Check the server’s clock, CA certificates and any proxy that intercepts HTTPS.' },
  request_invalid: { severity: 'error', retryable: false, message: 'The request was refused as invalid.', fix: 'Check the ASINs, search terms and options used; the message names the field.' },
  item_not_found: { severity: 'warning', retryable: false, message: 'Amazon found no such product in this marketplace.', fix: 'Check the ASIN, or link the product in a marketplace where it is sold.' },
  item_not_accessible: { severity: 'warning', retryable: false, message: 'Amazon does not serve this product through the API.', fix: 'Link it without live data, or choose another product.' },
  unexpected_response: { severity: 'error', retryable: true, message: 'Amazon answered something this version of PassiveWP does not understand.', fix: 'Try again later; if it persists, report it with the engine log.' },
  relay_unreachable: { severity: 'error', retryable: true, message: 'The PassiveWP relay could not be reached.', fix: 'Check the Relay URL and that the relay engine is running and reachable over HTTPS.' },
  relay_unauthorized: { severity: 'error', retryable: false, message: 'The PassiveWP relay refused the relay token.', fix: 'Ask the relay’s administrator for a valid token (`passivewp relay token create` on the relay) and enter it as Relay Token.' },
  relay_invalid_answer: { severity: 'error', retryable: false, message: 'The PassiveWP relay answered with data that failed validation, so nothing from it was stored.', fix: 'Check that the Relay URL points at a PassiveWP engine (the same or a newer version) and not at another site; if it does, ask the relay’s administrator to look at its log. Pages keep showing tagged links meanwhile.' },
} as const satisfies Record<string, CauseDefinition>;

export type CauseCode = keyof typeof CAUSES;

export const CAUSE_CODES = Object.keys(CAUSES) as CauseCode[];
