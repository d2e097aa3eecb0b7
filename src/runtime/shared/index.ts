export { brandOf, hasBrand, IDEMGEN_ERROR } from './brand.js';
export { type Clock, systemClock } from './clock.js';
export { type Random, systemRandom } from './random.js';
export { randomUuid } from './uuid.js';
