/**
 * A record with no inherited members: `__proto__`, `constructor` and `toString` sent by a client become own
 * values, never the prototype. The same pattern as the server's `createRecord` (written again here because
 * `shared/` stands alone): an object made with `new` from a constructor whose prototype is a frozen
 * null-prototype object, which V8 keeps a fast object.
 */
const NullPrototypeRecord = function NullPrototypeRecord() {} as unknown as new () => Record<string, never>;
NullPrototypeRecord.prototype = Object.freeze(Object.create(null));

/** An empty record with no inherited members. */
export const createParameterRecord = <T>(): Record<string, T> =>
  new NullPrototypeRecord() as Record<string, T>;
