/**
 * What the offline assistant says, in English and Simplified Chinese. Every figure is written by code
 * (formatMoney / formatDate / describeOption) from the offer set or from a promise the assistant validated;
 * no customer text is ever echoed, so nothing the customer types can reach a reply. Replies stay short and
 * kind: no urgency, no consequences, nothing the message linter's forbidden lists name.
 */
import type { Currency, Language } from '../accounts/account';
import type { ContactChannel } from '../compliance';
import { describeOption, formatDate, formatMoney } from '../drafting/draft';
import type { OfferOption, ScheduledPayment } from '../offers/plan-calculator';

/** An option with the number it has in the list the customer was shown. */
export interface NumberedOption {
  readonly number: number;
  readonly option: OfferOption;
}

export interface Wording {
  readonly greeting: string;
  readonly optionsIntro: string;
  readonly pickByNumber: string;
  readonly noOptions: string;
  readonly matchingOptions: string;
  readonly unavailableChoice: string;
  optionNotFound(count: number): string;
  proposal(number: number, line: string, schedule: string): string;
  readonly scheduleChanged: string;
  readonly proposalGone: string;
  planAccepted(line: string): string;
  readonly confirmPlainly: string;
  readonly nothingToConfirm: string;
  readonly declinedProposal: string;
  readonly declined: string;
  promiseRecorded(amount: string, date: string): string;
  amountInvalid(balance: string): string;
  readonly dateInvalid: string;
  readonly askAmountAndDate: string;
  readonly askAmount: string;
  readonly askDate: string;
  readonly askBudget: string;
  readonly askIncome: string;
  readonly askExpenses: string;
  readonly affordableIntro: string;
  readonly noneAffordableIntro: string;
  readonly hardshipNoOptions: string;
  readonly disputeOpened: string;
  readonly disputeAlreadyOpen: string;
  readonly personRequested: string;
  readonly personAlreadyRequested: string;
  readonly ceaseRecorded: string;
  readonly ceaseAlreadyRecorded: string;
  channelsRefused(channels: readonly ContactChannel[]): string;
  readonly policyOnly: string;
  settlementAvailable(number: number): string;
  readonly noSettlement: string;
  readonly notUnderstood: string;
  pendingReminder(number: number): string;
  readonly offerPerson: string;
  readonly injectionNote: string;
  readonly fallback: string;
}

const CHANNEL_NAMES: Record<Language, Record<ContactChannel, string>> = {
  en: { call: 'phone call', sms: 'text message', email: 'e-mail' },
  'zh-CN': { call: '电话', sms: '短信', email: '邮件' },
};

