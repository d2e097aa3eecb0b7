/**
 * Test doubles for code that uses the runtime: a clock that moves only when told, and deterministic
 * `Random`s. Not copied into generated output (`src/render/runtime-files.ts` leaves this folder out);
 * import them from the package: `idemgen/runtime/testing`.
 */
export { FakeClock } from './fake-clock.js';
export { seededRandom, sequenceRandom } from './random.js';
