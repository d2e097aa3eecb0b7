import { describe, expect, it, vi } from 'vitest';
import type { Diagnostic, UnlocatedDiagnostic } from '../../src/core/diagnostics.js';
import { type LoadedSpec, locateDiagnostics, type SourceLocation } from '../../src/load/types.js';

const where = (pointer: string): SourceLocation => ({
  file: 'api.yaml',
  pointer: `${pointer}/in-file`,
  line: pointer.length,
  column: 1,
});

function fakeSpec(withMany: boolean) {
  const locate = vi.fn(where);
  const locateMany = vi.fn((pointers: readonly string[]) => pointers.map(where));
  const spec: LoadedSpec = { file: 'api.yaml', files: [], document: {}, version: '3.1', locate };
  if (withMany) spec.locateMany = locateMany;
  return { spec, locate, locateMany };
}

const unlocated = (pointer: string): UnlocatedDiagnostic => ({
  code: 'operation-id-not-identifier',
  severity: 'warning',
  message: pointer,
  pointer,
});
const located: Diagnostic = { ...unlocated('/x'), file: 'other.yaml', line: 9, column: 3 };
const input = [unlocated('/a'), located, unlocated('/bb/c'), unlocated('/a')];
const expected = [
  { ...input[0], file: 'api.yaml', pointer: '/a/in-file', line: 2, column: 1 },
  located,
  { ...input[2], file: 'api.yaml', pointer: '/bb/c/in-file', line: 5, column: 1 },
  { ...input[3], file: 'api.yaml', pointer: '/a/in-file', line: 2, column: 1 },
];

describe('locateDiagnostics', () => {
  it('locates every unlocated diagnostic with one locateMany call, keeping order and located ones', () => {
    const { spec, locate, locateMany } = fakeSpec(true);
    expect(locateDiagnostics(spec, input)).toEqual(expected);
    expect(locateMany).toHaveBeenCalledTimes(1);
    expect(locateMany).toHaveBeenCalledWith(['/a', '/bb/c', '/a']);
    expect(locate).not.toHaveBeenCalled();
  });

  it('falls back to locate for a spec without locateMany', () => {
    const { spec, locate } = fakeSpec(false);
    expect(locateDiagnostics(spec, input)).toEqual(expected);
    expect(locate).toHaveBeenCalledTimes(3);
  });
});
