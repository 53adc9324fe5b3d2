/**
 * The disclosures a message must carry, by jurisdiction and channel: deterministic text appended by code to
 * drafts, replies, codes and notices, so no model output can leave them out. The packs' rules
 * (US-MINI-MIRANDA, US-OPT-OUT and CN's opt-out) check that they are there.
 */
import type { Jurisdiction, Language } from '../kernel/types';
import type { MessageChannel } from './types';

const MINI_MIRANDA: Record<Language, string> = {
  en: 'This is a communication from a debt collector. This is an attempt to collect a debt and any information obtained will be used for that purpose.',
  'zh-CN': '本信息来自债务催收方，旨在催收债务，所获信息将用于该目的。',
};

const OPT_OUT: Record<Language, string> = {
  en: 'Reply STOP to opt out.',
  'zh-CN': '回复TD退订',
};

const EMAIL_OPT_OUT: Record<Language, string> = {
  en: 'To opt out of these e-mails, reply STOP.',
  'zh-CN': '如不希望再收到此类邮件，请回复TD退订。',
};

/** The disclosure sentences a channel needs in a jurisdiction, in the order they are appended. */
export function requiredDisclosures(
  jurisdiction: Jurisdiction,
  channel: MessageChannel,
  language: Language,
): string[] {
  const miniMiranda = jurisdiction === 'US' ? [MINI_MIRANDA[language]] : [];
  if (channel === 'sms') return [...miniMiranda, OPT_OUT[language]];
  if (channel === 'email') return [...miniMiranda, EMAIL_OPT_OUT[language]];
  return miniMiranda;
}
