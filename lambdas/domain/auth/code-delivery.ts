/**
 * Delivers a verification code through the channel's sender, at once: the customer is waiting for it and
 * asked for it, so collection contact hours and caps do not apply, and it is not logged as a collection
 * contact. It goes by SMS when the customer consented to texts, else by e-mail.
 *
 * The code itself exists only in the message handed to the channel (SNS, SES; locally the in-memory developer
 * inbox). What is kept for the record (the outbox item staff see) says a code was sent, when, how and why,
 * with the code replaced by dots: nobody but the customer's phone or mailbox ever holds it.
 */
import { randomUUID } from 'node:crypto';
import type { Account } from '../accounts/account';
import { maskEmail, maskPhone } from '../accounts/personal-data';
import { checkTemplate } from '../compliance';
import { requiredDisclosures } from '../compliance/disclosures';
import type { MessageSender, OutboundChannel, Outbox } from '../outreach/outreach';
import type { AccountRepository, Clock } from '../ports';
import { CODE_MINUTES, type CodeSender, codeChannelOf } from './identity-verification';

/** What stands for the code in every stored copy of the message. */
export const REDACTED_CODE = '••••••';

const WORDING = {
  en: (code: string) =>
    `Your verification code is ${code}. It expires in ${CODE_MINUTES} minutes. We will never ask you for it.`,
  'zh-CN': (code: string) => `您的验证码为${code}，${CODE_MINUTES}分钟内有效。我们不会向您索要验证码。`,
} as const;

export class OutboxCodeSender implements CodeSender {
  constructor(
    private readonly deps: {
      accounts: AccountRepository;
      outbox: Outbox;
      senders: Record<OutboundChannel, MessageSender>;
      clock: Clock;
    },
  ) {}

  async send(accountId: string, code: string): Promise<{ channel: 'sms' | 'email'; maskedTo: string }> {
    const account = await this.deps.accounts.get(accountId);
    if (!account) throw new Error(`No account ${accountId} to send a code to.`);
    const channel = codeChannelOf(account);
    const to = channel === 'sms' ? account.customer.phone : account.customer.email;
    const messageId = `security#${randomUUID()}`;
    const subject = channel === 'email' ? subjectOf(account) : undefined;
    const receipt = await this.deps.senders[channel].send({
      channel,
      messageId,
      accountId,
      to,
      subject,
      text: codeMessage(account, channel, code),
      purpose: 'security_code',
    });
    const now = this.deps.clock.now().toISOString();
    await this.deps.outbox.recordSent({
      accountId,
      messageId,
      purpose: 'security_code',
      draftId: messageId,
      channel,
      tier: account.treatment?.tier ?? 'monitor',
      jurisdiction: account.jurisdiction,
      language: account.customer.language,
      subject,
      text: codeMessage(account, channel, REDACTED_CODE),
      gateOffer: { currency: account.currency, amountsMinor: [], dates: [], percentages: [] },
      status: 'sent',
      queuedAt: now,
      notBefore: now,
      expiresAt: now,
      sendAttempts: 1,
      sentAt: now,
      ...receipt,
    });
    return { channel, maskedTo: channel === 'sms' ? maskPhone(to) : maskEmail(to) };
  }
}

/** The code with the disclosures the channel needs, checked by the linter like any other message. */
export function codeMessage(account: Account, channel: 'sms' | 'email', code: string): string {
  const { language } = account.customer;
  const separator = language === 'en' ? ' ' : '';
  const text = [
    WORDING[language](code),
    ...requiredDisclosures(account.jurisdiction, channel, language),
  ].join(separator);
  const verdict = checkTemplate({ jurisdiction: account.jurisdiction, channel, language, text });
  if (!verdict.allowed) {
    throw new Error(`Security code message rejected: ${verdict.violations.map((v) => v.rule).join(', ')}`);
  }
  return text;
}

const subjectOf = (account: Account) =>
  account.customer.language === 'en' ? 'Your verification code' : '您的验证码';
