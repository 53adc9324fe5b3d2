/**
 * The agent's script once a plan is agreed: a check-in on the plan (what is paid, what is next, what is
 * overdue under it), never a pitch of the options it replaced. Written by code from the plan's own figures
 * (no model: nothing here needs words the templates do not have) and checked by the gate like every script.
 */
import type { Account } from '../accounts/account';
import { checkTemplate, type MessageVerdict, type Offer } from '../compliance';
import { requiredDisclosures } from '../compliance/disclosures';
import { formatDate, formatMoney } from '../kernel/format';
import type { PlanStatus } from '../payments/plan-status';
import type { Draft } from './draft';
import { channelTexts } from './draft';

export const PLAN_CHECK_IN_TEMPLATES = { id: 'plan-check-in', version: '2026.12.1' } as const;

export interface PlanCheckIn {
  readonly script: Draft['callScript'];
  readonly verdict: MessageVerdict;
}

export function planCheckIn(
  account: Pick<Account, 'accountId' | 'jurisdiction' | 'currency' | 'customer'>,
  plan: PlanStatus,
): PlanCheckIn {
  const language = account.customer.language;
  const en = language === 'en';
  const money = (minor: number) => formatMoney(minor, account.currency, language);
  const date = (iso: string) => formatDate(iso, language);
  const name = account.customer.name;
  const next = plan.next;
  const kind = en
    ? plan.kind === 'hardship'
      ? 'reduced-payment (hardship) plan'
      : 'repayment plan'
    : plan.kind === 'hardship'
      ? '困难减免还款方案'
      : '还款方案';
  const standing = en
    ? [
        `Agreed ${kind}: ${plan.instalmentCount} payment(s), ${money(plan.totalMinor)} in total; ${plan.paidMinor > 0 ? `${plan.paidCount} made so far (${money(plan.paidMinor)} paid).` : 'no payment made yet.'}`,
        next
          ? `Next payment: ${money(next.owedMinor)} due ${date(next.dueDate)}.`
          : 'No further payment is scheduled.',
        plan.overdueMinor > 0
          ? `Overdue under the plan: ${money(plan.overdueMinor)} (${plan.overdueCount} payment(s)). Ask what got in the way; do not pitch other options.`
          : 'Nothing is overdue under the plan.',
      ].join(' ')
    : [
        `已约定${kind}：共${plan.instalmentCount}期，合计${money(plan.totalMinor)}；${plan.paidMinor > 0 ? `已还${plan.paidCount}期（已还${money(plan.paidMinor)}）。` : '尚未还款。'}`,
        next ? `下一期：${date(next.dueDate)}应还${money(next.owedMinor)}。` : '之后没有待还的期数。',
        plan.overdueMinor > 0
          ? `按方案逾期未还：${money(plan.overdueMinor)}（${plan.overdueCount}期）。请了解原因，不要推荐其他方案。`
          : '按方案目前没有逾期。',
      ].join('');
  const content = en
    ? {
        rightPartyVerification: `Hello, may I speak with ${name}? Before we continue, could you please confirm your date of birth so that I know I am speaking with the right person? If the person is not ${name}, do not discuss the account: ask only for a good time to call back.`,
        opening: `Thank you. I am calling from the bank about your account ${account.accountId}, to check in on the plan you agreed with us and to see whether it is still working for you. The plan is the agreement: do not offer a settlement or other options.`,
        options: standing,
        objectionHandling: [
          {
            objection: 'I cannot make the next payment.',
            response:
              'Thank you for telling me early. Let us look at your budget together; if the plan no longer fits, I can pass it to our hardship team, who can look at it again.',
          },
          {
            objection: 'Can I pay it off sooner?',
            response: 'Yes. You can pay more at any time in the repayment portal; it shortens the plan.',
          },
        ],
        close:
          'Confirm the next payment date and how it will be paid (automatic payments, or "Pay now" in the repayment portal), and thank the customer.',
      }
    : {
        rightPartyVerification: `您好，请问是${name}本人吗？在继续之前，请您核实出生日期，以确认是本人接听。如非本人接听，请勿谈及账户情况，只询问方便回电的时间。`,
        opening: `感谢您的确认。我是银行的工作人员，来电是关于您的账户${account.accountId}，想了解您已约定的还款方案执行得是否顺利。该方案即为双方约定，请勿推荐减免结清或其他方案。`,
        options: standing,
        objectionHandling: [
          {
            objection: '我下一期还不上。',
            response:
              '感谢您提前告诉我们。我们可以一起重新看看您的收支；如果方案已不适合，我可以转给困难援助团队重新评估。',
          },
          {
            objection: '我能提前还清吗？',
            response: '可以。您随时可以在还款平台多还，还款期会相应缩短。',
          },
        ],
        close: '确认下一期还款日期和还款方式（自动扣款，或在还款平台“立即还款”），并感谢客户。',
      };
  const script: Draft['callScript'] = {
    ...content,
    disclosures: requiredDisclosures(account.jurisdiction, 'call_script', language).join(en ? ' ' : ''),
  };
  const verdict = checkTemplate({
    jurisdiction: account.jurisdiction,
    channel: 'call_script',
    language,
    text: channelTexts({ sms: '-', email: { subject: '-', body: '-' }, portal: '-', callScript: script })
      .call_script,
    offer: planOffer(account.currency, plan),
  });
  return { script, verdict };
}

/** Every figure the check-in may state: the gate rejects any other. */
function planOffer(currency: Account['currency'], plan: PlanStatus): Offer {
  const amounts = [plan.totalMinor, plan.paidMinor, plan.overdueMinor, plan.remainingMinor];
  for (const instalment of plan.instalments) amounts.push(instalment.amountMinor, instalment.owedMinor);
  return {
    currency,
    amountsMinor: [...new Set(amounts.filter((amount) => amount > 0))],
    dates: plan.instalments.map((instalment) => instalment.dueDate),
    percentages: [],
  };
}
