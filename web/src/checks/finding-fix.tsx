import type { CheckFinding } from '../api/integration-check-types.js';
import { hrefFor } from '../routing/hash-route.js';

interface FindingFixProps {
  finding: CheckFinding;
  /** `/settings/openai`: where the fix link leads when followed from elsewhere. */
  settingsRoute: string;
  fieldLabel: (path: string) => string;
  onFocusField: (path: string) => void;
}

/** "How to fix: …" and a link that puts the cursor in the field to change. */
export function FindingFix({ finding, settingsRoute, fieldLabel, onFocusField }: FindingFixProps) {
  const { fixField } = finding;
  return (
    <p className="check-fix">
      <strong>How to fix:</strong> {finding.fix}
      {fixField && (
        <>
          {' '}
          <a
            href={hrefFor(`${settingsRoute}?focus=${encodeURIComponent(fixField)}`)}
            onClick={(event) => {
              event.preventDefault();
              onFocusField(fixField);
            }}
          >
            Go to {fieldLabel(fixField)}
          </a>
        </>
      )}
    </p>
  );
}
