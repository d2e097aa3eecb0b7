/**
 * The watch loop: run once, watch what that run used (the spec and every file it `$ref`s, the config, the
 * templates), and run again after changes settle (debounced). A run that throws is reported and the loop
 * goes on; each run's targets replace the last (a spec may gain or lose `$ref`ed files). Ends on `signal`.
 */
import { type WatchTargets, watchPaths } from './watch-paths.js';

export interface RunWatchOptions {
  /** One generation; resolves to what to watch next. */
  run: () => Promise<WatchTargets>;
  /** What to watch when a run throws before it could say (the config, say). */
  fallbackTargets: WatchTargets;
  signal: AbortSignal;
  /** Default 100 ms. */
  debounceMs?: number;
  onError: (error: unknown) => void;
  /** After each run, with the changed paths that started it (empty for the first). */
  onCycle?: (changed: string[]) => void;
}

export async function runWatch(options: RunWatchOptions): Promise<void> {
  const debounceMs = options.debounceMs ?? 100;
  let watcher = watchPaths({ targets: options.fallbackTargets, onChange });
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let changed: string[] = [];
  let rerun = false;

  function onChange(path: string): void {
    changed.push(path);
    clearTimeout(timer);
    timer = setTimeout(() => void cycle(), debounceMs);
  }

  async function cycle(): Promise<void> {
    if (options.signal.aborted) return;
    if (running) {
      rerun = true;
      return;
    }
    running = true;
    const cause = changed;
    changed = [];
    let targets = options.fallbackTargets;
    try {
      targets = await options.run();
    } catch (error) {
      options.onError(error);
    }
    running = false;
    if (options.signal.aborted) return;
    watcher.close();
    watcher = watchPaths({
      targets: {
        files: [...new Set([...targets.files, ...options.fallbackTargets.files])],
        dirs: [...new Set([...targets.dirs, ...options.fallbackTargets.dirs])],
      },
      onChange,
    });
    options.onCycle?.(cause);
    if (rerun) {
      rerun = false;
      void cycle();
    }
  }

  await cycle();
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      clearTimeout(timer);
      watcher.close();
      resolve();
    };
    if (options.signal.aborted) stop();
    else options.signal.addEventListener('abort', stop, { once: true });
  });
}
