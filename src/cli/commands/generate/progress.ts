/**
 * A progress line on stderr, `\r`-updated, shown only on a terminal and only once generation has taken
 * longer than `delayMs` (a second by default), so quick runs and logs stay clean. Cleared when done.
 */
import type { CliWriter } from '../../io.js';

export interface Progress {
  update(phase: string): void;
  done(): void;
}

const NO_PROGRESS: Progress = { update: () => {}, done: () => {} };

export function startProgress(options: {
  stream: CliWriter;
  enabled: boolean;
  label: string;
  delayMs?: number;
}): Progress {
  if (!options.enabled) return NO_PROGRESS;
  const started = Date.now();
  let phase = 'starting';
  let shown = false;
  const draw = (): void => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    options.stream.write(`\r\u001b[2Kidemgen: ${options.label}: ${phase}… ${seconds}s`);
    shown = true;
  };
  const timer = setInterval(draw, options.delayMs ?? 1000);
  timer.unref();
  return {
    update(next) {
      phase = next;
      if (shown) draw();
    },
    done() {
      clearInterval(timer);
      if (shown) options.stream.write('\r\u001b[2K');
    },
  };
}
