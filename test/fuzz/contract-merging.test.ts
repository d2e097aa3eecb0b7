/**
 * Property tests of contract merging (src/model/contracts.ts with read-idempotency.ts and read-retry.ts):
 * random `x-idempotency` / `x-retry` annotations at the root, the path item and the operation are merged as
 * the contract (docs/extensions.md) says, checked against a small reference model written from that text:
 * the nearest wins field by field (backoff too; `key` whole), `false` switches off and drops what is inherited,
 * `true` switches on and adds nothing, root and path-item idempotency reach POST and PATCH only, and an
 * unsafe operation that retries without idempotency is suppressed. Key order never matters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../src/core/json.js';
import { type ContractLevel, mergeContracts, type OperationContracts } from '../../src/model/contracts.js';
import type { HttpMethod } from '../../src/model/types.js';
import { DEFAULT_IDEMPOTENCY } from '../../src/runtime/idempotency/defaults.js';
import { DEFAULT_RETRY_POLICY as DEFAULT_RETRY } from '../../src/runtime/retry/defaults.js';
import { fuzzParameters } from './fuzz-settings.js';

/** A field's value as written, and as the model reads it (`SKIP`: invalid, so not read at all). */
const SKIP = Symbol('skip');
type Written = [raw: JsonValue, read: unknown];
const w = (raw: JsonValue, read: unknown = raw): Written => [raw, read];

const IDEMPOTENCY_FIELDS: Record<string, { model: string; values: Written[] }> = {
  key: {
    model: 'key',
    values: [
      w({ in: 'header', name: 'Idempotency-Key' }),
      w({ in: 'body', pointer: '/id' }),
      w({ in: 'query', name: 'k' }),
      w({ in: 'cookie', name: 'k' }, SKIP),
    ],
  },
  required: { model: 'required', values: [w(true), w(false), w('yes', SKIP)] },
  ttl: { model: 'ttlMs', values: [w('24h', 86_400_000), w(1500), w('2d', 172_800_000), w('soon', SKIP)] },
  inProgressTimeout: {
    model: 'inProgressTimeoutMs',
    values: [w('60s', 60_000), w('5m', 300_000), w(90_000), w(-1, SKIP)],
  },
  fingerprint: {
    model: 'fingerprint',
    values: [w(['method', 'body']), w(['header:X-Tenant', 'path']), w(['everything'], SKIP)],
  },
  scope: {
    model: 'scope',
    values: [w(['principal', 'operation']), w(['header:X-Tenant']), w('principal', SKIP)],
  },
  concurrent: { model: 'concurrent', values: [w('reject'), w('wait'), w('queue', SKIP)] },
  replay: {
    model: 'replay',
    values: [w(['2XX']), w(['201', '4xx'], ['201', '4XX']), w([201], ['201']), w(['6XX'], SKIP)],
  },
};

const RETRY_FIELDS: Record<string, { model: string; values: Written[] }> = {
  maxAttempts: { model: 'maxAttempts', values: [w(1), w(2), w(5), w(0, SKIP), w(2.5, SKIP)] },
  maxElapsed: { model: 'maxElapsedMs', values: [w('60s', 60_000), w('2m', 120_000), w('x', SKIP)] },
  attemptTimeout: { model: 'attemptTimeoutMs', values: [w('30s', 30_000), w(5000)] },
  retryOn: {
    model: 'retryOn',
    values: [
      w([503, '5XX', 'network']),
      w(['429', '5xx'], [429, '5XX']),
      w([503, '503'], [503]),
      w(['teapot'], SKIP),
    ],
  },
  respectRetryAfter: { model: 'respectRetryAfter', values: [w(true), w(false)] },
};

const BACKOFF_FIELDS: Record<string, { model: string; values: Written[] }> = {
  initial: { model: 'initialMs', values: [w('100ms', 100), w(0), w('1s', 1000)] },
  max: { model: 'maxMs', values: [w('20s', 20_000), w(5000), w('forever', SKIP)] },
  multiplier: { model: 'multiplier', values: [w(1.5), w(2), w(3), w(-1, SKIP)] },
  jitter: {
    model: 'jitter',
    values: [w('none'), w('full'), w('equal'), w('decorrelated'), w('chaos', SKIP)],
  },
};

/** An object annotation: a random subset of fields, each with one of its written values. */
function objectArb(fields: Record<string, { values: Written[] }>) {
  const entries = Object.entries(fields).map(
    ([name, { values }]) => [name, fc.constantFrom(...values)] as const,
  );
  return fc.record(Object.fromEntries(entries), { requiredKeys: [] }) as fc.Arbitrary<
    Record<string, Written>
  >;
}