const ENGLISH: Wording = {
  greeting:
    "Hello, I'm your repayment assistant. I can show your repayment options, note when you plan to pay, or help if you are finding things difficult. What would you like to do?",
  optionsIntro: 'Here are your repayment options:',
  pickByNumber: 'Reply with an option number to see its full payment schedule.',
  noOptions:
    'There are no repayment options to show on your account right now. You can ask to speak with a person.',
  matchingOptions: 'These options match what you asked for:',
  unavailableChoice:
    "That option isn't available on your account. These are the options you can choose from:",
  optionNotFound: (count) =>
    count === 0
      ? "I couldn't find that option. You can ask to see your options."
      : `I couldn't find that option. Please reply with a number from 1 to ${count}.`,
  proposal: (number, line, schedule) =>
    [
      `Option ${number}: ${line}`,
      'Your payments would be:',
      schedule,
      'No interest or fees are added. Reply "confirm" to accept this plan, or "no" to go back.',
    ].join('\n'),
  scheduleChanged: 'The details of this option have been updated since I showed them. Here they are again:',
  proposalGone: 'That option is no longer available. These are the options you can choose from:',
  planAccepted: (line) =>
    `Thank you, your plan is agreed: ${line} You can see your schedule on your account at any time.`,
  confirmPlainly: 'To accept the plan, please reply with just "confirm".',
  nothingToConfirm:
    "There's nothing waiting for your confirmation. Reply with an option number to see its schedule, or ask to see your options.",
  declinedProposal: 'No problem, nothing has been changed. Would you like to see your other options?',
  declined: 'All right. Is there anything else I can help with?',
  promiseRecorded: (amount, date) =>
    `Thank you. I've noted that you plan to pay ${amount} by ${date}. If anything changes, just let me know.`,
  amountInvalid: (balance) =>
    `The amount needs to be more than zero and no more than your balance of ${balance}.`,
  dateInvalid: 'The date needs to be between today and 30 days from now.',
  askAmountAndDate: 'How much can you pay, and on which date?',
  askAmount: 'How much can you pay?',
  askDate: 'On which date can you pay? Please choose a date in the next 30 days.',
  askBudget:
    "I'm sorry to hear that. To find a plan you can afford, could you tell me your monthly income and your essential monthly expenses? For example: income 2000, expenses 1500.",
  askIncome: 'Thank you. Could you also tell me your monthly income?',
  askExpenses: 'Thank you. Could you also tell me your essential monthly expenses?',
  affordableIntro: 'Thank you for telling me. These options fit the budget you shared:',
  noneAffordableIntro:
    'Thank you for telling me. None of our plans fits fully within the budget you shared; this is the one with the lowest monthly payment:',
  hardshipNoOptions:
    'Thank you for telling me. I have no plan to show right now; you can ask to speak with a person, who can look at your situation.',
  disputeOpened:
    "I've recorded your dispute. We'll pause collection of this debt while we look into it, and let you know what we find.",
  disputeAlreadyOpen: 'Your dispute is already recorded, and collection stays paused while we look into it.',
  personRequested:
    "I've asked a member of our team to join this conversation. They will reply here as soon as they can.",
  personAlreadyRequested: 'A member of our team has already been asked to join. They will reply here.',
  ceaseRecorded:
    "Understood. We've recorded your request and will stop contacting you about this debt. You can still use this portal whenever you wish.",
  ceaseAlreadyRecorded:
    "Your request is already recorded: we won't contact you about this debt. You can still use this portal whenever you wish.",
  channelsRefused: (channels) =>
    `Done: we won't contact you by ${channels.map((channel) => CHANNEL_NAMES.en[channel]).join(' or ')}.`,
  policyOnly: "Our repayment offers come from the bank's policy, and I can't change them.",
  settlementAvailable: (number) => `The largest reduction available on your account is option ${number}:`,
  noSettlement: "There's no reduced settlement on your account, but these options are available:",
  notUnderstood:
    "Sorry, I didn't quite follow. I can show your repayment options, note when you plan to pay, help if you're finding things difficult, record a dispute, or put you in touch with a person.",
  pendingReminder: (number) =>
    `Option ${number} is waiting for your answer: reply "confirm" to accept it, or "no" to go back.`,
  offerPerson: 'If you prefer, I can put you in touch with a person: just say "agent".',
  injectionNote: "I can only help within the bank's repayment policy.",
  fallback: "Sorry, I can't answer that right now. Please try again, or ask to speak with a person.",
};

