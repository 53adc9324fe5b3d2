/**
 * The pure parts of the console's reviews: the text an agent approves (disclosures appended once) and where
 * a promise stands for the daily promise check.
 */
import { describe, expect, it } from 'vitest';
import { requiredDisclosures } from '../../lambdas/domain/compliance/disclosures';
import { promiseBrokenEvent, promiseStatus } from '../../lambdas/domain/decisions/promise-check';
import { approvedText, withMissingDisclosures } from '../../lambdas/domain/outreach/approve-draft';
import type { DraftRecord } from '../../lambdas/domain/outreach/outreach';

const US_EN = { jurisdiction: 'US' as const, language: 'en' as const };
const CN_ZH = { jurisdiction: 'CN' as const, language: 'zh-CN' as const };

describe('disclosures on an edited text', () => {
  it('appends the channel’s disclosures as drafts get them', () => {
    const [miranda, optOut] = requiredDisclosures('US', 'sms', 'en');
    expect(withMissingDisclosures('  Hi Alex, please call us.  ', US_EN, 'sms')).toBe(
      `Hi Alex, please call us. ${miranda} ${optOut}`,
    );
    const email = requiredDisclosures('US', 'email', 'en');
    expect(withMissingDisclosures('Body', US_EN, 'email')).toBe(['Body', ...email].join('\n\n'));
    expect(withMissingDisclosures('您好', CN_ZH, 'sms')).toBe(
      `您好${requiredDisclosures('CN', 'sms', 'zh-CN').join('')}`,
    );
    // A CN portal notice needs no disclosure.
    expect(withMissingDisclosures('您好', CN_ZH, 'portal')).toBe('您好');
  });

  it('keeps one copy of a disclosure the agent left in the text', () => {
    const [miranda, optOut] = requiredDisclosures('US', 'sms', 'en');
    const full = `Hi Alex. ${miranda} ${optOut}`;
    expect(withMissingDisclosures(full, US_EN, 'sms')).toBe(full);
    expect(withMissingDisclosures(`Hi Alex. ${miranda}`, US_EN, 'sms')).toBe(`Hi Alex. ${miranda} ${optOut}`);
  });
});

describe('the text an agent approves', () => {
  const record = {
    ...US_EN,
    draft: {
      sms: 'stored sms',
      email: { subject: 'Stored subject', body: 'stored body' },
      portal: 'stored portal',
    },
  } as unknown as DraftRecord;

  it('is the stored text when the agent did not edit it', () => {
    expect(approvedText(record, { channel: 'sms' })).toEqual({ text: 'stored sms', edited: false });
    expect(approvedText(record, { channel: 'email' })).toEqual({
      subject: 'Stored subject',
      text: 'stored body',
      edited: false,
    });
  });

  it('is the edit with disclosures, marked edited; an e-mail subject alone counts as an edit', () => {
    const edited = approvedText(record, { channel: 'portal', text: 'New words.' });
    expect(edited.edited).toBe(true);
    expect(edited.text.startsWith('New words.\n\n')).toBe(true);
    expect(approvedText(record, { channel: 'email', subject: 'New subject' })).toMatchObject({
      subject: 'New subject',
      text: 'stored body',
      edited: true,
    });
  });

  it('refuses a subject outside e-mail, and a draft with no text unless the agent writes one', () => {
    expect(() => approvedText(record, { channel: 'sms', subject: 'x' })).toThrow(/only e-mails/);
    const empty = { ...US_EN } as unknown as DraftRecord;
    expect(() => approvedText(empty, { channel: 'sms' })).toThrow(/no message/);
    expect(() => approvedText(empty, { channel: 'email', text: 'Body' })).toThrow(/subject/);
    expect(approvedText(empty, { channel: 'email', text: 'Body', subject: 'S' })).toMatchObject({
      subject: 'S',
      edited: true,
    });
  });
});

describe('promise status on the daily check', () => {
  const today = '2026-11-23';
  const promised = (dueDate: string, amountOverdueMinor: number, flagged = true) => ({
    accountId: 'ACC-1',
    amountOverdueMinor,
    flags: { promiseToPay: flagged },
    promise: { amountMinor: 5_000, dueDate, recordedAt: '2026-11-01T00:00:00Z', source: 'portal' },
  });

  it('is broken only once the due date has passed with arrears unpaid', () => {
    expect(promiseStatus(promised('2026-11-22', 3_600), today)).toBe('broken');
    expect(promiseStatus(promised('2026-11-22', 0), today)).toBe('kept');
    expect(promiseStatus(promised(today, 3_600), today)).toBe('not_yet_due');
    expect(promiseStatus(promised('2026-11-22', 3_600, false), today)).toBe('no_promise');
  });

  it('announces a broken promise with a request id stable per account and due date', () => {
    expect(promiseBrokenEvent(promised('2026-11-22', 3_600), '2026-11-23T06:00:00.000Z')).toEqual({
      source: 'collections.portal',
      detailType: 'PromiseBroken',
      detail: {
        requestId: 'broken#ACC-1#2026-11-22',
        accountId: 'ACC-1',
        dueDate: '2026-11-22',
        amountMinor: 5_000,
        amountOverdueMinor: 3_600,
        brokenAt: '2026-11-23T06:00:00.000Z',
      },
    });
  });
});
