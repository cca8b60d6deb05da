import { summarizeForeignText } from '../../shared/summarize-foreign-text.js';

/**
 * MaxMind's own words for a detail: the first line, cleaned of markup and control characters and
 * shortened. Dropped whole if it contains the license key, which no answer should echo but which
 * must never reach a finding or a log if one did (masking it instead would mangle the text when a
 * key is short).
 */
export function quoteVendorMessage(text: string, licenseKey: string): string {
  if (licenseKey && text.includes(licenseKey)) return '';
  return summarizeForeignText(text.trim().split('\n', 1)[0] ?? '');
}
