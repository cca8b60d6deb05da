import type { FieldIssue } from '../../shared/errors.js';
import type { ResolvedField } from './resolve-fields.js';

/**
 * A stored secret goes only to the address it was saved with: a save that changes that address
 * must carry the secret again (or clear it), so nobody can redirect a secret they cannot read.
 */
export function checkSecretBindings(resolved: ReadonlyMap<string, ResolvedField>, submitted: Record<string, unknown>, next: Record<string, unknown>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [key, secret] of resolved) {
    const addressKey = secret.field.boundTo;
    const address = addressKey ? resolved.get(addressKey) : undefined;
    if (!addressKey || !address || secret.source !== 'stored' || key in submitted || !(addressKey in submitted)) continue;
    if (JSON.stringify(next[addressKey]) === JSON.stringify(address.value)) continue;
    issues.push({
      field: key,
      message: `Enter the ${secret.field.label} again: it is sent only to the ${address.field.label} it was saved with, and this save changes the ${address.field.label}.`,
    });
  }
  return issues;
}
