/**
 * What the outbox keeps of a security code (the code redacted, the rest as sent), and the notice of failed
 * sign-ins: both checked by the gate, neither carrying a code or a figure.
 */
import { describe, expect, it } from 'vitest';
import type { Account } from '../../lambdas/domain/accounts/account';
import { maskEmail, maskedCustomer, maskPhone } from '../../lambdas/domain/accounts/personal-data';
import { OutboxCodeSender, REDACTED_CODE } from '../../lambdas/domain/auth/code-delivery';
import { securityNotice } from '../../lambdas/domain/auth/security-notice';
import { checkMessage } from '../../lambdas/domain/compliance';
import type { OutboundMessage, OutboxMessage } from '../../lambdas/domain/outreach/outreach';
import { decideSend } from '../../lambdas/domain/outreach/outreach-plan';
import { TREATMENT_POLICY } from '../../lambdas/domain/treatment/treatment-policy';
import { anAccount, aScoredAccount } from '../support/accounts';

const NOW = new Date('2026-11-23T15:00:00.000Z');
const variants = (): Account[] => {
  const base = anAccount({ accountId: 'ACC-SEC-000001' });
  return (['US', 'CN'] as const).flatMap((jurisdiction) =>
    (['en', 'zh-CN'] as const).flatMap((language) =>
      [true, false].map((smsConsent) => ({
        ...base,
        jurisdiction,
        currency: jurisdiction === 'US' ? ('USD' as const) : ('CNY' as const),
        customer: {
          ...base.customer,
          language,
          contactPreferences: { ...base.customer.contactPreferences, smsConsent },
        },
      })),
    ),
  );
};

describe('security codes', () => {
  it.each(
    variants().map(
      (account) =>
        [
          account.jurisdiction,
          account.customer.language,
          account.customer.contactPreferences.smsConsent,
          account,
        ] as const,
    ),
  )('reach the channel in full and the outbox redacted (%s, %s, texts %s)', async (_j, _l, _sms, account) => {
    const sent: OutboundMessage[] = [];
    const recorded: OutboxMessage[] = [];
    const sender = {
      send: async (message: OutboundMessage) => {
        sent.push(message);
        return { deliveredBy: 'sns' };
      },
    };
    const codes = new OutboxCodeSender({
      accounts: { get: async () => account },
      outbox: { recordSent: async (message: OutboxMessage) => void recorded.push(message) } as never,
      senders: { sms: sender, email: sender, portal: sender },
      clock: { now: () => NOW },
    });
    const where = await codes.send(account.accountId, '482915');
    const channel = account.customer.contactPreferences.smsConsent ? 'sms' : 'email';
    expect(where).toEqual({
      channel,
      maskedTo: channel === 'sms' ? maskPhone(account.customer.phone) : maskEmail(account.customer.email),
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ channel, purpose: 'security_code' });
    expect(sent[0]!.text).toContain('482915');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      purpose: 'security_code',
      channel,
      status: 'sent',
      deliveredBy: 'sns',
    });
    expect(recorded[0]!.text).toBe(sent[0]!.text.replace('482915', REDACTED_CODE));
    expect(JSON.stringify(recorded[0])).not.toContain('482915');
  });
});

describe('the notice of failed sign-ins', () => {
  it.each(
    variants().map(
      (account) =>
        [
          account.jurisdiction,
          account.customer.language,
          account.customer.contactPreferences.smsConsent,
          account,
        ] as const,
    ),
  )(
    'passes the gate with its disclosures and states no figure (%s, %s, texts %s)',
    (_j, _l, _sms, account) => {
      const notice = securityNotice(account, NOW)!;
      expect(notice).toMatchObject({
        purpose: 'security_notice',
        channel: account.customer.contactPreferences.smsConsent ? 'sms' : 'email',
        status: 'queued',
        messageId: `security-notice#2026-11-23#${notice.channel}`,
      });
      const text = notice.subject ? `${notice.subject}\n\n${notice.text}` : notice.text;
      expect(
        checkMessage({
          jurisdiction: account.jurisdiction,
          channel: notice.channel,
          language: notice.language,
          text,
          offer: notice.gateOffer,
        }),
      ).toEqual({ allowed: true, violations: [] });
      expect(notice.text).not.toMatch(/\d/);
    },
  );

  it('goes nowhere when the customer refused both texts and e-mail', () => {
    const base = anAccount({ accountId: 'ACC-SEC-000002' });
    const refusing = {
      ...base,
      customer: {
        ...base.customer,
        contactPreferences: { smsConsent: true, refusedChannels: ['sms', 'email'] as const },
      },
    } as Account;
    expect(securityNotice(refusing, NOW)).toBeUndefined();
  });

  it('is not superseded by a tier change or paid arrears, but waits for contact hours and holds', () => {
    const account = aScoredAccount(
      { accountId: 'ACC-SEC-000003', amountOverdueMinor: 0 },
      { assessedAt: NOW.toISOString() },
    );
    const notice = { ...securityNotice(account, NOW)!, tier: 'early_warning' as const };
    const context = { account, history: [], now: NOW, policy: TREATMENT_POLICY };
    expect(decideSend(context, notice).action).not.toBe('block');
    const held = { ...account, flags: { ...account.flags, ceaseRequested: true } };
    expect(decideSend({ ...context, account: held }, notice)).toMatchObject({ action: 'block' });
  });
});

describe('personal data masks', () => {
  it.each([
    ['+1-202-555-0100', '+1-•••-•••-••00'],
    ['+86-138-0000-1234', '+86-•••-••••-••34'],
    ['(202) 555 0142', '(•••) ••• ••42'],
    ['2025550100', '••••••••00'],
  ])('masks the phone %s as %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));

  it.each([
    ['alex.lee@example.com', 'a•••@example.com'],
    ['x@bank.cn', 'x•••@bank.cn'],
    ['not-an-address', '•••'],
  ])('masks the e-mail %s as %s', (email, masked) => expect(maskEmail(email)).toBe(masked));

  it('keeps only the year of birth, and names what is masked', () => {
    const { customer } = anAccount({ accountId: 'ACC-SEC-000004' });
    const masked = maskedCustomer(customer);
    expect(masked).not.toHaveProperty('dateOfBirth');
    expect(masked.birthYear).toBe(Number(customer.dateOfBirth.slice(0, 4)));
    expect(masked.masked).toEqual(['dateOfBirth', 'phone', 'email']);
    expect(JSON.stringify(masked)).not.toContain(customer.phone);
    expect(JSON.stringify(masked)).not.toContain(customer.email);
  });
});
