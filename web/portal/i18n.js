// @ts-check
// The portal's words in English and Simplified Chinese. Values are plain text (never HTML); functions take
// figures the page has already formatted.

/** @typedef {import('./common.js').Lang} Lang */
/**
 * A text, a text made from figures, or a list of texts (the chat's suggestions).
 * @typedef {string | ((...args: any[]) => string) | readonly string[]} Words
 */

/** @type {Record<string, Words>} */
const en = {
  'page.title': 'Repayment portal',
  'page.back': 'Back',
  'page.skip': 'Skip to content',
  'lang.label': 'Language',
  signout: 'Sign out',

  'signin.title': 'Sign in',
  'signin.intro':
    'To keep your account safe, we check who you are before showing anything. It takes about a minute.',
  'signin.account': 'Account reference',
  'signin.accountHint': 'You will find it on our letters and messages, for example ACC-000123.',
  'signin.dob': 'Date of birth',
  'signin.dobHint': 'The date of birth of the account holder.',
  'signin.continue': 'Send me a code',
  'signin.codeTitle': 'Enter your security code',
  'signin.code': '6-digit security code',
  'signin.codeHint': 'The code expires after a few minutes. We will never ask you for it by phone.',
  'signin.verify': 'Verify and continue',
  'signin.restart': 'Use different details or send a new code',
  'signin.sent': (channel, to, time) =>
    `We sent a 6-digit code by ${channel === 'sms' ? 'text message' : 'e-mail'} to ${to}. It is valid until ${time}.`,
  'signin.sentIfMatch': (time) =>
    `If those details match our records, we have sent a 6-digit code to the phone or e-mail address we hold for you. It is valid until ${time}.`,
  'signin.failedAttempts': (count) =>
    `Since you last signed in, there ${count === 1 ? 'was 1 failed attempt' : `were ${count} failed attempts`} to sign in to your account. If that was not you, your account is still safe: nobody can sign in without the code we send only to you.`,
  'signin.localHint':
    'nothing is sent anywhere. Security codes reach only the developer inbox, kept in memory on this machine; demo customers are listed with their dates of birth.',
  'signin.localLink': 'Open the developer inbox',
  'signin.demoLink': 'List demo customers',
  'signin.working': 'Checking…',
  'signin.expired': 'Your session has ended. Please sign in again.',
  'signin.signedOut': 'You have signed out.',
  'err.accountRequired': 'Enter your account reference, for example ACC-000123.',
  'err.accountFormat': 'An account reference looks like ACC-000123.',
  'err.dobRequired': 'Enter your date of birth.',
  'err.codeFormat': 'The code is 6 digits.',
  'err.VERIFICATION_FAILED': 'Those details do not match our records. Please check them and try again.',
  'err.codeFailed': 'That code is not right or has expired. Please check it, or ask for a new one.',
  'err.VERIFICATION_THROTTLED': (wait) =>
    `For your security, sign-in from your network is paused after many failed attempts. Please try again in ${wait}.`,
  'err.CODE_RECENTLY_SENT': (wait) =>
    `We sent you a code moments ago: please use it, or ask for a new one in ${wait}.`,
  'err.TOO_MANY_CODES': (wait) =>
    `We have sent you several codes in the last hour: please use the latest, or ask for a new one in ${wait}.`,
  'wait.seconds': (n) => (n === 1 ? '1 second' : `${n} seconds`),
  'wait.minutes': (n) => (n === 1 ? '1 minute' : `${n} minutes`),
  'err.VALIDATION_FAILED': 'Please check what you entered and try again.',
  'err.NETWORK_ERROR': 'We could not reach the service. Please check your connection and try again.',
  'err.generic': 'Something went wrong on our side. Please try again in a moment.',

  'nav.label': 'Portal sections',
  'nav.overview': 'My account',
  'nav.chat': 'Chat',
  'nav.contact': 'Contact preferences',
  'nav.newMessages': 'new messages',

  'overview.title': 'My account',
  'overview.reference': (id) => `Account ${id}`,
  'overview.overdue': 'Amount overdue',
  'overview.balance': 'Balance',
  'overview.nextDue': 'Next payment due',
  'overview.optionsTitle': 'Your repayment options',
  'overview.optionsIntro':
    'These options are worked out from your account. No interest or fees are added. Choose one to go through it with our assistant.',
  'overview.noOptions':
    'There are no repayment options to show right now. If you would like to talk about your account, our assistant or a member of our team can help.',
  'overview.choose': (n) => `Talk about option ${n}`,
  'overview.schedule': 'Payment schedule',
  'overview.noticesTitle': 'Messages from us',
  'overview.noNotices': 'No messages yet.',
  'overview.planTitle': 'Your agreed plan',
  'overview.promiseTitle': 'Your payment plan',
  'overview.promise': (amount, date) => `You told us you plan to pay ${amount} by ${date}.`,
  'overview.loading': 'Loading your account…',
  'overview.overdueUnderPlan': 'Overdue under your plan',
  'overview.nextPayment': 'Next payment',
  'overview.nextPaymentValue': (amount, date) => `${amount} on ${date}`,
  'overview.planDone': 'Nothing left to pay',
  'overview.planProgress': (paid, count, left) => `${paid} of ${count} payments made; ${left} left to pay.`,
  'overview.planOverdue': (amount, count) =>
    `${amount} of your plan is overdue (${count} ${count === 1 ? 'payment' : 'payments'}). You can pay it now.`,
  'overview.payNow': 'Pay an instalment now',
  'schedule.showAll': (count) => `Show all ${count} payments`,
  'plan.state.paid': 'Paid',
  'plan.state.overdue': 'Overdue',
  'plan.state.due': 'Next',
  'plan.state.upcoming': 'Upcoming',
  'overview.help':
    'If you are finding things difficult, tell us in the chat: we can look for a plan that fits your budget.',
  'overview.helpPlan':
    'If this plan stops working for you, tell us in the chat: we will look at it again with you.',

  'option.pay_in_full': 'Pay in full',
  'option.settlement': 'Reduced settlement',
  'option.instalment': 'Instalment plan',
  'option.hardship': 'Reduced-payment plan',
  'option.number': (n) => `Option ${n}`,
  'option.total': 'Total',
  'option.monthly': (amount, months) =>
    `${amount} a month for ${months} ${months === 1 ? 'month' : 'months'}`,
  'option.single': (amount, date) => `${amount}, due ${date}`,
  'option.discount': (amount, percent) => `You save ${amount} (${percent})`,
  'option.firstDue': (date) => `First payment due ${date}`,
  'option.paymentN': (n) => `Payment ${n}`,

  'chat.title': 'Chat with us',
  'chat.intro':
    'Our assistant can show your options, note when you plan to pay, or help if things are difficult. You can ask for a person at any time.',
  'chat.log': 'Conversation',
  'chat.you': 'You',
  'chat.assistant': 'Assistant',
  'chat.agent': 'Our team',
  'chat.system': 'Update',
  'chat.agentJoined': 'A member of our team has joined this chat and will reply here.',
  'chat.input': 'Your message',
  'chat.placeholder': 'Type your message',
  'chat.send': 'Send',
  'chat.sending': 'Sending…',
  'chat.failed': 'Not sent.',
  'chat.retry': 'Try again',
  'chat.suggestions': 'Suggestions',
  'chat.quick.show_options': 'Show my options',
  'chat.quick.hardship': 'I lost my job',
  'chat.quick.person': 'Talk to a person',
  'chat.counter': (n, max) => `${n} of ${max} characters`,
  'chat.tooLong': (max) => `Messages can be up to ${max} characters. Please shorten yours.`,
  'chat.empty': 'Type a message first.',
  'chat.starting': 'Opening the chat…',
  'chat.optionText': (n) => `option ${n}`,

  'contact.title': 'Contact preferences',
  'contact.formTitle': 'How we may contact you',
  'contact.intro': 'Tell us how we may contact you about this account. You can change this at any time.',
  'contact.channels': 'We may contact you by',
  'contact.call': 'Phone call',
  'contact.sms': 'Text message',
  'contact.email': 'E-mail',
  'contact.smsNoConsent': 'We only send text messages if you have agreed to receive them.',
  'contact.stopLegend': 'Stop contact',
  'contact.stop': 'Please stop contacting me about this debt',
  'contact.stopHint':
    'We will stop phone calls, texts and e-mails about this debt. You can still use this portal whenever you wish.',
  'contact.stopped': 'You asked us to stop contacting you about this debt. We will not contact you about it.',
  'contact.save': 'Save preferences',
  'contact.saved': 'Your preferences are saved.',
  'contact.historyTitle': 'What we sent you',
  'contact.noMessages': 'We have not sent you any messages.',
  'contact.contactsTitle': 'Contact attempts',
  'contact.noContacts': 'No contact attempts recorded.',
  'contact.unavailable': 'This section is not available yet. Please check again later.',
  'contact.status.sent': 'Sent',
  'contact.status.queued': 'Scheduled',
  'contact.status.blocked': 'Not sent',
  'channel.call': 'Phone call',
  'channel.sms': 'Text message',
  'channel.email': 'E-mail',
  'channel.portal': 'Portal message',
  'kind.message': 'Message',
  'kind.call': 'Call',
  'kind.call_attempt': 'Call attempt',
  'kind.conversation': 'Conversation',

  'nav.payments': 'Automatic payments',
  'payments.title': 'Automatic payments',
  'pay.loading': 'Loading your payments…',
  'pay.unavailable': 'Automatic payments are not available yet. Please check again later.',
  'pay.yes': 'Yes',
  'pay.no': 'No',

  'pay.mandate.title': 'Automatic payments from your bank account',
  'pay.mandate.intro': (days) =>
    `If a payment is missed, we can take it from your bank account, but only with your permission and never more than the maximum you set. We tell you before every payment, and you can stop any payment up to ${days} business ${days === 1 ? 'day' : 'days'} before it is taken.`,
  'pay.mandate.account': 'Bank account',
  'pay.mandate.max': 'Maximum per payment',
  'pay.mandate.partial': 'Partial payments',
  'pay.mandate.authorisedAt': 'Authorised on',
  'pay.mandate.viewText': 'The authorisation you gave, word for word',
  'pay.mandate.revoked': (date) => `You stopped automatic payments on ${date}.`,

  'pay.stop.button': 'Stop automatic payments',
  'pay.stop.question': 'Stop automatic payments?',
  'pay.stop.willCancel': (n) =>
    `We will take no more payments from your bank account, and the ${n === 1 ? 'payment' : `${n} payments`} already scheduled will not be taken. What you owe stays the same.`,
  'pay.stop.nothingScheduled':
    'We will take no more payments from your bank account. No payment is scheduled now. What you owe stays the same.',
  'pay.stop.confirm': 'Yes, stop automatic payments',
  'pay.stop.keep': 'Keep them',
  'pay.stop.done':
    'Automatic payments are stopped. We will not take any more payments from your bank account.',
  'pay.stop.cancelled': 'These scheduled payments will not be taken:',
  'pay.stop.none': 'No payment was scheduled, so none had to be stopped.',

  'pay.setup.title': 'Set up automatic payments',
  'pay.setup.routing': 'Your bank’s routing number',
  'pay.setup.routingHint': 'The 9 digits printed first along the bottom of your checks.',
  'pay.setup.account': 'Your bank account number',
  'pay.setup.accountHint.us_routing_and_account': 'The account the payments are taken from: 4 to 17 digits.',
  'pay.setup.accountHint.cn_bank_card': 'The bank card the payments are taken from: 16 to 19 digits.',
  'pay.setup.accountHint.iban': 'Your IBAN, for example DE89 3704 0044 0532 0130 00.',
  'pay.setup.accountInvalid.us_routing_and_account':
    'Enter your bank account number: 4 to 17 digits (spaces and hyphens are fine).',
  'pay.setup.accountInvalid.cn_bank_card': 'Enter your bank card number: 16 to 19 digits (spaces are fine).',
  'pay.setup.accountInvalid.iban': 'Enter your IBAN: two letters, two check digits, then your account.',
  'pay.setup.max': (currency) => `Maximum per payment (${currency})`,
  'pay.setup.maxHint': 'No single payment will be larger than this. For example 150.00.',
  'pay.setup.maxInvalid': 'Enter an amount such as 150.00, with at most two digits after the point.',
  'pay.setup.partial': (amount) =>
    `Allow partial payments when there is not enough for the full amount, always keeping at least ${amount} in my account`,
  'pay.setup.review': 'Read the authorisation',
  'pay.setup.collectOnDueDate':
    'Also take each payment of my agreed plan on its due date (I am told the amount and date before each one).',
  'pay.mandate.collectOnDueDate': 'Plan payments taken on their due dates',
  'pay.setup.done': 'Automatic payments are set up. We will tell you before any payment is taken.',

  'pay.terms.title': 'Please read this before you authorise',
  'pay.terms.intro': 'This is exactly what you are agreeing to:',
  'pay.terms.version': (version) => `Terms version ${version}`,
  'pay.terms.authorise': 'I authorise these payments',
  'pay.terms.change': 'Change the details',

  'pay.instalments.title': 'Your instalments',
  'pay.instalments.none': 'There are no instalments to show.',
  'pay.instalments.due': (date) => `due ${date}`,
  'pay.instalments.paidSoFar': (paid, left) => `Paid so far ${paid}; ${left} left to pay.`,
  'pay.instalments.notCollected': (reasons) => `Not collected automatically: ${reasons}`,
  'pay.instalment.due': 'Due',
  'pay.instalment.missed': 'Missed',
  'pay.instalment.paid': 'Paid',
  'pay.instalment.superseded': 'Replaced by your plan',

  'pay.paynow.amount': (currency) => `Pay now from my bank account (${currency})`,
  'pay.paynow.button': 'Pay now',
  'pay.paynow.instead': (when) => `Taken automatically on ${when}; you can pay it now instead.`,
  'pay.paynow.pending': 'A payment for this instalment is already on its way.',
  'pay.paynow.needsMandate': 'Set up automatic payments above to pay this from your bank account.',
  'pay.paynow.done': (amount, date, stopBy) =>
    `Your payment of ${amount} will be taken on ${date}. You can stop it until ${stopBy}.`,

  'pay.debits.title': 'Payments from your bank account',
  'pay.debits.upcoming': 'Coming up',
  'pay.debits.past': 'Earlier',
  'pay.debits.noneUpcoming': 'No payment is scheduled.',
  'pay.debits.nonePast': 'No payments yet.',
  'pay.debits.retries': (n) =>
    `If a payment cannot be taken, we try again at most ${n} ${n === 1 ? 'time' : 'times'}, and always tell you first.`,
  'pay.debit.line': (amount, date) => `${amount} on ${date}`,
  'pay.debit.upTo': (amount) => `Up to ${amount}`,
  'pay.debit.stopBy': (date) => `You can stop this until ${date} by stopping automatic payments.`,
  'pay.debit.retry': (n) => `Attempt ${n}`,
  'pay.state.scheduled': 'Scheduled',
  'pay.state.executing': 'Being taken',
  'pay.state.unknown': 'Checking with your bank',
  'pay.state.succeeded': 'Paid',
  'pay.state.failed': 'Not taken',
  'pay.state.cancelled': 'Stopped',
  'pay.state.unresolved': 'Being checked by our team',
  'pay.failure.insufficient_funds': 'There was not enough money in your bank account.',
  'pay.failure.account_closed': 'Your bank account is closed.',
  'pay.failure.account_not_found': 'Your bank could not find this account.',
  'pay.failure.currency_mismatch': 'Your bank account is in a different currency.',
  'pay.failure.rejected': 'Your bank declined the payment.',
  'pay.reason.NO_MANDATE': 'Automatic payments are not set up.',
  'pay.reason.MANDATE_REVOKED': 'You stopped automatic payments.',
  'pay.reason.CURRENCY_MISMATCH': 'Your bank account is in a different currency.',
  'pay.reason.AMOUNT_ABOVE_MANDATE': 'The amount is more than the maximum you allowed.',
  'pay.reason.DISPUTE': 'Paused while your dispute is looked into.',
  'pay.reason.CEASE': 'Paused because you asked us to stop contacting you about this debt.',
  'pay.reason.HARDSHIP_PLAN': 'Paused because you have a hardship plan.',
  'pay.reason.ACCOUNT_EXCLUDED': 'Our team looks after your account directly.',
  'pay.reason.FRAUD_REPORTED': 'Paused while our fraud team looks into your report.',
  'pay.reason.REPRESENTED_BY_LAWYER': 'Our team arranges payments with your lawyer.',
  'pay.reason.SPECIALIST_CARE': 'Paused: a specialist in our team looks after your account.',
  'pay.reason.ACCOUNT_NOT_FOUND': 'We could not find the account.',
  'pay.reason.PAID': 'It was paid.',
  'pay.reason.SUPERSEDED': 'Your new plan replaced it.',
  'pay.reason.PAID_NOW_BY_CUSTOMER': 'You paid this instalment yourself.',
  'pay.reason.NOTHING_ABOVE_PROTECTED_MINIMUM':
    'Your bank account did not hold more than the amount we always leave you.',
  'pay.err.VALIDATION_FAILED': 'Please check the bank account number and the amount, then try again.',
  'pay.err.INVALID_DEBTOR_ACCOUNT':
    'That bank account number is not valid (a digit may be mistyped). Please check it.',
  'pay.err.INVALID_ROUTING_NUMBER':
    'That is not a valid US routing number: it is the 9 digits printed first on your checks. Please check it.',
  'pay.err.REVERIFICATION_REQUIRED':
    'For your security, please sign out and sign in again with a new code before setting up automatic payments.',
  'pay.err.INVALID_AMOUNT': 'Please check the amount, then try again.',
  'pay.err.TERMS_CHANGED':
    'The wording of the authorisation has just changed. Please read the new wording below before you authorise.',
  'pay.err.MANDATE_ACTIVE': 'Automatic payments are already set up.',
  'pay.err.NO_MANDATE': 'Automatic payments are not set up.',
  'pay.err.AMOUNT_ABOVE_DUE': 'That is more than is left to pay on this instalment.',
  'pay.err.AMOUNT_ABOVE_MANDATE': 'That is more than the maximum per payment you allowed.',
  'pay.err.INSTALMENT_NOT_FOUND': 'We could not find this instalment. Please reload the page.',
  'pay.err.HOLD': 'Payments are paused on your account, so we cannot take this payment now.',
  'pay.err.INSTALMENT_PAID': 'This instalment is already paid.',
  'pay.err.DEBIT_PENDING': 'A payment for this instalment is already on its way.',

  'local.mode': 'Local mode',
};

