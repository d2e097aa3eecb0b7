/**
 * Module names: each operation goes into the client and server module of its first tag (`client/<name>.ts`,
 * `server/<name>.ts`), untagged ones into `default`. A name is the tag in kebab-case (`PetStore` ->
 * `pet-store`), cut to 64 characters, so names are lower-case and two of them never differ by case only.
 * A name the generator writes itself (`index`, `routes`, `validators`) or a Windows device name (`con`,
 * `aux`, ...) gets `-ops` appended; a name another tag already has gets `-2`, `-3`, ... Each rename is a
 * `name-renamed` warning at the tag. The names depend only on the set of tags, never on the order of
 * operations: the tag whose kebab name is itself (`pets`), or else the first in code-unit order, keeps the
 * plain name.
 */
import type { UnlocatedDiagnostic } from '../core/diagnostics.js';
import { DEVICE_NAMES, GENERATOR_MODULE_NAMES } from './generator-names.js';
import { operationLabel } from './operation-ids.js';

const UNTAGGED = 'default';
const TAKEN = new Set([...GENERATOR_MODULE_NAMES, ...DEVICE_NAMES]);

/** The longest module name made from a tag: a file name has at most 255 bytes on common file systems. */
export const MAX_MODULE_BASE_LENGTH = 64;

/** Kebab-case of a tag, cut to 64 characters; `ops` when nothing of it is left (`!!!`). */
export function tagToModuleBase(tag: string): string {
  const base = tag
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_MODULE_BASE_LENGTH)
    .replace(/-+$/, '');
  return base === '' ? 'ops' : base;
}

interface TaggedOperation {
  id: string;
  method: string;
  path: string;
  pointer: string;
  tags: readonly string[];
}

/** The group key of an operation: its first tag, or `undefined` when it has none. */
function groupOf(op: TaggedOperation): string | undefined {
  return op.tags[0];
}

/** The module name of every group (first tag; `undefined` for untagged operations), and the renames. */
export function assignModuleNames(operations: readonly TaggedOperation[]): {
  names: Map<string | undefined, string>;
  diagnostics: UnlocatedDiagnostic[];
} {
  const firstOf = new Map<string | undefined, TaggedOperation>();
  for (const op of operations) if (!firstOf.has(groupOf(op))) firstOf.set(groupOf(op), op);
  // Untagged first, then the tags in code-unit order: independent of the order of operations.
  const tags = [...firstOf.keys()].filter((g): g is string => g !== undefined);
  const groups = [
    ...(firstOf.has(undefined) ? [undefined] : []),
    ...tags.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
  ];
  const baseOf = (group: string | undefined) => (group === undefined ? UNTAGGED : tagToModuleBase(group));
  const names = new Map<string | undefined, string>();
  const used = new Set<string>();
  // First the owners of their plain name: the untagged group, a tag that is its own kebab name, then the rest.
  const owners = [
    ...groups.filter((g) => g === undefined || g === baseOf(g)),
    ...groups.filter((g) => g !== undefined && g !== baseOf(g)),
  ];
  for (const group of owners) {
    const base = baseOf(group);
    if (TAKEN.has(base) || used.has(base)) continue;
    names.set(group, base);
    used.add(base);
  }
  const diagnostics: UnlocatedDiagnostic[] = [];
  for (const group of groups) {
    if (names.has(group)) continue;
    const base = baseOf(group);
    const stem = TAKEN.has(base) ? `${base}-ops` : base;
    let name = TAKEN.has(base) ? stem : `${stem}-2`;
    for (let n = TAKEN.has(base) ? 2 : 3; used.has(name); n++) name = `${stem}-${n}`;
    names.set(group, name);
    used.add(name);
    const op = firstOf.get(group)!;
    const why = GENERATOR_MODULE_NAMES.includes(base)
      ? `the generator writes "${base}" itself`
      : TAKEN.has(base)
        ? `Windows reserves the file name "${base}"`
        : `another tag also makes "${base}" (module names ignore case and punctuation)`;
    diagnostics.push({
      code: 'name-renamed',
      severity: 'warning',
      message: `${operationLabel(op)}: the tag "${group ?? UNTAGGED}" is generated as the module "${name}" (client/${name}.ts, server/${name}.ts): ${why}.`,
      pointer: `${op.pointer}/tags/0`,
      hint: `Give the tag a kebab-case name no other tag has and not ${GENERATOR_MODULE_NAMES.join(', ')} (or turn the warning off: --rule name-renamed=off).`,
    });
  }
  return { names, diagnostics };
}
