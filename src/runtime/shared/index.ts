export { brandOf, hasBrand, IDEMGEN_ERROR } from './brand.js';
export { type Clock, systemClock } from './clock.js';
export { FakeClock } from './fake-clock.js';
export { type Random, seededRandom, sequenceRandom, systemRandom } from './random.js';
export { randomUuid } from './uuid.js';
