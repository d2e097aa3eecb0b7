/** Header and cookie parameters -> header field values, each by its style (`runtime/shared/parameters`). */
import { serializeCookieParameter, serializeHeaderParameter } from '../shared/parameters/index.js';
import type { ParameterSpec } from '../shared/parameters/types.js';
import { parameterSpecOf } from './build-url.js';

/** The operation's header parameters as field values (`undefined` and `null` left out). */
export function headerParameters(
  headers: object | undefined,
  parameters: readonly ParameterSpec[] | undefined,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const text = serializeHeaderParameter(parameterSpecOf(parameters, name, 'header'), value);
    if (text !== undefined) out[name] = text;
  }
  return out;
}

/** The operation's cookie parameters as one `Cookie` field value (`name=value; ...`), or `undefined`. */
export function cookieHeader(
  cookies: object | undefined,
  parameters: readonly ParameterSpec[] | undefined,
): string | undefined {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(cookies ?? {})) {
    const text = serializeCookieParameter(parameterSpecOf(parameters, name, 'cookie'), value);
    if (text !== undefined && text !== '') pairs.push(text);
  }
  return pairs.length === 0 ? undefined : pairs.join('; ');
}
