import type { AuditEntry } from '../api/types.js';
import { SETTINGS_TABS } from '../settings/settings-tabs.js';

const ACTIONS: Record<string, string> = {
  'settings.save': 'settings saved',
  'secrets.forget-unreadable': 'unreadable secrets cleared',
};

/** "General settings saved" and the changed fields by their labels, as far as this app knows them. */
export function describeAuditEntry(entry: AuditEntry): { title: string; keys: string[] } {
  const tab = SETTINGS_TABS.find((candidate) => candidate.id === entry.subject);
  const action = ACTIONS[entry.action] ?? entry.action;
  const keys = entry.keys.map((key) => tab?.section.fields[key]?.label ?? key);
  return { title: `${tab?.label ?? entry.subject} ${action}`, keys };
}
