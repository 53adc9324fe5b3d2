import { EventBridgeSchema } from '@aws-lambda-powertools/parser/schemas/eventbridge';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { EventContractError } from '../../contracts/events';
import { eventBridgeEnvelope, eventHandler } from '../../lambdas/events/event-handler';
import { logger } from '../../lambdas/runtime/logger';
import { lambdaContext } from '../support/events';

const envelope = {
  version: '0',
  id: 'evt-42',
  account: '000000000000',
  time: '2026-11-23T02:00:00Z',
  region: 'us-east-1',
  resources: [],
};
const missed = {
  ...envelope,
  'detail-type': 'PaymentMissed',
  source: 'collections.payments',
  detail: {
    accountId: 'ACC-000001',
    instalmentId: 'plan-2026-11-10',
    source: 'plan',
    dueDate: '2026-11-10',
    amountMinor: 10_000,
    outstandingMinor: 10_000,
    currency: 'USD',
    missedAt: '2026-11-14T00:00:00.000Z',
  },
};
const revoked = {
  ...envelope,
  'detail-type': 'MandateRevoked',
  source: 'collections.payments',
  detail: { accountId: 'ACC-000001', mandateId: 'M-1', revokedAt: '2026-11-20T09:00:00.000Z', via: 'portal' },
};

afterEach(() => vi.restoreAllMocks());

describe('eventHandler', () => {
  it('reads the envelope exactly as Powertools’ EventBridgeSchema does', () => {
    expect(z.toJSONSchema(eventBridgeEnvelope)).toEqual(z.toJSONSchema(EventBridgeSchema));
  });

  it('gives the consumer the checked, typed detail and the envelope', async () => {
    const seen: unknown[] = [];
    const handler = eventHandler(['PaymentMissed', 'MandateRevoked'], async (event) => {
      if (event['detail-type'] === 'PaymentMissed') seen.push(['missed', event.detail.outstandingMinor]);
      else seen.push(['revoked', event.detail.via]);
      return event.id;
    });
    await expect(handler({ ...missed, detail: { ...missed.detail, extra: 1 } }, lambdaContext)).resolves.toBe(
      'evt-42',
    );
    await handler(revoked, lambdaContext);
    expect(seen).toEqual([
      ['missed', 10_000],
      ['revoked', 'portal'],
    ]);
  });

  it.each([
    [
      'a detail that fails its schema',
      { ...missed, detail: { ...missed.detail, amountMinor: -5 } },
      /amountMinor/,
    ],
    ['a detail with a field missing', { ...missed, detail: { accountId: 'ACC-000001' } }, /instalmentId/],
    ['the wrong source', { ...missed, source: 'collections.portal' }, /source/],
    ['a detail-type the function does not take', { ...revoked, 'detail-type': 'DebitFailed' }, /accepts/],
    ['a broken envelope', { ...missed, time: 'yesterday' }, /time/],
  ])('refuses %s: logged with the problems, thrown before the consumer runs', async (_, event, problem) => {
    const errors = vi.spyOn(logger, 'error').mockImplementation(() => {});
    const run = vi.fn(async () => 'applied');
    const handler = eventHandler(['PaymentMissed', 'MandateRevoked'], run);
    const error = await handler(event, lambdaContext).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EventContractError);
    expect((error as EventContractError).problems.join('; ')).toMatch(problem);
    expect(run).not.toHaveBeenCalled();
    expect(errors).toHaveBeenCalledTimes(1);
    expect(errors.mock.calls[0]![0]).toMatch(/^Event refused: it does not meet its contract/);
    expect(errors.mock.calls[0]![1]).toMatchObject({
      eventId: 'evt-42',
      detailType: event['detail-type'],
      problems: expect.arrayContaining([expect.stringMatching(problem)]),
    });
  });

  it('checks the contract before any middleware that writes (idempotency records, …)', async () => {
    vi.spyOn(logger, 'error').mockImplementation(() => {});
    const before = vi.fn();
    const handler = eventHandler(['MandateRevoked'], async () => 'done', { use: [{ before }] });
    await expect(handler({ ...revoked, detail: {} }, lambdaContext)).rejects.toThrow(EventContractError);
    expect(before).not.toHaveBeenCalled();
    await expect(handler(revoked, lambdaContext)).resolves.toBe('done');
    expect(before).toHaveBeenCalledTimes(1);
  });
});