type Level<T> = { kind: 'absent' } | { kind: 'bool'; value: boolean } | { kind: 'object'; fields: T };
const levelArb = <T>(object: fc.Arbitrary<T>): fc.Arbitrary<Level<T>> =>
  fc.oneof(
    fc.constant({ kind: 'absent' as const }),
    fc.boolean().map((value) => ({ kind: 'bool' as const, value })),
    object.map((fields) => ({ kind: 'object' as const, fields })),
  );

type RetryWritten = { fields: Record<string, Written>; backoff?: Record<string, Written> };
const retryObjectArb: fc.Arbitrary<RetryWritten> = fc.record(
  { fields: objectArb(RETRY_FIELDS), backoff: objectArb(BACKOFF_FIELDS) },
  { requiredKeys: ['fields'] },
);

const caseArb = fc.record({
  method: fc.constantFrom<HttpMethod>('get', 'put', 'post', 'delete', 'patch', 'head', 'options'),
  idempotency: fc.tuple(
    levelArb(objectArb(IDEMPOTENCY_FIELDS)),
    levelArb(objectArb(IDEMPOTENCY_FIELDS)),
    levelArb(objectArb(IDEMPOTENCY_FIELDS)),
  ),
  retry: fc.tuple(levelArb(retryObjectArb), levelArb(retryObjectArb), levelArb(retryObjectArb)),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

const POINTERS = ['', '/paths/~1orders', '/paths/~1orders/post'];

function rawOf<T>(level: Level<T>, toRaw: (fields: T) => JsonValue): JsonValue | undefined {
  if (level.kind === 'absent') return undefined;
  return level.kind === 'bool' ? level.value : toRaw(level.fields);
}
const fieldsToRaw = (fields: Record<string, Written>): JsonObject =>
  Object.fromEntries(Object.entries(fields).map(([name, [raw]]) => [name, raw]));
const retryToRaw = (r: RetryWritten): JsonObject => ({
  ...fieldsToRaw(r.fields),
  ...(r.backoff === undefined ? {} : { backoff: fieldsToRaw(r.backoff) }),
});

function levelsOf(c: Case): ContractLevel[] {
  return [0, 1, 2].map((index) => {
    const node: JsonObject = {};
    const idem = rawOf(c.idempotency[index]!, fieldsToRaw);
    const retry = rawOf(c.retry[index]!, retryToRaw);
    if (idem !== undefined) node['x-idempotency'] = idem;
    if (retry !== undefined) node['x-retry'] = retry;
    return { node, pointer: POINTERS[index]! };
  });
}

const merge = (c: Case, levels = levelsOf(c)): OperationContracts =>
  mergeContracts({ root: levels[0]!, pathItem: levels[1]!, operation: levels[2]!, method: c.method });

/** The reference: the contract's merge rule, walked level by level over the written values. */
function expectedFields(
  levels: Level<Record<string, Written>>[],
  table: Record<string, { model: string }>,
  name: string,
  prefix = '',
) {
  let state:
    | { fields: Record<string, unknown>; pointers: Record<string, string>; pointer: string }
    | undefined;
  levels.forEach((level, index) => {
    if (level.kind === 'absent') return;
    const at = `${POINTERS[index]}/${name}`;
    if (level.kind === 'bool' && !level.value) {
      state = undefined;
      return;
    }
    state = { fields: { ...state?.fields }, pointers: { ...state?.pointers }, pointer: at };
    if (level.kind === 'object') {
      for (const [field, [, read]] of Object.entries(level.fields)) {
        if (read === SKIP) continue;
        state.fields[table[field]!.model] = read;
        state.pointers[`${prefix}${field}`] = `${at}/${prefix}${field}`;
      }
    }
  });
  return state;
}

function expectedContracts(c: Case) {
  const idemLevels = c.idempotency as Level<Record<string, Written>>[];
  const own = idemLevels[2]!;
  const applies =
    c.method === 'post' ||
    c.method === 'patch' ||
    own.kind === 'object' ||
    (own.kind === 'bool' && own.value);
  const idem = applies ? expectedFields(idemLevels, IDEMPOTENCY_FIELDS, 'x-idempotency') : undefined;
  const retryFields = expectedFields(
    c.retry.map((l) => (l.kind === 'object' ? { kind: 'object', fields: l.fields.fields } : l)) as Level<
      Record<string, Written>
    >[],
    RETRY_FIELDS,
    'x-retry',
  );
  const backoff = expectedFields(
    c.retry.map((l) =>
      l.kind === 'object' ? { kind: 'object', fields: l.fields.backoff ?? {} } : l,
    ) as Level<Record<string, Written>>[],
    BACKOFF_FIELDS,
    'x-retry',
    'backoff/',
  );
  const out: Record<string, unknown> = {};
  if (idem) {
    out.idempotency = {
      ...DEFAULT_IDEMPOTENCY,
      ...idem.fields,
      pointer: idem.pointer,
      fieldPointers: idem.pointers,
    };
  }
  if (retryFields) {
    out.retry = {
      ...DEFAULT_RETRY,
      ...retryFields.fields,
      backoff: { ...DEFAULT_RETRY.backoff, ...backoff?.fields },
      pointer: retryFields.pointer,
      fieldPointers: { ...retryFields.pointers, ...backoff?.pointers },
    };
  }
  const retry = out.retry as { maxAttempts: number } | undefined;
  if (retry && retry.maxAttempts > 1 && (c.method === 'post' || c.method === 'patch') && !idem) {
    out.retrySuppressed = 'unsafe-without-idempotency';
  }
  return out;
}

/** The same JSON with every object's keys in another order. */
function permuteKeys(value: JsonValue, random: () => number): JsonValue {
  if (Array.isArray(value)) return value.map((v) => permuteKeys(v, random));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, permuteKeys(v, random)]));
}

