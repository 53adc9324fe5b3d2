/**
 * What the portal assistant says, in English and Simplified Chinese. Every figure is written by code
 * (readable.ts) from the offer set, the account's statements or a figure the customer stated and the
 * assistant validated; no customer text is ever echoed, so nothing the customer types can reach a reply.
 * Replies are short and kind: no urgency, no consequences, nothing the message linter's forbidden lists name
 * (which is why they speak of "what happens next" and never of courts, police or the customer's family).
 */
import type { Language } from '../accounts/account';
import type { ContactChannel } from '../compliance';
import type { ContactHours } from './dialogue-readers';
import type { IntentName } from './taxonomy';

export type FigureWanted = 'promise' | 'promise_amount' | 'promise_date' | 'income' | 'expenses';

/** A change of contact preferences, as the reply names it. */
export interface PreferenceChange {
  readonly refusedChannels: readonly ContactChannel[];
  readonly noWorkplace: boolean;
  readonly noThirdParties: boolean;
  readonly contactHours?: ContactHours;
}

export interface Wording {
  readonly greeting: string;
  readonly empty: string;
  readonly optionsIntro: string;
  readonly pickByNumber: string;
  readonly noOptions: string;
  /** Options asked for once a plan is agreed: the plan is the account's schedule. */
  readonly planInPlace: string;
  readonly matchingOptions: string;
  readonly unavailableChoice: string;
  optionNotFound(count: number): string;
  proposal(number: number, line: string, schedule: string, summarised: boolean): string;
  readonly fullScheduleIntro: string;
  readonly noScheduleToShow: string;
  readonly scheduleChanged: string;
  readonly proposalGone: string;
  planAccepted(line: string): string;
  readonly confirmPlainly: string;
  readonly nothingToConfirm: string;
  readonly declinedProposal: string;
  readonly declined: string;
  promiseCheck(amount: string, date: string): string;
  readonly promiseUpdated: string;
  promiseRecorded(amount: string, date: string): string;
  readonly promiseNotNoted: string;
  amountInvalid(balance: string): string;
  dateInvalid(last: string): string;
  ask(wanted: FigureWanted): string;
  askAgain(wanted: FigureWanted): string;
  readonly hardshipAskIncome: string;
  readonly hardshipSorry: string;
  fitsIntro(cap: string): string;
  nothingFits(cap: string, lowest: string | undefined): string;
  nothingFitsTermLimit(months: number, lowest: string): string;
  nothingFitsFloor(lowest: string): string;
  readonly noPlanEscalated: string;
  readonly noSurplus: string;
  readonly arrangementIntro: string;
  arrangementExact(term: number): string;
  arrangementNearest(asked: number, offered: number): string;
  arrangementFits(amount: string): string;
  arrangementTooLow(amount: string, lowest: string): string;
  readonly arrangementNone: string;
  readonly arrangementOnlyOthers: string;
  readonly policyOnly: string;
  settlementAvailable(number: number): string;
  readonly noSettlement: string;
  balanceMadeUp(parts: {
    balance: string;
    overdue?: string;
    overdueSince?: string;
    minimumDue?: string;
    nextDue?: string;
    statements: readonly { month: string; balance: string; paid: string }[];
  }): string;
  paymentsOnRecord(payments: readonly { month: string; paid: string }[]): string;
  traceRequested(amount: string | undefined, date: string | undefined): string;
  readonly traceAlreadyRequested: string;
  readonly disputeOpened: string;
  readonly disputeAlreadyOpen: string;
  fraudReported(jurisdiction: 'US' | 'CN'): string;
  readonly fraudAlreadyReported: string;
  legalRecorded(jurisdiction: 'US' | 'CN'): string;
  readonly legalAlreadyRecorded: string;
  readonly bankruptcyRecorded: string;
  readonly bankruptcyAlreadyRecorded: string;
  readonly deceasedRecorded: string;
  readonly deceasedAlreadyRecorded: string;
  readonly vulnerabilityRecorded: string;
  readonly vulnerabilityAlreadyRecorded: string;
  crisis(jurisdiction: 'US' | 'CN'): string;
  readonly complaintRecorded: string;
  readonly complaintAlreadyRecorded: string;
  readonly personRequested: string;
  readonly personAlreadyRequested: string;
  readonly ceaseRecorded: string;
  readonly ceaseAlreadyRecorded: string;
  preferencesChanged(change: PreferenceChange): string;
  readonly askPreference: string;
  readonly onHold: Readonly<Record<HoldKind, string>>;
  meaning(intent: IntentName): string;
  clarify(meaning: string): string;
  readonly tellMeMore: string;
  readonly notUnderstood: string;
  pendingReminder(kind: 'plan' | 'promise', number?: number): string;
  readonly offerPerson: string;
  readonly stillUnsure: string;
  readonly otherAccount: string;
  readonly injectionNote: string;
  readonly fallback: string;
}

