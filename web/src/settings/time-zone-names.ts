/** The browser's IANA zones grouped by region ("Europe", "America"…), with UTC first on its own. */
export function timeZoneGroups(current: string): { region: string; zones: string[] }[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.delete('UTC');
  if (current && current !== 'UTC') zones.add(current);
  const groups = new Map<string, string[]>();
  for (const zone of [...zones].sort()) {
    const region = zone.includes('/') ? (zone.split('/')[0] ?? 'Other') : 'Other';
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  return [...groups].map(([region, list]) => ({ region, zones: list }));
}
