import type { Jurisdiction } from '../accounts/account';
import { CN_PACK } from './cn-pack';
import type { PolicyPack } from './policy-pack';
import type { ComplianceRule } from './types';
import { US_PACK } from './us-pack';

export const POLICY_PACKS: Readonly<Record<Jurisdiction, PolicyPack>> = { US: US_PACK, CN: CN_PACK };

/** The pack for a jurisdiction, or undefined for one we have no rules for (callers then block). */
export function policyPackFor(jurisdiction: string): PolicyPack | undefined {
  return Object.hasOwn(POLICY_PACKS, jurisdiction) ? POLICY_PACKS[jurisdiction as Jurisdiction] : undefined;
}

export function rulesOf(pack: PolicyPack): ComplianceRule[] {
  const { contact, message } = pack;
  const callRules =
    contact.callLimits.kind === 'rolling-window'
      ? [contact.callLimits.callCap, contact.callLimits.quietAfterConversation]
      : [contact.callLimits.unansweredDials, contact.callLimits.effectiveCalls];
  return [
    contact.hours,
    contact.cease,
    contact.dispute,
    contact.hardshipPlan,
    contact.refusedChannel,
    contact.smsConsent,
    ...callRules,
    message.nonEmpty,
    message.textLength,
    ...message.disclosures,
    ...message.forbidden,
    message.offerNumbers,
  ];
}

/** Every rule of every pack, once (gate-wide rules are shared by the packs): id, version, source, code. */
export const RULE_CATALOGUE: readonly ComplianceRule[] = [
  ...new Map(
    Object.values(POLICY_PACKS)
      .flatMap(rulesOf)
      .map((rule) => [rule.id, rule]),
  ).values(),
];

/** The rule behind a contact reason or a message violation code, to record its id and version with a verdict. */
export function ruleFor(jurisdiction: string, code: string): ComplianceRule | undefined {
  const pack = policyPackFor(jurisdiction);
  return pack && rulesOf(pack).find((rule) => rule.code === code);
}
