/**
 * The reference site's content, computed once from the model and the lint diagnostics: the HTML and the
 * Markdown templates only arrange it (and escape it for their format).
 */
import type { Diagnostic } from '../core/diagnostics.js';
import type { ApiModel, OperationModel } from '../model/types.js';
import { durationToText } from './duration-text.js';
import { type CatalogueEntry, frameworkCatalogue, operationCatalogue } from './error-catalogue.js';
import { concernsOperation, diagnosticToFinding, type Finding } from './findings.js';
import { type Fact, idempotencyToFacts } from './idempotency-text.js';
import { retryToSentences } from './retry-text.js';
import { computeTimeline, type Spread, type Timeline } from './timeline.js';
import { timelineToSvg } from './timeline-svg.js';

export interface TimelineRow {
  attempt: number;
  wait: string;
  start: string;
  timeout: string;
  reach: string;
}

export interface ReferenceTimeline {
  svg: string;
  /** The file name of the SVG beside the Markdown: `timelines/<id>.svg`. */
  file: string;
  rows: TimelineRow[];
  note: string;
}

export interface ReferenceOperation {
  id: string;
  anchor: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  tags: string;
  deprecated: boolean;
  idempotent: boolean;
  facts: Fact[];
  retry: string[];
  timeline: ReferenceTimeline | null;
  errors: CatalogueEntry[];
  findings: Finding[];
  /** Lower-case text the search box matches: id, method, path, summary, tags. */
  search: string;
}

export interface ReferenceSite {
  title: string;
  version: string;
  description: string;
  serverUrl: string;
  source: string;
  operations: ReferenceOperation[];
  catalogue: CatalogueEntry[];
  /** Findings about no single operation. */
  apiFindings: Finding[];
  findingCount: number;
}

const spreadToText = (s: Spread): string =>
  s.minMs === s.maxMs
    ? durationToText(s.minMs)
    : `${durationToText(s.minMs)} – ${durationToText(s.maxMs)} (expected ${durationToText(s.expectedMs)})`;

const REACH_TEXT = {
  always: 'always starts',
  sometimes: 'starts unless the waits run long',
  never: 'never starts: the deadline comes first',
} as const;

function timelineOf(op: OperationModel, timeline: Timeline): ReferenceTimeline {
  const rows = timeline.attempts.map((a) => ({
    attempt: a.attempt,
    wait: a.wait ? spreadToText(a.wait) : '—',
    start: a.attempt === 1 ? '0 ms' : spreadToText(a.start),
    timeout: durationToText(a.timeoutMs),
    reach: REACH_TEXT[a.reach],
  }));
  const notes = [
    'Start times assume every earlier attempt fails at once; a slow attempt moves the later ones right.',
    ...(timeline.expected === 'estimated'
      ? ['Expected waits under decorrelated jitter are the average of a fixed sample.']
      : []),
    ...(timeline.truncated ? [`Only the first ${timeline.attempts.length} attempts are drawn.`] : []),
  ];
  return {
    svg: timelineToSvg({
      timeline,
      id: `timeline-${op.id}`,
      label: `Retry timeline of ${op.id}: when each attempt can start, its timeout, and the deadline`,
    }),
    file: `timelines/${op.id}.svg`,
    rows,
    note: notes.join(' '),
  };
}

function operationOf(
  op: OperationModel,
  model: ApiModel,
  diagnostics: readonly Diagnostic[],
): ReferenceOperation {
  const retries = op.retry !== undefined && !op.retrySuppressed && op.retry.maxAttempts > 1;
  const timeline = retries && op.retry ? computeTimeline(op.retry) : undefined;
  const method = op.method.toUpperCase();
  return {
    id: op.id,
    anchor: `op-${op.id}`,
    method,
    path: op.path,
    summary: op.summary ?? '',
    description: op.description ?? '',
    tags: op.tags.join(', '),
    deprecated: op.deprecated,
    idempotent: op.idempotency !== undefined,
    facts: idempotencyToFacts(op),
    retry: retryToSentences({ op, timeline, budget: model.retryBudget }),
    timeline: timeline ? timelineOf(op, timeline) : null,
    errors: operationCatalogue(op),
    findings: diagnostics.filter((d) => concernsOperation(d, op)).map(diagnosticToFinding),
    search: [op.id, method, op.path, op.summary ?? '', ...op.tags].join(' ').toLowerCase(),
  };
}

export function buildReference(input: {
  model: ApiModel;
  diagnostics: readonly Diagnostic[];
  /** The spec as the user named it, shown on the page. */
  source: string;
}): ReferenceSite {
  const { model, diagnostics } = input;
  const operations = model.operations.map((op) => operationOf(op, model, diagnostics));
  const apiFindings = diagnostics
    .filter((d) => !model.operations.some((op) => concernsOperation(d, op)))
    .map(diagnosticToFinding);
  const info = model.document.info as { description?: unknown } | undefined;
  return {
    title: model.title,
    version: model.version,
    description: typeof info?.description === 'string' ? info.description : '',
    serverUrl: model.serverUrl ?? '',
    source: input.source,
    operations,
    catalogue: frameworkCatalogue(model.operations),
    apiFindings,
    findingCount: diagnostics.length,
  };
}
