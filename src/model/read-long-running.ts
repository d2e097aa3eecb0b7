/**
 * `x-long-running` (and Azure's `x-ms-long-running-operation` with its `-options`) -> one operation's
 * long-running contract. Root and path item give defaults; an operation is long-running only when it
 * carries the extension itself. Levels merge field by field (`backoff` too), the nearest winning; `false`
 * drops what is inherited. Where ours and the alias stand on one node, ours wins (`compat-alias-shadowed`).
 */
import { durationOrUndefined } from '../core/durations.js';
import type { JsonObject, JsonValue } from '../core/json.js';
import { isObject } from '../core/json.js';
import type { FinalStateVia } from '../runtime/long-running/types.js';
import { type Annotation, FieldCollector, readAnnotation } from './annotation.js';
import { type ContractLevel, mergeLevels } from './contracts.js';
import { positiveNumber } from './read-retry.js';
import type { BackoffPolicy, Jitter, LongRunningContract } from './types.js';

export const LONG_RUNNING = 'x-long-running';
export const MS_LONG_RUNNING = 'x-ms-long-running-operation';
export const MS_LONG_RUNNING_OPTIONS = 'x-ms-long-running-operation-options';

type Fields = Partial<Omit<LongRunningContract, 'pointer' | 'fieldPointers' | 'backoff'>> & {
  backoff?: Partial<BackoffPolicy>;
};

const VIA: readonly FinalStateVia[] = ['location', 'operation-location', 'azure-async-operation'];
const JITTERS: readonly Jitter[] = ['none', 'full', 'equal', 'decorrelated'];

export const DEFAULT_LONG_RUNNING: Omit<LongRunningContract, 'pointer' | 'fieldPointers'> = {
  finalStateVia: 'location',
  statusPointer: '/status',
  succeeded: ['succeeded'],
  failed: ['failed', 'canceled', 'cancelled'],
  backoff: { initialMs: 1000, maxMs: 30_000, multiplier: 1.5, jitter: 'none' },
  maxWaitMs: 10 * 60 * 1000,
};

const states = (value: JsonValue | undefined) =>
  Array.isArray(value) && value.length > 0 && value.every((s) => typeof s === 'string' && s !== '')
    ? (value as string[])
    : undefined;

function readFields(value: JsonObject, pointer: string): Annotation<Fields> {
  const c = new FieldCollector<Fields>(pointer);
  c.set(
    'finalStateVia',
    VIA.find((v) => v === value.finalStateVia),
    'finalStateVia',
  );
  const statusPointer = value.statusPointer;
  c.set(
    'statusPointer',
    typeof statusPointer === 'string' && statusPointer.startsWith('/') ? statusPointer : undefined,
    'statusPointer',
  );
  c.set('succeeded', states(value.succeeded), 'succeeded');
  c.set('failed', states(value.failed), 'failed');
  const result = value.resultPointer;
  c.set(
    'resultPointer',
    typeof result === 'string' && (result === '' || result.startsWith('/')) ? result : undefined,
    'resultPointer',
  );
  if (isObject(value.backoff)) {
    const b = value.backoff;
    const backoff: Partial<BackoffPolicy> = {};
    const initial = durationOrUndefined(b.initial);
    if (initial !== undefined) backoff.initialMs = initial;
    const max = durationOrUndefined(b.max);
    if (max !== undefined) backoff.maxMs = max;
    const multiplier = positiveNumber(b.multiplier);
    if (multiplier !== undefined) backoff.multiplier = multiplier;
    const jitter = JITTERS.find((j) => j === b.jitter);
    if (jitter !== undefined) backoff.jitter = jitter;
    if (Object.keys(backoff).length > 0) {
      c.fields.backoff = backoff;
      c.fieldPointers.backoff = `${pointer}/backoff`;
    }
  }
  c.set('maxWaitMs', durationOrUndefined(value.maxWait), 'maxWait');
  return c.toAnnotation();
}

/** Azure: `x-ms-long-running-operation: true`, `final-state-via` from its options on the same node. */
function readAzure(node: JsonObject, pointer: string): Annotation<Fields> | undefined {
  const value = node[MS_LONG_RUNNING];
  if (value !== true && value !== false) return undefined;
  const at = `${pointer}/${MS_LONG_RUNNING}`;
  if (value === false) return { on: false, pointer: at };
  const c = new FieldCollector<Fields>(at);
  const options = node[MS_LONG_RUNNING_OPTIONS];
  const via = isObject(options) ? VIA.find((v) => v === options['final-state-via']) : undefined;
  if (via !== undefined) {
    c.fields.finalStateVia = via;
    c.fieldPointers.finalStateVia = `${pointer}/${MS_LONG_RUNNING_OPTIONS}/final-state-via`;
  }
  return c.toAnnotation();
}

function longRunningAt(level: ContractLevel): Annotation<Fields> | undefined {
  return (
    readAnnotation({
      value: level.node[LONG_RUNNING],
      pointer: `${level.pointer}/${LONG_RUNNING}`,
      readFields,
      empty: {},
    }) ?? readAzure(level.node, level.pointer)
  );
}

/** The operation's long-running contract; undefined when the operation itself does not opt in. */
export function readLongRunning(levels: {
  root: ContractLevel;
  pathItem: ContractLevel;
  operation: ContractLevel;
}): LongRunningContract | undefined {
  const own = longRunningAt(levels.operation);
  if (own?.on !== true) return undefined;
  const merged = mergeLevels<Fields>(
    [longRunningAt(levels.root), longRunningAt(levels.pathItem), own],
    (base, top) => ({ ...base, ...top, backoff: { ...base.backoff, ...top.backoff } }),
    {},
  );
  if (!merged) return undefined;
  const { backoff, ...fields } = merged.fields;
  return {
    ...DEFAULT_LONG_RUNNING,
    ...fields,
    backoff: { ...DEFAULT_LONG_RUNNING.backoff, ...backoff },
    pointer: merged.pointer,
    fieldPointers: merged.fieldPointers,
  };
}
