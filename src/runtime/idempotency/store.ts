import { randomUuid } from '../shared/uuid.js';

/**
 * The dedup store: a few protected primitives over a record state machine.
 *
 *   (none) --claim--> in-progress --complete(token)--> completed --expiresAt--> expired (claimable)
 *                       |  \--release(token)--> (none)
 *                       \--leaseExpiresAt--> expired (claimable: take-over, new token)
 *
 * Every time is passed in by the engine (`now`, in ms since the epoch from its injected clock), so a store
 * never reads a wall clock of its own and every expiry is compared against the same clock.
 *
 * Fencing: a token is `<fence>:<nonce>`. `fence` counts the claims of one record (1 for a fresh record, +1 for
 * each take-over or re-claim of an expired one) and is there for ordering and observability; `nonce` is a
 * random UUID (122 random bits). `complete` and `release` compare the whole token for equality, so a holder
 * whose lease was taken over can never write, even when the record was deleted in between (release, sweep,
 * eviction, a Redis TTL) and its fence started again at 1: the new holder's nonce differs, and two equal
 * nonces are as unlikely as two equal random UUIDs.
 */

/** A finished response as kept for replay. */
export interface StoredOutcome {
  status: number;
  /** Lower-case header names: `content-type` and the operation's declared response headers. */
  headers: Record<string, string>;
  /** The body: UTF-8 text as is, or base64 when `bodyEncoding` is `base64` (binary bodies). */
  body: string;
  bodyEncoding: 'text' | 'base64';
}

export type IdempotencyRecordState = 'in-progress' | 'completed';

/** A record as the store holds it (`get`), expired or not. */
export interface IdempotencyRecord {
  key: string;
  state: IdempotencyRecordState;
  fingerprint: string;
  token: string;
  fence: number;
  /** Set while in progress: after this instant the lease may be taken over. */
  leaseExpiresAt?: number;
  /** Set once completed: after this instant the record is gone (claimable again). */
  expiresAt?: number;
  outcome?: StoredOutcome;
}

export interface ClaimInput {
  /** The scoped store key (a SHA-256 hex digest from the engine). */
  key: string;
  fingerprint: string;
  leaseMs: number;
  now: number;
}

export type ClaimResult =
  | { kind: 'claimed'; token: string; fence: number; takenOver: boolean }
  | { kind: 'in-progress'; fingerprint: string; leaseExpiresAt: number }
  | { kind: 'completed'; fingerprint: string; outcome: StoredOutcome };

export interface CompleteInput {
  key: string;
  token: string;
  outcome: StoredOutcome;
  ttlMs: number;
  now: number;
}

export interface ReleaseInput {
  key: string;
  token: string;
}

export interface IdempotencyStore {
  /** What telemetry calls the store (`idempotency.store.name`): `memory`, `sqlite`, `redis`, `postgresql`. */
  readonly name?: string;
  /**
   * Atomically claims `key`: a missing record, a completed record at or past its `expiresAt` or an in-progress
   * record at or past its lease is (re)claimed; otherwise the live record is reported.
   */
  claim(input: ClaimInput): Promise<ClaimResult>;
  /** Stores the outcome if the record is still in progress under `token`; false otherwise (fenced). */
  complete(input: CompleteInput): Promise<boolean>;
  /** Deletes the record if it is still in progress under `token`; false otherwise. */
  release(input: ReleaseInput): Promise<boolean>;
  /** The raw record, expired or not (inspection and tests). */
  get(key: string): Promise<IdempotencyRecord | undefined>;
  /** Deletes expired records; returns how many. Stores that expire by themselves may omit it. */
  sweep?(now: number): Promise<number>;
  close?(): Promise<void>;
}

/** Whether a record may be claimed at `now` (absent, or expired in either state). */
export function isRecordClaimable(record: IdempotencyRecord | undefined, now: number): boolean {
  if (record === undefined) return true;
  if (record.state === 'completed') return (record.expiresAt ?? 0) <= now;
  return (record.leaseExpiresAt ?? 0) <= now;
}

/** A fresh token for the `fence`-th claim of a record. */
export function createFencingToken(fence: number): string {
  return `${fence}:${randomUuid()}`;
}
