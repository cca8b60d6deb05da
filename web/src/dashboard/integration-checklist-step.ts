import type { IntegrationStatus } from '../api/integration-check-types.js';
import type { Resource } from '../session/use-api-resource.js';
import type { ChecklistStep } from './amazon-checklist-step.js';

interface StepWords {
  setUp: string;
  setUpDetail: string;
  done: string;
}

/** A checklist step from the overview: done once the integration's last check passed on the settings as they are now. */
export function integrationChecklistStep(overview: Resource<{ integrations: IntegrationStatus[] }>, id: IntegrationStatus['id'], words: StepWords): ChecklistStep {
  const status = overview.status === 'ready' ? overview.data.integrations.find((integration) => integration.id === id) : undefined;
  const route = status?.settingsRoute ?? `/settings/${id}`;
  const label = status?.label ?? id;
  if (!status?.configured) return { state: 'todo', title: words.setUp, detail: words.setUpDetail, action: { label: `Open ${label} settings`, route } };
  const { last, stale } = status;
  if (!last) return { state: 'todo', title: `Check the ${label} connection`, detail: 'The settings are saved but were never checked.', action: { label: 'Check it', route } };
  if (last.status === 'error') return { state: 'todo', title: `Fix the ${label} connection`, detail: last.summary, action: { label: 'See what to change', route } };
  if (stale) return { state: 'todo', title: `Check the ${label} connection again`, detail: `The ${label} settings changed since the last check.`, action: { label: 'Check again', route } };
  return { state: 'done', title: words.done, detail: last.summary };
}