/** Why the assistant will not take a payment or show options: the account is with a specialist team. */
export type HoldKind = 'deceased' | 'bankruptcy' | 'fraud' | 'dispute' | 'legal_representation';

const CHANNEL_NAMES: Record<Language, Record<ContactChannel, string>> = {
  en: { call: 'phone', sms: 'text message', email: 'e-mail' },
  'zh-CN': { call: '电话', sms: '短信', email: '邮件' },
};

const listEn = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;

const ENGLISH: Wording = {
  greeting:
    "Hello, I'm your repayment assistant. I can explain your balance, show your repayment options, note when you plan to pay, or help if things are difficult at the moment. What would you like to do?",
  empty: "I didn't receive any text there. What can I help you with?",
  optionsIntro: 'Here are your repayment options:',
  pickByNumber: 'Reply with an option number to see its payments.',
  noOptions:
    'There are no repayment options to show on your account right now. If you like, I can ask a member of our team to help.',
  planInPlace:
    'You already have an agreed plan, so there are no other options to choose from. Its payments, and what is due next, are on your account page; you can pay an instalment now under Automatic payments.',
  matchingOptions: 'These options match what you asked for:',
  unavailableChoice:
    "That option isn't available on your account. These are the options you can choose from:",
  optionNotFound: (count) =>
    count === 0
      ? "I couldn't find that option. You can ask to see your options."
      : `I couldn't find that option. Please reply with a number from 1 to ${count}.`,
  proposal: (number, line, schedule, summarised) =>
    [
      `Option ${number}: ${line}`,
      summarised ? schedule : `Your payments would be:\n${schedule}`,
      summarised
        ? 'No interest or fees are added. Reply "confirm" to accept this plan, "full schedule" to see every payment, or "no" to go back.'
        : 'No interest or fees are added. Reply "confirm" to accept this plan, or "no" to go back.',
    ].join('\n'),
  fullScheduleIntro: 'Here is every payment:',
  noScheduleToShow: "There's no payment schedule to show yet. Would you like to see your repayment options?",
  scheduleChanged: 'The details of this option have changed since I showed them. Here they are again:',
  proposalGone: 'That option is no longer available. These are the options you can choose from:',
  planAccepted: (line) =>
    `Thank you, your plan is agreed: ${line} You can see your payments on your account at any time.`,
  confirmPlainly: 'To go ahead, please reply with just "confirm".',
  nothingToConfirm:
    "There's nothing waiting for your confirmation. You can ask to see your options, or tell me when you plan to pay.",
  declinedProposal: 'No problem, nothing has been changed. Would you like to see your other options?',
  declined: 'All right. Is there anything else I can help with?',
  promiseCheck: (amount, date) =>
    `Just to check: you plan to pay ${amount} by ${date}. Shall I note that? Reply "yes" to confirm, or tell me what to change.`,
  promiseUpdated: "Thanks, I've updated that.",
  promiseRecorded: (amount, date) =>
    `Thank you. I've noted that you plan to pay ${amount} by ${date}. If anything changes, just let me know.`,
  promiseNotNoted:
    "No problem, I haven't noted anything. If you'd like, tell me an amount and a date that would work for you.",
  amountInvalid: (balance) =>
    `The amount needs to be more than zero and no more than your balance of ${balance}.`,
  dateInvalid: (last) => `The date needs to be between today and ${last}.`,
  ask: (wanted) =>
    ({
      promise: 'How much could you pay, and on which date?',
      promise_amount: 'How much could you pay?',
      promise_date: 'On which date could you pay? Any day in the next 30 days works.',
      income: 'Roughly how much comes in each month, after tax?',
      expenses: 'And roughly how much goes on essentials each month, such as rent, bills and food?',
    })[wanted],
  askAgain: (wanted) =>
    ({
      promise: 'Sorry, I missed that. Please tell me an amount and a date, for example "100 on the 15th".',
      promise_amount: 'Sorry, I missed that. Please tell me the amount, for example "150".',
      promise_date: 'Sorry, I missed that. Please tell me the date, for example "the 15th" or "next Friday".',
      income: 'Sorry, I missed that. Please tell me your monthly income as a number, for example "2,400".',
      expenses:
        'Sorry, I missed that. Please tell me your monthly essential costs as a number, for example "1,900".',
    })[wanted],
  hardshipAskIncome:
    "I'm sorry things are hard at the moment. Let's find a plan you can manage. Roughly how much comes in each month, after tax? If it's easier, just tell me how much you could manage to pay each month.",
  hardshipSorry: "I'm sorry things are hard at the moment.",
  fitsIntro: (cap) => `Thank you for telling me. These plans fit within ${cap} a month:`,
  nothingFits: (cap, lowest) =>
    lowest
      ? `Thank you for telling me. None of our plans fits within ${cap} a month: the lowest monthly payment I can offer is ${lowest}.`
      : `Thank you for telling me. None of our plans fits within ${cap} a month.`,
  nothingFitsTermLimit: (months, lowest) =>
    `Even spread over the longest term we can offer, ${months} months, each payment would be ${lowest}.`,
  nothingFitsFloor: (lowest) => `The smallest monthly payment a plan can have is ${lowest}.`,
  noPlanEscalated:
    'I have asked a member of our team to look at your situation with you and find a way forward you can afford: they will reply here.',
  noSurplus:
    "Thank you for telling me. It sounds like nothing is left once your essentials are paid, so I won't suggest a payment you can't afford.",
  arrangementIntro: 'Our plans spread the balance over monthly payments. These are the ones I can offer:',
  arrangementExact: (term) => `Yes, we can spread it over ${term} monthly payments.`,
  arrangementNearest: (asked, offered) =>
    `We can't set up ${asked} monthly payments, but the closest plan I can offer has ${offered}.`,
  arrangementFits: (amount) => `This is the plan that clears the balance soonest within ${amount} a month.`,
  arrangementTooLow: (amount, lowest) =>
    `I can't offer payments as low as ${amount} a month: the lowest monthly payment our plans allow is ${lowest}. This is that plan:`,
  arrangementNone: "I'm afraid I can't offer a plan that spreads the balance on your account right now.",
  arrangementOnlyOthers:
    "I can't spread the balance on your account over monthly payments, but these options are available:",
  policyOnly: "Our repayment offers come from the bank's policy, and I can't change them.",
  settlementAvailable: (number) => `The largest reduction available on your account is option ${number}:`,
  noSettlement: "There's no reduced settlement on your account, but these options are available:",
  balanceMadeUp: ({ balance, overdue, overdueSince, minimumDue, nextDue, statements }) =>
    [
      `Your balance is ${balance}: everything owed on the card, which is what was spent on it plus any interest and charges on your statements, less what was paid.`,
      overdue
        ? overdueSince
          ? `${overdue} of it is overdue: payments due since ${overdueSince} that were not paid in full.`
          : `${overdue} of it is overdue.`
        : 'None of it is overdue.',
      minimumDue && nextDue ? `Your next minimum payment is ${minimumDue}, due ${nextDue}.` : '',
      statements.length > 0
        ? `Your latest statements:\n${statements.map((s) => `${s.month}: balance ${s.balance}, paid ${s.paid}`).join('\n')}`
        : '',
      "If something here doesn't look right, tell me and I'll record a dispute.",
    ]
      .filter(Boolean)
      .join('\n'),
  paymentsOnRecord: (payments) =>
    payments.length > 0
      ? `These are the payments on your statements for the last six months:\n${payments.map((p) => `${p.month}: ${p.paid}`).join('\n')}`
      : 'Your statements for the last six months show no payments yet. A recent payment can take a few working days to appear.',
  traceRequested: (amount, date) =>
    `I've asked our team to trace ${amount ? `your payment of ${amount}` : 'your payment'}${date ? ` made on ${date}` : ''}. They will check with the bank and let you know here what they find. If you have a receipt or a reference, please keep it to hand.`,
  traceAlreadyRequested:
    'Our team is already tracing your payment and will let you know here what they find.',
  disputeOpened:
    "I've recorded your dispute. What happens next: we pause all collection of this debt (no calls, messages or automatic payments), check the account, and send you what we find. You don't need to pay anything on it while we check. If you have anything that shows it's wrong, such as a receipt or a letter, you can tell me here.",
  disputeAlreadyOpen:
    'Your dispute is already recorded, and collection stays paused while we check. We will send you what we find.',
  fraudReported: (jurisdiction) =>
    `I'm sorry this has happened. I've recorded that this account or these charges aren't yours, and I've opened a case for our fraud team. We've stopped all collection on the account while they look into it, and they will contact you.${jurisdiction === 'US' ? ' You can also report identity theft at IdentityTheft.gov.' : ''}`,
  fraudAlreadyReported:
    'Your fraud report is already with our fraud team, and collection stays stopped meanwhile.',
  legalRecorded: (jurisdiction) =>
    jurisdiction === 'US'
      ? "Thank you for letting me know. I've recorded that a lawyer represents you on this debt. From now on we will deal with your lawyer rather than contact you directly about it, and a member of our team will follow up with them."
      : "Thank you for letting me know. I've recorded that a lawyer represents you on this debt, and a member of our team will follow up.",
  legalAlreadyRecorded:
    "It's already recorded that a lawyer represents you on this debt; our team follows up with them.",
  bankruptcyRecorded:
    "Thank you for letting me know. I've recorded your bankruptcy and passed your account to our specialist team. We've paused all collection on it (no calls, messages or automatic payments) while they look at it. They may ask you for the case details; you don't need to do anything else here.",
  bankruptcyAlreadyRecorded:
    'Your bankruptcy is already recorded, and our specialist team is looking after your account.',
  deceasedRecorded:
    "I'm so sorry for your loss, and thank you for letting us know. I've passed this to our specialist team, who look after the accounts of people who have died, and we've stopped all collection on this account. You are not being asked to pay anything. The team will be in touch to explain what happens next, in your own time.",
  deceasedAlreadyRecorded:
    'Our specialist team is already looking after this account, and nothing is being asked of you. They will be in touch.',
  vulnerabilityRecorded:
    "I'm sorry you're going through this, and thank you for telling me. I've paused collection on your account and passed it to a specialist in our team, who can take things at a pace that suits you. There's no need to sort anything out today.",
  vulnerabilityAlreadyRecorded:
    'A specialist in our team is already looking after your account, and collection stays paused. Take the time you need.',
  crisis: (jurisdiction) =>
    jurisdiction === 'US'
      ? "I'm really sorry you're feeling like this. You don't have to face it alone: please call or text 988 now to talk with someone at the Suicide & Crisis Lifeline, free and at any hour, or call 911 if you are in danger. I've asked a member of our team to join this chat now, and we've paused everything on your account."
      : "I'm really sorry you're feeling like this. You don't have to face it alone: please call the national mental health helpline on 12356 now, or the Beijing Psychological Crisis Research and Intervention Center on 010-82951332; if you are in danger, call 120. I've asked a member of our team to join this chat now, and we've paused everything on your account.",
  complaintRecorded:
    "I'm sorry about your experience. I've recorded your complaint and passed it to a supervisor, who will look into it and reply to you.",
  complaintAlreadyRecorded: 'Your complaint is already with a supervisor, who will reply to you.',
  personRequested:
    "I've asked a member of our team to join this conversation. They will reply here as soon as they can.",
  personAlreadyRequested: 'A member of our team has already been asked to join. They will reply here.',
  ceaseRecorded:
    "Understood. We've recorded your request and will stop contacting you about this debt. You can still use this portal whenever you wish.",
  ceaseAlreadyRecorded:
    "Your request is already recorded: we won't contact you about this debt. You can still use this portal whenever you wish.",
  preferencesChanged: ({ refusedChannels, noWorkplace, noThirdParties, contactHours }) => {
    const parts = [
      refusedChannels.length > 0
        ? `we won't contact you by ${listEn(refusedChannels.map((channel) => CHANNEL_NAMES.en[channel]))}`
        : '',
      noWorkplace ? "we won't contact you at work" : '',
      noThirdParties ? "we won't contact anyone but you about this account" : '',
      contactHours?.from && contactHours.to
        ? `we'll only contact you between ${contactHours.from} and ${contactHours.to} your time`
        : contactHours?.from
          ? `we won't contact you before ${contactHours.from} your time`
          : contactHours?.to
            ? `we won't contact you from ${contactHours.to} your time`
            : '',
    ].filter(Boolean);
    return `Done: ${parts.join('; ')}. This applies from now on.`;
  },
  askPreference:
    'Of course. What would you like to change? For example: no calls, texts only, not at work, not before 10am, or nobody else to be contacted.',
  onHold: {
    deceased:
      'You are not being asked to pay anything on this account. Our specialist team will be in touch about what happens next.',
    bankruptcy:
      "While your bankruptcy is being looked at, collection on this account is paused, so I won't ask for a payment. Our specialist team will be in touch.",
    fraud:
      "Collection on this account is stopped while our fraud team looks into it, so there's nothing to pay now.",
    dispute:
      "Collection of this debt is paused while we check your dispute, so you don't need to pay anything on it now. If you'd still like to make a payment, a member of our team can help.",
    legal_representation:
      'As a lawyer represents you on this debt, our team will arrange any payment with your lawyer.',
  },
  meaning: (intent) =>
    ({
      greeting: 'you are saying hello',
      show_options: 'you would like to see your repayment options',
      choose_option: 'you are choosing one of the options',
      confirm: 'you are saying yes',
      decline: 'you are saying no',
      promise_to_pay: 'you are telling me when you plan to pay',
      payment_arrangement: 'you would like to pay in parts on a schedule of your own',
      hardship: "you can't pay at the moment because money is tight",
      explain_balance: 'you would like me to explain what your balance is made of',
      already_paid: "you have already paid and the payment isn't showing",
      dispute: "you don't think you owe this debt, or the amount is wrong",
      fraud: "someone else opened or used this account, and the charges aren't yours",
      request_person: 'you would like to talk to a person',
      stop_contact: 'you would like us to stop contacting you about this debt',
      contact_preferences: 'you would like to change how or when we contact you',
      discount_request: 'you are asking for a reduction of what you owe',
      legal_representation: 'a lawyer represents you on this debt',
      bankruptcy: 'you have filed for bankruptcy',
      deceased: 'the account holder has died',
      vulnerability: 'you are going through a difficult time and need some support',
      complaint: 'you would like to make a complaint',
      unknown: 'something else',
    })[intent],
  clarify: (meaning) =>
    `Just to be sure I get this right: do you mean that ${meaning}? Please reply "yes" or "no".`,
  tellMeMore: 'Sorry I got that wrong. Could you tell me a little more about what you need?',
  notUnderstood:
    "Sorry, I didn't quite follow. I can explain your balance, show your repayment options, note when you plan to pay, help if things are difficult, record a dispute, or put you in touch with a person.",
  pendingReminder: (kind, number) =>
    kind === 'plan'
      ? `Option ${number} is waiting for your answer: reply "confirm" to accept it, or "no" to go back.`
      : 'Your payment date is waiting for your answer: reply "yes" to confirm it, or tell me what to change.',
  offerPerson: 'Would you like me to ask a member of our team to join this chat? Reply "yes" if so.',
  stillUnsure: "I'm sorry, I'm still not sure I've understood, and I want to get this right.",
  otherAccount:
    "I can only help with the account you signed in with, so I can't look at or say anything about any other account.",
  injectionNote: "I can only help within the bank's repayment policy.",
  fallback: "Sorry, I can't answer that right now. Please try again, or ask to speak with a person.",
};

