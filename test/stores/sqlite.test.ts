import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStoreUnavailableError } from '../../src/runtime/errors/index.js';
import type { SqliteDatabaseLike } from '../../src/runtime/idempotency/stores/sqlite.js';
import { createSqliteStore } from '../../src/runtime/idempotency/stores/sqlite.js';
import { describeStoreConformance } from './store.case.js';

describeStoreConformance('sqlite', { sweep: true, restart: true }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'idemgen-sqlite-'));
  const file = join(dir, 'dedup.db');
  let db = new Database(file);
  return {
    store: createSqliteStore({ db }),
    restart: async () => {
      db.close();
      db = new Database(file);
      return createSqliteStore({ db });
    },
    cleanup: async () => {
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('sqlite store', () => {
  let dir: string;
  const opened: Database.Database[] = [];
  const open = (name = 'dedup.db'): Database.Database => {
    const db = new Database(join(dir, name));
    opened.push(db);
    return db;
  };
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'idemgen-sqlite-'));
  });
  afterEach(async () => {
    for (const db of opened.splice(0)) db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('accepts a better-sqlite3 Database structurally and switches it to WAL', () => {
    const db = open();
    const structural: SqliteDatabaseLike = db;
    createSqliteStore({ db: structural });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('shares claims between two connections to one file (two processes on one machine)', async () => {
    const a = createSqliteStore({ db: open() });
    const b = createSqliteStore({ db: open() });
    const first = await a.claim({ key: 'k', fingerprint: 'f', leaseMs: 1_000, now: 0 });
    expect(first.kind).toBe('claimed');
    expect(await b.claim({ key: 'k', fingerprint: 'f', leaseMs: 1_000, now: 10 })).toMatchObject({
      kind: 'in-progress',
      leaseExpiresAt: 1_000,
    });
    const taken = await b.claim({ key: 'k', fingerprint: 'f', leaseMs: 1_000, now: 1_000 });
    expect(taken).toMatchObject({ kind: 'claimed', takenOver: true, fence: 2 });
    if (first.kind !== 'claimed') return;
    expect(
      await a.complete({ key: 'k', token: first.token, outcome: emptyOutcome, ttlMs: 10, now: 1_001 }),
    ).toBe(false);
  });

  it('uses the table name given, and refuses one that is not a plain identifier', async () => {
    const db = open();
    const store = createSqliteStore({ db, table: 'dedup_v2' });
    await store.claim({ key: 'k', fingerprint: 'f', leaseMs: 1_000, now: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM dedup_v2').get()).toEqual({ n: 1 });
    expect(() => createSqliteStore({ db, table: 'x; DROP TABLE dedup_v2' })).toThrow(TypeError);
  });

  it('turns driver errors into StoreUnavailableError', async () => {
    const db = open();
    const store = createSqliteStore({ db });
    db.close();
    const error = await store
      .claim({ key: 'k', fingerprint: 'f', leaseMs: 1, now: 0 })
      .catch((e: unknown) => e);
    expect(isStoreUnavailableError(error)).toBe(true);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});

const emptyOutcome = { status: 204, headers: {}, body: '', bodyEncoding: 'text' } as const;
