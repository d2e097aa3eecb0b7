import { serializePathParameter, serializeQueryParameter } from '../shared/parameters/index.js';
import type { ParameterLocation, ParameterSpec } from '../shared/parameters/types.js';

export interface BuildUrlInput {
  baseUrl: string;
  pathTemplate: string;
  pathParams?: Record<string, unknown> | undefined;
  query?: Record<string, unknown> | undefined;
  /** The operation's parameters not written in their location's default way (`OperationSpec.parameters`). */
  parameters?: readonly ParameterSpec[] | undefined;
}

/** The parameter's spec, or its location's default (`simple` path, `form` exploded query). */
export const parameterSpecOf = (
  parameters: readonly ParameterSpec[] | undefined,
  name: string,
  where: ParameterLocation,
): ParameterSpec => parameters?.find((p) => p.name === name && p.in === where) ?? { name, in: where };

/**
 * The request URL: path parameters serialized into the template and query parameters appended in order,
 * each by its style (`runtime/shared/parameters`; `undefined`/`null` left out). A path parameter the
 * template names but the call lacks is a `TypeError`.
 */
export const buildUrl = ({
  baseUrl,
  pathTemplate,
  pathParams = {},
  query = {},
  parameters,
}: BuildUrlInput): string => {
  const path = pathTemplate.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = Object.hasOwn(pathParams, name) ? pathParams[name] : undefined;
    if (value === undefined) throw new TypeError(`Missing path parameter "${name}" for ${pathTemplate}`);
    return serializePathParameter(parameterSpecOf(parameters, name, 'path'), value);
  });
  let qs = '';
  for (const [name, value] of Object.entries(query)) {
    const part = serializeQueryParameter(parameterSpecOf(parameters, name, 'query'), value);
    if (part !== '') qs += qs === '' ? part : `&${part}`;
  }
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}${path.startsWith('/') ? '' : '/'}${path}${qs === '' ? '' : `?${qs}`}`;
};
