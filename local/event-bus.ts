/**
 * A local stand-in for the stage's EventBridge bus. It speaks the PutEvents wire protocol, so handlers use
 * the real EventBridge client (pointed here by AWS_ENDPOINT_URL_EVENTBRIDGE); it routes each event by the
 * catalog's rule patterns with EventBridge semantics, and delivers with the same retry policy, then to a
 * dead-letter list, as the deployed rules do.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { allEventRules, TARGET_DELIVERY } from '../catalog/functions';
import { type CompiledEventPattern, compileEventPattern } from './eventbridge/event-pattern';

/** EventBridge event times have second precision: `2026-11-23T02:00:00Z`. */
export const eventTime = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface BusEvent {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: string[];
  readonly detail: Record<string, unknown>;
}

export interface PutEventsEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  Resources?: string[];
  Time?: string | number;
}

type EntryResult = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

export interface DeadLetter {
  readonly ruleId: string;
  readonly functionId: string;
  readonly event: BusEvent;
  readonly error: string;
  readonly failedAt: string;
}

interface CompiledRule {
  readonly id: string;
  readonly functionId: string;
  readonly pattern: CompiledEventPattern;
}

/** EventBridge's limit on one entry. */
const MAX_ENTRY_BYTES = 256 * 1024;
/** Deliveries in flight at once, like a function's reserved concurrency: a burst of events queues, it does not stampede. */
const MAX_CONCURRENT_DELIVERIES = 16;

export class LocalEventBus {
  readonly deadLetters: DeadLetter[] = [];
  private readonly rules: CompiledRule[];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly waiting: Array<() => void> = [];
  private running = 0;
  private delivered = 0;

  constructor(
    readonly name: string,
    private readonly deliver: (functionId: string, event: BusEvent) => Promise<unknown>,
    private readonly options: { retryDelayMs: number; onDeadLetter?: (letter: DeadLetter) => void } = {
      retryDelayMs: 200,
    },
  ) {
    this.rules = allEventRules().map((rule) => ({
      id: rule.id,
      functionId: rule.functionId,
      pattern: compileEventPattern(rule.pattern),
    }));
  }

  /** Handles one PutEvents request body; routing continues after the response, as on EventBridge. */
  putEvents(request: { Entries?: PutEventsEntry[] }): { FailedEntryCount: number; Entries: EntryResult[] } {
    const results = (request.Entries ?? []).map((entry) => this.accept(entry));
    return { FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results };
  }

  /** Resolves once every routed event has been delivered or dead-lettered. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  stats() {
    return {
      rules: this.rules.map((r) => r.id),
      delivered: this.delivered,
      deadLetters: this.deadLetters.length,
    };
  }

  private accept(entry: PutEventsEntry): EntryResult {
    const problem = this.validate(entry);
    if (problem) return problem;
    const event: BusEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.DetailType!,
      source: entry.Source!,
      account: '000000000000',
      time: eventTime(entry.Time ? new Date(entry.Time) : new Date()),
      region: process.env.AWS_REGION ?? 'us-east-1',
      resources: entry.Resources ?? [],
      detail: JSON.parse(entry.Detail!),
    };
    for (const rule of this.rules) {
      if (!rule.pattern.matches(event)) continue;
      const delivery = this.deliverWithRetries(rule, event).finally(() => this.inFlight.delete(delivery));
      this.inFlight.add(delivery);
    }
    return { EventId: event.id };
  }

  private validate(entry: PutEventsEntry): EntryResult | undefined {
    const fail = (ErrorCode: string, ErrorMessage: string) => ({ ErrorCode, ErrorMessage });
    if (
      entry.EventBusName &&
      entry.EventBusName !== this.name &&
      !entry.EventBusName.endsWith(`/${this.name}`)
    ) {
      return fail('ResourceNotFoundException', `Event bus ${entry.EventBusName} does not exist.`);
    }
    if (!entry.Source || !entry.DetailType || entry.Detail === undefined) {
      return fail('InvalidArgument', 'Parameters Source, DetailType and Detail are required.');
    }
    if (Buffer.byteLength(JSON.stringify(entry)) > MAX_ENTRY_BYTES) {
      return fail('InvalidArgument', `Entry is larger than ${MAX_ENTRY_BYTES} bytes.`);
    }
    try {
      const detail = JSON.parse(entry.Detail);
      if (typeof detail !== 'object' || detail === null || Array.isArray(detail))
        throw new Error('not an object');
    } catch {
      return fail('MalformedDetail', 'Detail is malformed.');
    }
    return undefined;
  }

  private async deliverWithRetries(rule: CompiledRule, event: BusEvent): Promise<void> {
    if (this.running >= MAX_CONCURRENT_DELIVERIES)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      await this.attemptDelivery(rule, event);
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private async attemptDelivery(rule: CompiledRule, event: BusEvent): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.deliver(rule.functionId, event);
        this.delivered++;
        return;
      } catch (error) {
        if (attempt >= TARGET_DELIVERY.retryAttempts) {
          const letter = {
            ruleId: rule.id,
            functionId: rule.functionId,
            event,
            error: error instanceof Error ? error.message : String(error),
            failedAt: new Date().toISOString(),
          };
          this.deadLetters.push(letter);
          this.options.onDeadLetter?.(letter);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, this.options.retryDelayMs * 2 ** attempt));
      }
    }
  }
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let raw = '';
  for await (const chunk of request) raw += chunk;
  return JSON.parse(raw);
}

function answer(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
  res.end(JSON.stringify(body));
}

/** Serves the bus on loopback with the EventBridge JSON protocol (PutEvents only); resolves once listening. */
export function listenForPutEvents(bus: LocalEventBus, port = 0): Promise<Server> {
  const server = createServer((req, res) => {
    readJson(req)
      .then((body) => {
        const target = req.headers['x-amz-target'];
        if (target !== 'AWSEvents.PutEvents') {
          answer(res, 400, {
            __type: 'UnknownOperationException',
            message: `${target} is not supported locally.`,
          });
          return;
        }
        answer(res, 200, bus.putEvents(body as { Entries?: PutEventsEntry[] }));
      })
      .catch((error) =>
        answer(res, 400, { __type: 'ValidationException', message: (error as Error).message }),
      );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
