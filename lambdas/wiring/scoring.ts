import * as z from 'zod';
import { committedRiskModel } from '../adapters/committed-risk-model';
import { documentClient } from '../adapters/dynamodb/client';
import { DynamoScoringRunStore } from '../adapters/dynamodb/scoring-run-store';
import { EventBridgePublisher, eventBridgeClient } from '../adapters/eventbridge/event-publisher';
import { systemClock } from '../adapters/system-clock';
import { TREATMENT_POLICY } from '../domain/treatment/treatment-policy';
import { loadConfig, tableNames } from '../runtime/config';

/** What the functions that start scoring runs share: configuration and the run's collaborators, built once. */
export function scoringRunStarter() {
  const config = loadConfig({
    ...tableNames('scoringRuns'),
    EVENT_BUS_NAME: z.string().min(1),
    SCORING_SEGMENTS: z.coerce.number().int().min(1).max(1000),
  });
  return {
    segments: config.SCORING_SEGMENTS,
    deps: {
      runs: new DynamoScoringRunStore(documentClient(), config.SCORING_RUNS_TABLE),
      events: new EventBridgePublisher(eventBridgeClient(), config.EVENT_BUS_NAME),
      clock: systemClock,
      model: committedRiskModel,
      policy: TREATMENT_POLICY,
    },
  };
}
