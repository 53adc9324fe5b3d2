import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { DomainEvent, EventPublisher } from '../../domain/ports';
import { lazyClient } from '../lazy-client';
import { sendInChunks } from '../send-in-chunks';

/** PutEvents accepts at most 10 entries per call. */
const MAX_ENTRIES_PER_CALL = 10;
const MAX_ATTEMPTS = 4;
const CALLS_IN_FLIGHT = 4;

export class EventPublishError extends Error {
  readonly code = 'EVENT_PUBLISH_FAILED';
}

/**
 * Publishes to the stage's bus in batches of 10, re-sending only the entries EventBridge reports as failed,
 * with backoff, and fails loudly if any are still refused.
 */
export class EventBridgePublisher implements EventPublisher {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async publish(events: readonly DomainEvent[]): Promise<void> {
    // A few calls in flight: EventBridge does not promise order, and one call at a time is mostly waiting.
    await sendInChunks(events, MAX_ENTRIES_PER_CALL, CALLS_IN_FLIGHT, (chunk) =>
      this.putWithRetries(chunk.map((event) => this.toEntry(event))),
    );
  }

  private toEntry(event: DomainEvent): PutEventsRequestEntry {
    return {
      EventBusName: this.busName,
      Source: event.source,
      DetailType: event.detailType,
      Detail: JSON.stringify(event.detail),
    };
  }

  private async putWithRetries(entries: PutEventsRequestEntry[]): Promise<void> {
    let pending = entries;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const result = await this.client.send(new PutEventsCommand({ Entries: pending }));
      const failed = pending.filter((_, index) => result.Entries?.[index]?.ErrorCode);
      if (failed.length === 0) return;
      if (attempt >= MAX_ATTEMPTS) {
        const reasons = [...new Set(result.Entries?.map((e) => e.ErrorCode).filter(Boolean))].join(', ');
        throw new EventPublishError(`${failed.length} events refused after ${attempt} attempts: ${reasons}`);
      }
      await this.sleep(50 * 2 ** attempt);
      pending = failed;
    }
  }
}

let shared: EventBridgeClient | undefined;
/** One client per process, built on first use; `AWS_ENDPOINT_URL_EVENTBRIDGE` points it at the local bus when running locally. */
export const eventBridgeClient = (): EventBridgeClient => {
  shared ??= lazyClient(() => new EventBridgeClient({}));
  return shared;
};
