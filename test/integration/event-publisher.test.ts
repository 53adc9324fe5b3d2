import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DomainEvent, domainEvent } from '../../contracts/events';
import { EventBridgePublisher, EventPublishError } from '../../lambdas/adapters/eventbridge/event-publisher';
import { localCredentials } from '../support/dynamodb';

/**
 * An EventBridge endpoint speaking the PutEvents wire protocol, refusing the entries a test asks it to, so the
 * real SDK client and the publisher's retry logic run unchanged.
 */
class FakeEventBridge {
  readonly calls: Array<Array<{ Detail: string; EventBusName: string }>> = [];
  refuse: (detail: Record<string, unknown>, attempt: number) => boolean = () => false;
  private readonly attempts = new Map<string, number>();
  private server?: Server;

  reset(refuse: (detail: Record<string, unknown>, attempt: number) => boolean) {
    this.calls.length = 0;
    this.attempts.clear();
    this.refuse = refuse;
  }

  async start(): Promise<string> {
    this.server = createServer(async (req, res) => {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const { Entries } = JSON.parse(raw) as { Entries: Array<{ Detail: string; EventBusName: string }> };
      this.calls.push(Entries);
      const results = Entries.map((entry) => {
        const detail = JSON.parse(entry.Detail) as Record<string, unknown>;
        const attempt = (this.attempts.get(entry.Detail) ?? 0) + 1;
        this.attempts.set(entry.Detail, attempt);
        return this.refuse(detail, attempt)
          ? { ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' }
          : { EventId: `id-${detail.segment}` };
      });
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(
        JSON.stringify({
          FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length,
          Entries: results,
        }),
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  stop() {
    return new Promise((resolve) => this.server?.close(resolve));
  }
}

const events = (count: number): DomainEvent[] =>
  Array.from({ length: count }, (_, n) =>
    domainEvent('ScoringSegmentRequested', { runId: 'run-1', segment: n, totalSegments: count }),
  );

describe('EventBridge publisher (real SDK client, fake endpoint)', () => {
  const fake = new FakeEventBridge();
  let client: EventBridgeClient;

  beforeAll(async () => {
    client = new EventBridgeClient({
      endpoint: await fake.start(),
      region: 'us-east-1',
      credentials: localCredentials,
    });
  });
  afterAll(() => fake.stop());

  it('sends at most 10 entries per PutEvents call, to the configured bus', async () => {
    fake.reset(() => false);
    await new EventBridgePublisher(client, 'dev-bus', async () => {}).publish(events(23));
    expect(fake.calls.map((call) => call.length).sort((a, b) => b - a)).toEqual([10, 10, 3]);
    expect(fake.calls.flat().every((entry) => entry.EventBusName === 'dev-bus')).toBe(true);
  });

  it('re-sends only the refused entries until they are accepted', async () => {
    fake.reset((detail, attempt) => (detail.segment === 3 || detail.segment === 7) && attempt < 3);
    await new EventBridgePublisher(client, 'dev-bus', async () => {}).publish(events(10));
    expect(fake.calls.map((call) => call.length)).toEqual([10, 2, 2]);
    expect(fake.calls[1]!.map((e) => JSON.parse(e.Detail).segment)).toEqual([3, 7]);
  });

  it('fails loudly when entries are still refused after its attempts', async () => {
    fake.reset((detail) => detail.segment === 1);
    await expect(
      new EventBridgePublisher(client, 'dev-bus', async () => {}).publish(events(2)),
    ).rejects.toThrow(EventPublishError);
    expect(fake.calls.map((call) => call.length)).toEqual([2, 1, 1, 1]);
  });
});
