/**
 * `x-pagination` (and the aliases `x-speakeasy-pagination`, `x-fern-pagination`) -> one operation's paging
 * contract. Root and path item give defaults; an operation is paginated only when it carries the extension
 * itself (`true` takes what it inherits). Levels merge field by field, the nearest winning; `false` drops
 * what is inherited. Where ours and an alias stand on one node, ours wins (`compat-alias-shadowed`).
 */
import type { JsonObject, JsonValue } from '../core/json.js';
import { isObject } from '../core/json.js';
import type { NextCursorSource, PaginationType } from '../runtime/pagination/types.js';
import { type Annotation, FieldCollector, readAnnotation } from './annotation.js';
import { type ContractLevel, mergeLevels } from './contracts.js';
import type { PaginationContract } from './types.js';

export const PAGINATION = 'x-pagination';
export const SPEAKEASY_PAGINATION = 'x-speakeasy-pagination';
export const FERN_PAGINATION = 'x-fern-pagination';

export type PaginationFields = Partial<Omit<PaginationContract, 'pointer' | 'fieldPointers'>>;

const TYPES: readonly PaginationType[] = ['cursor', 'pageToken', 'link', 'offset'];

const name = (value: JsonValue | undefined) =>
  typeof value === 'string' && value !== '' ? value : undefined;
const pointerOrUndefined = (value: JsonValue | undefined) =>
  typeof value === 'string' && (value === '' || value.startsWith('/')) ? value : undefined;

/** `/a/b` (body) or `header:Name`. */
export function readNextCursor(value: JsonValue | undefined): NextCursorSource | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.startsWith('/')) return { in: 'body', pointer: value };
  const header = /^header:(.+)$/.exec(value)?.[1];
  return header === undefined ? undefined : { in: 'header', name: header };
}

function readFields(value: JsonObject, pointer: string): Annotation<PaginationFields> {
  const c = new FieldCollector<PaginationFields>(pointer);
  c.set(
    'type',
    TYPES.find((t) => t === value.type),
    'type',
  );
  c.set('items', pointerOrUndefined(value.items), 'items');
  c.set('cursorParam', name(value.cursorParam), 'cursorParam');
  c.set('nextCursor', readNextCursor(value.nextCursor), 'nextCursor');
  c.set('offsetParam', name(value.offsetParam), 'offsetParam');
  c.set('limitParam', name(value.limitParam), 'limitParam');
  return c.toAnnotation();
}

/** `$.data.items`, `$response.data.items` -> `/data/items`; `$`, `$response` -> `''`. */
export function jsonPathToPointer(path: string, root: RegExp): string | undefined {
  const rest = path.replace(root, '');
  if (rest === path && !root.test(path)) return undefined;
  if (rest === '') return '';
  if (!/^(\.[^.[\]]+)+$/.test(rest)) return undefined;
  return rest
    .slice(1)
    .split('.')
    .map((part) => `/${part.replaceAll('~', '~0').replaceAll('/', '~1')}`)
    .join('');
}

/** Speakeasy: `type` cursor/offsetLimit, `inputs` by type, `outputs.results`/`nextCursor` as JSONPath. */
function readSpeakeasy(
  value: JsonValue | undefined,
  pointer: string,
): Annotation<PaginationFields> | undefined {
  if (!isObject(value)) return undefined;
  const type = value.type === 'cursor' ? 'cursor' : value.type === 'offsetLimit' ? 'offset' : undefined;
  if (type === undefined) return { on: false, pointer };
  const c = new FieldCollector<PaginationFields>(pointer);
  c.fields.type = type;
  c.fieldPointers.type = `${pointer}/type`;
  const inputs = Array.isArray(value.inputs) ? value.inputs : [];
  inputs.forEach((input, index) => {
    if (!isObject(input) || typeof input.name !== 'string') return;
    const field = { cursor: 'cursorParam', offset: 'offsetParam', limit: 'limitParam' } as const;
    const key = field[input.type as keyof typeof field];
    if (key) c.set(key, input.name, key, `inputs/${index}/name`);
  });
  const outputs = isObject(value.outputs) ? value.outputs : {};
  const path = (v: JsonValue | undefined) =>
    typeof v === 'string' ? jsonPathToPointer(v, /^\$/) : undefined;
  c.set('items', path(outputs.results), 'items', 'outputs/results');
  const next = path(outputs.nextCursor);
  c.set('nextCursor', next ? { in: 'body', pointer: next } : undefined, 'nextCursor', 'outputs/nextCursor');
  return c.toAnnotation();
}

