/**
 * The one way an EventBridge consumer is written: `eventHandler(['PlanAccepted', …], run)` parses the
 * envelope and the detail against its contract before anything else runs (the way Powertools' parser does
 * with `EventBridgeSchema.extend({ detail })`), so `run` gets a typed, checked event. An event that fails is
 * logged with every problem named and thrown before any side effect: the delivery's retries end in the
 * dead-letter queue, and nothing is half-applied.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parse } from '@aws-lambda-powertools/parser';
import middy, { type MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import {
  type DetailOf,
  type DetailType,
  EVENT_CONTRACTS,
  EventContractError,
  type SourceOf,
} from '../../contracts/events';
import * as z from '../../contracts/schema';
import { logger } from '../runtime/logger';

/**
 * The EventBridge envelope, field for field as Powertools declares it (`EventBridgeSchema` in
 * `@aws-lambda-powertools/parser/schemas/eventbridge`; test/unit/event-handler.test.ts holds them equal).
 * Not imported from there: that module takes zod by named import, which bundles all of zod (+370 KB).
 */
export const eventBridgeEnvelope = z.object({
  version: z.string(),
  id: z.string(),
  source: z.string(),
  account: z.string(),
  time: z.iso.datetime(),
  region: z.string(),
  resources: z.array(z.string()),
  'detail-type': z.string(),
  detail: z.unknown(),
  'replay-name': z.optional(z.string()),
});

type Envelope = Omit<z.output<typeof eventBridgeEnvelope>, 'detail-type' | 'source' | 'detail'>;

/** An event as a consumer receives it: `detail-type` narrows `detail`. */
export type ContractEvent<T extends DetailType> = T extends DetailType
  ? Envelope & { readonly 'detail-type': T; readonly source: SourceOf<T>; readonly detail: DetailOf<T> }
  : never;

/** `{ detailType, detail }` of a parsed event, still narrowed together (what domain consumers take). */
export const typedDetail = <T extends DetailType>(event: ContractEvent<T>) =>
  ({ detailType: event['detail-type'], detail: event.detail }) as unknown as {
    [K in T]: { readonly detailType: K; readonly detail: DetailOf<K> };
  }[T];

/** The envelope with the detail-types a consumer accepts, each with its source and detail schema. */
export function eventSchema(detailTypes: readonly DetailType[]): z.ZodMiniType {
  const variants = detailTypes.map((type) =>
    z.extend(eventBridgeEnvelope, {
      'detail-type': z.literal(type),
      source: z.literal(EVENT_CONTRACTS[type].source),
      detail: EVENT_CONTRACTS[type].schema,
    }),
  );
  const [first, ...rest] = variants;
  if (!first) throw new Error('An event handler accepts at least one detail-type.');
  return rest.length === 0 ? first : z.discriminatedUnion('detail-type', [first, ...rest]);
}

type Issue = { readonly message: string; readonly path?: ReadonlyArray<PropertyKey | { key: PropertyKey }> };

const problemsOf = (issues: readonly Issue[]) =>
  issues.map((issue) => {
    const path = (issue.path ?? []).map((part) => String(typeof part === 'object' ? part.key : part));
    return `${path.length > 0 ? path.join('.') : '(event)'}: ${issue.message}`;
  });

/** Parses the event, or logs why not and throws `EventContractError`. */
export function parseEvent<T extends DetailType>(
  schema: z.ZodMiniType,
  detailTypes: readonly T[],
  event: unknown,
): ContractEvent<T> {
  const result = parse(event, undefined, schema, true);
  if (result.success) return result.data as ContractEvent<T>;
  const raw = (typeof event === 'object' && event !== null ? event : {}) as Record<string, unknown>;
  const detailType = String(raw['detail-type'] ?? '(none)');
  const contract = (EVENT_CONTRACTS as Record<string, { version: number } | undefined>)[detailType];
  const cause = result.error.cause;
  const problems = Array.isArray(cause) ? problemsOf(cause as Issue[]) : [result.error.message];
  if (!(detailTypes as readonly string[]).includes(detailType)) {
    problems.unshift(`detail-type: this function accepts ${detailTypes.join(', ')}`);
  }
  logger.error(
    'Event refused: it does not meet its contract (nothing applied; it goes to the dead-letter queue)',
    {
      eventId: raw.id,
      detailType,
      source: raw.source,
      contractVersion: contract?.version,
      problems,
    },
  );
  throw new EventContractError(detailType, contract?.version, problems);
}

/**
 * A Lambda handler for the given detail-types: logger context, then the contract check, then `use`
 * (e.g. idempotency, which thus keys on a checked event), then `run`.
 */
export function eventHandler<const T extends DetailType, R>(
  detailTypes: readonly T[],
  run: (event: ContractEvent<T>, context: Context) => Promise<R>,
  options: { readonly use?: readonly MiddlewareObj[] } = {},
) {
  const schema = eventSchema(detailTypes);
  const handler = middy<unknown, R>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .before((request) => {
      const event = parseEvent(schema, detailTypes, request.event);
      logger.setCorrelationId(event.id);
      request.event = event;
    });
  for (const middleware of options.use ?? []) handler.use(middleware);
  // What it takes, for the local runtime to check against the rules that route to it.
  return Object.assign(
    handler.handler((event, context) => run(event as ContractEvent<T>, context)),
    { detailTypes },
  );
}
