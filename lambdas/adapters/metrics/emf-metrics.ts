import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import {
  BUSINESS_METRICS,
  METRICS_NAMESPACE,
  METRICS_SERVICE,
  type MetricDeclaration,
  STAGE_DIMENSION,
} from '../../../catalog/metrics';
import type { BusinessMetric, BusinessMetrics } from '../../domain/business-metrics';

/**
 * Publishes each count at once as a CloudWatch embedded-metric-format line (Powertools Metrics): the figure
 * under the catalog's namespace, with the stage and the figure's own breakdown as dimensions. At once, so no
 * handler needs a flush and a count is never lost to a failed invocation after it.
 */
export class EmfMetrics implements BusinessMetrics {
  private readonly metrics: Metrics;

  constructor(stage: string) {
    this.metrics = new Metrics({
      namespace: METRICS_NAMESPACE,
      serviceName: METRICS_SERVICE,
      defaultDimensions: { [STAGE_DIMENSION]: stage },
    });
  }

  count(metric: BusinessMetric, options: { by?: string; value?: number } = {}): void {
    const single = this.metrics.singleMetric();
    const declared: MetricDeclaration = BUSINESS_METRICS[metric];
    if (declared.by && options.by !== undefined) single.addDimension(declared.by.dimension, options.by);
    single.addMetric(metric, MetricUnit.Count, options.value ?? 1);
  }
}
