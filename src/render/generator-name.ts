/** `idemgen <version>`, as the generated files' headers name their generator. */
import { readFileSync } from 'node:fs';

const PACKAGE_VERSION: string = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
).version;

export const GENERATOR_NAME = `idemgen ${PACKAGE_VERSION}`;
