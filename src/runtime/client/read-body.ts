import { isJsonContentType } from '../problem/content-type.js';

const EMPTY_STATUSES = new Set([204, 205, 304]);

/**
 * A response body: parsed JSON for JSON and `+json` types (problem+json included), text otherwise,
 * `undefined` when empty. A body that claims JSON but does not parse is returned as its text.
 */
export const readBody = async (response: Response, method: string): Promise<unknown> => {
  if (EMPTY_STATUSES.has(response.status) || method.toUpperCase() === 'HEAD') {
    await response.body?.cancel();
    return undefined;
  }
  const text = await response.text();
  if (text === '') return undefined;
  if (!isJsonContentType(response.headers.get('content-type'))) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};