/** Fern: `cursor: $request.x`, `next_cursor: $response.a.b`, `results: $response.a`, `offset`, `step`. */
function readFern(value: JsonValue | undefined, pointer: string): Annotation<PaginationFields> | undefined {
  if (value === true || value === false) return readAnnotation({ value, pointer, readFields, empty: {} });
  if (!isObject(value)) return undefined;
  const c = new FieldCollector<PaginationFields>(pointer);
  const request = (v: JsonValue | undefined) =>
    typeof v === 'string' ? /^\$request\.(.+)$/.exec(v)?.[1] : undefined;
  const response = (v: JsonValue | undefined) =>
    typeof v === 'string' ? jsonPathToPointer(v, /^\$response/) : undefined;
  if (value.offset !== undefined) {
    c.fields.type = 'offset';
    c.set('offsetParam', request(value.offset), 'offsetParam', 'offset');
    c.set('limitParam', request(value.step), 'limitParam', 'step');
  } else if (value.cursor !== undefined) {
    c.fields.type = 'cursor';
    c.set('cursorParam', request(value.cursor), 'cursorParam', 'cursor');
    const next = response(value.next_cursor);
    c.set('nextCursor', next ? { in: 'body', pointer: next } : undefined, 'nextCursor', 'next_cursor');
  }
  c.set('items', response(value.results), 'items', 'results');
  return c.toAnnotation();
}

function paginationAt(level: ContractLevel): Annotation<PaginationFields> | undefined {
  const at = (key: string) => `${level.pointer}/${key}`;
  return (
    readAnnotation({ value: level.node[PAGINATION], pointer: at(PAGINATION), readFields, empty: {} }) ??
    readSpeakeasy(level.node[SPEAKEASY_PAGINATION], at(SPEAKEASY_PAGINATION)) ??
    readFern(level.node[FERN_PAGINATION], at(FERN_PAGINATION))
  );
}

/** The defaults of each paging style. */
function withDefaults(fields: PaginationFields): Omit<PaginationContract, 'pointer' | 'fieldPointers'> {
  const type = fields.type ?? 'cursor';
  const out: Omit<PaginationContract, 'pointer' | 'fieldPointers'> = { type, items: fields.items ?? '' };
  if (type === 'cursor' || type === 'pageToken') {
    out.cursorParam = fields.cursorParam ?? (type === 'cursor' ? 'cursor' : 'pageToken');
    out.nextCursor = fields.nextCursor ?? {
      in: 'body',
      pointer: type === 'cursor' ? '/nextCursor' : '/nextPageToken',
    };
  }
  if (type === 'offset') {
    out.offsetParam = fields.offsetParam ?? 'offset';
    out.limitParam = fields.limitParam ?? 'limit';
  } else if (fields.limitParam !== undefined) out.limitParam = fields.limitParam;
  return out;
}

/** The operation's paging contract; undefined when the operation itself does not opt in. */
export function readPagination(levels: {
  root: ContractLevel;
  pathItem: ContractLevel;
  operation: ContractLevel;
}): PaginationContract | undefined {
  const own = paginationAt(levels.operation);
  if (own?.on !== true) return undefined;
  const merged = mergeLevels<PaginationFields>(
    [paginationAt(levels.root), paginationAt(levels.pathItem), own],
    (base, top) => ({ ...base, ...top }),
    {},
  );
  if (!merged) return undefined;
  return { ...withDefaults(merged.fields), pointer: merged.pointer, fieldPointers: merged.fieldPointers };
}
