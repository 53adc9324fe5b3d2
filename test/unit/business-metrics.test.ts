/** The business-metrics adapters: what CloudWatch receives in a stage, what the local runtime keeps. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUSINESS_METRICS, METRICS_NAMESPACE, METRICS_SERVICE } from '../../catalog/metrics';
import { EmfMetrics } from '../../lambdas/adapters/metrics/emf-metrics';
import { InMemoryMetrics } from '../../lambdas/adapters/metrics/in-memory-metrics';

interface EmfLine {
  _aws: {
    CloudWatchMetrics: {
      Namespace: string;
      Dimensions: string[][];
      Metrics: { Name: string; Unit: string }[];
    }[];
  };
  [key: string]: unknown;
}

/** The EMF lines Powertools writes to stdout (where Lambda's log agent turns them into metrics). */
function emittedLines(run: () => void): EmfLine[] {
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return written
    .join('')
    .split('\n')
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as EmfLine);
}

describe('EMF metrics (Powertools)', () => {
  // Powertools' dev mode writes through console (which the test runner intercepts) instead of stdout.
  beforeEach(() => vi.stubEnv('POWERTOOLS_DEV', 'false'));
  afterEach(() => vi.unstubAllEnvs());

  it('publishes a count at once under the namespace, with the service, the stage and its breakdown', () => {
    const [line] = emittedLines(() => new EmfMetrics('staging').count('Drafts', { by: 'blocked' }));
    expect(line!._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: METRICS_NAMESPACE,
        Dimensions: [['service', 'stage', BUSINESS_METRICS.Drafts.by.dimension]],
        Metrics: [{ Name: 'Drafts', Unit: 'Count' }],
      },
    ]);
    expect(line).toMatchObject({ service: METRICS_SERVICE, stage: 'staging', source: 'blocked', Drafts: 1 });
  });

  it('adds the value given, and no breakdown to a figure that has none', () => {
    const [line] = emittedLines(() => new EmfMetrics('prod').count('AccountsScored', { value: 250 }));
    expect(line!._aws.CloudWatchMetrics[0]!.Dimensions).toEqual([['service', 'stage']]);
    expect(line).toMatchObject({ stage: 'prod', AccountsScored: 250 });
  });

  it('writes one line per count, so counts under different breakdowns never merge', () => {
    const lines = emittedLines(() => {
      const metrics = new EmfMetrics('dev');
      metrics.count('Debits', { by: 'succeeded' });
      metrics.count('Debits', { by: 'failed' });
    });
    expect(lines.map((line) => [line.outcome, line.Debits])).toEqual([
      ['succeeded', 1],
      ['failed', 1],
    ]);
  });
});

describe('in-memory metrics', () => {
  it('sums counts per figure and per breakdown', () => {
    const metrics = new InMemoryMetrics();
    metrics.count('Debits', { by: 'failed' });
    metrics.count('Debits', { by: 'failed' });
    metrics.count('Debits', { by: 'succeeded' });
    metrics.count('AccountsScored', { value: 7 });
    expect(metrics.total('Debits')).toBe(3);
    expect(metrics.total('Debits', 'failed')).toBe(2);
    expect(metrics.total('PlansAccepted')).toBe(0);
    expect(metrics.snapshot()).toEqual({ AccountsScored: 7, 'Debits:failed': 2, 'Debits:succeeded': 1 });
  });
});
