import type { BusinessMetric, BusinessMetrics } from '../../domain/business-metrics';

/** Keeps the counts in memory: the local runtime's and the tests' recorder. */
export class InMemoryMetrics implements BusinessMetrics {
  private readonly counts = new Map<string, number>();

  count(metric: BusinessMetric, options: { by?: string; value?: number } = {}): void {
    const key = options.by === undefined ? metric : `${metric}:${options.by}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + (options.value ?? 1));
  }

  /** The figure's total, or its count under one breakdown value. */
  total(metric: BusinessMetric, by?: string): number {
    if (by !== undefined) return this.counts.get(`${metric}:${by}`) ?? 0;
    let sum = 0;
    for (const [key, value] of this.counts) if (key === metric || key.startsWith(`${metric}:`)) sum += value;
    return sum;
  }

  /** Every count, as `Metric` or `Metric:by` keys. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }
}
