/**
 * An object whose prototype is an empty null-prototype object: it has only the properties set on it
 * (`constructor`, `toString`, `__proto__` are absent unless a client sends them, and `__proto__` is then an
 * own value). Made with `new`, not `Object.create(null)`, so V8 keeps it a fast object (as fast-querystring
 * does).
 */
const NullPrototypeRecord = function NullPrototypeRecord() {} as unknown as new () => Record<string, never>;
NullPrototypeRecord.prototype = Object.freeze(Object.create(null));

/** An empty record with no inherited members (see `NullPrototypeRecord`). */
export const createRecord = <T>(): Record<string, T> => new NullPrototypeRecord() as Record<string, T>;

/**
 * A copy of `values` as such a record. `Object.assign` sets each member on the record, and with no
 * `__proto__` accessor behind it a member named `__proto__` becomes an own value (and it was the fastest
 * copy measured: a quarter of a loop over `Object.keys`).
 */
export const copyToRecord = <T>(values: Readonly<Record<string, T>>): Record<string, T> =>
  Object.assign(createRecord<T>(), values);

/** Query parameters as a record: a name given once is a string, a repeated name an array (in order). */
export function searchParamsToQuery(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = createRecord();
  params.forEach((value, name) => {
    const current = query[name];
    if (current === undefined) query[name] = value;
    else if (Array.isArray(current)) current.push(value);
    else query[name] = [current, value];
  });
  return query;
}

/** Headers as a record with lower-case names (a Web `Headers` already combines repeated fields). */
export function headersToRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = createRecord();
  headers.forEach((value, name) => {
    record[name.toLowerCase()] = value;
  });
  return record;
}
