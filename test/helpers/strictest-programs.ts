/** Small programs that use generated clients and servers as a user would, for the strictest type-checks. */

/** Uses the payments client and server the way the README does; it must compile under the same flags. */
export const PAYMENTS_PROGRAM = `import { createClient, createPayment, getPayment, isHttpError } from './client/index.js';
import { createServer, type Handlers } from './server/index.js';

const handlers: Handlers = {
  createPayment: async (request) => ({
    status: 201,
    body: { ...request.body, id: 'p1', status: 'pending' },
  }),
  getPayment: (request) =>
    request.path.paymentId === 'p1'
      ? { status: 200, body: { id: 'p1', amount: 1, currency: 'EUR', status: 'succeeded' } }
      : { status: 404, body: { type: 'about:blank', title: 'Not Found', status: 404 } },
  upsertRefund: (request) => ({ status: 200, body: { refundId: request.body.refundId, status: 'pending' } }),
};
export const server = createServer({ handlers });

const client = createClient({ baseUrl: 'http://127.0.0.1:1', fetch: (input, init) => server.fetch(new Request(input, init)) });

export async function charge(description: string | undefined): Promise<string> {
  const body = description === undefined ? { amount: 100, currency: 'EUR' } : { amount: 100, currency: 'EUR', description };
  const created = await createPayment(client, { body }, { maxAttempts: 2, signal: undefined });
  if (!created.ok) return isHttpError(created.error) ? String(created.error.status) : created.error.kind;
  const read = await getPayment(client, { path: { paymentId: created.data.id } });
  return read.ok ? read.data.status : 'unknown';
}
`;

/**
 * Uses two operations of GitHub's REST spec (`@octokit/openapi`) through the client, and one through the
 * server with the other handlers left out (they answer 501); it must compile under the strictest flags.
 */
export const GITHUB_PROGRAM = `import { createClient, isHttpError, issuesCreate, reposGet } from './client/index.js';
import { createServer } from './server/index.js';

export const server = createServer({
  handlers: {
    reposGet: (request) =>
      request.path.repo === 'missing'
        ? { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com' } }
        : { status: 301, body: { message: 'Moved Permanently', url: \`https://api.github.com/repos/\${request.path.owner}/x\` } },
  },
});
export const notImplemented: string[] = server.missing.filter((name) => name.startsWith('issues'));

const client = createClient({ baseUrl: 'https://api.github.com', fetch: (input, init) => server.fetch(new Request(input, init)) });

export async function openIssue(owner: string, repo: string, labels: string[] | undefined): Promise<string> {
  const body = labels === undefined ? { title: 'Bug' } : { title: 'Bug', labels };
  const created = await issuesCreate(client, { path: { owner, repo }, body }, { maxAttempts: 1 });
  if (!created.ok) return isHttpError(created.error) ? String(created.error.status) : created.error.kind;
  const read = await reposGet(client, { path: { owner, repo } });
  return read.ok ? \`\${read.data.full_name}#\${created.data.number}\` : 'unknown';
}
`;

/**
 * Uses fixtures/e2e-bodies (issue 14): a form body with the typed `contentType`, a multipart upload with a
 * `File`, bytes, text, a binary download read as a `Blob` and as a stream; handlers read the typed bodies.
 */
