import { z } from 'zod';
import { defineField, defineSection, type SectionDefinition } from '../../src/domain/settings/define-section.js';
import { createSettingsRegistry, settingsSections } from '../../src/domain/settings/registry.js';

/**
 * A section with a secret field and a cross-field rule, registered next to the real ones so the
 * framework's secret handling is tested before the Amazon/OpenAI sections exist.
 */
export const vaultSection = defineSection({
  id: 'vault',
  title: 'Vault',
  fields: {
    apiKey: defineField({ label: 'API key', input: 'secret', secret: true, schema: z.string().min(8, { error: 'Too short.' }), default: '' }),
    endpoint: defineField({ label: 'Endpoint', input: 'url', schema: z.string(), default: '', configVariable: 'PASSIVEWP_TEST_VAULT_ENDPOINT' }),
    enabled: defineField({ label: 'Enabled', input: 'select', schema: z.boolean(), default: false }),
  },
  check: (values) => (values.enabled && !values.apiKey ? [{ field: 'apiKey', message: 'An enabled vault needs an API key.' }] : []),
});

export const registryWithVault = () => createSettingsRegistry([...settingsSections, vaultSection as SectionDefinition]);
