/**
 * Deterministic drafts from fixed templates: the fallback when the model is unavailable or its drafts fail
 * the gate, and the drafts used when no model is configured. Same content schema as the model's, with
 * pseudonym placeholders, and the same code-written figures (see `describeOption`).
 */
import type { Language } from '../accounts/account';
import { formatMoney } from '../kernel/format';
import type { OfferSet } from '../offers/plan-calculator';
import type { Tier } from '../treatment/treatment-policy';
import { type DraftContent, describeOption } from './draft';
import { PLACEHOLDERS } from './pseudonymise';

/** Recorded as the prompt version of offline drafts: change a template → bump it. */
export const OFFLINE_TEMPLATES = { id: 'draft-outreach-offline', version: '2026.11.1' } as const;

/** The tone of outreach, by treatment tier. Tiers without outreach never reach a drafter. */
export type TierKind = 'check_in' | 'reminder' | 'call' | 'hardship' | 'referral';

export const TIER_KINDS: Record<Tier, TierKind> = {
  monitor: 'check_in',
  early_warning: 'check_in',
  reminder: 'reminder',
  reminder_and_call: 'reminder',
  agent_call: 'call',
  hardship_restructure: 'hardship',
  referral_review: 'referral',
  promise_pending: 'reminder',
  hardship_plan_active: 'check_in',
  plan_active: 'check_in',
  dispute_hold: 'check_in',
  cease_hold: 'check_in',
  excluded: 'check_in',
};

export interface OfflineDraftInput {
  readonly offerSet: OfferSet;
  readonly tier: Tier;
  readonly language: Language;
}

const NAME = PLACEHOLDERS.customerName;
const REF = PLACEHOLDERS.accountRef;

interface Wording {
  readonly opening: Record<TierKind, string>;
  readonly subject: Record<TierKind, string>;
  sms(total: string, hasOptions: boolean): string;
  greeting: string;
  balance(total: string, hasOptions: boolean): string;
  nextStep: string;
  circumstances: string;
  signOff: string;
  rightPartyVerification: string;
  callOpening: string;
  callOptions(total: string, lines: readonly string[]): string;
  objectionHandling: DraftContent['callScript']['objectionHandling'];
  close: string;
}

const numbered = (lines: readonly string[]) => lines.map((line, index) => `${index + 1}) ${line}`);

const ENGLISH: Wording = {
  opening: {
    check_in: 'We would like to help early, before any payment is missed.',
    reminder: `This is a friendly reminder that a payment is outstanding on your account ${REF}.`,
    call: 'We would like to help you find a repayment arrangement that works for you.',
    hardship: 'We understand that circumstances change, and we can offer plans with lower monthly payments.',
    referral: 'Your account needs attention, and we would still like to agree a way forward with you.',
  },
  subject: {
    check_in: 'Help with your account',
    reminder: 'A reminder about your account',
    call: 'Your repayment options',
    hardship: 'Plans with lower monthly payments',
    referral: 'Your account and your options',
  },
  sms: (total, hasOptions) =>
    `Hi ${NAME}, ${total} is due on account ${REF}. ${
      hasOptions ? 'See your repayment options' : 'Contact us about a plan'
    } in our secure portal.`,
  greeting: `Dear ${NAME},`,
  balance: (total, hasOptions) =>
    `The balance on your account ${REF} is ${total}.${hasOptions ? ' You can choose any of these options:' : ''}`,
  nextStep:
    'You can accept an option in our secure portal or by replying to this e-mail, or contact us to discuss a plan that suits you.',
  circumstances: 'If your circumstances have changed, please tell us and we will look at what is affordable.',
  signOff: 'Kind regards,\nCustomer Support',
  rightPartyVerification: `Hello, may I speak with ${NAME}? Before we continue, could you please confirm your date of birth so that I know I am speaking with the right person? If the person is not ${NAME}, do not discuss the account: ask only for a good time to call back.`,
  callOpening: `Thank you. I am calling from the bank about your account ${REF}.`,
  callOptions: (total, lines) =>
    lines.length > 0
      ? `The balance is ${total}. We can offer: ${numbered(lines).join(' ')} Which of these would suit you best?`
      : `The balance is ${total}. Could we talk about a payment arrangement that would suit you?`,
  objectionHandling: [
    {
      objection: "I can't afford to pay right now.",
      response:
        'I understand. Could you tell me a little about your income and outgoings? We can look for a plan that fits your budget.',
    },
    {
      objection: "I don't think I owe this amount.",
      response:
        'Thank you for telling me. I will record that you dispute it, and we will pause collection while we verify the debt and send you the details.',
    },
    {
      objection: 'Please stop calling me.',
      response:
        'I will record your request. You can also tell us which ways you would prefer us to contact you.',
    },
  ],
  close:
    'Thank you for your time. I will send you a summary of what we agreed and the details of the option you chose. Is there anything else I can help with today?',
};

