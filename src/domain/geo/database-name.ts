/**
 * The MaxMind database file is named relative to one folder of the data directory, and only that
 * folder: a setting that could name any path let "Download now" rename a file over the engine's
 * own key, and let the check tell whether any file on the server exists. Pure string rules (no
 * file system), shared by the settings form, the configuration variable and the MaxMind gateway,
 * which also refuses links that lead out of the folder.
 */

/** The folder inside the data directory that holds MaxMind databases. */
export const GEO_FOLDER = 'geo';

/** Long enough for any sensible name with a sub-folder; far below file-system limits. */
export const MAX_DATABASE_NAME = 200;

/** The file automatic updates manage: one per edition, so switching editions never mixes them. */
export const defaultDatabaseName = (edition: string): string => `${edition}.mmdb`;

const EXAMPLE = 'e.g. GeoLite2-Country.mmdb';

/** Why `name` cannot be a database file inside the geo folder, as a sentence; null when it can. */
export function databaseNameProblem(name: string): string | null {
  if (name.length > MAX_DATABASE_NAME) return `Use at most ${MAX_DATABASE_NAME} characters.`;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'A file name cannot contain control characters such as line breaks.';
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) {
    return `Enter the name of a file in the ${GEO_FOLDER} folder of the data directory (${EXAMPLE}), not a full path: the engine reads databases from that folder only.`;
  }
  if (name.includes('\\')) return 'Separate folders with /, not \\.';
  const parts = name.split('/');
  if (parts.includes('..')) return `A file name cannot go up a folder with “..”: the database must stay inside the ${GEO_FOLDER} folder of the data directory.`;
  if (parts.some((part) => part === '' || part.startsWith('.'))) return 'Folder and file names cannot be empty or start with a dot.';
  if (!/\.mmdb$/i.test(name)) return `Name a MaxMind .mmdb file (${EXAMPLE}).`;
  return null;
}

/** A name as people should see it: a refused one may be thousands of characters long. */
export const shortDatabaseName = (name: string): string => (name.length > 120 ? `${name.slice(0, 120)}…` : name);

/** Why `name` is refused, as a finding's detail (quoted, so control characters show); null when it is fine. */
export function refusedDatabaseName(name: string): string | null {
  const problem = databaseNameProblem(name);
  return problem && `${JSON.stringify(shortDatabaseName(name))} is refused: ${problem}`;
}
