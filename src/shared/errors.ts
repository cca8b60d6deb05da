/**
 * The closed table of error codes the engine can answer with. Every code says which HTTP status
 * it maps to and whether its message may be shown to the caller; unknown failures become
 * `internal` so that nothing unexpected (stack traces, SQL, secrets) leaks through an API response.
 */
export const ERROR_CODES = {
  validation_failed: { status: 400, expose: true },
  setting_locked: { status: 400, expose: true },
  unauthenticated: { status: 401, expose: true },
  invalid_credentials: { status: 401, expose: true },
  csrf_failed: { status: 403, expose: true },
  forbidden: { status: 403, expose: true },
  not_found: { status: 404, expose: true },
  conflict: { status: 409, expose: true },
  setup_not_available: { status: 409, expose: true },
  setup_token_invalid: { status: 400, expose: true },
  rate_limited: { status: 429, expose: true },
  secret_unreadable: { status: 500, expose: true },
  /** A product source (Amazon, a relay) failed; `cause` in the body says why. */
  source_failed: { status: 502, expose: true },
  config_invalid: { status: 500, expose: true },
  /** A write failed because the disk (or the database's volume) is full; nothing was changed. */
  storage_full: { status: 503, expose: true },
  internal: { status: 500, expose: false },
} as const satisfies Record<string, { status: number; expose: boolean }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One problem with one input field, as shown next to that field in the admin UI. */
export interface FieldIssue {
  field: string;
  message: string;
}

export interface AppErrorOptions {
  cause?: unknown;
  fields?: FieldIssue[];
  /** Extra facts for the response body, never for secrets. */
  details?: Record<string, unknown>;
  retryAfterSeconds?: number;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldIssue[];
  readonly details: Record<string, unknown>;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.details = options.details ?? {};
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
