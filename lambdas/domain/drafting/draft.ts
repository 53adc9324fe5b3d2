/**
 * A draft: one customer's outreach on every channel plus the agent's call script, with the metadata that
 * traces it to its prompt, model and cost. Also the wording code owns: how offer figures are written (the
 * model copies them, the gate checks them) and where the mandatory disclosures (compliance/disclosures.ts)
 * are appended after generation.
 */
import * as z from '../../../contracts/schema';
import type { MessageChannel, Offer } from '../compliance';
import { requiredDisclosures } from '../compliance/disclosures';
import { formatDate, formatMoney } from '../kernel/format';
import type { Currency, Jurisdiction, Language } from '../kernel/types';
import type { OfferOption, OfferSet } from '../offers/plan-calculator';

const text = z.string().check(z.trim(), z.minLength(1));

/** What the writer (model or offline templates) produces; the disclosures are code's, added afterwards. */
export const draftContentSchema = z.object({
  sms: text,
  email: z.object({ subject: text, body: text }),
  portal: text,
  callScript: z.object({
    rightPartyVerification: text,
    opening: text,
    options: text,
    objectionHandling: z.array(z.object({ objection: text, response: text })).check(z.minLength(1)),
    close: text,
  }),
});
export type DraftContent = z.infer<typeof draftContentSchema>;

export const draftSchema = z.extend(draftContentSchema, {
  callScript: z.extend(draftContentSchema.shape.callScript, { disclosures: z.string() }),
});
export type Draft = z.infer<typeof draftSchema>;

export type DraftSource = 'llm' | 'offline';

export interface DraftMetadata {
  readonly promptId: string;
  readonly promptVersion: string;
  readonly model: string;
  readonly language: Language;
  readonly pseudonymised: true;
  /** Summed over every model call made for this draft, failed ones included: they cost too. */
  readonly tokens: { readonly prompt: number; readonly completion: number };
  readonly source: DraftSource;
  /** Drafts written and checked before this one was accepted, this one included. */
  readonly attempts: number;
  readonly draftedAt: string;
}

export interface RecordedDraft extends Draft {
  readonly metadata: DraftMetadata;
}

// ---------------------------------------------------------------------------------------------------------
// Figures: written once by code, copied by the writer, checked by the gate.
// ---------------------------------------------------------------------------------------------------------

/** One line per option with its figures already written as they must appear. */
export function describeOption(option: OfferOption, currency: Currency, language: Language): string {
  const money = (minor: number) => formatMoney(minor, currency, language);
  const firstDue = formatDate(option.firstDueDate, language);
  const total = money(option.totalMinor);
  const en = language === 'en';
  switch (option.kind) {
    case 'pay_in_full':
      return en
        ? `Pay the balance of ${total} in one payment by ${firstDue}.`
        : `于${firstDue}前一次性还清${total}。`;
    case 'settlement':
      return en
        ? `Settle for ${total} in one payment by ${firstDue}: ${money(option.discountMinor)} (${option.discountPercent}%) less than the balance.`
        : `于${firstDue}前一次性还款${total}即可结清，比余额少${money(option.discountMinor)}（${option.discountPercent}%）。`;
    case 'instalment':
    case 'hardship': {
      const monthly = money(option.monthlyAmountMinor);
      const name = en
        ? option.kind === 'hardship'
          ? 'Reduced-payment plan'
          : 'Instalment plan'
        : option.kind === 'hardship'
          ? '困难减负还款计划'
          : '分期还款计划';
      return en
        ? `${name}: ${option.termMonths} monthly payments of up to ${monthly}, the first due ${firstDue}, ${total} in total.`
        : `${name}：分${option.termMonths}期按月还款，每期不超过${monthly}，首期于${firstDue}到期，合计${total}。`;
    }
  }
}

/** Every figure a message about this offer set may state: the gate rejects any other. */
export function gateOfferOf(offerSet: OfferSet): Offer {
  const amounts = new Set<number>([offerSet.totalDueMinor]);
  const dates = new Set<string>();
  const percentages = new Set<number>();
  for (const option of offerSet.options) {
    for (const amount of [option.totalMinor, option.monthlyAmountMinor, option.discountMinor]) {
      if (amount > 0) amounts.add(amount);
    }
    for (const instalment of option.instalments) {
      amounts.add(instalment.amountMinor);
      dates.add(instalment.dueDate);
    }
    if (option.discountPercent > 0) percentages.add(option.discountPercent);
  }
  return {
    currency: offerSet.currency,
    amountsMinor: [...amounts],
    dates: [...dates],
    percentages: [...percentages],
  };
}

// ---------------------------------------------------------------------------------------------------------
// Disclosures: deterministic text appended by code, so no model output can leave them out.
// ---------------------------------------------------------------------------------------------------------

const separator = (language: Language) => (language === 'en' ? ' ' : '');

/** The writer's content with every mandatory disclosure appended. */
export function withDisclosures(
  content: DraftContent,
  jurisdiction: Jurisdiction,
  language: Language,
): Draft {
  const append = (body: string, channel: MessageChannel, joiner: string) =>
    [body, ...requiredDisclosures(jurisdiction, channel, language)].join(joiner);
  return {
    sms: append(content.sms, 'sms', separator(language)),
    email: { subject: content.email.subject, body: append(content.email.body, 'email', '\n\n') },
    portal: append(content.portal, 'portal', '\n\n'),
    callScript: {
      ...content.callScript,
      disclosures: requiredDisclosures(jurisdiction, 'call_script', language).join(separator(language)),
    },
  };
}

/** The text of each channel as the gate checks it (e-mail subject with body, the whole call script). */
export function channelTexts(draft: Draft): Record<MessageChannel, string> {
  const script = draft.callScript;
  return {
    sms: draft.sms,
    email: `${draft.email.subject}\n\n${draft.email.body}`,
    portal: draft.portal,
    call_script: [
      script.rightPartyVerification,
      script.disclosures,
      script.opening,
      script.options,
      ...script.objectionHandling.flatMap(({ objection, response }) => [objection, response]),
      script.close,
    ].join('\n'),
  };
}
