/**
 * What an error answer must not show: a stack trace (V8 `at f (file:line:col)` frames, Python tracebacks,
 * Java frames), a member named like one, or an internal message (a Node system error code, a JavaScript
 * error class, a connection string or password). Returns what was found, or `undefined`.
 */
const LEAKS: readonly [RegExp, string][] = [
  [
    /\bat\s+(?:async\s+)?[\w$.<>[\] ]*\(?(?:file:\/\/|node:|\/|[A-Za-z]:\\)[^)\s]*:\d+:\d+\)?/,
    'a stack trace',
  ],
  [/Traceback \(most recent call last\)/, 'a Python traceback'],
  [/\bat [\w$.]+\([\w$]+\.java:\d+\)/, 'a Java stack trace'],
  [/"(?:stack|stackTrace|stacktrace|trace|exception)"\s*:/, 'a stack trace member'],
  [/\b(?:ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EADDRINUSE|EACCES|ENOENT)\b/, 'an internal error code'],
  [/\b(?:TypeError|ReferenceError|RangeError|SyntaxError|AssertionError)\b:/, 'an internal error message'],
  [
    /\bpassword\s*=|\b(?:postgres(?:ql)?|mysql|mongodb(?:\+srv)?|redis):\/\/\S+/i,
    'a connection string or password',
  ],
];

export function leakIn(text: string): string | undefined {
  for (const [pattern, what] of LEAKS) if (pattern.test(text)) return what;
  return undefined;
}
