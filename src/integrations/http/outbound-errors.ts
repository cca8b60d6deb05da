/**
 * Why an outbound request was stopped on our side. Each carries a stable `code`, so the error can
 * be recognised wherever fetch or an SDK wrapped it (`TypeError: fetch failed` → cause → this).
 */

/** The host resolved to (or is) an address the policy does not allow: loopback, private, link-local … */
export class AddressRefusedError extends Error {
  readonly code = 'PASSIVEWP_ADDRESS_REFUSED';
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    const where = host === address ? `The address ${address} is` : `The host name ${host} leads to ${address},`;
    super(`${where} a private or special-purpose address; this engine connects to such addresses only when PASSIVEWP_ALLOW_PRIVATE_OUTBOUND allows them`);
    this.name = 'AddressRefusedError';
  }
}

/** The answer grew past the integration's limit; the connection was dropped. */
export class AnswerTooLargeError extends Error {
  readonly code = 'PASSIVEWP_ANSWER_TOO_LARGE';
  constructor(
    readonly host: string,
    readonly limitBytes: number,
  ) {
    super(`The answer from ${host} is larger than ${formatBytes(limitBytes)}, so the connection was dropped`);
    this.name = 'AnswerTooLargeError';
  }
}

/** A request that would carry a secret to an address other than the one the secret was saved for. */
export class SecretNotBoundError extends Error {
  readonly code = 'PASSIVEWP_SECRET_NOT_BOUND';
  constructor(readonly host: string) {
    super(`The secret was not saved for ${host}, so it is not sent there`);
    this.name = 'SecretNotBoundError';
  }
}

export type OutboundStop = AddressRefusedError | AnswerTooLargeError | SecretNotBoundError;

/** The first of our own stops in an error's cause chain (fetch and SDKs wrap what the connector threw). */
export function findOutboundStop(error: unknown): OutboundStop | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current instanceof Error; depth++, current = current.cause) {
    if (current instanceof AddressRefusedError || current instanceof AnswerTooLargeError || current instanceof SecretNotBoundError) return current;
  }
  return undefined;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
