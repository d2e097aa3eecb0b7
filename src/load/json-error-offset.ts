/**
 * The offset of the first syntax error in a JSON text. Only called after `JSON.parse` failed: V8's messages
 * carry no position for some errors ("Unexpected token '}', ... is not valid JSON"), and no installed
 * library reports one, so this is a small strict scanner that stops at the first error.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (at: number): never => {
    throw new ScanError(at);
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const expect = (ch: string) => {
    if (text[i] !== ch) fail(i);
    i++;
  };
  const string = () => {
    expect('"');
    while (i < text.length && text[i] !== '"') {
      const code = text.charCodeAt(i);
      if (code < 0x20) fail(i);
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail(i);
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail(i);
      }
      i++;
    }
    expect('"');
  };
  const literal = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|^true|^false|^null/.exec(text.slice(i, i + 400));
    if (!match) fail(i);
    i += (match as RegExpExecArray)[0].length;
  };
  const container = (open: string, close: string, entry: () => void) => {
    expect(open);
    skipSpace();
    if (text[i] === close) return void i++;
    for (;;) {
      entry();
      skipSpace();
      if (text[i] === close) return void i++;
      expect(',');
    }
  };
  const value = (): void => {
    skipSpace();
    const ch = text[i];
    if (ch === '{') {
      container('{', '}', () => {
        skipSpace();
        string();
        skipSpace();
        expect(':');
        value();
      });
    } else if (ch === '[') container('[', ']', value);
    else if (ch === '"') string();
    else literal();
  };
  try {
    value();
    skipSpace();
    if (i < text.length) fail(i);
  } catch (error) {
    if (error instanceof ScanError) return Math.min(error.offset, text.length);
    throw error;
  }
  return text.length;
}

class ScanError extends Error {
  constructor(readonly offset: number) {
    super(`JSON error at ${offset}`);
  }
}
