/**
 * The known name nearest to a mistyped one, for "did you mean" messages: Levenshtein distance, at most a
 * third of the name's length. Hand-written (a dozen lines) rather than a dependency for one message.
 */
export function closestName(options: { name: string; names: readonly string[] }): string | undefined {
  const { name } = options;
  let best: { name: string; distance: number } | undefined;
  for (const candidate of options.names) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.name : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
