import { ConfigError } from '../config/env.js';
import { StartupError } from '../main.js';
import { AppError } from '../shared/errors.js';
import { adminCommand } from './commands/admin.js';
import { amazonCommand } from './commands/amazon.js';
import { checkCommand } from './commands/check.js';
import { configCommand } from './commands/config.js';
import { migrateCommand } from './commands/migrate.js';
import { productsCommand } from './commands/products.js';
import { relayCommand } from './commands/relay.js';
import { renderCommand } from './commands/render.js';
import { secretsCommand } from './commands/secrets.js';
import { startCommand } from './commands/start.js';
import { UsageError, type CommandIo } from './command-io.js';

const USAGE = `Usage: passivewp <command> [options]

Commands:
  start                                   Start the engine (HTTP server) on the data directory
  migrate                                 Apply database migrations and exit
  admin create --email E --password P     Create an administrator (--password - reads it from stdin)
  admin list                              List administrators
  config check                            Validate the configuration and show where each value comes from
  secrets forget-unreadable               Drop stored secrets that the current key cannot open
  relay token create --name NAME          Issue a token another engine uses to fetch product data from this one
  relay token list | relay token revoke ID
  amazon get-items ASIN… [--marketplace us] [--json]   Fetch products with the saved Amazon settings
  check amazon [--json]                   Check API Connections for every marketplace (exit 0 ok, 1 errors, 3 warnings)
  check openai|geolocation|all [--json]   Check OpenAI, Geolocation, or every integration (same exit codes)
  products add <ASIN or URL> [--marketplace us] [--json]   Add a product (the URL's store names the marketplace)
  products list [--search T] [--marketplace us] [--state S] [--json]   List products with their state and price age
  products refresh [--wait] [--json]      Plan the due refreshes now; --wait carries them out here and reports each product
  render <file> [--country DE] [--out page.html]   Render a post's shortcodes into a standalone page (exit 0 clean, 1 problems on stderr)
  render key create --name NAME           Issue a key a server (the WordPress bridge) uses for POST /api/render/v1
  render key list | render key revoke ID
  help                                    Show this help

Every command works on the data directory (PASSIVEWP_DATA_DIR, default ./data) without a running server.`;

const COMMANDS: Record<string, (args: string[], io: CommandIo) => Promise<number>> = {
  start: startCommand,
  migrate: migrateCommand,
  admin: adminCommand,
  config: configCommand,
  secrets: secretsCommand,
  relay: relayCommand,
  amazon: amazonCommand,
  check: checkCommand,
  products: productsCommand,
  render: renderCommand,
};

/** Runs one CLI command and returns its exit code: 0 done, 1 failed, 2 bad usage or configuration. */
export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StartupError || error instanceof UsageError) {
      io.err(error.message);
      return 2;
    }
    if (error instanceof AppError) {
      io.err(`${error.message}${error.fields.length ? `\n${error.fields.map((f) => `  - ${f.field}: ${f.message}`).join('\n')}` : ''}`);
      return error.code === 'config_invalid' ? 2 : 1;
    }
    io.err(`Unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}
