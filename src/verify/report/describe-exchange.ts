/**
 * An exchange as a report shows it: what was sent and what came back, bodies cut to a readable length and
 * credentials never printed (`Authorization`, `Cookie`, API keys, tokens).
 */
import type { Exchange, ProbeRequest, ProbeResponse } from '../types.js';

const SECRET_HEADER = /authorization|cookie|api[-_]?key|token|secret|password/i;
const BODY_LIMIT = 600;

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, SECRET_HEADER.test(name) ? '<redacted>' : value]),
  );
}

export function redactExchange(exchange: Exchange): Exchange {
  return {
    ...exchange,
    request: { ...exchange.request, headers: redactHeaders(exchange.request.headers) },
    ...(exchange.response
      ? { response: { ...exchange.response, headers: redactHeaders(exchange.response.headers) } }
      : {}),
  };
}

const cut = (text: string): string =>
  text.length > BODY_LIMIT ? `${text.slice(0, BODY_LIMIT)}… (${text.length} characters)` : text;

/** A multi-line body stays inside its block. */
const indented = (text: string, indent: string): string => text.replace(/\r?\n/g, `\n${indent}`);

const headerLines = (headers: Record<string, string>, indent: string): string[] =>
  Object.entries(redactHeaders(headers)).map(([name, value]) => `${indent}${name}: ${value}`);

export function describeRequest(request: ProbeRequest, indent: string): string[] {
  return [
    `${request.method} ${request.target}`,
    ...headerLines(request.headers, indent),
    ...(request.body !== undefined ? [`${indent}${indented(cut(request.body), indent)}`] : []),
  ];
}

export function describeResponse(response: ProbeResponse, indent: string): string[] {
  const shown = Object.fromEntries(
    Object.entries(response.headers).filter(([name]) =>
      /^(content-type|idempotent-replayed|retry-after|retry-after-ms|location)$/.test(name),
    ),
  );
  return [
    `${response.status}`,
    ...headerLines(shown, indent),
    ...(response.body ? [`${indent}${indented(cut(response.body.trimEnd()), indent)}`] : []),
  ];
}

/** Lines for one exchange: `sent` and `got` (or the network error), each continuation indented. */
export function describeExchange(exchange: Exchange, indent: string): string[] {
  const more = `${indent}       `;
  const [sentFirst, ...sentRest] = describeRequest(exchange.request, more);
  const lines = [`${indent}${exchange.label}${exchange.viaProxy ? ' (through the fault proxy)' : ''}:`];
  lines.push(`${indent}  sent ${sentFirst}`, ...sentRest);
  if (exchange.response) {
    const [gotFirst, ...gotRest] = describeResponse(exchange.response, more);
    lines.push(`${indent}  got  ${gotFirst}`, ...gotRest);
  } else {
    lines.push(`${indent}  got  no answer: ${exchange.error ?? 'unknown error'}`);
  }
  return lines;
}
