/** The progress line: nothing for quick runs or off a terminal; `\r`-updated after the delay; cleared at the end. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startProgress } from '../../src/cli/commands/generate/progress.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function capture() {
  let text = '';
  return { stream: { write: (c: string) => (text += c) }, text: () => text };
}

describe('startProgress', () => {
  it('prints nothing when done within a second', () => {
    const out = capture();
    const progress = startProgress({ stream: out.stream, enabled: true, label: 'api.yaml' });
    progress.update('rendering');
    vi.advanceTimersByTime(999);
    progress.done();
    vi.advanceTimersByTime(5000);
    expect(out.text()).toBe('');
  });

  it('after a second: a \\r-updated line naming the phase, cleared when done', () => {
    const out = capture();
    const progress = startProgress({ stream: out.stream, enabled: true, label: 'api.yaml' });
    progress.update('loading');
    vi.advanceTimersByTime(1000);
    expect(out.text()).toBe('\r\u001b[2Kidemgen: api.yaml: loading… 1.0s');
    progress.update('checking');
    expect(out.text().endsWith('\r\u001b[2Kidemgen: api.yaml: checking… 1.0s')).toBe(true);
    progress.done();
    expect(out.text().endsWith('\r\u001b[2K')).toBe(true);
  });

  it('off a terminal: nothing at all', () => {
    const out = capture();
    const progress = startProgress({ stream: out.stream, enabled: false, label: 'api.yaml' });
    vi.advanceTimersByTime(5000);
    progress.done();
    expect(out.text()).toBe('');
  });
});
