import type { CauseDefinition } from './cause-codes.js';
import type { CheckFinding } from './integration-check.js';

/** A finding from a cause table entry; the vendor's own words, when there are any, follow ours. */
export function makeFinding<T extends Record<string, CauseDefinition>>(
  causes: T,
  cause: keyof T & string,
  options: { detail?: string; fixField?: string | null } = {},
): CheckFinding {
  const definition = causes[cause] as CauseDefinition;
  const detail = options.detail?.trim();
  return {
    severity: definition.severity,
    cause,
    message: detail ? `${definition.message} (${detail})` : definition.message,
    fix: definition.fix,
    fixField: options.fixField ?? null,
  };
}
