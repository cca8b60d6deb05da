import type { CheckStatus, SettingsPart } from '../api/check-types.js';

export const SOURCE_LABELS: Record<string, string> = { creators: 'Creators', paapi: 'PA-API', relay: 'PassiveWP relay' };
export const sourceLabel = (source: string): string => SOURCE_LABELS[source] ?? source;

export const MODE_LABELS: Record<string, string> = { auto: 'Auto', creators: 'Creators', paapi: 'PA-API', passivewp: 'PassiveWP' };

/** Text and icon together: the status never rests on colour alone. */
export const STATUS_TEXT: Record<CheckStatus, { label: string; icon: string }> = {
  ok: { label: 'OK', icon: '✓' },
  warning: { label: 'Warning', icon: '!' },
  error: { label: 'Error', icon: '✕' },
};

export const CHANGED_PART_LABELS: Record<SettingsPart, string> = { credentials: 'credentials', mode: 'API mode', tags: 'partner tags' };
