import { describe, expect, it } from 'vitest';
import { linesToFrame } from '../../src/report/line-frame.js';
import { codeFrame } from '../../src/spec/positions.js';

const TEXT = ['openapi: 3.1.0', 'paths:', '\t/orders:', '', '    post:', '      x-retry: true', 'x: 1'].join(
  '\n',
);

describe('linesToFrame', () => {
  it.each([
    { line: 1, column: 1 },
    { line: 3, column: 2 },
    { line: 4, column: undefined },
    { line: 6, column: 7 },
    { line: 7, column: 4, context: 0 },
    { line: 7, column: 1, context: 5 },
    { line: 8, column: 1 },
    { line: 0, column: 1 },
  ])('matches codeFrame at $line:$column (context $context)', ({ line, column, context }) => {
    expect(linesToFrame({ lines: TEXT.split('\n'), line, column, context })).toBe(
      codeFrame({ text: TEXT, line, column, context }),
    );
  });

  it('renders numbered lines with a caret under the column', () => {
    expect(linesToFrame({ lines: TEXT.split('\n'), line: 6, column: 7, context: 1 })).toBe(
      ['  5 |     post:', '> 6 |       x-retry: true', '    |       ^', '  7 | x: 1'].join('\n'),
    );
  });
});