export const BODIES_PROGRAM = `import { createCharge, createClient, createNote, download, putBlob, uploadFile } from './client/index.js';
import { createServer, type Handlers } from './server/index.js';

const handlers: Handlers = {
  createCharge: (request) => ({ status: 200, body: { amount: request.body.amount + 1, metadata: request.body.metadata } }),
  uploadFile: (request) => ({ status: 200, body: { purpose: request.body.purpose, file: typeof request.body.file } }),
  putBlob: (request) => ({ status: 200, body: { length: request.body.byteLength } }),
  createNote: (request) => ({ status: 200, body: request.body.toUpperCase() }),
  download: () => ({ status: 200, body: new Uint8Array([1]) }),
};
export const server = createServer({ handlers });
const client = createClient({ baseUrl: 'http://127.0.0.1:1', fetch: (input, init) => server.fetch(new Request(input, init)) });

export async function run(): Promise<number> {
  const body = { amount: 100, currency: 'usd', metadata: { order: '1' }, items: [{ price: 'p_1', quantity: 2 }] };
  await createCharge(client, { body, contentType: 'application/json' });
  await createCharge(client, { body });
  // @ts-expect-error -- a media type the operation does not declare
  await createCharge(client, { body, contentType: 'text/plain' });
  // @ts-expect-error -- a text body is a string
  await createNote(client, { body: { text: 'x' } });
  await uploadFile(client, { body: { purpose: 'avatar', file: new File([new Uint8Array([1])], 'a.png'), meta: { label: 'x', size: 1 } } });
  // @ts-expect-error -- only binary properties (format: binary) may be files
  await uploadFile(client, { body: { purpose: new Blob(['avatar']), file: new Blob([]) } });
  await putBlob(client, { body: new Uint8Array([1, 2]) });
  const note = await createNote(client, { body: 'text' });
  const file = await download(client, { path: { name: 'a' } });
  const text: string = note.ok ? note.data : '';
  // Streamed: \`data\` is the unread body; a JSON operation has no such option.
  const streamed = await download(client, { path: { name: 'a' } }, { responseAs: 'stream', signal: undefined });
  const stream: ReadableStream<Uint8Array> | undefined = streamed.ok ? streamed.data : undefined;
  await stream?.cancel();
  // @ts-expect-error -- a JSON operation cannot be streamed
  await createCharge(client, { body }, { responseAs: 'stream' });
  return text.length + (file.ok && file.data instanceof Blob ? file.data.size : 0);
}
`;

/**
 * Uses fixtures/content-negotiation (issue 15): a handler answering with a map of representations, one
 * reading the negotiated `responseMediaType`; the client's `data` as each response type is read.
 */
export const NEGOTIATION_PROGRAM = `import { createClient, createExport, getGreeting, getInvoicePdf, getReport } from './client/index.js';
import { createServer, type Handlers } from './server/index.js';

const handlers: Handlers = {
  getReport: (request) => ({ status: 200, content: { 'application/json': { id: request.path.id, rows: [] }, 'text/csv': 'id' } }),
  getGreeting: () => ({ status: 200, body: 'hello', headers: { 'content-type': 'text/plain' } }),
  getInvoicePdf: () => ({ status: 200, body: new Uint8Array([1]), headers: { 'content-type': 'application/pdf' } }),
  createExport: (request) => {
    const media: 'application/json' | 'text/csv' = request.responseMediaType;
    return media === 'text/csv'
      ? { status: 201, body: 'id', headers: { 'content-type': media } }
      : { status: 201, body: { id: request.body.name, rows: [] } };
  },
  getHealth: () => ({ status: 204 }),
};
// @ts-expect-error -- a media type the response does not declare
export const wrongType: Handlers['getReport'] = () => ({ status: 200, content: { 'application/xml': '<a/>' } });
// @ts-expect-error -- the JSON representation is the schema's type
export const wrongJson: Handlers['getReport'] = () => ({ status: 200, content: { 'application/json': 'x' } });
export const server = createServer({ handlers });
const client = createClient({ baseUrl: 'http://127.0.0.1:1', fetch: (input, init) => server.fetch(new Request(input, init)) });

export async function run(): Promise<number> {
  const report = await getReport(client, { path: { id: 'r1' } }, { headers: { accept: 'text/csv' } });
  const rows = report.ok ? (typeof report.data === 'string' ? report.data.length : report.data.rows.length) : 0;
  const greeting = await getGreeting(client);
  const text: string = greeting.ok ? greeting.data : '';
  const pdf = await getInvoicePdf(client, { path: { id: 'i1' } });
  const size = pdf.ok && pdf.data instanceof Blob ? pdf.data.size : 0;
  await createExport(client, { body: { name: 'e' } });
  return rows + text.length + size;
}
`;
