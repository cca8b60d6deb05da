import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('lint and import rules (ARCHITECTURE.md)', () => {
  it('the whole repository passes lint', async () => {
    const eslint = new ESLint({ cwd: root });
    const results = await eslint.lintFiles(['.']);
    const errors = results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.message}`));
    expect(errors).toEqual([]);
  }, 120_000);

  it.each([
    ['src/domain/settings/x.ts', "import { buildApp } from '../../http/build-app.js';"],
    ['src/domain/settings/x.ts', "import BetterSqlite3 from 'better-sqlite3';"],
    ['src/domain/settings/x.ts', "import { openDatabase } from '../../db/open-database.js';"],
    ['src/shared/x.ts', "import { loadConfig } from '../config/env.js';"],
    ['src/http/api/x.ts', "import { createStores } from '../../db/queries/create-stores.js';"],
    ['src/integrations/openai/x.ts', "import { openDatabase } from '../../db/open-database.js';"],
    ['src/domain/x.ts', 'export const port = process.env.PASSIVEWP_PORT;'],
  ])('refuses a forbidden import in %s: %s', async (filePath, code) => {
    const eslint = new ESLint({ cwd: root });
    const [result] = await eslint.lintText(`${code}\nexport const used = 1;\n`, { filePath: path.join(root, filePath) });
    const ruleIds = result?.messages.map((m) => m.ruleId);
    expect(ruleIds).toEqual(expect.arrayContaining([expect.stringMatching(/no-restricted-(imports|syntax)/)]));
  });
});
