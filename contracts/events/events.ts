/**
 * The only way to make an event (`domainEvent`) and to read one (`parseDetail`, used by the Lambda
 * `eventHandler`): both check the detail against its contract, so nothing off-contract reaches the bus or
 * a consumer's domain code.
 */
import type * as z from '../schema';
import { type DetailInput, type DetailOf, type DetailType, EVENT_CONTRACTS, type SourceOf } from './catalog';

declare const checked: unique symbol;

/**
 * An event checked against its contract, ready for the bus. Only `domainEvent` makes one (the brand cannot be
 * written by hand), so a producer cannot publish a detail that fails its schema or under the wrong source.
 */
export type DomainEvent<T extends DetailType = DetailType> = T extends DetailType
  ? {
      readonly source: SourceOf<T>;
      readonly detailType: T;
      readonly detail: DetailOf<T>;
      readonly [checked]: true;
    }
  : never;

/** A detail that does not meet its contract: a bug in the producer, or a consumer sent something foreign. */
export class EventContractError extends Error {
  readonly code = 'EVENT_CONTRACT_VIOLATED';
  constructor(
    readonly detailType: string,
    readonly version: number | undefined,
    /** `path: message`, one per problem. */
    readonly problems: readonly string[],
  ) {
    super(
      `${detailType}${version === undefined ? '' : ` v${version}`} detail does not meet its contract: ${problems.join('; ')}`,
    );
    this.name = 'EventContractError';
  }
}

const problemsOf = (issues: readonly z.core.$ZodIssue[]): string[] =>
  issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(detail)'}: ${issue.message}`);

/** Checks `detail` against the contract of `detailType` and returns the event to publish (the checked detail). */
export function domainEvent<T extends DetailType>(detailType: T, detail: DetailInput<T>): DomainEvent<T> {
  const { source } = EVENT_CONTRACTS[detailType];
  return { source, detailType, detail: parseDetail(detailType, detail) } as unknown as DomainEvent<T>;
}

/** The detail as its contract reads it; throws `EventContractError` naming every problem. */
export function parseDetail<T extends DetailType>(detailType: T, detail: unknown): DetailOf<T> {
  const contract = EVENT_CONTRACTS[detailType];
  if (!contract) throw new EventContractError(String(detailType), undefined, ['no such detail-type']);
  const result = contract.schema.safeParse(detail);
  if (!result.success)
    throw new EventContractError(detailType, contract.version, problemsOf(result.error.issues));
  return result.data as DetailOf<T>;
}
