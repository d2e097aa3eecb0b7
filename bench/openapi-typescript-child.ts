/**
 * Run in its own process by bench/lint.ts: openapi-typescript's programmatic API on one file, timed from
 * the file's URL to the generated text. Prints `{ ms, bytes, maxRssMb }` as JSON on stdout.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const file = process.argv[2];
if (!file) throw new Error('usage: openapi-typescript-child.ts <spec file>');
const started = performance.now();
const ast = await openapiTS(pathToFileURL(file), { silent: true });
const text = astToString(ast);
const ms = performance.now() - started;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ ms, bytes: text.length, maxRssMb }));
