/**
 * Disclosure phrasings of the policy packs, as named, versioned data. Each entry is a regular-expression
 * source, matched case-insensitively on text normalised with NFKC (full-width letters and digits become ASCII).
 * English entries match whole words only and a space stands for any run of white space; Chinese entries match
 * anywhere, Chinese having no word boundaries. Forbidden content is read by `content/` (clause by clause, with
 * negation, conditions and guidance), not by lists.
 */
export interface PhraseList {
  readonly name: string;
  readonly version: string;
  readonly en: readonly string[];
  readonly zh: readonly string[];
}

const VERSION = '2026.11.1';

/** Disclosure phrasings: a message satisfies a disclosure when every one of its parts matches. */
export const MINI_MIRANDA_IDENTITY: PhraseList = {
  name: 'mini-miranda-identity',
  version: VERSION,
  en: [
    'communication from a debt collector',
    "(?:we are|we're|i am|i'm|this is|is) a debt collector",
    'attempt(?:ing)? to collect (?:a|this|the|your) debt',
  ],
  zh: ['债务催收', '催收债务', '催收方', '催收机构', '追讨债务'],
};

export const MINI_MIRANDA_PURPOSE: PhraseList = {
  name: 'mini-miranda-purpose',
  version: VERSION,
  en: ['information (?:\\S+ ){0,3}?will be used for (?:that|this) purpose'],
  zh: ['信息.{0,6}(?:将|会)(?:被)?用于(?:该|此|这一|上述|催收)'],
};

export const OPT_OUT: PhraseList = {
  name: 'opt-out',
  version: VERSION,
  en: [
    '(?:reply|text|send) stop',
    'stop to (?:opt(?:-| )?out|unsubscribe|cancel|end|quit)',
    'unsubscribe',
    'opt(?:-| )?out',
  ],
  zh: ['退订', '回复\\s*(?:TD|T|N|STOP)', '取消订阅', '拒收'],
};
