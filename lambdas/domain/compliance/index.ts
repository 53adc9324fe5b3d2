/** The compliance gate: contact policy and message linter, with the policy packs behind them. */
export { POLICY_PACKS, policyPackFor, RULE_CATALOGUE, ruleFor, rulesOf } from './catalogue';
export { checkContact, nextAllowedContact, TIMING_REASONS } from './contact-policy';
export { CATEGORY_INFO, CONTENT_CATEGORIES, type ContentCategory } from './content/categories';
export { checkMessage, checkTemplate } from './message-linter';
export type { PolicyPack } from './policy-pack';
export type * from './types';
export { COLLECTOR_ROLES } from './types';
