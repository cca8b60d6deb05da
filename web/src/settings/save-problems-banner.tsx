import type { Ref } from 'react';
import type { FieldProblem } from '../api/types.js';
import { Notice } from '../components/notice.js';
import { hrefFor } from '../routing/hash-route.js';

interface SaveProblemsBannerProps {
  sectionId: string;
  message: string;
  problems: FieldProblem[];
  /** The field's name as the form shows it; `undefined` for a field the form does not show. */
  labelFor: (field: string) => string | undefined;
  onFocusField: (field: string) => void;
  onDismiss: () => void;
  ref?: Ref<HTMLDivElement>;
}

/** The blocking error at the top of a refused form: each problem links to (and focuses) its field. */
export function SaveProblemsBanner({ sectionId, message, problems, labelFor, onFocusField, onDismiss, ref }: SaveProblemsBannerProps) {
  return (
    <Notice kind="error" ref={ref} focusable onDismiss={onDismiss} className="save-problems">
      <p>
        <strong>{message}</strong>
      </p>
      {problems.length > 0 && (
        <ul>
          {problems.map((problem) => {
            const label = labelFor(problem.field);
            if (!label) return <li key={problem.field}>{problem.message}</li>;
            return (
              <li key={problem.field}>
                <a
                  href={hrefFor(`/settings/${sectionId}?focus=${encodeURIComponent(problem.field)}`)}
                  onClick={(event) => {
                    event.preventDefault();
                    onFocusField(problem.field);
                  }}
                >
                  {label}: {problem.message}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </Notice>
  );
}
