/**
 * The business figures domain code counts (catalog/metrics.ts says what each means). Counting goes through
 * this port: in AWS it becomes CloudWatch metrics, locally and in tests an in-memory recorder keeps it.
 */
import type { BusinessMetric } from '../../catalog/metrics';
import type { MessageVerdict } from './compliance';

export type { BusinessMetric };

export interface BusinessMetrics {
  /** Adds `value` (default 1) to the figure, under `by` for a figure with a breakdown (source, rule, …). */
  count(metric: BusinessMetric, options?: { readonly by?: string; readonly value?: number }): void;
}

/** For each stopped message, one count per rule that stopped it (a rule found twice in one message: once). */
export function countBlocked(
  metrics: BusinessMetrics | undefined,
  verdicts: readonly MessageVerdict[],
): void {
  if (!metrics) return;
  for (const verdict of verdicts) {
    for (const rule of new Set(verdict.violations.map((violation) => violation.rule))) {
      metrics.count('MessagesBlocked', { by: rule });
    }
  }
}
