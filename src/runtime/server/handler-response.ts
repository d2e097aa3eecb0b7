import type { IdempotentResponse } from '../idempotency/types.js';
import { isJsonMediaType, mediaTypeOf } from '../shared/media-type.js';
import { matchesStatusPatterns } from '../shared/status-pattern.js';
import { coreToWebResponse, isBodilessStatus } from './core-exchange.js';
import { negotiateMediaType } from './negotiate.js';
import type { HandlerResult } from './types.js';

/**
 * The representation to send from a `content` map: the negotiated media type when the map has it, else
 * the one of the map's that `Accept` prefers, else the map's first.
 */
function pickRepresentation(
  content: Readonly<Record<string, unknown>>,
  mediaType: string | undefined,
  accept: string | undefined,
): string | undefined {
  if (mediaType !== undefined && Object.hasOwn(content, mediaType)) return mediaType;
  const offered = Object.keys(content);
  return negotiateMediaType(accept, offered) ?? offered[0];
}

/**
 * A handler's result as the engine stores it: header names lower-cased, the body serialized. A string or
 * bytes with a `content-type` header is sent as it is; any other body is JSON (`application/json` unless
 * the handler set a content type). A `content` map sends one of its representations (see
 * `pickRepresentation`: `mediaType` is the one negotiated from the request's `accept`) with its media
 * type: JSON types serialized, others as they are. 204, 205 and 304 carry no body.
 */
export function handlerResultToResponse(
  result: HandlerResult,
  mediaType?: string,
  accept?: string,
): IdempotentResponse {
  const headers: Record<string, string> = {};
  const given = result.headers;
  if (given !== undefined)
    for (const name of Object.keys(given)) headers[name.toLowerCase()] = String(given[name]);
  const { status, content } = result;
  let { body } = result;
  if (content !== undefined && body === undefined && !isBodilessStatus(status)) {
    const media = pickRepresentation(content, mediaType, accept);
    if (media === undefined) return { status, headers };
    if (mediaTypeOf(headers['content-type']) !== mediaTypeOf(media)) headers['content-type'] = media;
    body = content[media];
    if (isJsonMediaType(mediaTypeOf(media)) && !(body instanceof Uint8Array)) body = JSON.stringify(body);
  }
  if (body === undefined || isBodilessStatus(status)) return { status, headers };
  const typed = headers['content-type'] !== undefined;
  if (typed && (typeof body === 'string' || body instanceof Uint8Array)) return { status, headers, body };
  headers['content-type'] ??= 'application/json';
  return { status, headers, body: JSON.stringify(body) };
}

/** A Web `Response` from a stored or fresh response, with `x-request-id`. */
export function responseToWebResponse(response: IdempotentResponse, correlationId: string): Response {
  return coreToWebResponse({ ...response, headers: { ...response.headers, 'x-request-id': correlationId } });
}

/** Whether a status matches a declared one: `201`, a range `2XX`, or `default`. */
export function isDeclaredStatus(status: number, declared: readonly string[]): boolean {
  return matchesStatusPatterns(status, declared);
}
