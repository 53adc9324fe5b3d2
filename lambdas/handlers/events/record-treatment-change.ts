import { recordTreatmentChange } from '../../domain/treatment/record-treatment-change';
import { eventHandler } from '../../events/event-handler';
import { auditLog } from '../../wiring/dynamo';
import { idempotentOn } from '../../wiring/idempotency';

const audit = auditLog();

export const handler = eventHandler(
  ['TreatmentChanged'],
  async (event) => {
    await recordTreatmentChange(audit, event.detail);
    return { recorded: event.detail.changeId };
  },
  // Delivered at least once, and a resumed scoring segment may announce a change again: the change id makes
  // any repeat a no-op.
  {
    use: [idempotentOn('detail.changeId')],
  },
);
