/**
 * The owner hears about repeated failed sign-ins on their registered channel: a notice through the outbox,
 * gated when it leaves like every message (contact hours, holds, consent), at most one a day. It states no
 * code, no figure and nothing about the debt.
 */
import type { Account, Language } from '../accounts/account';
import { checkTemplate } from '../compliance';
import { requiredDisclosures } from '../compliance/disclosures';
import type { Outbox, OutboxMessage } from '../outreach/outreach';
import { outreachQueued } from '../outreach/outreach-events';
import type { AccountRepository, EventPublisher } from '../ports';
import type { SecurityNotifier } from './identity-verification';

const DAY_MS = 86_400_000;

/** A text message has room for little besides its disclosures; an e-mail says it in full. */
const WORDING: Record<'sms' | 'email', Record<Language, string>> = {
  sms: {
    en: 'Several failed sign-ins to your repayment portal. Your account is safe: nobody can sign in without the code we send only to you. Not you? Call us.',
    'zh-CN':
      '您的还款平台有多次登录失败。您的账户安全：没有只发给您的验证码，任何人都无法登录。如非本人操作，请致电我们。',
  },
  email: {
    en: 'Someone tried several times to sign in to your repayment portal with details that did not match. If it was you, there is nothing to do. If it was not, your account is still safe: nobody can sign in without the code we send only to you. Call us if you are worried.',
    'zh-CN':
      '有人多次尝试以不符的信息登录您的还款平台。如是您本人操作，无需处理；如非本人，您的账户依然安全：没有我们只发送给您的验证码，任何人都无法登录。如有疑虑，请致电我们。',
  },
};

const SUBJECT: Record<Language, string> = {
  en: 'Failed sign-in attempts',
  'zh-CN': '登录失败提醒',
};

export class OutboxSecurityNotifier implements SecurityNotifier {
  constructor(
    private readonly deps: {
      readonly accounts: AccountRepository;
      readonly outbox: Outbox;
      readonly events: EventPublisher;
      /** Where a notice that could not be queued is reported (the function's log). */
      readonly report: (error: unknown) => void;
    },
  ) {}

  async failedAttempts(accountId: string, at: Date): Promise<void> {
    try {
      const account = await this.deps.accounts.get(accountId);
      const message = account && securityNotice(account, at);
      if (!message || !(await this.deps.outbox.enqueue(message))) return;
      await this.deps.events.publish([outreachQueued(message)]);
    } catch (error) {
      this.deps.report(error);
    }
  }
}

/** The notice for the account's direct channel (texts with consent, else e-mail); none if it refuses both. */
export function securityNotice(account: Account, at: Date): OutboxMessage | undefined {
  const { phone, email, language, contactPreferences } = account.customer;
  const refused = contactPreferences.refusedChannels;
  const channel =
    contactPreferences.smsConsent && phone.trim() && !refused.includes('sms')
      ? 'sms'
      : email.trim() && !refused.includes('email')
        ? 'email'
        : undefined;
  if (!channel) return undefined;
  const text = [
    WORDING[channel][language],
    ...requiredDisclosures(account.jurisdiction, channel, language),
  ].join(language === 'en' ? ' ' : '');
  const subject = channel === 'email' ? SUBJECT[language] : undefined;
  const verdict = checkTemplate({
    jurisdiction: account.jurisdiction,
    channel,
    language,
    text: subject ? `${subject}\n\n${text}` : text,
  });
  if (!verdict.allowed) {
    throw new Error(`Security notice rejected: ${verdict.violations.map((v) => v.rule).join(', ')}`);
  }
  const queuedAt = at.toISOString();
  // One a day at most: the id makes a second notice the same day a no-op.
  const draftId = `security-notice#${queuedAt.slice(0, 10)}`;
  return {
    accountId: account.accountId,
    messageId: `${draftId}#${channel}`,
    purpose: 'security_notice',
    draftId,
    channel,
    tier: account.treatment?.tier ?? 'monitor',
    jurisdiction: account.jurisdiction,
    language,
    ...(subject ? { subject } : {}),
    text,
    gateOffer: { currency: account.currency, amountsMinor: [], dates: [], percentages: [] },
    status: 'queued',
    queuedAt,
    notBefore: queuedAt,
    // Sent in the customer's next contact hours, or not at all once a day has passed.
    expiresAt: new Date(at.getTime() + DAY_MS).toISOString(),
    sendAttempts: 0,
  };
}
