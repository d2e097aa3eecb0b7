import { describe, expect, it } from 'vitest';
import { codeFrame, linesToFrame } from '../../src/spec/code-frame.js';

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
});