const CHINESE: Wording = {
  greeting:
    '您好，我是您的还款助手。我可以为您说明欠款构成、介绍还款方案、记录您的还款计划，或在您遇到困难时提供帮助。请问需要什么帮助？',
  empty: '没有收到您的文字。请问有什么可以帮您？',
  optionsIntro: '您的还款方案如下：',
  pickByNumber: '请回复方案编号，查看还款明细。',
  noOptions: '您的账户目前没有可展示的还款方案。如需要，我可以请工作人员为您提供帮助。',
  planInPlace:
    '您已有确认的还款计划，因此没有其他方案可选。计划的每期还款和下一期应还金额都在“我的账户”页面；您也可以在“自动还款”中立即还款。',
  matchingOptions: '以下方案符合您的选择：',
  unavailableChoice: '您的账户没有该方案。您可以从以下方案中选择：',
  optionNotFound: (count) =>
    count === 0
      ? '没有找到该方案，您可以让我列出还款方案。'
      : `没有找到该方案，请回复1到${count}之间的编号。`,
  proposal: (number, line, schedule, summarised) =>
    [
      `方案${number}：${line}`,
      summarised ? schedule : `还款明细：\n${schedule}`,
      summarised
        ? '不收取利息或任何费用。请回复“确认”接受此方案，回复“完整明细”查看每一期，或回复“不”返回。'
        : '不收取利息或任何费用。请回复“确认”接受此方案，或回复“不”返回。',
    ].join('\n'),
  fullScheduleIntro: '每一期还款如下：',
  noScheduleToShow: '目前还没有可展示的还款明细。需要我为您列出还款方案吗？',
  scheduleChanged: '该方案的明细在展示后有所更新，最新明细如下：',
  proposalGone: '该方案已不再提供。您可以从以下方案中选择：',
  planAccepted: (line) => `谢谢您，还款计划已确认：${line}您可以随时在账户中查看还款明细。`,
  confirmPlainly: '如需继续，请只回复“确认”。',
  nothingToConfirm: '目前没有需要您确认的内容。您可以让我列出还款方案，或告诉我您计划何时还款。',
  declinedProposal: '好的，没有做任何更改。需要再看看其他方案吗？',
  declined: '好的。还有什么可以帮您？',
  promiseCheck: (amount, date) =>
    `想跟您确认一下：您计划于${date}前还款${amount}。需要我记录吗？请回复“是”确认，或告诉我需要修改的地方。`,
  promiseUpdated: '好的，已为您修改。',
  promiseRecorded: (amount, date) => `谢谢您。已记录您计划于${date}前还款${amount}。如有变化，请随时告诉我。`,
  promiseNotNoted: '好的，我没有记录任何内容。如果方便，可以告诉我您能还款的金额和日期。',
  amountInvalid: (balance) => `还款金额需大于零，且不超过您的欠款余额${balance}。`,
  dateInvalid: (last) => `还款日期需在今天到${last}之间。`,
  ask: (wanted) =>
    ({
      promise: '请问您可以还多少，哪天还？',
      promise_amount: '请问您可以还多少？',
      promise_date: '请问您哪天可以还款？今天起30天内的任何一天都可以。',
      income: '请问您每月税后收入大约是多少？',
      expenses: '您每月的必要开支（房租、水电、吃饭等）大约是多少？',
    })[wanted],
  askAgain: (wanted) =>
    ({
      promise: '抱歉，我没有看懂。请告诉我金额和日期，例如“15号还1000”。',
      promise_amount: '抱歉，我没有看懂。请告诉我金额，例如“1500”。',
      promise_date: '抱歉，我没有看懂。请告诉我日期，例如“15号”或“下周五”。',
      income: '抱歉，我没有看懂。请用数字告诉我您的月收入，例如“8000”。',
      expenses: '抱歉，我没有看懂。请用数字告诉我您每月的必要开支，例如“5000”。',
    })[wanted],
  hardshipAskIncome:
    '很抱歉您目前遇到了困难，我们一起找一个您能负担的方案。请问您每月税后收入大约是多少？如果更方便，也可以直接告诉我您每月最多能还多少。',
  hardshipSorry: '很抱歉您目前遇到了困难。',
  fitsIntro: (cap) => `感谢您告诉我。以下方案每月还款不超过${cap}：`,
  nothingFits: (cap, lowest) =>
    lowest
      ? `感谢您告诉我。目前没有每月不超过${cap}的方案，我能提供的最低月还款额是${lowest}。`
      : `感谢您告诉我。目前没有每月不超过${cap}的方案。`,
  nothingFitsTermLimit: (months, lowest) =>
    `即使按我们能提供的最长期限${months}个月分期，每期也需还款${lowest}。`,
  nothingFitsFloor: (lowest) => `还款计划的最低月还款额为${lowest}。`,
  noPlanEscalated: '我已请工作人员和您一起看看您的情况，找到您能负担的解决办法，他们会在这里回复您。',
  noSurplus: '感谢您告诉我。听起来支付必要开支后已没有结余，我不会向您推荐超出能力的还款。',
  arrangementIntro: '我们的方案按月分期还款，我可以提供以下方案：',
  arrangementExact: (term) => `可以，能分${term}期按月还款。`,
  arrangementNearest: (asked, offered) => `无法分${asked}期，最接近的方案是分${offered}期。`,
  arrangementFits: (amount) => `这是每月不超过${amount}、最快还清的方案。`,
  arrangementTooLow: (amount, lowest) =>
    `无法提供每月${amount}的还款，我们方案的最低月还款额是${lowest}，方案如下：`,
  arrangementNone: '抱歉，您的账户目前没有可分期的方案。',
  arrangementOnlyOthers: '您的账户无法按月分期，但可以选择以下方案：',
  policyOnly: '还款方案依据银行政策制定，我无法更改。',
  settlementAvailable: (number) => `您的账户可享受的最大减免是方案${number}：`,
  noSettlement: '您的账户没有减免结清方案，但可以选择以下方案：',
  balanceMadeUp: ({ balance, overdue, overdueSince, minimumDue, nextDue, statements }) =>
    [
      `您的欠款余额为${balance}，即信用卡上的全部欠款：刷卡消费加上账单中的利息和费用，减去已还款项。`,
      overdue
        ? overdueSince
          ? `其中${overdue}已逾期，是自${overdueSince}起到期但未还清的款项。`
          : `其中${overdue}已逾期。`
        : '目前没有逾期款项。',
      minimumDue && nextDue ? `下一期最低还款额为${minimumDue}，到期日为${nextDue}。` : '',
      statements.length > 0
        ? `最近的账单：\n${statements.map((s) => `${s.month}：余额${s.balance}，已还${s.paid}`).join('\n')}`
        : '',
      '如果您觉得哪里不对，请告诉我，我会为您登记异议。',
    ]
      .filter(Boolean)
      .join('\n'),
  paymentsOnRecord: (payments) =>
    payments.length > 0
      ? `近六个月账单上记录的还款如下：\n${payments.map((p) => `${p.month}：${p.paid}`).join('\n')}`
      : '近六个月的账单上还没有还款记录。最近的还款可能需要几个工作日才能入账。',
  traceRequested: (amount, date) =>
    `已请工作人员核查您${date ? `于${date}` : ''}的${amount ? `${amount}还款` : '还款'}。他们会向银行核实，并在这里告诉您结果。如有转账凭证，请妥善保留。`,
  traceAlreadyRequested: '工作人员已在核查您的还款，会在这里告诉您结果。',
  disputeOpened:
    '已记录您的异议。接下来：我们将暂停对这笔欠款的一切催收（不打电话、不发消息、不自动扣款），核实账户情况，并把核实结果告知您。核实期间您无需为此还款。如有能说明问题的材料（如收据或信件），可以在这里告诉我。',
  disputeAlreadyOpen: '您的异议已经登记，核实期间催收保持暂停，我们会把核实结果告知您。',
  fraudReported: () =>
    '很抱歉发生这样的事。已记录该账户或相关交易并非您本人所为，并已为反欺诈团队建立案件。调查期间我们已停止对该账户的一切催收，工作人员会与您联系。',
  fraudAlreadyReported: '您的欺诈报告已在反欺诈团队处理中，期间催收保持停止。',
  legalRecorded: () => '感谢您告诉我。已记录您已委托律师处理这笔欠款，工作人员会跟进。',
  legalAlreadyRecorded: '已记录您委托了律师处理这笔欠款，工作人员会跟进。',
  bankruptcyRecorded:
    '感谢您告诉我。已记录您的破产情况，并将您的账户转交专门团队处理。处理期间已暂停对该账户的一切催收（不打电话、不发消息、不自动扣款）。工作人员可能会向您了解案件信息，您在这里无需再做任何事。',
  bankruptcyAlreadyRecorded: '您的破产情况已经记录，专门团队正在处理您的账户。',
  deceasedRecorded:
    '非常抱歉您失去了亲人，感谢您告诉我们。已将此事转交专门团队处理已故客户的账户，并已停止对该账户的一切催收。我们不会要求您还款。工作人员会在合适的时候与您联系，说明后续安排，请不必着急。',
  deceasedAlreadyRecorded: '专门团队已在处理这个账户，不会要求您做任何事，工作人员会与您联系。',
  vulnerabilityRecorded:
    '很抱歉您正在经历这些，谢谢您愿意告诉我。已暂停对您账户的催收，并转交专门的工作人员，他们会按照适合您的节奏处理。今天不需要解决任何事情。',
  vulnerabilityAlreadyRecorded: '专门的工作人员已在跟进您的账户，催收保持暂停。请按您的节奏来。',
  crisis: () =>
    '听到您这样的感受，我真的很难过。您不必独自面对：请现在拨打全国心理援助热线12356，或北京心理危机研究与干预中心热线010-82951332；如有危险，请拨打120。我已请工作人员马上加入对话，并已暂停您账户上的一切事项。',
  complaintRecorded: '很抱歉给您带来了不好的体验。已记录您的投诉并转交主管，主管会核查并回复您。',
  complaintAlreadyRecorded: '您的投诉已转交主管，主管会回复您。',
  personRequested: '已为您转接人工客服，工作人员会在这里尽快回复您。',
  personAlreadyRequested: '已经为您转接人工客服，工作人员会在这里回复您。',
  ceaseRecorded: '好的，已记录您的请求，我们将停止就这笔欠款联系您。您仍可随时使用本还款平台。',
  ceaseAlreadyRecorded: '您的请求已经记录，我们不会再就这笔欠款联系您。您仍可随时使用本还款平台。',
  preferencesChanged: ({ refusedChannels, noWorkplace, noThirdParties, contactHours }) => {
    const parts = [
      refusedChannels.length > 0
        ? `不再通过${refusedChannels.map((channel) => CHANNEL_NAMES['zh-CN'][channel]).join('、')}联系您`
        : '',
      noWorkplace ? '不会在您工作的地方联系您' : '',
      noThirdParties ? '除您本人外不会就这个账户联系任何人' : '',
      contactHours?.from && contactHours.to
        ? `只在您当地时间${contactHours.from}到${contactHours.to}之间联系您`
        : contactHours?.from
          ? `不会在您当地时间${contactHours.from}之前联系您`
          : contactHours?.to
            ? `不会在您当地时间${contactHours.to}之后联系您`
            : '',
    ].filter(Boolean);
    return `好的，我们${parts.join('；')}。即时生效。`;
  },
  askPreference:
    '好的。请问您想怎样调整？例如：不要打电话、只发短信、不要在上班时联系、早上10点前不要联系，或不要联系其他人。',
  onHold: {
    deceased: '我们不会要求您为这个账户还款。专门团队会与您联系，说明后续安排。',
    bankruptcy: '您的破产情况处理期间，该账户的催收已暂停，我不会向您要求还款。专门团队会与您联系。',
    fraud: '反欺诈团队调查期间，该账户的催收已停止，目前无需还款。',
    dispute: '核实您的异议期间，这笔欠款的催收已暂停，目前无需还款。如果您仍想还款，工作人员可以协助您。',
    legal_representation: '由于您已委托律师，工作人员会与您的律师商定还款事宜。',
  },
  meaning: (intent) =>
    ({
      greeting: '您是在打招呼',
      show_options: '您想看看还款方案',
      choose_option: '您在选择其中一个方案',
      confirm: '您同意',
      decline: '您不同意',
      promise_to_pay: '您在告诉我计划何时还款',
      payment_arrangement: '您想按自己的安排分几次还款',
      hardship: '您目前经济困难，暂时还不上',
      explain_balance: '您想了解欠款是怎么构成的',
      already_paid: '您已经还款但还没有显示',
      dispute: '您认为这笔欠款不是您的，或金额不对',
      fraud: '有人冒用您的身份开卡或盗刷，这些交易不是您本人所为',
      request_person: '您想和工作人员沟通',
      stop_contact: '您希望我们不再就这笔欠款联系您',
      contact_preferences: '您想调整我们联系您的方式或时间',
      discount_request: '您想申请减免',
      legal_representation: '您已委托律师处理这笔欠款',
      bankruptcy: '您已申请破产',
      deceased: '持卡人已经去世',
      vulnerability: '您正在经历困难时期，需要一些支持',
      complaint: '您想投诉',
      unknown: '其他事情',
    })[intent],
  clarify: (meaning) => `想确认一下，我是否理解对了：${meaning}，对吗？请回复“是”或“不是”。`,
  tellMeMore: '抱歉我理解错了。能再多说一点您需要什么吗？',
  notUnderstood:
    '抱歉，我没有理解您的意思。我可以说明欠款构成、介绍还款方案、记录还款计划、在您遇到困难时提供帮助、登记异议，或为您转接人工客服。',
  pendingReminder: (kind, number) =>
    kind === 'plan'
      ? `方案${number}正在等待您的答复：回复“确认”接受，或回复“不”返回。`
      : '您的还款计划正在等待您的确认：回复“是”确认，或告诉我需要修改的地方。',
  offerPerson: '需要我请工作人员加入对话吗？如需要，请回复“是”。',
  stillUnsure: '抱歉，我还是不太确定是否理解了您的意思，我想把这件事处理好。',
  otherAccount: '我只能为您登录的这个账户提供帮助，无法查看或透露其他账户的任何信息。',
  injectionNote: '我只能在银行还款政策范围内为您提供帮助。',
  fallback: '抱歉，我暂时无法回答。请再试一次，或要求转接人工客服。',
};

export const WORDING: Readonly<Record<Language, Wording>> = { en: ENGLISH, 'zh-CN': CHINESE };