const CHINESE: Wording = {
  greeting:
    '您好，我是您的还款助手。我可以为您介绍还款方案、记录您的还款计划，或在您遇到困难时提供帮助。请问需要什么帮助？',
  optionsIntro: '您的还款方案如下：',
  pickByNumber: '请回复方案编号，查看完整的还款明细。',
  noOptions: '您的账户目前没有可展示的还款方案。如需帮助，可以要求转接人工客服。',
  matchingOptions: '以下方案符合您的选择：',
  unavailableChoice: '您的账户没有该方案。您可以从以下方案中选择：',
  optionNotFound: (count) =>
    count === 0
      ? '没有找到该方案，您可以让我列出还款方案。'
      : `没有找到该方案，请回复1到${count}之间的编号。`,
  proposal: (number, line, schedule) =>
    [
      `方案${number}：${line}`,
      '还款明细：',
      schedule,
      '不收取利息或任何费用。请回复“确认”接受此方案，或回复“不”返回。',
    ].join('\n'),
  scheduleChanged: '该方案的明细在展示后有所更新，最新明细如下：',
  proposalGone: '该方案已不再提供。您可以从以下方案中选择：',
  planAccepted: (line) => `谢谢您，还款计划已确认：${line}您可以随时在账户中查看还款明细。`,
  confirmPlainly: '如需接受该方案，请只回复“确认”。',
  nothingToConfirm: '目前没有需要您确认的方案。请回复方案编号查看明细，或让我列出还款方案。',
  declinedProposal: '好的，没有做任何更改。需要再看看其他方案吗？',
  declined: '好的。还有什么可以帮您？',
  promiseRecorded: (amount, date) => `谢谢您。已记录您计划于${date}前还款${amount}。如有变化，请随时告诉我。`,
  amountInvalid: (balance) => `还款金额需大于零，且不超过您的欠款余额${balance}。`,
  dateInvalid: '还款日期需在今天起30天内。',
  askAmountAndDate: '请问您可以还多少，哪天还？',
  askAmount: '请问您可以还多少？',
  askDate: '请问您哪天可以还款？请选择今天起30天内的日期。',
  askBudget:
    '很抱歉听到您的情况。为了找到您能负担的方案，请告诉我您的月收入和每月必要支出，例如：收入3000，支出2500。',
  askIncome: '谢谢您。请再告诉我您的月收入。',
  askExpenses: '谢谢您。请再告诉我您每月的必要支出。',
  affordableIntro: '感谢您告诉我。以下方案符合您提供的收支情况：',
  noneAffordableIntro: '感谢您告诉我。目前没有完全符合您收支情况的方案，月还款额最低的方案是：',
  hardshipNoOptions: '感谢您告诉我。目前没有可展示的方案，您可以要求转接人工客服，由工作人员了解您的情况。',
  disputeOpened: '已记录您的异议。核实期间我们将暂停催收这笔欠款，并把核实结果告知您。',
  disputeAlreadyOpen: '您的异议已经登记，核实期间催收保持暂停。',
  personRequested: '已为您转接人工客服，工作人员会在这里尽快回复您。',
  personAlreadyRequested: '已经为您转接人工客服，工作人员会在这里回复您。',
  ceaseRecorded: '好的，已记录您的请求，我们将停止就这笔欠款联系您。您仍可随时使用本还款平台。',
  ceaseAlreadyRecorded: '您的请求已经记录，我们不会再就这笔欠款联系您。您仍可随时使用本还款平台。',
  channelsRefused: (channels) =>
    `好的，我们将不再通过${channels.map((channel) => CHANNEL_NAMES['zh-CN'][channel]).join('、')}联系您。`,
  policyOnly: '还款方案依据银行政策制定，我无法更改。',
  settlementAvailable: (number) => `您的账户可享受的最大减免是方案${number}：`,
  noSettlement: '您的账户没有减免结清方案，但可以选择以下方案：',
  notUnderstood:
    '抱歉，我没有理解您的意思。我可以为您介绍还款方案、记录还款计划、在您遇到困难时提供帮助、登记异议，或为您转接人工客服。',
  pendingReminder: (number) => `方案${number}正在等待您的答复：回复“确认”接受，或回复“不”返回。`,
  offerPerson: '如果您愿意，我可以为您转接人工客服，请回复“人工”。',
  injectionNote: '我只能在银行还款政策范围内为您提供帮助。',
  fallback: '抱歉，我暂时无法回答。请再试一次，或要求转接人工客服。',
};

export const WORDING: Readonly<Record<Language, Wording>> = { en: ENGLISH, 'zh-CN': CHINESE };

/** Numbered option lines, each with its figures written by describeOption. */
export function optionList(
  options: readonly NumberedOption[],
  currency: Currency,
  language: Language,
): string {
  return options
    .map(({ number, option }) => `${number}) ${describeOption(option, currency, language)}`)
    .join('\n');
}

/** Up to this many payments, one line each; longer schedules group equal amounts and list their dates. */
const LINE_PER_PAYMENT_MAX = 12;

/** Every due date and amount of the option: what a customer must have seen before accepting it. */
export function paymentSchedule(option: OfferOption, currency: Currency, language: Language): string {
  const money = (minor: number) => formatMoney(minor, currency, language);
  const date = (isoDate: string) => formatDate(isoDate, language);
  if (option.instalments.length <= LINE_PER_PAYMENT_MAX) {
    return option.instalments
      .map(
        (payment, index) =>
          `${index + 1}) ${date(payment.dueDate)}${language === 'en' ? ': ' : '：'}${money(payment.amountMinor)}`,
      )
      .join('\n');
  }
  return runsOfEqualAmounts(option.instalments)
    .map((run) => {
      const dates = run.map((payment) => date(payment.dueDate));
      const amount = money(run[0]!.amountMinor);
      return language === 'en'
        ? `${run.length} payments of ${amount}, due ${dates.join(', ')}.`
        : `${run.length}期每期${amount}，到期日：${dates.join('、')}。`;
    })
    .join('\n');
}

/** Consecutive payments of the same amount, in schedule order. */
function runsOfEqualAmounts(payments: readonly ScheduledPayment[]): ScheduledPayment[][] {
  const runs: ScheduledPayment[][] = [];
  for (const payment of payments) {
    const last = runs.at(-1);
    if (last && last[0]!.amountMinor === payment.amountMinor) last.push(payment);
    else runs.push([payment]);
  }
  return runs;
}
