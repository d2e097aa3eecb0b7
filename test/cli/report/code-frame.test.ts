import { describe, expect, it } from 'vitest';
import { codeFrame, linesToFrame } from '../../../src/cli/report/code-frame.js';

const TEXT = ['openapi: 3.1.0', 'paths:', '\t/orders:', '', '    post:', '      x-retry: true', 'x: 1'].join(
  '\n',
);

describe('linesToFrame', () => {
  it('renders numbered lines with a caret under the column', () => {
    expect(linesToFrame({ lines: TEXT.split('\n'), line: 6, column: 7, context: 1 })).toBe(
      ['  5 |     post:', '> 6 |       x-retry: true', '    |       ^', '  7 | x: 1'].join('\n'),
    );
  });

  it('widens tabs to two spaces under the caret too, and leaves out-of-range lines empty', () => {
    expect(codeFrame({ text: TEXT, line: 3, column: 2, context: 0 })).toBe(
      ['> 3 |   /orders:', '    |   ^'].join('\n'),
    );
    expect(codeFrame({ text: TEXT, line: 8, column: 1 })).toBe('');
    expect(codeFrame({ text: TEXT, line: 0, column: 1 })).toBe('');
  });

  it('shows a 120-character window around the column of a long line (minified JSON), cut with …', () => {
    const line = `{"a":${'1,'.repeat(5000)}"x":true}`;
    const column = line.indexOf('"x"') + 1;
    const frame = codeFrame({ text: line, line: 1, column }).split('\n');
    expect(frame[0]?.length).toBeLessThan(140);
    expect(frame[0]).toMatch(/^> 1 \| …(1,)+"x":true}$/);
    // The caret stands under the `"` of `"x"`, as before the cut.
    const caret = frame[1]?.indexOf('^') ?? -1;
    expect(frame[0]?.[caret]).toBe('"');
    expect(frame[0]?.slice(caret, caret + 3)).toBe('"x"');
  });

  it('cuts the end only, when the column is near the start of a long line', () => {
    const frame = codeFrame({ text: `{"x":${'2,'.repeat(500)}0}`, line: 1, column: 2 }).split('\n');
    expect(frame[0]).toMatch(/^> 1 \| \{"x":(2,)+2…$/);
    expect(frame[1]).toBe('    |  ^');
  });
});
