import { z } from 'zod';
import { CAUSE_CODES, type CauseCode } from '../../domain/connection-checks/cause-codes.js';
import { summarizeForeignText } from '../../shared/summarize-foreign-text.js';

type FailureCause = Exclude<CauseCode, 'ok'>;

export interface RelayFailure {
  code?: string;
  /** The relay's own diagnosis of its Amazon call (`source_failed`), when it is one of ours. */
  cause?: FailureCause;
  message?: string;
  fix?: string;
  retryAfterMs?: number;
}

/** An error answer's body: each field is taken only when it is what our relay sends. */
const failure = z.object({
  code: z.string().max(64).regex(/^[a-z_]+$/).optional().catch(undefined),
  cause: z.enum(CAUSE_CODES.filter((c): c is FailureCause => c !== 'ok') as [FailureCause, ...FailureCause[]]).optional().catch(undefined),
  message: z.string().optional().catch(undefined),
  fix: z.string().optional().catch(undefined),
  retryAfterMs: z.number().int().min(1).max(86_400_000).optional().catch(undefined),
});

/**
 * What a relay's error answer says, or nothing when its body is not ours to read. Its texts are
 * another server's words: summarized (markup and control characters removed, shortened) with our
 * own secrets (the relay token) masked.
 */
export function readRelayFailure(json: unknown, secrets: string[]): RelayFailure {
  const parsed = failure.safeParse(json);
  if (!parsed.success) return {};
  const { message, fix, ...rest } = parsed.data;
  return { ...rest, message: summarizeForeignText(message, secrets) || undefined, fix: summarizeForeignText(fix, secrets, 300) || undefined };
}
