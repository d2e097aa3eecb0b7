/** What one corpus document came to: shared by the worker that produces it and the report that groups it. */
export type Verdict = 'pass' | 'diagnostic' | 'type-errors' | 'crash' | 'timeout';

export interface Outcome {
  name: string;
  version: string;
  bytes: number;
  /** Accepted by the official OpenAPI JSON Schema for its version. */
  valid: boolean;
  invalidReasons: string[];
  verdict: Verdict;
  /** Error diagnostics that stopped generation: code, whether it had a line, and the message. */
  errors: { code: string; located: boolean; message: string; at: string }[];
  /** Warning codes, counted. */
  warnings: Record<string, number>;
  /** The first type errors of the output. */
  typeErrors: { code: number; message: string; at: string }[];
  typeErrorCount: number;
  crash?: string;
  generateMs: number;
  typecheckMs: number;
}

/**
 * The failure classes of an outcome, one key per distinct class (a document with three errors of one kind
 * counts once for that kind). Quoted names and numbers are blanked so that instances fold into their class.
 */
export function classesOf(outcome: Outcome): string[] {
  const blank = (text: string) =>
    text
      .split('\n')[0]!
      .replace(/'[^']*'|"[^"]*"|`[^`]*`/g, "'…'")
      .replace(/\d+/g, 'N')
      .slice(0, 160);
  switch (outcome.verdict) {
    case 'pass':
      return [];
    case 'timeout':
      return ['timeout'];
    case 'crash':
      return [`crash: ${blank(outcome.crash ?? '')}`];
    case 'diagnostic':
      return [...new Set(outcome.errors.map((e) => `${e.code}${e.located ? '' : ' (UNLOCATED)'}`))];
    case 'type-errors':
      return [...new Set(outcome.typeErrors.map((e) => `TS${e.code}: ${blank(e.message)}`))];
  }
}
