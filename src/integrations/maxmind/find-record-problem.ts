/**
 * Checks one value of an MMDB data section against the MaxMind DB format 2.0, as libmaxminddb
 * and the Go reader's verifier do. mmdb-lib trusts the sizes it reads: a double stored in 2 bytes
 * decodes to a garbage latitude like 5e-62 instead of failing, so a damaged file would answer
 * wrong data forever without this check. Returns what is wrong, or null.
 */
export function findRecordProblem(section: DataSection, offset: number): string | null {
  try {
    checkValue(section, offset, 0);
    return null;
  } catch (error) {
    if (error instanceof MalformedData) return error.message;
    throw error;
  }
}

export interface DataSection {
  db: Buffer;
  /** Offset of the first byte after the 16-byte separator; pointers count from here. */
  start: number;
  /** Offset of the metadata marker: no value may reach it. */
  end: number;
  /** Offsets already checked, so values shared through pointers (names, countries) are checked once. */
  checked: Set<number>;
}

class MalformedData extends Error {}

const POINTER = 1;
const UTF8_STRING = 2;
const MAP = 7;
const ARRAY = 11;
const BOOLEAN = 14;
/** Numeric types and the payload size the format allows for each. */
const NUMBER_SIZES: Record<number, { bytes: number; exact: boolean; name: string }> = {
  3: { bytes: 8, exact: true, name: 'double' },
  5: { bytes: 2, exact: false, name: 'uint16' },
  6: { bytes: 4, exact: false, name: 'uint32' },
  8: { bytes: 4, exact: false, name: 'int32' },
  9: { bytes: 8, exact: false, name: 'uint64' },
  10: { bytes: 16, exact: false, name: 'uint128' },
  15: { bytes: 4, exact: true, name: 'float' },
};
/** Maps, arrays and pointers nest about 4 deep in MaxMind's data; far deeper means a pointer loop. */
const MAX_DEPTH = 64;
/** Where the sizes 29, 30 and 31 (followed by 1, 2 or 3 size bytes) start counting. */
const LONG_SIZE_BASE = [29, 285, 65821];
/** Where pointers of 1, 2, 3 and 4 bytes start counting. */
const POINTER_BASE = [0, 2048, 526336, 0];

interface Control {
  type: number;
  /** The payload size, or for a pointer the number of extra bytes minus one. */
  size: number;
  /** For a pointer: the three value bits kept in the control byte. */
  low: number;
  payload: number;
}

function readControl(section: DataSection, offset: number): Control {
  const { db } = section;
  need(section, offset, 1);
  const byte = db[offset] as number;
  let at = offset + 1;
  let type = byte >> 5;
  if (type === POINTER) return { type, size: (byte >> 3) & 3, low: byte & 7, payload: at };
  if (type === 0) {
    need(section, at, 1);
    type = 7 + (db[at] as number);
    at += 1;
    if (type < 8 || type > 15) throw new MalformedData(`unknown extended type ${type} at offset ${offset}`);
  }
  let size = byte & 0x1f;
  if (size >= 29) {
    const sizeBytes = size - 28;
    need(section, at, sizeBytes);
    size = (LONG_SIZE_BASE[sizeBytes - 1] as number) + db.readUIntBE(at, sizeBytes);
    at += sizeBytes;
  }
  return { type, size, low: 0, payload: at };
}

/** Returns the offset after the value. */
function checkValue(section: DataSection, offset: number, depth: number): number {
  if (depth > MAX_DEPTH) throw new MalformedData(`data nested deeper than ${MAX_DEPTH} levels at offset ${offset}`);
  const control = readControl(section, offset);
  const { type, size, payload } = control;
  if (type === POINTER) {
    const target = pointerTarget(section, control);
    if (!section.checked.has(target)) {
      if (readControl(section, target).type === POINTER) throw new MalformedData(`pointer to a pointer at offset ${offset}`);
      checkValue(section, target, depth + 1);
      section.checked.add(target);
    }
    return payload + size + 1;
  }
  if (type === MAP || type === ARRAY) {
    let at = payload;
    for (let item = 0; item < size; item++) {
      if (type === MAP && keyType(section, at) !== UTF8_STRING) throw new MalformedData(`map key that is not a string at offset ${at}`);
      at = checkValue(section, at, depth + 1);
      if (type === MAP) at = checkValue(section, at, depth + 1);
    }
    return at;
  }
  if (type === BOOLEAN) {
    if (size > 1) throw new MalformedData(`boolean of value ${size} at offset ${offset}`);
    return payload;
  }
  if (type === 12 || type === 13) throw new MalformedData(`a container or end marker (type ${type}) inside the data at offset ${offset}`);
  const number = NUMBER_SIZES[type];
  if (number && (number.exact ? size !== number.bytes : size > number.bytes)) {
    throw new MalformedData(`${number.name} stored in ${size} bytes at offset ${offset} (the format allows ${number.exact ? '' : 'at most '}${number.bytes})`);
  }
  need(section, payload, size);
  return payload + size;
}

function pointerTarget(section: DataSection, { size, low, payload }: Control): number {
  const length = size + 1;
  need(section, payload, length);
  const raw = section.db.readUIntBE(payload, length);
  const value = (POINTER_BASE[size] as number) + (size === 3 ? raw : low * 2 ** (8 * length) + raw);
  const target = section.start + value;
  if (target >= section.end) throw new MalformedData(`pointer beyond the data section at offset ${payload - 1}`);
  return target;
}

function keyType(section: DataSection, offset: number): number {
  const control = readControl(section, offset);
  return control.type === POINTER ? readControl(section, pointerTarget(section, control)).type : control.type;
}

function need(section: DataSection, offset: number, length: number): void {
  if (offset < section.start || offset + length > section.end) throw new MalformedData(`data runs outside the data section at offset ${offset}`);
}
