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
