import type { EngineContext } from '../context.js';
import { ensureAiBudget } from '../ai/ensure-ai-budget.js';
import { fingerprintOpenAiSettings } from '../ai/fingerprint-openai-settings.js';
import { openAiFixField } from '../ai/openai-fix-field.js';
import { readOpenAiSettings } from '../ai/read-openai-settings.js';
import { recordAiUsage } from '../ai/record-ai-usage.js';
import type { CheckDetails, CheckFinding, IntegrationCheck } from './integration-check.js';
import { makeFinding } from './make-finding.js';
import { OPENAI_CAUSES } from './openai-causes.js';
import { recordIntegrationCheck } from './record-integration-check.js';

/**
 * "Check OpenAI Connection": one tiny completion with the saved key, endpoint and model proves all
 * three (and that the account can pay); its tokens count against the month's usage like any call.
 * A reached monthly limit is reported next to a working connection, not instead of it.
 */
export async function runOpenAiCheck(ctx: EngineContext, { actor }: { actor: string }): Promise<IntegrationCheck> {
  const startedAt = ctx.clock.now();
  const { values, connection, keyWithheld } = await readOpenAiSettings(ctx);
  const details: CheckDetails = { baseUrl: values.baseUrl, model: values.model };
  const findings: CheckFinding[] = [];
  if (!connection.apiKey) {
    findings.push(makeFinding(OPENAI_CAUSES, keyWithheld ? 'key_not_bound' : 'key_missing', { fixField: 'apiKey' }));
  } else {
    const probe = await ctx.openAi.probeModel(connection, values.model);
    if (probe.ok) {
      findings.push(makeFinding(OPENAI_CAUSES, 'ok'));
      Object.assign(details, { respondingModel: probe.value.model, inputTokens: probe.value.inputTokens, outputTokens: probe.value.outputTokens });
      await recordAiUsage(ctx, probe.value);
    } else {
      const { cause, detail, retryAfterSeconds } = probe.error;
      findings.push(makeFinding(OPENAI_CAUSES, cause, { detail, fixField: openAiFixField(cause) }));
      if (retryAfterSeconds !== null) details.retryAfterSeconds = retryAfterSeconds;
    }
  }
  const budget = await ensureAiBudget(ctx);
  if (!budget.ok) {
    const fixField = values.monthlyTokenLimit !== null ? 'monthlyTokenLimit' : 'monthlyCostLimit';
    findings.push(makeFinding(OPENAI_CAUSES, 'budget_exhausted', { detail: budget.error.detail, fixField }));
  }
  return recordIntegrationCheck(ctx, { integration: 'openai', actor, startedAt, findings, details, fingerprint: fingerprintOpenAiSettings(values) });
}
