import { IdemgenError } from './idemgen-error.js';

/**
 * A long-running operation reached a failed final state (`failed`, `canceled`, ... as its contract says).
 * `state` is the status value the server reported, `body` the last status resource it answered.
 */
export class OperationFailedError extends IdemgenError {
  readonly kind = 'operation-failed' as const;
  readonly state: string;
  readonly body: unknown;
  readonly statusUrl: string;

  constructor(init: {
    state: string;
    body: unknown;
    statusUrl: string;
    polls: number;
    correlationId?: string;
  }) {
    super('operation-failed', `The long-running operation ended ${init.state} (${init.statusUrl})`, {
      retryable: false,
      attempts: init.polls,
      correlationId: init.correlationId,
    });
    this.state = init.state;
    this.body = init.body;
    this.statusUrl = init.statusUrl;
  }
}
