import { toSafeIdentifier, toTypeName } from '../escape.js';

/**
 * `validate<OperationId>` for each operation, in order: `createOrder` -> `validateCreateOrder`. Two ids
 * that give the same name (`get-order`, `getOrder`) get `_2`, `_3`, ... suffixes in order.
 */
export function operationIdsToValidatorNames(ids: readonly string[]): string[] {
  const taken = new Set<string>();
  return ids.map((id) => {
    const base = `validate${toTypeName(toSafeIdentifier(id).replace(/^_+/, ''))}`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    return name;
  });
}
