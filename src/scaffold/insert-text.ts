/**
 * Additions to a user's file as pure insertions, computed against the text as read and applied together:
 * every character already there stays, in order, so that the user's code survives byte for byte.
 */
import type { ObjectLiteralExpression, SourceFile } from 'ts-morph';

export interface Insertion {
  at: number;
  text: string;
}

/** `text` with the insertions made; two at one offset keep their order. */
export function applyInsertions(text: string, insertions: readonly Insertion[]): string {
  const sorted = insertions.map((insertion, index) => ({ ...insertion, index }));
  sorted.sort((a, b) => a.at - b.at || a.index - b.index);
  let out = '';
  let from = 0;
  for (const { at, text: added } of sorted) {
    out += text.slice(from, at) + added;
    from = at;
  }
  return out + text.slice(from);
}

/** Text at the end of the file, after one blank line. */
export function appendAtEnd(full: string, text: string): Insertion {
  const separator = full === '' ? '' : full.endsWith('\n\n') ? '' : full.endsWith('\n') ? '\n' : '\n\n';
  return { at: full.length, text: `${separator}${text}` };
}

/** A line after the file's last import (at the top when it has none). */
export function importLineInsertion(source: SourceFile, line: string): Insertion {
  const imports = source.getImportDeclarations();
  const last = imports[imports.length - 1];
  return last ? { at: last.getEnd(), text: `\n${line}` } : { at: 0, text: `${line}\n` };
}

/** `name: value` properties at the end of an object literal, in its trailing-comma style. */
export function propertiesInsertion(
  object: ObjectLiteralExpression,
  properties: readonly string[],
): Insertion {
  const indent = '  ';
  const text = object.getSourceFile().getFullText();
  const existing = object.getProperties();
  const last = existing[existing.length - 1];
  const close = object.getEnd() - 1; // the `}`
  if (!last) {
    const open = object.getStart() + 1;
    const lines = properties.map((p) => `\n${indent}${p},`).join('');
    return { at: open, text: text.slice(open, close).includes('\n') ? lines : `${lines}\n` };
  }
  const comma = text.slice(last.getEnd(), close).indexOf(',');
  return comma >= 0
    ? { at: last.getEnd() + comma + 1, text: properties.map((p) => `\n${indent}${p},`).join('') }
    : { at: last.getEnd(), text: properties.map((p) => `,\n${indent}${p}`).join('') };
}
