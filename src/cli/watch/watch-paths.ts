/**
 * Watches files and directories with `node:fs` `watch`. Files are watched through their directory (an editor
 * that saves by writing a new file and renaming it over the old one would end a watch on the file itself),
 * filtered by name; directories (templates) recursively.
 */
import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface WatchTargets {
  /** Absolute paths of files. */
  files: string[];
  /** Absolute paths of directories, watched with everything below them. */
  dirs: string[];
}

export interface PathWatcher {
  close(): void;
}

function tryWatch(open: () => FSWatcher): FSWatcher | undefined {
  try {
    const watcher = open();
    // A directory removed while watched: stop quietly; the next cycle watches again.
    watcher.on('error', () => watcher.close());
    return watcher;
  } catch {
    return undefined;
  }
}

export function watchPaths(options: {
  targets: WatchTargets;
  onChange: (path: string) => void;
}): PathWatcher {
  const { targets, onChange } = options;
  const namesByDir = new Map<string, Set<string>>();
  for (const file of targets.files) {
    const names = namesByDir.get(dirname(file)) ?? new Set<string>();
    names.add(basename(file));
    namesByDir.set(dirname(file), names);
  }
  const watchers: FSWatcher[] = [];
  for (const [dir, names] of namesByDir) {
    const watcher = tryWatch(() =>
      watch(dir, { persistent: true }, (_event, name) => {
        if (name && names.has(name.toString())) onChange(`${dir}/${name}`);
      }),
    );
    if (watcher) watchers.push(watcher);
  }
  for (const dir of targets.dirs) {
    const watcher = tryWatch(() =>
      watch(dir, { persistent: true, recursive: true }, (_event, name) => onChange(`${dir}/${name ?? ''}`)),
    );
    if (watcher) watchers.push(watcher);
  }
  return {
    close: () => {
      for (const watcher of watchers) watcher.close();
    },
  };
}