/** @type {Record<string, Words>} */
const zh = {
  'page.title': '还款服务平台',
  'page.back': '返回',
  'page.skip': '跳到主要内容',
  'lang.label': '语言',
  signout: '退出',

  'signin.title': '登录',
  'signin.intro': '为保护您的账户安全，我们会先核实您的身份，大约需要一分钟。',
  'signin.account': '账户编号',
  'signin.accountHint': '可在我们的信函和消息中找到，例如 ACC-000123。',
  'signin.dob': '出生日期',
  'signin.dobHint': '账户持有人的出生日期。',
  'signin.continue': '发送验证码',
  'signin.codeTitle': '输入验证码',
  'signin.code': '6位验证码',
  'signin.codeHint': '验证码几分钟后失效。我们不会通过电话向您索要验证码。',
  'signin.verify': '验证并继续',
  'signin.restart': '更换信息或重新发送验证码',
  'signin.sent': (channel, to, time) =>
    `我们已通过${channel === 'sms' ? '短信' : '邮件'}向 ${to} 发送了6位验证码，有效期至${time}。`,
  'signin.sentIfMatch': (time) =>
    `如您填写的信息与我们的记录相符，我们已向您登记的手机或邮箱发送了6位验证码，有效期至${time}。`,
  'signin.failedAttempts': (count) =>
    `自您上次登录以来，有${count}次登录您账户的尝试未成功。如非本人操作，您的账户依然安全：没有我们只发送给您的验证码，任何人都无法登录。`,
  'signin.localHint':
    '不会真正发送任何信息。验证码只会出现在本机内存中的开发者收件箱；演示客户及其出生日期可在列表中查看。',
  'signin.localLink': '打开开发者收件箱',
  'signin.demoLink': '查看演示客户',
  'signin.working': '正在核实…',
  'signin.expired': '您的登录已过期，请重新登录。',
  'signin.signedOut': '您已退出。',
  'err.accountRequired': '请输入账户编号，例如 ACC-000123。',
  'err.accountFormat': '账户编号的格式类似 ACC-000123。',
  'err.dobRequired': '请输入出生日期。',
  'err.codeFormat': '验证码为6位数字。',
  'err.VERIFICATION_FAILED': '您填写的信息与我们的记录不符，请核对后重试。',
  'err.codeFailed': '验证码不正确或已过期，请核对，或重新获取验证码。',
  'err.VERIFICATION_THROTTLED': (wait) =>
    `为保护您的安全，您所在网络多次尝试失败，登录已暂停，请${wait}后再试。`,
  'err.CODE_RECENTLY_SENT': (wait) => `我们刚刚向您发送了验证码，请使用该验证码，或${wait}后重新获取。`,
  'err.TOO_MANY_CODES': (wait) =>
    `过去一小时内我们已向您发送多个验证码，请使用最新的验证码，或${wait}后重新获取。`,
  'wait.seconds': (n) => `${n}秒`,
  'wait.minutes': (n) => `${n}分钟`,
  'err.VALIDATION_FAILED': '请检查您填写的内容后重试。',
  'err.NETWORK_ERROR': '暂时无法连接服务，请检查网络后重试。',
  'err.generic': '系统暂时出现问题，请稍后再试。',

  'nav.label': '页面导航',
  'nav.overview': '我的账户',
  'nav.chat': '在线咨询',
  'nav.contact': '联系偏好',
  'nav.newMessages': '条新消息',

  'overview.title': '我的账户',
  'overview.reference': (id) => `账户 ${id}`,
  'overview.overdue': '逾期金额',
  'overview.balance': '欠款余额',
  'overview.nextDue': '下次还款日',
  'overview.optionsTitle': '您的还款方案',
  'overview.optionsIntro':
    '以下方案根据您的账户计算，不收取利息或任何费用。选择一个方案，与还款助手进一步了解。',
  'overview.noOptions':
    '目前没有可展示的还款方案。如需沟通您的账户情况，还款助手或我们的工作人员可以为您提供帮助。',
  'overview.choose': (n) => `咨询方案${n}`,
  'overview.schedule': '还款明细',
  'overview.noticesTitle': '我们给您的消息',
  'overview.noNotices': '暂无消息。',
  'overview.planTitle': '已确认的还款计划',
  'overview.promiseTitle': '您的还款计划',
  'overview.promise': (amount, date) => `您告诉我们计划于${date}前还款${amount}。`,
  'overview.loading': '正在加载账户信息…',
  'overview.overdueUnderPlan': '按计划逾期金额',
  'overview.nextPayment': '下一期还款',
  'overview.nextPaymentValue': (amount, date) => `${date}还款${amount}`,
  'overview.planDone': '已无待还款项',
  'overview.planProgress': (paid, count, left) => `已还${paid}/${count}期，尚需还款${left}。`,
  'overview.planOverdue': (amount, count) => `计划中有${amount}已逾期（${count}期），您可以立即还款。`,
  'overview.payNow': '立即还款',
  'schedule.showAll': (count) => `显示全部${count}期`,
  'plan.state.paid': '已还',
  'plan.state.overdue': '逾期',
  'plan.state.due': '下一期',
  'plan.state.upcoming': '待还',
  'overview.help': '如果您遇到困难，请在在线咨询中告诉我们，我们可以帮您找到能负担的方案。',
  'overview.helpPlan': '如果这个计划对您不再可行，请在在线咨询中告诉我们，我们会和您一起重新看看。',

  'option.pay_in_full': '一次性还清',
  'option.settlement': '减免结清',
  'option.instalment': '分期还款',
  'option.hardship': '困难还款计划',
  'option.number': (n) => `方案${n}`,
  'option.total': '合计',
  'option.monthly': (amount, months) => `分${months}期按月还款，每期不超过${amount}`,
  'option.single': (amount, date) => `${amount}，${date}前还款`,
  'option.discount': (amount, percent) => `减免${amount}（${percent}）`,
  'option.firstDue': (date) => `首期还款日 ${date}`,
  'option.paymentN': (n) => `第${n}期`,

  'chat.title': '在线咨询',
  'chat.intro':
    '还款助手可以为您介绍还款方案、记录还款计划，或在您遇到困难时提供帮助。您随时可以要求转接人工客服。',
  'chat.log': '对话记录',
  'chat.you': '您',
  'chat.assistant': '还款助手',
  'chat.agent': '人工客服',
  'chat.system': '通知',
  'chat.agentJoined': '人工客服已加入对话，将在此回复您。',
  'chat.input': '您的消息',
  'chat.placeholder': '请输入消息',
  'chat.send': '发送',
  'chat.sending': '正在发送…',
  'chat.failed': '未发送。',
  'chat.retry': '重试',
  'chat.suggestions': '常用问题',
  'chat.quick.show_options': '显示还款方案',
  'chat.quick.hardship': '我失业了',
  'chat.quick.person': '转人工客服',
  'chat.counter': (n, max) => `已输入${n}/${max}字`,
  'chat.tooLong': (max) => `每条消息最多${max}字，请缩短后再发送。`,
  'chat.empty': '请先输入消息。',
  'chat.starting': '正在打开对话…',
  'chat.optionText': (n) => `方案${n}`,

  'contact.title': '联系偏好',
  'contact.formTitle': '联系方式',
  'contact.intro': '请告诉我们可以通过哪些方式就此账户联系您，您可以随时更改。',
  'contact.channels': '可以通过以下方式联系我',
  'contact.call': '电话',
  'contact.sms': '短信',
  'contact.email': '邮件',
  'contact.smsNoConsent': '只有在您同意接收的情况下，我们才会发送短信。',
  'contact.stopLegend': '停止联系',
  'contact.stop': '请停止就这笔欠款联系我',
  'contact.stopHint': '我们将停止就这笔欠款给您打电话、发短信和邮件。您仍可随时使用本平台。',
  'contact.stopped': '您已要求我们停止就这笔欠款联系您，我们不会再就此联系您。',
  'contact.save': '保存',
  'contact.saved': '您的联系偏好已保存。',
  'contact.historyTitle': '我们发送给您的消息',
  'contact.noMessages': '我们尚未向您发送消息。',
  'contact.contactsTitle': '联系记录',
  'contact.noContacts': '暂无联系记录。',
  'contact.unavailable': '此功能暂未开放，请稍后再来查看。',
  'contact.status.sent': '已发送',
  'contact.status.queued': '待发送',
  'contact.status.blocked': '未发送',
  'channel.call': '电话',
  'channel.sms': '短信',
  'channel.email': '邮件',
  'channel.portal': '平台消息',
  'kind.message': '消息',
  'kind.call': '通话',
  'kind.call_attempt': '拨打',
  'kind.conversation': '对话',

  'nav.payments': '自动还款',
  'payments.title': '自动还款',
  'pay.loading': '正在加载还款信息…',
  'pay.unavailable': '自动还款功能暂未开放，请稍后再来查看。',
  'pay.yes': '是',
  'pay.no': '否',

  'pay.mandate.title': '从您的银行账户自动扣款',
  'pay.mandate.intro': (days) =>
    `如果您错过了还款，经您授权后，我们可以从您的银行账户扣款，每笔不超过您设定的上限。每次扣款前我们都会通知您；您最迟可在扣款前${days}个工作日取消任何一笔扣款。`,
  'pay.mandate.account': '银行账户',
  'pay.mandate.max': '每笔扣款上限',
  'pay.mandate.partial': '允许部分扣款',
  'pay.mandate.authorisedAt': '授权时间',
  'pay.mandate.viewText': '查看您的授权原文',
  'pay.mandate.revoked': (date) => `您已于${date}停止自动还款。`,

  'pay.stop.button': '停止自动还款',
  'pay.stop.question': '确定停止自动还款吗？',
  'pay.stop.willCancel': (n) =>
    `我们将不再从您的银行账户扣款，已安排的${n}笔扣款也不会执行。您的欠款金额不变。`,
  'pay.stop.nothingScheduled': '我们将不再从您的银行账户扣款。目前没有已安排的扣款。您的欠款金额不变。',
  'pay.stop.confirm': '确定停止自动还款',
  'pay.stop.keep': '暂不停止',
  'pay.stop.done': '自动还款已停止，我们不会再从您的银行账户扣款。',
  'pay.stop.cancelled': '以下已安排的扣款不会执行：',
  'pay.stop.none': '当时没有已安排的扣款，无需取消。',

  'pay.setup.title': '开通自动还款',
  'pay.setup.routing': '银行汇款路线号码（Routing number）',
  'pay.setup.routingHint': '支票底部最先印出的9位数字。',
  'pay.setup.account': '您的银行账号',
  'pay.setup.accountHint.us_routing_and_account': '用于扣款的账户：4至17位数字。',
  'pay.setup.accountHint.cn_bank_card': '用于扣款的银行卡：16至19位数字。',
  'pay.setup.accountHint.iban': '您的IBAN，例如 DE89 3704 0044 0532 0130 00。',
  'pay.setup.accountInvalid.us_routing_and_account': '请输入银行账号：4至17位数字（可含空格和连字符）。',
  'pay.setup.accountInvalid.cn_bank_card': '请输入银行卡号：16至19位数字（可含空格）。',
  'pay.setup.accountInvalid.iban': '请输入IBAN：两个字母、两位校验数字，然后是账号。',
  'pay.setup.max': (currency) => `每笔扣款上限（${currency}）`,
  'pay.setup.maxHint': '任何一笔扣款都不会超过此金额，例如 150.00。',
  'pay.setup.maxInvalid': '请输入金额，例如 150.00，小数点后最多两位。',
  'pay.setup.partial': (amount) => `余额不足时允许部分扣款，并始终在我的账户中保留至少${amount}`,
  'pay.setup.review': '阅读授权条款',
  'pay.setup.collectOnDueDate': '同时在我已约定的还款计划每期到期日扣款（每次扣款前会告知我金额和日期）。',
  'pay.mandate.collectOnDueDate': '计划每期到期日自动扣款',
  'pay.setup.done': '自动还款已开通。每次扣款前我们都会通知您。',

  'pay.terms.title': '授权前请仔细阅读',
  'pay.terms.intro': '以下是您将要同意的全部内容：',
  'pay.terms.version': (version) => `条款版本 ${version}`,
  'pay.terms.authorise': '我同意授权扣款',
  'pay.terms.change': '修改信息',

  'pay.instalments.title': '您的分期',
  'pay.instalments.none': '暂无分期。',
  'pay.instalments.due': (date) => `${date}到期`,
  'pay.instalments.paidSoFar': (paid, left) => `已还${paid}，还需还${left}。`,
  'pay.instalments.notCollected': (reasons) => `未自动扣款：${reasons}`,
  'pay.instalment.due': '待还',
  'pay.instalment.missed': '已逾期',
  'pay.instalment.paid': '已还清',
  'pay.instalment.superseded': '已由新计划替代',

  'pay.paynow.amount': (currency) => `立即从我的银行账户还款（${currency}）`,
  'pay.paynow.button': '立即还款',
  'pay.paynow.instead': (when) => `将于${when}自动扣款；您也可以现在立即还款。`,
  'pay.paynow.pending': '这一期已有一笔扣款正在处理。',
  'pay.paynow.needsMandate': '请先在上方开通自动还款，即可从银行账户还这一期。',
  'pay.paynow.done': (amount, date, stopBy) => `将于${date}扣款${amount}。您可在${stopBy}前取消。`,

  'pay.debits.title': '银行账户扣款记录',
  'pay.debits.upcoming': '即将扣款',
  'pay.debits.past': '以往扣款',
  'pay.debits.noneUpcoming': '目前没有已安排的扣款。',
  'pay.debits.nonePast': '暂无扣款记录。',
  'pay.debits.retries': (n) => `如果扣款未成功，我们最多再尝试${n}次，每次都会事先通知您。`,
  'pay.debit.line': (amount, date) => `${date}扣款${amount}`,
  'pay.debit.upTo': (amount) => `最多${amount}`,
  'pay.debit.stopBy': (date) => `在${date}前停止自动还款即可取消这笔扣款。`,
  'pay.debit.retry': (n) => `第${n}次扣款`,
  'pay.state.scheduled': '已安排',
  'pay.state.executing': '正在扣款',
  'pay.state.unknown': '正在与银行核实',
  'pay.state.succeeded': '已扣款',
  'pay.state.failed': '扣款未成功',
  'pay.state.cancelled': '已取消',
  'pay.state.unresolved': '工作人员正在核实',
  'pay.failure.insufficient_funds': '您的银行账户余额不足。',
  'pay.failure.account_closed': '您的银行账户已销户。',
  'pay.failure.account_not_found': '银行未找到该账户。',
  'pay.failure.currency_mismatch': '您的银行账户币种不符。',
  'pay.failure.rejected': '银行拒绝了这笔扣款。',
  'pay.reason.NO_MANDATE': '尚未开通自动还款。',
  'pay.reason.MANDATE_REVOKED': '您已停止自动还款。',
  'pay.reason.CURRENCY_MISMATCH': '您的银行账户币种不符。',
  'pay.reason.AMOUNT_ABOVE_MANDATE': '金额超过您设定的每笔上限。',
  'pay.reason.DISPUTE': '您的异议正在处理中，扣款已暂停。',
  'pay.reason.CEASE': '您已要求我们停止就这笔欠款联系您，扣款已暂停。',
  'pay.reason.HARDSHIP_PLAN': '您已有困难还款计划，扣款已暂停。',
  'pay.reason.ACCOUNT_EXCLUDED': '您的账户由我们的工作人员直接处理。',
  'pay.reason.FRAUD_REPORTED': '反欺诈团队核查您的报告期间，扣款已暂停。',
  'pay.reason.REPRESENTED_BY_LAWYER': '工作人员会与您的律师商定还款事宜。',
  'pay.reason.SPECIALIST_CARE': '扣款已暂停，专门的工作人员正在跟进您的账户。',
  'pay.reason.ACCOUNT_NOT_FOUND': '未找到该账户。',
  'pay.reason.PAID': '已还清。',
  'pay.reason.SUPERSEDED': '已由新计划替代。',
  'pay.reason.PAID_NOW_BY_CUSTOMER': '您已自行还款。',
  'pay.reason.NOTHING_ABOVE_PROTECTED_MINIMUM': '您的银行账户余额未超过为您保留的最低金额。',
  'pay.err.VALIDATION_FAILED': '请检查银行账号和金额后重试。',
  'pay.err.INVALID_DEBTOR_ACCOUNT': '银行卡号或账号无效（可能有数字输错），请核对。',
  'pay.err.INVALID_ROUTING_NUMBER': '美国银行汇款路线号码无效：应为支票上最先印出的9位数字，请核对。',
  'pay.err.REVERIFICATION_REQUIRED': '为保护您的安全，开通自动还款前请退出并使用新的验证码重新登录。',
  'pay.err.INVALID_AMOUNT': '请检查金额后重试。',
  'pay.err.TERMS_CHANGED': '授权条款刚刚更新，请先阅读下方的新条款，再进行授权。',
  'pay.err.MANDATE_ACTIVE': '自动还款已经开通。',
  'pay.err.NO_MANDATE': '尚未开通自动还款。',
  'pay.err.AMOUNT_ABOVE_DUE': '金额超过这一期尚未还清的部分。',
  'pay.err.AMOUNT_ABOVE_MANDATE': '金额超过您设定的每笔扣款上限。',
  'pay.err.INSTALMENT_NOT_FOUND': '未找到这一期，请刷新页面。',
  'pay.err.HOLD': '您的账户目前暂停扣款，无法进行这笔扣款。',
  'pay.err.INSTALMENT_PAID': '这一期已经还清。',
  'pay.err.DEBIT_PENDING': '这一期已有一笔扣款正在处理。',

  'local.mode': '本地模式',
};

