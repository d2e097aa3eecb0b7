/**
 * Text -> JSON value. JSON (first non-space character `{`) takes the `JSON.parse` fast path; anything else is
 * YAML 1.2 through the `yaml` package. Syntax errors become diagnostics with exact lines and columns. YAML
 * aliases are bounded (count, expanded size, no cycles) before the value is built.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../core/diagnostics.js';
import type { JsonValue } from '../core/json.js';
import { checkYamlAliases } from './check-yaml-aliases.js';
import { jsonErrorOffset } from './json-error-offset.js';
import { DEFAULT_SPEC_LIMITS, type SpecLimits } from './spec-limits.js';

export type ParseTextResult =
  | { value: JsonValue; diagnostics: [] }
  | { value?: undefined; diagnostics: Diagnostic[] };

const MAX_YAML_ERRORS = 10;

export function parseSpecText(options: {
  text: string;
  file: string;
  limits?: Pick<SpecLimits, 'maxAliases' | 'maxBytes'>;
}): ParseTextResult {
  const { text, file, limits = DEFAULT_SPEC_LIMITS } = options;
  return isJsonText(text) ? parseJson(text, file) : parseYaml(text, file, limits);
}

/** JSON by content: the first non-space character is `{`. */
export function isJsonText(text: string): boolean {
  return /^\s*\{/.test(text.slice(0, 4096));
}

function parseJson(text: string, file: string): ParseTextResult {
  try {
    return { value: JSON.parse(text) as JsonValue, diagnostics: [] };
  } catch (error) {
    const offset = jsonErrorOffset(text);
    const { line, column } = offsetToPosition(text, offset);
    const reason = error instanceof Error ? cleanJsonMessage(error.message) : 'invalid JSON';
    return {
      diagnostics: [
        {
          code: 'json-syntax',
          severity: 'error',
          message: `invalid JSON: ${reason}`,
          pointer: '',
          file,
          line,
          column,
          hint: 'Fix the JSON at this position (trailing commas, comments and single quotes are not JSON).',
        },
      ],
    };
  }
}

function cleanJsonMessage(message: string): string {
  return message
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .trim();
}

function parseYaml(
  text: string,
  file: string,
  limits: Pick<SpecLimits, 'maxAliases' | 'maxBytes'>,
): ParseTextResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true });
  if (doc.errors.length === 0) {
    const problem = checkYamlAliases({ doc, ...limits });
    if (problem) {
      const pos = lineCounter.linePos(problem.offset);
      const { code, message, hint } = problem;
      return {
        diagnostics: [
          { code, severity: 'error', message, pointer: '', file, line: pos.line, column: pos.col, hint },
        ],
      };
    }
    // Aliases are checked above; toJS shares an anchored value between its aliases rather than copying it.
    try {
      return { value: (doc.toJS({ maxAliasCount: -1 }) ?? null) as JsonValue, diagnostics: [] };
    } catch (error) {
      // yaml throws here on what its parser let through; whatever it is, it is the document's fault.
      const message = `invalid YAML: ${error instanceof Error ? error.message : String(error)}`;
      const hint = 'Check the anchors, aliases and merge keys (<<) of the document.';
      return {
        diagnostics: [
          { code: 'yaml-syntax', severity: 'error', message, pointer: '', file, line: 1, column: 1, hint },
        ],
      };
    }
  }
  const deep = doc.errors.find((error) => error.code === 'RESOURCE_EXHAUSTION');
  const errors = deep ? [deep] : doc.errors.slice(0, MAX_YAML_ERRORS);
  const diagnostics = errors.map((error): Diagnostic => {
    const offset = skipIndentation(text, error.pos[0]);
    const pos = lineCounter.linePos(offset);
    if (error.code === 'RESOURCE_EXHAUSTION') {
      return {
        code: 'spec-too-deep',
        severity: 'error',
        message: 'the YAML nests too deeply for the parser',
        pointer: '',
        file,
        line: pos.line,
        column: pos.col,
        hint: 'Nest less deeply: move nested schemas to components and $ref them.',
      };
    }
    const duplicate = error.code === 'DUPLICATE_KEY';
    return {
      code: duplicate ? 'yaml-duplicate-key' : 'yaml-syntax',
      severity: 'error',
      message: duplicate ? `duplicate key ${keyAt(text, offset)}` : `invalid YAML: ${error.message}`,
      pointer: '',
      file,
      line: pos.line,
      column: pos.col,
      hint: duplicate
        ? 'Remove or rename one of the two keys: YAML mappings may not repeat a key.'
        : 'Check the indentation and quoting at this position.',
    };
  });
  return { diagnostics };
}

/** yaml reports indentation errors at the start of the line; point at the content instead. */
function skipIndentation(text: string, offset: number): number {
  let i = offset;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i < text.length && text[i] !== '\n' && text[i] !== '\r' ? i : offset;
}

function keyAt(text: string, offset: number): string {
  const key = /^("[^"\n]*"|'[^'\n]*'|[^:\n]*?)\s*:/.exec(text.slice(offset, offset + 300))?.[1];
  return key ? JSON.stringify(key.replace(/^["']|["']$/g, '')) : '(a key repeated in one mapping)';
}

export function offsetToPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
