import * as z from '../../contracts/schema';
import { EmfMetrics } from '../adapters/metrics/emf-metrics';
import { InMemoryMetrics } from '../adapters/metrics/in-memory-metrics';
import type { BusinessMetrics } from '../domain/business-metrics';
import { loadConfig } from '../runtime/config';
import { once } from './once';

/** Business figures: CloudWatch (EMF) in a stage, kept in memory by the local runtime (nothing to publish to). */
export const businessMetrics = /* @__PURE__ */ once((): BusinessMetrics => {
  // Tests that load a handler may leave STAGE out: they get the in-memory recorder too.
  const { STAGE } = loadConfig({ STAGE: z.optional(z.enum(['dev', 'staging', 'prod', 'local'])) });
  return STAGE === undefined || STAGE === 'local' ? new InMemoryMetrics() : new EmfMetrics(STAGE);
});
