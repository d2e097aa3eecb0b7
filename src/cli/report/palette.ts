import { inspect } from 'node:util';

export type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'green' | 'cyan' | 'underline';
export type Paint = (style: Style, text: string) => string;

/**
 * ANSI styling, or none. The escape codes come from Node's own table (`util.inspect.colors`); we do not use
 * `util.styleText` because from Node 22 it checks `process.stdout` itself and would override `--color`.
 */
export function createPaint(enabled: boolean): Paint {
  if (!enabled) return (_style, text) => text;
  return (style, text) => {
    const codes = inspect.colors[style];
    return codes ? `\u001b[${codes[0]}m${text}\u001b[${codes[1]}m` : text;
  };
}
