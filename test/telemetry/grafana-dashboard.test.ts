/**
 * examples/grafana/idemgen-dashboard.json asks only for series the runtime's instruments produce (names as a
 * Prometheus exporter writes them), and docs/observability.md documents every instrument.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Counter, Histogram, Meter } from '../../src/runtime/telemetry/api-types.js';
import { clientInstruments, serverInstruments } from '../../src/runtime/telemetry/instruments.js';

/** The instruments' names and kinds, from a meter that only records what it is asked to create. */
function instrumentNames(): Map<string, 'counter' | 'histogram'> {
  const names = new Map<string, 'counter' | 'histogram'>();
  const meter: Meter = {
    createCounter: (name) => {
      names.set(name, 'counter');
      return { add: () => {} } satisfies Counter;
    },
    createHistogram: (name) => {
      names.set(name, 'histogram');
      return { record: () => {} } satisfies Histogram;
    },
  };
  serverInstruments(meter);
  clientInstruments(meter);
  return names;
}

/** The Prometheus series of each instrument: `_total` for counters, `_bucket`/`_count`/`_sum` for histograms. */
function seriesNames(): Set<string> {
  const series = new Set<string>();
  for (const [name, kind] of instrumentNames()) {
    const base = name.replace(/\./g, '_');
    if (kind === 'counter') series.add(`${base}_total`);
    else for (const suffix of ['_bucket', '_count', '_sum']) series.add(`${base}${suffix}`);
  }
  return series;
}

describe('the Grafana dashboard and the metric table', () => {
  const dashboard = JSON.parse(readFileSync('examples/grafana/idemgen-dashboard.json', 'utf8')) as {
    panels: { type: string; targets?: { expr: string }[] }[];
  };
  const exprs = dashboard.panels.flatMap((p) => p.targets ?? []).map((t) => t.expr);

  it('queries only series the instruments produce', () => {
    // A series selector is a name followed by its label matchers or its range: `name{...}`, `name[5m]`.
    const used = new Set(exprs.flatMap((e) => [...e.matchAll(/\b([a-z_]+)(?=\{|\[)/g)].map((m) => m[1]!)));
    const known = seriesNames();
    expect([...used].filter((name) => !known.has(name))).toEqual([]);
    expect(used.size).toBeGreaterThan(8);
  });

  it('has the panels the issue asks for', () => {
    const all = exprs.join('\n');
    for (const outcome of ['replayed', 'in_progress'])
      expect(all).toContain(`idempotency_outcome="${outcome}"`);
    expect(all).toContain('sum by (retry_reason) (rate(retry_client_retries_total');
    expect(all).toContain('rate(idempotency_store_errors_total');
    expect(all).toContain('histogram_quantile(0.99, sum by (le, idempotency_store_name');
  });

  it('is documented: every instrument is a row of docs/observability.md', () => {
    const docs = readFileSync('docs/observability.md', 'utf8');
    const rows = [...instrumentNames().keys()].filter((name) => !docs.includes(`| \`${name}\` |`));
    expect(rows).toEqual([]);
    expect(instrumentNames().size).toBe(13);
  });
});
