import { debitSchedulerFromEnvironment } from '../adapters/scheduler/eventbridge-debit-scheduler';
import { once } from './once';

/** One-off schedules that run each planned debit (`DEBIT_SCHEDULE_GROUP`, `DEBIT_TARGET_ARN`, …). */
export const debitScheduler = /* @__PURE__ */ once(() => debitSchedulerFromEnvironment());
