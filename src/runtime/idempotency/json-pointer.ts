/** RFC 6901 pointers: the one implementation is in `shared/` (pagination reads response bodies with it too). */
export { resolveJsonPointer } from '../shared/json-pointer.js';
