import { fileURLToPath } from 'node:url';

/** Absolute path of the repository's `fixtures/` folder. */
export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
