import type { EngineContext } from '../context.js';

/**
 * Secrets inside the rows of a list setting (a marketplace row's own API secret). They are sealed
 * one by one in the stored rows, shown as `{ isSet, last4 }`, and kept across saves when a row
 * comes back without them — rows are matched by `rowKey`, so reordering rows keeps each secret
 * with its own row.
 */
export interface RowSecretsSpec {
  rowKey: string;
  /** Dotted paths inside a row, e.g. `credentials.creatorsCredentialSecret`. */
  paths: readonly string[];
}

type Row = Record<string, unknown>;

export function getPath(row: Row, path: string): unknown {
  return path.split('.').reduce<unknown>((value, part) => (value && typeof value === 'object' ? (value as Row)[part] : undefined), row);
}

function withPath(row: Row, path: string, value: unknown): Row {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const copy = { ...row };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const child = copy[head] && typeof copy[head] === 'object' ? (copy[head] as Row) : {};
  copy[head] = withPath(child, rest.join('.'), value);
  return copy;
}

const rowsOf = (value: unknown): Row[] => (Array.isArray(value) ? (value.filter((r) => r && typeof r === 'object') as Row[]) : []);

/** Submitted rows minus `null` secrets (which mean "remove"), ready for schema validation. */
export function withoutClearedSecrets(spec: RowSecretsSpec, submitted: unknown): unknown {
  if (!Array.isArray(submitted)) return submitted;
  return submitted.map((row) => (row && typeof row === 'object' ? spec.paths.reduce((r, p) => (getPath(r, p) === null ? withPath(r, p, undefined) : r), row as Row) : row));
}

/**
 * The rows to store: secrets given in this save are sealed, secrets left out keep the value the
 * same row had before, secrets sent as `null` are dropped. Also returns the rows with every secret
 * in clear, for cross-field rules.
 */
export function sealRowSecrets(ctx: EngineContext, spec: RowSecretsSpec, parsed: unknown, submitted: unknown, previousStored: unknown): { stored: Row[]; plain: Row[] } {
  const previous = rowsOf(previousStored);
  const raw = rowsOf(submitted);
  const stored: Row[] = [];
  const plain: Row[] = [];
  rowsOf(parsed).forEach((row, index) => {
    let sealedRow = row;
    let plainRow = row;
    const before = previous.find((p) => p[spec.rowKey] === row[spec.rowKey]);
    for (const path of spec.paths) {
      const given = getPath(raw[index] ?? {}, path);
      if (given === null) continue;
      if (given !== undefined) {
        sealedRow = withPath(sealedRow, path, ctx.keyring.encrypt(String(getPath(row, path))));
      } else if (before && typeof getPath(before, path) === 'string') {
        const kept = getPath(before, path) as string;
        sealedRow = withPath(sealedRow, path, kept);
        plainRow = withPath(plainRow, path, safeOpen(ctx, kept));
      }
    }
    stored.push(sealedRow);
    plain.push(plainRow);
  });
  return { stored, plain };
}

/** Stored rows with every secret opened, for the engine's own use. */
export function openRowSecrets(ctx: EngineContext, spec: RowSecretsSpec, stored: unknown): Row[] {
  return rowsOf(stored).map((row) => spec.paths.reduce((r, p) => (typeof getPath(r, p) === 'string' ? withPath(r, p, ctx.keyring.decrypt(getPath(r, p) as string)) : r), row));
}

/** Stored rows as a client may see them: each secret replaced by whether it is set and its last 4 characters. */
export function describeRowSecrets(ctx: EngineContext, spec: RowSecretsSpec, stored: unknown): Row[] {
  return rowsOf(stored).map((row) =>
    spec.paths.reduce((r, p) => {
      const sealed = getPath(r, p);
      if (typeof sealed !== 'string') return r;
      const plainText = safeOpen(ctx, sealed);
      return withPath(r, p, { isSet: true, last4: plainText === undefined ? null : plainText.slice(-4), readable: plainText !== undefined });
    }, row),
  );
}

/** The rows without the sealed values that `unwanted` picks (secrets a lost key can no longer open). */
export function dropRowSecrets(spec: RowSecretsSpec, stored: unknown, unwanted: (sealed: string) => boolean): Row[] {
  return rowsOf(stored).map((row) => spec.paths.reduce((r, p) => (typeof getPath(r, p) === 'string' && unwanted(getPath(r, p) as string) ? withPath(r, p, undefined) : r), row));
}

/** Every sealed value in the rows, for the lost-key check at start-up. */
export function listRowSecrets(spec: RowSecretsSpec, stored: unknown): string[] {
  return rowsOf(stored).flatMap((row) => spec.paths.map((p) => getPath(row, p)).filter((v): v is string => typeof v === 'string'));
}

function safeOpen(ctx: EngineContext, sealed: string): string | undefined {
  try {
    return ctx.keyring.decrypt(sealed);
  } catch {
    return undefined;
  }
}
