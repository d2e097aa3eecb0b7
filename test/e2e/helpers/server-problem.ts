import { expect } from 'vitest';

export const PROBLEM_BASE = 'https://idemgen.dev/problems/';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: { pointer: string; message: string }[];
  [member: string]: unknown;
}

/**
 * Asserts an RFC 9457 answer: status, `application/problem+json`, every required member, the type (a slug
 * under the default base, or a full URI such as `about:blank`), and `instance` naming the correlation id that
 * the response also carries in `X-Request-Id`. Returns the parsed body and its raw text.
 */
export async function expectProblem(
  response: Response,
  expected: { status: number; type: string },
): Promise<{ body: ProblemBody; text: string }> {
  const text = await response.text();
  expect(response.status, text).toBe(expected.status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = JSON.parse(text) as ProblemBody;
  const type = expected.type.includes(':') ? expected.type : `${PROBLEM_BASE}${expected.type}`;
  expect(body).toMatchObject({ type, status: expected.status });
  for (const member of ['title', 'detail', 'instance'] as const) {
    expect(typeof body[member], member).toBe('string');
    expect(body[member].length, member).toBeGreaterThan(0);
  }
  const correlationId = response.headers.get('x-request-id');
  expect(correlationId).toBeTruthy();
  expect(body.instance).toContain(encodeURIComponent(correlationId!));
  return { body, text };
}
