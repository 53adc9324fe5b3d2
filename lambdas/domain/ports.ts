/** The collaborators domain code needs, as interfaces; adapters implement them for DynamoDB, EventBridge and tests. */
import type { DomainEvent } from '../../contracts/events';
import type { Account } from './accounts/account';

export interface Clock {
  now(): Date;
}

export interface AccountRepository {
  get(accountId: string): Promise<Account | undefined>;
}

/** Made only by `domainEvent` (contracts/events), which checks the detail against its contract. */
export type { DomainEvent };

export interface EventPublisher {
  publish(events: readonly DomainEvent[]): Promise<void>;
}

export interface AuditEntry {
  readonly accountId: string;
  /** Unique per entry; writing the same entry twice keeps one. */
  readonly entryId: string;
  readonly at: string;
  readonly kind: string;
  readonly summary: string;
  readonly data: Record<string, unknown>;
  /** Set on entries a supervisor reviews across accounts (e.g. personal data revealed): indexed by it. */
  readonly review?: string;
}

export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  list(accountId: string): Promise<AuditEntry[]>;
}

export interface LlmRequest {
  readonly system: string;
  readonly user: string;
  readonly schemaName: string;
  readonly jsonSchema: object;
}

export interface LlmResponse {
  readonly text: string;
  readonly model: string;
  readonly promptTokens: number;
  readonly completionTokens: number;
}

/** A chat model answering with JSON that follows `jsonSchema`. */
export interface LlmPort {
  complete(request: LlmRequest): Promise<LlmResponse>;
}

/** The model could not be reached or gave no answer (after the adapter's own bounded retries). */
export class LlmUnavailableError extends Error {
  override readonly name = 'LlmUnavailableError';
}
