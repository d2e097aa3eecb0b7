/**
 * Schema types come from openapi-typescript: generated code refers to them by indexed access
 * (`paths["/orders"]["post"]["requestBody"]...`); idemgen has no schema-to-type transformer of its own.
 *
 * On large specs openapi-typescript is the longest step, so it runs on a worker thread while the main
 * thread compiles validators and renders templates (the machine's second core). The worker is plain
 * JavaScript evaluated from a string, so it runs the same from sources (tsx, vitest) and from dist.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import openapiTS, { astToString } from 'openapi-typescript';
import type { JsonObject } from '../spec/types.js';

/** Below this many paths a worker's start-up costs more than it saves. */
export const WORKER_THRESHOLD_PATHS = 150;

export async function renderSchemaTypes(document: JsonObject): Promise<string> {
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], { silent: true });
  return astToString(ast);
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.moduleUrl)
  .then(async ({ default: openapiTS, astToString }) => {
    const ast = await openapiTS(workerData.document, { silent: true });
    parentPort.postMessage({ ok: true, text: astToString(ast) });
  })
  .catch((error) => parentPort.postMessage({ ok: false, stack: String((error && error.stack) || error) }));
`;

function renderInWorker(document: JsonObject): Promise<string> {
  const moduleUrl = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('openapi-typescript')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { document, moduleUrl } });
    worker.once('message', (message: { ok: boolean; text?: string; stack?: string }) => {
      void worker.terminate();
      if (message.ok) resolve(message.text ?? '');
      else reject(new Error(`openapi-typescript failed in its worker:\n${message.stack}`));
    });
    worker.once('error', reject);
  });
}

/** Starts the schema types now; the caller awaits the result when it needs it. */
export function startSchemaTypes(document: JsonObject): Promise<string> {
  const paths = document.paths;
  const count = paths && typeof paths === 'object' ? Object.keys(paths).length : 0;
  return count >= WORKER_THRESHOLD_PATHS ? renderInWorker(document) : renderSchemaTypes(document);
}