describe('contract merging (property)', () => {
  it('matches the reference model of the contract (fields, defaults, pointers, suppression)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        expect(merge(c)).toEqual(expectedContracts(c));
      }),
      fuzzParameters(2_000),
    );
  });

  it('does not depend on key order', () => {
    fc.assert(
      fc.property(caseArb, fc.integer(), (c, seed) => {
        let state = seed;
        const random = () => {
          state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
          return Math.abs(state) / 2_147_483_648;
        };
        const permuted = levelsOf(c).map((l) => ({ ...l, node: permuteKeys(l.node, random) as JsonObject }));
        expect(merge(c, permuted)).toEqual(merge(c));
      }),
      fuzzParameters(1_000),
    );
  });

  it('an operation-level field always wins when present; false at the operation always switches off', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const result = merge(c);
        const [, , ownIdem] = c.idempotency;
        const [, , ownRetry] = c.retry;
        if (ownIdem.kind === 'bool' && !ownIdem.value) expect(result.idempotency).toBeUndefined();
        if (ownRetry.kind === 'bool' && !ownRetry.value) expect(result.retry).toBeUndefined();
        if (ownIdem.kind === 'object') {
          for (const [field, [, read]] of Object.entries(ownIdem.fields)) {
            if (read === SKIP) continue;
            const model = IDEMPOTENCY_FIELDS[field]!.model as keyof NonNullable<
              OperationContracts['idempotency']
            >;
            expect(result.idempotency?.[model]).toEqual(read);
          }
        }
        if (ownRetry.kind === 'object') {
          for (const [field, [, read]] of Object.entries(ownRetry.fields.fields)) {
            if (read === SKIP) continue;
            const model = RETRY_FIELDS[field]!.model as keyof NonNullable<OperationContracts['retry']>;
            expect(result.retry?.[model]).toEqual(read);
          }
          for (const [field, [, read]] of Object.entries(ownRetry.fields.backoff ?? {})) {
            if (read === SKIP) continue;
            const model = BACKOFF_FIELDS[field]!.model as keyof NonNullable<
              OperationContracts['retry']
            >['backoff'];
            expect(result.retry?.backoff[model]).toEqual(read);
          }
        }
      }),
      fuzzParameters(1_000),
    );
  });

  it('true at every level gives exactly the defaults; idempotency reaches GET, PUT, DELETE only from the operation', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const on = { kind: 'bool', value: true } as const;
        const allTrue = merge({ ...c, idempotency: [on, on, on], retry: [on, on, on] });
        expect(allTrue.idempotency).toMatchObject({ ...DEFAULT_IDEMPOTENCY, fieldPointers: {} });
        expect(allTrue.retry).toMatchObject({ ...DEFAULT_RETRY, fieldPointers: {} });
        if (c.method !== 'post' && c.method !== 'patch' && c.idempotency[2].kind !== 'object') {
          const own = c.idempotency[2];
          if (!(own.kind === 'bool' && own.value)) expect(merge(c).idempotency).toBeUndefined();
        }
      }),
      fuzzParameters(500),
    );
  });
});
