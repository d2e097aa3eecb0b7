import type { PathValue, QueryValue } from './types.js';

export interface BuildUrlInput {
  baseUrl: string;
  pathTemplate: string;
  pathParams?: Record<string, PathValue> | undefined;
  query?: Record<string, QueryValue> | undefined;
}

/**
 * The request URL: path parameters percent-encoded into the template, query parameters appended in order
 * (arrays as repeated keys, `undefined`/`null` left out). A path parameter the template names but the call
 * lacks is a `TypeError`.
 */
export const buildUrl = ({ baseUrl, pathTemplate, pathParams = {}, query = {} }: BuildUrlInput): string => {
  const path = pathTemplate.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = pathParams[name];
    if (value === undefined) throw new TypeError(`Missing path parameter "${name}" for ${pathTemplate}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item !== undefined && item !== null) search.append(name, String(item));
    }
  }
  const base = baseUrl.replace(/\/+$/, '');
  const qs = search.toString();
  return `${base}${path.startsWith('/') ? '' : '/'}${path}${qs === '' ? '' : `?${qs}`}`;
};
