import type { Ref } from 'react';
import type { FieldProblem } from '../api/types.js';
import { Notice } from '../components/notice.js';
import { hrefFor } from '../routing/hash-route.js';
import type { FormSection } from './form-section.js';

interface SaveProblemsBannerProps {
  section: FormSection;
  message: string;
  problems: FieldProblem[];
  onFocusField: (key: string) => void;
  onDismiss: () => void;
  ref?: Ref<HTMLDivElement>;
}

/** The blocking error at the top of a refused form: each problem links to (and focuses) its field. */
export function SaveProblemsBanner({ section, message, problems, onFocusField, onDismiss, ref }: SaveProblemsBannerProps) {
  return (
    <Notice kind="error" ref={ref} focusable onDismiss={onDismiss} className="save-problems">
      <p>
        <strong>{message}</strong>
      </p>
      {problems.length > 0 && (
        <ul>
          {problems.map((problem) => {
            const field = section.fields[problem.field];
            if (!field) return <li key={problem.field}>{problem.message}</li>;
            return (
              <li key={problem.field}>
                <a
                  href={hrefFor(`/settings/${section.id}?focus=${encodeURIComponent(problem.field)}`)}
                  onClick={(event) => {
                    event.preventDefault();
                    onFocusField(problem.field);
                  }}
                >
                  {field.label}: {problem.message}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </Notice>
  );
}
