import { loadConfig } from '../../config/env.js';
import { createSettingsRegistry, listSettingVariables } from '../../domain/settings/registry.js';
import { UsageError, type CommandIo } from '../command-io.js';

/** Validates the configuration without touching the data directory, and says where values come from. */
export async function configCommand(args: string[], io: CommandIo): Promise<number> {
  if (args[0] !== 'check') throw new UsageError('Usage: passivewp config check');
  const registry = createSettingsRegistry();
  const config = loadConfig({ env: io.env, settingVariables: listSettingVariables(registry), cwd: io.cwd });
  io.out('Configuration is valid.');
  io.out(`  listen        ${config.host}:${config.port}${config.basePath}`);
  io.out(`  data dir      ${config.dataDir}`);
  io.out(`  secret key    ${config.secretKey ? 'PASSIVEWP_SECRET_KEY' : 'key file in the data directory'}`);
  io.out(`  config file   ${config.configFile ?? '(none)'}`);
  for (const section of registry.values()) {
    for (const field of Object.values(section.fields)) {
      const override = field.configVariable ? config.settingOverrides.get(field.configVariable) : undefined;
      if (override) io.out(`  locked        ${section.title} → ${field.label} by ${field.configVariable} (${override.origin})`);
    }
  }
  return 0;
}
