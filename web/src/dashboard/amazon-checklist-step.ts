import type { AmazonStatusLoad } from './use-amazon-status.js';

export interface ChecklistStep {
  state: 'done' | 'todo';
  title: string;
  detail: string;
  action?: { label: string; route: string };
}

const SETTINGS = '/settings/amazon';

/** "Connect Amazon" from the last connection check: done only when it passed and the settings have not changed since. */
export function amazonChecklistStep(load: AmazonStatusLoad): ChecklistStep {
  if (load.status !== 'ready') {
    return { state: 'todo', title: 'Connect Amazon', detail: 'Enter your API credentials and partner tags, then check the connection.', action: { label: 'Open Amazon settings', route: SETTINGS } };
  }
  const { lastRun, stale } = load.summary;
  if (!lastRun) {
    return {
      state: 'todo',
      title: 'Connect Amazon',
      detail: 'Enter your API credentials and partner tags, then run “Check API Connections”.',
      action: { label: 'Open Amazon settings', route: SETTINGS },
    };
  }
  if (lastRun.summary.error > 0) {
    return { state: 'todo', title: 'Fix the Amazon connection', detail: lastRun.summaryText, action: { label: 'See what to change', route: SETTINGS } };
  }
  if (stale) {
    return { state: 'todo', title: 'Check the Amazon connection again', detail: 'The Amazon settings changed since the last check.', action: { label: 'Check again', route: SETTINGS } };
  }
  return { state: 'done', title: 'Amazon connected', detail: lastRun.summaryText };
}
