/** The vocabulary of `x-long-running`, shared by the generator's model and the runtime's `wait()`. */
import type { BackoffPolicy } from '../retry/types.js';

/** The response header of the `202` that names the status resource to poll. */
export type FinalStateVia = 'location' | 'operation-location' | 'azure-async-operation';

export interface LongRunningSpec {
  finalStateVia: FinalStateVia;
  /** JSON pointer of the state in the status resource, e.g. `/status`. */
  statusPointer: string;
  /** States that end the operation well (compared without case). */
  succeeded: readonly string[];
  /** States that end it badly: `wait()` answers `OperationFailedError`. */
  failed: readonly string[];
  /** JSON pointer of the final result in the last status resource; absent: the whole resource. */
  resultPointer?: string;
  /** The delay between polls when the server sends no `Retry-After`. */
  backoff: BackoffPolicy;
  /** The longest `wait()` polls in all (its deadline). */
  maxWaitMs: number;
}
