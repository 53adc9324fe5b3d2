import { describe, expect, it } from 'vitest';
import type { Jurisdiction, Language } from '../../lambdas/domain/accounts/account';
import { checkMessage, type MessageChannel } from '../../lambdas/domain/compliance';
import { channelTexts, gateOfferOf, withDisclosures } from '../../lambdas/domain/drafting/draft';
import { offlineDraft } from '../../lambdas/domain/drafting/offline-drafter';
import { PLACEHOLDERS } from '../../lambdas/domain/drafting/pseudonymise';
import { OFFER_POLICY } from '../../lambdas/domain/offers/offer-policy';
import { computeOffers, type OfferSet } from '../../lambdas/domain/offers/plan-calculator';
import { type Tier, TREATMENT_POLICY } from '../../lambdas/domain/treatment/treatment-policy';

const TIERS_WITH_OFFERS = (Object.keys(TREATMENT_POLICY.tiers) as Tier[]).filter(
  (tier) => TREATMENT_POLICY.tiers[tier].offers.length > 0,
);
const JURISDICTIONS: readonly Jurisdiction[] = ['US', 'CN'];
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const CHANNELS: readonly MessageChannel[] = ['sms', 'email', 'portal', 'call_script'];
const BALANCES = [12_345, 120_000, 98_765_432];

function offersFor(jurisdiction: Jurisdiction, tier: Tier, balanceMinor: number): OfferSet {
  return computeOffers({
    account: {
      accountId: 'ACC-000042',
      jurisdiction,
      currency: jurisdiction === 'US' ? 'USD' : 'CNY',
      balanceMinor,
      amountOverdueMinor: balanceMinor,
      minimumDueMinor: Math.ceil(balanceMinor / 30),
    },
    bucket: 'dpd_91_180',
    riskBand: 'E',
    eligible: TREATMENT_POLICY.tiers[tier].offers,
    today: '2026-11-23',
    policy: OFFER_POLICY,
  });
}

/** Placeholders filled as re-identification would, with a long name to stress the SMS budget. */
function filled(text: string): string {
  return text
    .replaceAll(PLACEHOLDERS.customerName, 'Maximilian Alexander Johnson')
    .replaceAll(PLACEHOLDERS.accountRef, '****0042');
}

describe('offline drafter', () => {
  const grid = TIERS_WITH_OFFERS.flatMap((tier) =>
    JURISDICTIONS.flatMap((jurisdiction) =>
      LANGUAGES.flatMap((language) => BALANCES.map((balance) => ({ tier, jurisdiction, language, balance }))),
    ),
  );

  it.each(grid)(
    '$tier $jurisdiction $language balance $balance passes the gate on every channel',
    ({ tier, jurisdiction, language, balance }) => {
      const offerSet = offersFor(jurisdiction, tier, balance);
      const content = offlineDraft({ offerSet, tier, language });
      const draft = withDisclosures(content, jurisdiction, language);
      const texts = channelTexts(draft);
      for (const channel of CHANNELS) {
        const verdict = checkMessage({
          jurisdiction,
          channel,
          language,
          text: filled(texts[channel]),
          offer: gateOfferOf(offerSet),
        });
        expect(verdict.violations, `${channel}: ${texts[channel]}`).toEqual([]);
      }
    },
  );

  it('states every option with its exact formatted figures', () => {
    const offerSet = offersFor('US', 'hardship_restructure', 100_000);
    const draft = offlineDraft({ offerSet, tier: 'hardship_restructure', language: 'en' });
    expect(draft.email.body).toContain('The balance on your account {{ACCOUNT_REF}} is USD 1,000.00.');
    expect(draft.portal).toMatch(
      /Settle for USD [\d,]+\.\d{2} in one payment by [A-Z][a-z]{2} \d{1,2}, \d{4}/,
    );
    expect(draft.callScript.options).toContain('1) ');
  });

  it('writes Chinese amounts and dates in Chinese forms', () => {
    const offerSet = offersFor('CN', 'reminder', 100_000);
    const draft = offlineDraft({ offerSet, tier: 'reminder', language: 'zh-CN' });
    expect(draft.sms).toContain('人民币1,000.00元');
    expect(draft.portal).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
  });

  it('adds the mini-Miranda in the US only and the opt-out to SMS and e-mail', () => {
    const offerSet = offersFor('US', 'reminder', 100_000);
    const content = offlineDraft({ offerSet, tier: 'reminder', language: 'en' });
    const us = withDisclosures(content, 'US', 'en');
    const cn = withDisclosures(content, 'CN', 'en');
    expect(us.sms).toContain('This is a communication from a debt collector.');
    expect(us.sms).toContain('Reply STOP to opt out.');
    expect(us.callScript.disclosures).toContain('attempt to collect a debt');
    expect(cn.sms).not.toContain('debt collector');
    expect(cn.callScript.disclosures).toBe('');
    const zh = withDisclosures(
      offlineDraft({ offerSet, tier: 'reminder', language: 'zh-CN' }),
      'CN',
      'zh-CN',
    );
    expect(zh.sms).toContain('回复TD退订');
  });

  it('is deterministic', () => {
    const offerSet = offersFor('CN', 'agent_call', 250_000);
    const input = { offerSet, tier: 'agent_call' as const, language: 'zh-CN' as const };
    expect(offlineDraft(input)).toEqual(offlineDraft(input));
  });

  it('invites contact when no option is available', () => {
    const offerSet: OfferSet = { policyVersion: 'p', currency: 'USD', totalDueMinor: 5_000, options: [] };
    const draft = offlineDraft({ offerSet, tier: 'reminder', language: 'en' });
    expect(draft.sms).toContain('Contact us about a plan');
    expect(draft.callScript.options).not.toContain('1)');
  });
});
