/**
 * `idemgen verify`'s engine: for each operation, the active checks send their requests (one check at a
 * time, so that their keys and answers stay apart), then the passive checks judge every answer seen.
 * `planVerify` lists the same requests without sending anything (`--dry-run`).
 */
import { randomUUID } from 'node:crypto';
import type { ApiModel, OperationModel } from '../model/types.js';
import { CHECKS, type CheckName } from './check-names.js';
import type { ActiveCheck, CheckContext, PlannedRequest, Verdict } from './checks/check-context.js';
import { sendPlanned } from './checks/check-context.js';
import { concurrentDuplicatesCheck } from './checks/concurrent-duplicates.js';
import { checkDeclaredResponses } from './checks/declared-responses.js';
import { checkErrorFormat } from './checks/error-format.js';
import { fingerprintCheck } from './checks/fingerprint.js';
import { keyMalformedCheck, keyRequiredCheck } from './checks/key-probes.js';
import { lostResponseCheck } from './checks/lost-response.js';
import { replayCheck } from './checks/replay.js';
import { checkRetryHints } from './checks/retry-hints.js';
import { type FaultProxy, startFaultProxy } from './fault-proxy.js';
import { buildRequestTemplate, toProbe } from './request-template.js';
import { createSchemaValidator } from './schema-validator.js';
import { createSend, type Send } from './send-request.js';
import type { CheckResult, Exchange, VerifyReport, VerifySetup } from './types.js';

export const ACTIVE_CHECKS: readonly ActiveCheck[] = [
  replayCheck,
  lostResponseCheck,
  concurrentDuplicatesCheck,
  fingerprintCheck,
  keyRequiredCheck,
  keyMalformedCheck,
];

const PASSIVE_CHECKS: readonly [CheckName, (context: CheckContext, exchanges: Exchange[]) => Verdict][] = [
  ['error-format', checkErrorFormat],
  ['declared-responses', checkDeclaredResponses],
  ['retry-hints', checkRetryHints],
];

export interface VerifyInput {
  model: ApiModel;
  /** The spec as named on the command line (for the report). */
  spec: string;
  baseUrl: string;
  operations: readonly OperationModel[];
  setup: VerifySetup;
  /** Tests inject these; by default real sockets, random UUID keys and real waits. */
  send?: Send;
  newKey?: () => string;
  sleep?: (ms: number) => Promise<void>;
  /** Called before each check with how many are done and how many there are. */
  onProgress?: (event: { done: number; total: number; operation: string; check: CheckName }) => void;
}

export interface PlannedCheck {
  check: CheckName;
  skip?: string;
  requests: PlannedRequest[];
}

export interface PlannedOperation {
  operation: OperationModel;
  checks: PlannedCheck[];
}

function contexts(input: VerifyInput & { proxy: () => Promise<FaultProxy> }) {
  const validator = createSchemaValidator({ document: input.model.document, openapi: input.model.openapi });
  const send = input.send ?? createSend({ timeoutMs: input.setup.timeoutMs });
  const newKey = input.newKey ?? (() => `verify-${randomUUID()}`);
  const sleep = input.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return input.operations.map(
    (operation): CheckContext => ({
      operation,
      template: buildRequestTemplate({ document: input.model.document, operation, setup: input.setup }),
      document: input.model.document,
      baseUrl: input.baseUrl,
      setup: input.setup,
      validator,
      send,
      proxy: input.proxy,
      newKey,
      sleep,
      recorded: [],
    }),
  );
}

function checksFor(context: CheckContext): PlannedCheck[] {
  if (!context.operation.idempotency) {
    const request = toProbe({ operation: context.operation, template: context.template });
    return [
      ...ACTIVE_CHECKS.map((c) => ({
        check: c.name,
        skip: 'the operation has no idempotency contract',
        requests: [],
      })),
      { check: 'declared-responses', requests: [{ label: 'request', role: 'valid', request }] },
    ];
  }
  return ACTIVE_CHECKS.map((c) => {
    const skip = c.skip(context);
    return skip ? { check: c.name, skip, requests: [] } : { check: c.name, requests: c.plan(context) };
  });
}

/** The requests a run would send, operation by operation and check by check. Nothing is sent. */
export function planVerify(input: VerifyInput): PlannedOperation[] {
  const noProxy = () => Promise.reject(new Error('a plan starts no proxy'));
  return contexts({ ...input, proxy: noProxy }).map((context) => ({
    operation: context.operation,
    checks: checksFor(context),
  }));
}

export async function runVerify(input: VerifyInput): Promise<VerifyReport> {
  const started = performance.now();
  let proxy: Promise<FaultProxy> | undefined;
  const getProxy = () => {
    proxy ??= startFaultProxy({ targetUrl: input.baseUrl });
    return proxy;
  };
  const results: CheckResult[] = [];
  const all = contexts({ ...input, proxy: getProxy });
  const total = all.length * (ACTIVE_CHECKS.length + PASSIVE_CHECKS.length);
  try {
    for (const context of all) {
      const id = context.operation.id;
      for (const planned of checksFor(context)) {
        const active = ACTIVE_CHECKS.find((c) => c.name === planned.check);
        const begun = performance.now();
        input.onProgress?.({ done: results.length, total, operation: id, check: planned.check });
        let verdict: Verdict;
        if (planned.skip) verdict = { outcome: 'skip', reason: planned.skip, exchanges: [] };
        else if (active) verdict = await active.run(context, planned.requests);
        else {
          // An operation without a contract: one plain request, judged by the passive checks only.
          await sendPlanned(context, planned.requests[0]!);
          continue;
        }
        results.push(toResult({ check: planned.check, operation: id, verdict, begun }));
      }
      for (const [check, judge] of PASSIVE_CHECKS) {
        const begun = performance.now();
        input.onProgress?.({ done: results.length, total, operation: id, check });
        results.push(toResult({ check, operation: id, verdict: judge(context, context.recorded), begun }));
      }
    }
  } finally {
    if (proxy) await (await proxy).close();
  }
  return {
    baseUrl: input.baseUrl,
    spec: input.spec,
    results,
    summary: {
      pass: results.filter((r) => r.outcome === 'pass').length,
      fail: results.filter((r) => r.outcome === 'fail').length,
      skip: results.filter((r) => r.outcome === 'skip').length,
    },
    durationMs: Math.round(performance.now() - started),
  };
}

function toResult(input: {
  check: CheckName;
  operation: string;
  verdict: Verdict;
  begun: number;
}): CheckResult {
  const { verdict } = input;
  return {
    check: input.check,
    operation: input.operation,
    outcome: verdict.outcome,
    sentence: CHECKS[input.check],
    ...(verdict.reason !== undefined ? { reason: verdict.reason } : {}),
    exchanges: verdict.exchanges,
    durationMs: Math.round(performance.now() - input.begun),
  };
}
