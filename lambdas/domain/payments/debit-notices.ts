/**
 * What the customer is told about a debit: the pre-debit notice (amount, date, how to stop it), the receipt,
 * and a gentle notice when a debit did not go through and will not be tried again. Written by code with the
 * figures computed by code, with every disclosure the jurisdiction requires, and checked by the gate when
 * queued and again when sent, like every outbound message.
 */
import type { Account, Language } from '../accounts/account';
import { checkTemplate, type MessageVerdict, type Offer } from '../compliance';
import { requiredDisclosures } from '../compliance/disclosures';
import { formatDate, formatMoney } from '../kernel/format';
import type { OutboundChannel } from '../outreach/outreach';

export type DebitNoticeKind = 'pre_debit' | 'receipt' | 'failure';

export interface DebitNoticeFigures {
  readonly amountMinor: number;
  /** The debit's date (pre-debit) or the day it was taken / refused. */
  readonly date: string;
  /** Pre-debit: the date by which the rules say a stop request must reach us. */
  readonly stopBy?: string;
  /** Pre-debit: the previous presentment was refused, so this is a re-presentment. */
  readonly retryOfRefused?: boolean;
  /** Receipt: what is still overdue afterwards (0 = nothing). */
  readonly remainingMinor?: number;
  /** Receipt on an agreed plan: what is overdue under it and its next payment (none: the plan is paid). */
  readonly plan?: { readonly overdueMinor: number; readonly next?: { amountMinor: number; date: string } };
}

export interface DebitNotice {
  readonly channel: OutboundChannel;
  readonly subject?: string;
  readonly text: string;
  /** The figures the text may state: the gate checks the text against them at queue and at send time. */
  readonly gateOffer: Offer;
  readonly verdict: MessageVerdict;
}

/** `sms` is the short form: a text carries the disclosures too and must stay within two segments. */
type Wording = (
  money: (minor: number) => string,
  date: (iso: string) => string,
  f: DebitNoticeFigures,
) => {
  subject: string;
  body: string;
  sms: string;
};

const WORDING: Record<DebitNoticeKind, Record<Language, Wording>> = {
  pre_debit: {
    en: (money, date, f) => ({
      subject: 'Your scheduled payment',
      body:
        `${f.retryOfRefused ? 'Your last automatic payment did not go through. ' : ''}` +
        `As you authorised, we will take ${money(f.amountMinor)} from your bank account on ${date(f.date)}. ` +
        `To stop it, use Automatic payments in the repayment portal or call us, by ${date(f.stopBy ?? f.date)}. ` +
        'If things are difficult right now, tell us and we will look at options together.',
      sms:
        `${f.retryOfRefused ? 'Last payment did not go through. ' : ''}We will take ${money(f.amountMinor)} on ${date(f.date)} as you authorised. ` +
        `To stop it, use the portal or call us by ${date(f.stopBy ?? f.date)}.`,
    }),
    'zh-CN': (money, date, f) => ({
      subject: '您的预定还款',
      body:
        `${f.retryOfRefused ? '您上次的自动还款未能成功。' : ''}` +
        `根据您的授权，我们将于${date(f.date)}从您的银行账户扣款${money(f.amountMinor)}。` +
        `如需取消，请在${date(f.stopBy ?? f.date)}前通过还款平台的“自动还款”或致电我们办理。` +
        '如果您目前有困难，请告诉我们，我们会一起商量办法。',
      sms:
        `${f.retryOfRefused ? '上次扣款未成功。' : ''}根据您的授权，我们将于${date(f.date)}扣款${money(f.amountMinor)}。` +
        `如需取消，请在${date(f.stopBy ?? f.date)}前通过还款平台或致电办理。`,
    }),
  },
  receipt: {
    en: (money, date, f) => ({
      subject: 'Payment received',
      body: f.plan
        ? `Thank you: we received ${money(f.amountMinor)} from your bank account on ${date(f.date)}. ` +
          planStanding(f.plan, money, date, 'en')
        : `Thank you: we received ${money(f.amountMinor)} from your bank account on ${date(f.date)}. ` +
          ((f.remainingMinor ?? 0) > 0
            ? `${money(f.remainingMinor ?? 0)} is still overdue; the repayment portal shows your options.`
            : 'Your account is up to date.'),
      sms: f.plan
        ? `Thank you: we received ${money(f.amountMinor)} on ${date(f.date)}. ${planStanding(f.plan, money, date, 'en')}`
        : `Thank you: we received ${money(f.amountMinor)} on ${date(f.date)}.` +
          ((f.remainingMinor ?? 0) > 0
            ? ` ${money(f.remainingMinor ?? 0)} is still overdue.`
            : ' Your account is up to date.'),
    }),
    'zh-CN': (money, date, f) => ({
      subject: '已收到还款',
      body: f.plan
        ? `谢谢：我们已于${date(f.date)}从您的银行账户收到${money(f.amountMinor)}。${planStanding(f.plan, money, date, 'zh-CN')}`
        : `谢谢：我们已于${date(f.date)}从您的银行账户收到${money(f.amountMinor)}。` +
          ((f.remainingMinor ?? 0) > 0
            ? `仍有${money(f.remainingMinor ?? 0)}逾期未还，您可以在还款平台查看还款方案。`
            : '您的账户已无逾期。'),
      sms: f.plan
        ? `谢谢：我们已于${date(f.date)}收到${money(f.amountMinor)}。${planStanding(f.plan, money, date, 'zh-CN')}`
        : `谢谢：我们已于${date(f.date)}收到${money(f.amountMinor)}。` +
          ((f.remainingMinor ?? 0) > 0 ? `仍有${money(f.remainingMinor ?? 0)}逾期。` : '您的账户已无逾期。'),
    }),
  },
  failure: {
    en: (money, date, f) => ({
      subject: 'Your automatic payment',
      body:
        `The payment of ${money(f.amountMinor)} we tried to take on ${date(f.date)} did not go through, ` +
        'and we will not try it again automatically. We have not charged you any fee for this. ' +
        'When you are ready, the repayment portal shows ways to pay and plans that may suit you, or you can ask to talk to us.',
      sms: `The payment of ${money(f.amountMinor)} on ${date(f.date)} did not go through; we will not retry it and charged no fee. The portal shows your options.`,
    }),
    'zh-CN': (money, date, f) => ({
      subject: '您的自动还款',
      body:
        `我们于${date(f.date)}尝试扣款${money(f.amountMinor)}未能成功，之后不会再自动扣款，我们也没有因此收取任何费用。` +
        '方便时，您可以在还款平台查看还款方式和适合您的方案，或联系我们沟通。',
      sms: `${date(f.date)}扣款${money(f.amountMinor)}未成功，我们不会再自动扣款，也未收取费用。您可在还款平台查看还款方案。`,
    }),
  },
};

