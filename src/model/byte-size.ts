/**
 * Sizes in `x-max-body-size` and the config's `maxBodySize`: an integer of bytes, or a string with a unit
 * (`512kb`, `10mb`, `1.5mb`, `100b`; case-insensitive; 1 kb = 1024 bytes, as Express's body parsers count).
 * A bare digit string is bytes too.
 */
const UNIT_BYTES = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 } as const;
type Unit = keyof typeof UNIT_BYTES;

const SIZE = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(b|kb|mb|gb)?\s*$/i;

/** Bytes of a size (rounded down), or `undefined` when the value is not a size of at least 1 byte. */
export function parseByteSize(value: unknown): number | undefined {
  let bytes: number;
  if (typeof value === 'number') {
    bytes = value;
  } else if (typeof value === 'string') {
    const match = SIZE.exec(value);
    if (match === null) return undefined;
    const unit = (match[2] ?? 'b').toLowerCase() as Unit;
    bytes = Math.floor(Number(match[1]) * UNIT_BYTES[unit]);
  } else {
    return undefined;
  }
  return Number.isSafeInteger(bytes) && bytes >= 1 ? bytes : undefined;
}
