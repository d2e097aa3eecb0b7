/** Long-running operations on the client: the handle that a generated call answers, and its `wait()`. */
export type { FinalStateVia, LongRunningSpec } from './types.js';
export { type LongRunningHandle, type WaitOptions, type WaitResult, withOperation } from './wait.js';