/** The notice for one channel, with the disclosures appended and the gate's verdict on it. */
/** Where the customer stands on their plan after a payment: what is overdue under it, and what comes next. */
function planStanding(
  plan: NonNullable<DebitNoticeFigures['plan']>,
  money: (minor: number) => string,
  date: (iso: string) => string,
  language: 'en' | 'zh-CN',
): string {
  if (language === 'en') {
    return [
      plan.overdueMinor > 0 ? `${money(plan.overdueMinor)} of your plan is still overdue.` : '',
      plan.next
        ? `Your next plan payment is ${money(plan.next.amountMinor)} on ${date(plan.next.date)}.`
        : plan.overdueMinor > 0
          ? ''
          : 'Your plan is paid in full.',
    ]
      .filter(Boolean)
      .join(' ');
  }
  return [
    plan.overdueMinor > 0 ? `计划中仍有${money(plan.overdueMinor)}逾期未还。` : '',
    plan.next
      ? `下一期计划还款为${date(plan.next.date)}还款${money(plan.next.amountMinor)}。`
      : plan.overdueMinor > 0
        ? ''
        : '您的还款计划已全部还清。',
  ].join('');
}

export function debitNotice(
  kind: DebitNoticeKind,
  account: Pick<Account, 'jurisdiction' | 'currency' | 'customer'>,
  channel: OutboundChannel,
  figures: DebitNoticeFigures,
): DebitNotice {
  const language = account.customer.language;
  const money = (minor: number) => formatMoney(minor, account.currency, language);
  const date = (iso: string) => formatDate(iso, language);
  const wording = WORDING[kind][language](money, date, figures);
  const { subject } = wording;
  const body = channel === 'sms' ? wording.sms : wording.body;
  const joiner = channel === 'sms' && language === 'en' ? ' ' : channel === 'sms' ? '' : '\n\n';
  const text = [body, ...requiredDisclosures(account.jurisdiction, channel, language)].join(joiner);
  const gateOffer: Offer = {
    currency: account.currency,
    amountsMinor: [
      figures.amountMinor,
      ...(figures.remainingMinor ? [figures.remainingMinor] : []),
      ...(figures.plan?.overdueMinor ? [figures.plan.overdueMinor] : []),
      ...(figures.plan?.next ? [figures.plan.next.amountMinor] : []),
    ],
    dates: [
      figures.date,
      ...(figures.stopBy ? [figures.stopBy] : []),
      ...(figures.plan?.next ? [figures.plan.next.date] : []),
    ],
    percentages: [],
  };
  const withSubject = channel === 'email' ? { subject } : {};
  const verdict = checkTemplate({
    jurisdiction: account.jurisdiction,
    channel,
    language,
    text: channel === 'email' ? `${subject}\n\n${text}` : text,
    offer: gateOffer,
  });
  return { channel, ...withSubject, text, gateOffer, verdict };
}
