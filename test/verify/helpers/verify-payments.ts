/** Runs the verify engine on examples/payments.yaml against a server, with deterministic keys. */
import { lint } from '../../../src/lint.js';
import type { ApiModel } from '../../../src/model/types.js';
import type { CheckName } from '../../../src/verify/check-names.js';
import { runVerify } from '../../../src/verify/run-verify.js';
import { selectOperations } from '../../../src/verify/select-operations.js';
import type { CheckOutcome, VerifyReport, VerifySetup } from '../../../src/verify/types.js';
import { PAYMENTS_SPEC } from './payments-server.js';

let model: ApiModel | undefined;

export async function paymentsModel(): Promise<ApiModel> {
  if (model) return model;
  const result = await lint({ spec: PAYMENTS_SPEC });
  if (!result.model) throw new Error('examples/payments.yaml did not load');
  model = result.model;
  return model;
}

export const SETUP: VerifySetup = {
  headers: {},
  pathParams: {},
  requests: {},
  concurrency: 5,
  timeoutMs: 15_000,
};

export async function verifyPayments(input: {
  baseUrl: string;
  operations?: string[];
  setup?: Partial<VerifySetup>;
}): Promise<VerifyReport> {
  const apiModel = await paymentsModel();
  const { operations } = selectOperations({ model: apiModel, operations: input.operations ?? [] });
  let n = 0;
  return runVerify({
    model: apiModel,
    spec: 'examples/payments.yaml',
    baseUrl: input.baseUrl,
    operations,
    setup: { ...SETUP, ...input.setup },
    newKey: () => `verify-key-${++n}-${process.pid}-${Date.now()}`,
  });
}

/** `operation check` -> outcome, for whole-report assertions. */
export function outcomes(report: VerifyReport): Record<string, CheckOutcome> {
  return Object.fromEntries(report.results.map((r) => [`${r.operation} ${r.check}`, r.outcome]));
}

export function failedChecks(report: VerifyReport): CheckName[] {
  return report.results.filter((r) => r.outcome === 'fail').map((r) => r.check);
}