const CHINESE: Wording = {
  opening: {
    check_in: '我们希望在您出现逾期之前及早为您提供帮助。',
    reminder: `温馨提示：您的账户${REF}有一笔款项尚未还清。`,
    call: '我们希望与您一起找到适合您的还款安排。',
    hardship: '我们理解您的情况可能发生了变化，可以为您提供月供更低的还款方案。',
    referral: '您的账户需要处理，我们仍希望与您商定可行的还款方式。',
  },
  subject: {
    check_in: '关于您账户的帮助',
    reminder: '账户还款提醒',
    call: '您的还款方案',
    hardship: '月供更低的还款方案',
    referral: '您的账户与还款方案',
  },
  sms: (total, hasOptions) =>
    `${NAME}您好，您的账户${REF}待还${total}，${hasOptions ? '请登录还款门户查看还款方案' : '欢迎与我们商定还款方案'}。`,
  greeting: `${NAME}您好：`,
  balance: (total, hasOptions) =>
    `您的账户${REF}当前余额为${total}。${hasOptions ? '您可以选择以下任一方案：' : ''}`,
  nextStep: '您可以在还款门户中或回复本邮件选择方案，也可以与我们联络商定适合您的安排。',
  circumstances: '如果您的情况有所变化，请告诉我们，我们会根据您的承受能力为您安排。',
  signOff: '此致\n客户服务部',
  rightPartyVerification: `您好，请问是${NAME}本人吗？在继续之前，请您核实出生日期，以确认是本人接听。如非本人接听，请勿谈及账户情况，只询问方便回电的时间。`,
  callOpening: `感谢您的确认。我是银行的工作人员，来电是关于您的账户${REF}。`,
  callOptions: (total, lines) =>
    lines.length > 0
      ? `您目前的余额为${total}。我们可以为您提供以下方案：${numbered(lines).join('')}请问哪种方案更适合您？`
      : `您目前的余额为${total}。我们可以一起商定适合您的还款安排吗？`,
  objectionHandling: [
    {
      objection: '我现在还不起。',
      response: '我理解您的难处。能否简单介绍一下您的收入和支出情况？我们可以一起看看适合您预算的方案。',
    },
    {
      objection: '我认为这笔金额不对。',
      response: '感谢您告诉我。我会记录您的异议，在核实之前暂停催收，并将核实结果告知您。',
    },
    {
      objection: '请不要再给我打电话。',
      response: '我会记录您的要求。您也可以告诉我们您希望采用的沟通方式。',
    },
  ],
  close: '感谢您的时间。我会将我们商定的内容和您所选方案的详情发送给您。请问还有其他需要帮助的吗？',
};

const WORDING: Record<Language, Wording> = { en: ENGLISH, 'zh-CN': CHINESE };

/** The same input always gives the same draft. */
export function offlineDraft({ offerSet, tier, language }: OfflineDraftInput): DraftContent {
  const wording = WORDING[language];
  const kind = TIER_KINDS[tier];
  const total = formatMoney(offerSet.totalDueMinor, offerSet.currency, language);
  const lines = offerSet.options.map((option) => describeOption(option, offerSet.currency, language));
  const hasOptions = lines.length > 0;
  const bullets = lines.map((line) => `- ${line}`);
  const paragraphBreak = '\n\n';
  const offerParagraph = [wording.balance(total, hasOptions), ...bullets].join('\n');
  return {
    sms: wording.sms(total, hasOptions),
    email: {
      subject: wording.subject[kind],
      body: [
        wording.greeting,
        wording.opening[kind],
        offerParagraph,
        wording.nextStep,
        wording.circumstances,
        wording.signOff,
      ].join(paragraphBreak),
    },
    portal: [wording.opening[kind], offerParagraph, wording.nextStep, wording.circumstances].join(
      paragraphBreak,
    ),
    callScript: {
      rightPartyVerification: wording.rightPartyVerification,
      opening: `${wording.callOpening}${language === 'en' ? ' ' : ''}${wording.opening[kind]}`,
      options: wording.callOptions(total, lines),
      objectionHandling: wording.objectionHandling,
      close: wording.close,
    },
  };
}
