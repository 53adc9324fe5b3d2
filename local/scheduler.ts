/** Fires the catalog's schedules at the times their stage expressions give, as EventBridge scheduled events. */
import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { FUNCTIONS, type ScheduleId } from '../catalog/functions';
import type { StageConfig } from '../catalog/stages';
import { eventTime } from './event-bus';
import { parseScheduleExpression } from './scheduler/schedule-expression';

export interface ScheduledRun {
  readonly scheduleId: ScheduleId;
  readonly functionId: string;
  readonly expression: string;
  nextRun?: Date;
}

/** setTimeout's ceiling (~24.8 days); longer waits are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export const scheduledEvent = (scheduleId: string, at: Date): ScheduledEvent => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '000000000000',
  time: eventTime(at),
  region: process.env.AWS_REGION ?? 'us-east-1',
  resources: [`arn:aws:events:local:000000000000:rule/${scheduleId}-schedule`],
  detail: {},
});

export class LocalScheduler {
  readonly runs: ScheduledRun[];
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    schedules: StageConfig['schedules'],
    private readonly fire: (run: ScheduledRun, event: ScheduledEvent) => Promise<unknown>,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.runs = FUNCTIONS.flatMap((fn) =>
      (fn.schedules ?? []).map((scheduleId) => ({
        scheduleId,
        functionId: fn.id,
        expression: schedules[scheduleId],
      })),
    );
  }

  start(): void {
    const startedAt = this.clock();
    for (const run of this.runs) this.arm(run, parseScheduleExpression(run.expression), startedAt);
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** Runs a schedule now (the local `run` endpoint and `npm run score` use this) and waits for its result. */
  async runNow(scheduleId: string): Promise<unknown> {
    const run = this.runs.find((r) => r.scheduleId === scheduleId);
    if (!run) throw new Error(`No schedule ${scheduleId}.`);
    return this.fire(run, scheduledEvent(scheduleId, this.clock()));
  }

  private arm(run: ScheduledRun, expression: ReturnType<typeof parseScheduleExpression>, after: Date): void {
    const next = expression.nextAfter(after);
    run.nextRun = next;
    if (!next) return;
    const wait = Math.min(next.getTime() - this.clock().getTime(), MAX_TIMER_MS);
    const timer = setTimeout(
      async () => {
        this.timers.delete(timer);
        const now = this.clock();
        if (now >= next) {
          await this.fire(run, scheduledEvent(run.scheduleId, next)).catch(() => undefined);
          this.arm(run, expression, next);
        } else {
          this.arm(run, expression, after);
        }
      },
      Math.max(0, wait),
    );
    timer.unref();
    this.timers.add(timer);
  }
}
