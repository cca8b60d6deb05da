import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/maxmind/', import.meta.url));

/**
 * Copies one of MaxMind's test databases (tests/fixtures/maxmind) into the engine's geo folder,
 * the only place it reads databases from, and returns the name to save as Database file.
 */
export function placeGeoDatabase(dataDir: string, fixture = 'GeoLite2-City-Test.mmdb'): string {
  const folder = path.join(dataDir, 'geo');
  mkdirSync(folder, { recursive: true });
  copyFileSync(path.join(FIXTURES, fixture), path.join(folder, fixture));
  return fixture;
}
