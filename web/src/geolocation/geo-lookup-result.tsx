import type { GeoLookupView } from '../api/geolocation-types.js';
import { CheckDetailsList } from '../checks/check-details-list.js';
import type { DetailEntry } from '../checks/check-detail-entries.js';
import { FindingFix } from '../checks/finding-fix.js';
import { Notice } from '../components/notice.js';
import { countryName } from '../settings/country-names.js';

interface GeoLookupResultProps {
  result: GeoLookupView;
  fieldLabel: (path: string) => string;
  onFocusField: (path: string) => void;
}

/** Where an address is, and the Amazon store its visitors are sent to, with the reason. */
export function GeoLookupResult({ result, fieldLabel, onFocusField }: GeoLookupResultProps) {
  const { countryCode } = result;
  const store = result.marketplace.domain.replace(/^www\./, '');
  const entries: DetailEntry[] = [
    { label: 'Address', value: result.ip, code: true },
    { label: 'Country', value: countryCode ? `${result.countryName ?? countryName(countryCode)} (${countryCode})` : 'Not known' },
  ];
  if (result.subdivision) entries.push({ label: 'Region', value: result.subdivision });
  if (result.city) entries.push({ label: 'City', value: result.city });
  entries.push({ label: 'Answered by', value: `${result.source === 'web_service' ? 'MaxMind web service' : 'Database file'} in ${result.latencyMs} ms` });
  return (
    <div className="lookup-result" aria-live="polite">
      {result.problem && (
        <Notice kind={result.problem.severity === 'error' ? 'error' : 'warning'} className="inline">
          <p>
            <strong>The lookup failed:</strong> {result.problem.message}
          </p>
          <FindingFix finding={result.problem} settingsRoute="/settings/geolocation" fieldLabel={fieldLabel} onFocusField={onFocusField} />
        </Notice>
      )}
      <CheckDetailsList label="Location" entries={entries} />
      <p className="lookup-store">
        <strong>
          Visitors from here go to {store}
        </strong>{' '}
        ({result.marketplace.name}). <span className="lookup-reason">{result.reasonText}</span>
      </p>
    </div>
  );
}
