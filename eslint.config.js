// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Lint, and above all the import rules of ARCHITECTURE.md: each room of src/ may only reach the
 * rooms below it. The rules are enforced here and checked by tests/lint/import-rules.test.ts.
 */
const restrict = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }],
});

const DRIVERS = [['better-sqlite3', 'pg', 'pg-boss', 'kysely'], 'Storage drivers stay in src/db; the domain gets stores through its context.'];
const VENDOR_SDKS = [['openai', '@maxmind/*', '@smithy/*', '@aws-crypto/*'], 'Vendor SDKs stay in src/integrations.'];
const HTTP = [['fastify', '@fastify/*', '**/http/**'], 'Only src/http (and the composition root) know about HTTP.'];
const DB = [['**/db/**'], 'Only src/db (and the composition root) touch the database.'];
const INTEGRATIONS = [['**/integrations/**'], 'The domain receives integration clients through its context.'];
const UPPER = [['**/domain/**', '**/db/**', '**/http/**', '**/integrations/**', '**/jobs/**', '**/render/**', '**/cli/**', '**/config/**', '**/main.js'], 'src/shared imports nothing internal.'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration from the parsed Config (src/config/env.ts), not process.env.' },
      ],
    },
  },
  { files: ['src/shared/**'], rules: restrict(UPPER) },
  { files: ['src/config/**'], rules: restrict([['**/domain/**', '**/db/**', '**/http/**', '**/integrations/**', '**/jobs/**', '**/render/**', '**/cli/**'], 'src/config only builds on src/shared.']) },
  { files: ['src/domain/**'], rules: restrict(DRIVERS, VENDOR_SDKS, HTTP, DB, INTEGRATIONS) },
  // src/integrations/http is the shared outbound client, not the server: the integrations use it.
  { files: ['src/integrations/*.ts'], rules: restrict(DRIVERS, [[...HTTP[0], '!./http/**'], HTTP[1]], DB) },
  { files: ['src/integrations/*/**'], rules: restrict(DRIVERS, [[...HTTP[0], '!../http/**'], HTTP[1]], DB) },
  { files: ['src/db/**'], rules: restrict(HTTP, VENDOR_SDKS, INTEGRATIONS) },
  { files: ['src/http/**'], rules: restrict(DRIVERS, DB, VENDOR_SDKS) },
  { files: ['src/render/**'], rules: restrict(DRIVERS, DB, HTTP) },
  { files: ['web/src/**'], rules: restrict([['**/src/db/**', '**/src/http/**', '**/src/cli/**', '**/src/config/**', '**/src/main.js', 'node:*'], 'The admin app may share schemas from src/domain and src/shared, nothing server-only.']) },
  // The process edge and the tooling read process.env by design.
  { files: ['src/cli/run.ts', 'scripts/**', 'bench/**', 'tests/**', '*.config.*', 'web/vite.config.ts'], rules: { 'no-restricted-syntax': 'off' } },
);
