/** Messages keyed by field path after row `removedIndex` of list `key` was removed: the removed row's go, later rows move up. */
export function shiftListPaths<T>(record: Record<string, T>, key: string, removedIndex: number): Record<string, T> {
  const shifted: Record<string, T> = {};
  const prefix = `${key}.`;
  for (const [path, value] of Object.entries(record)) {
    const match = path.startsWith(prefix) ? /^(\d+)(.*)$/.exec(path.slice(prefix.length)) : null;
    if (!match) shifted[path] = value;
    else if (Number(match[1]) > removedIndex) shifted[`${prefix}${Number(match[1]) - 1}${match[2]}`] = value;
    else if (Number(match[1]) < removedIndex) shifted[path] = value;
  }
  return shifted;
}
