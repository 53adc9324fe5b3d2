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