/** @type {Record<Lang, Record<string, Words>>} */
const STRINGS = { en, 'zh-CN': zh };

/**
 * The text for `key` in `lang` (English when missing; the key itself when neither has it); functions are
 * called with `args`.
 * @param {Lang} lang
 * @param {string} key
 * @param {...unknown} args
 * @returns {string}
 */
export function translate(lang, key, ...args) {
  const value = STRINGS[lang]?.[key] ?? en[key];
  if (value === undefined) return key;
  if (typeof value === 'function') return value(...args);
  return typeof value === 'string' ? value : key;
}

/**
 * The chat's suggested messages, in `lang`: one per suggestion the service gave (`show_options`, `hardship`,
 * `person`); an unknown one is left out.
 * @param {Lang} lang
 * @param {readonly string[]} suggestions
 * @returns {readonly string[]}
 */
export function quickReplies(lang, suggestions) {
  return suggestions
    .map((code) => `chat.quick.${code}`)
    .flatMap((key) => {
      const text = STRINGS[lang]?.[key] ?? en[key];
      return typeof text === 'string' ? [text] : [];
    });
}

/**
 * The language the browser prefers, when it is one of ours.
 * @returns {Lang}
 */
export function browserLanguage() {
  for (const tag of navigator.languages ?? [navigator.language]) {
    if (/^zh\b/i.test(tag ?? '')) return 'zh-CN';
    if (/^en\b/i.test(tag ?? '')) return 'en';
  }
  return 'en';
}
