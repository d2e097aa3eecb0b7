/** A `\r`-updated progress line on stderr while verify runs, only when stderr is a terminal; cleared when done. */
import type { CliWriter } from '../../io.js';

export interface VerifyProgress {
  update(event: { done: number; total: number; operation: string; check: string }): void;
  done(): void;
}

export function startVerifyProgress(options: { stream: CliWriter }): VerifyProgress {
  const enabled = (options.stream as { isTTY?: boolean }).isTTY === true;
  let shown = false;
  return {
    update(event) {
      if (!enabled) return;
      options.stream.write(
        `\r\u001b[2Kidemgen verify: ${event.done}/${event.total} ${event.operation} ${event.check}…`,
      );
      shown = true;
    },
    done() {
      if (shown) options.stream.write('\r\u001b[2K');
    },
  };
}
