/**
 * "Done when" of the drafting issue: offline drafting produces compliant messages and scripts, in both
 * languages, for every tier with outreach across the whole demo portfolio `npm start` seeds.
 */
import { describe, expect, it } from 'vitest';
import { committedRiskModel } from '../../lambdas/adapters/committed-risk-model';
import { draftAccountOutreach } from '../../lambdas/domain/drafting/account-outreach';
import { assessRisk, decideTreatment } from '../../lambdas/domain/scoring/account-assessment';
import { TREATMENT_POLICY } from '../../lambdas/domain/treatment/treatment-policy';
import { DEMO_PORTFOLIO_DEFAULTS, generateDemoPortfolio } from '../../local/seed/demo-portfolio';

const TODAY = '2026-11-23';
const clock = { now: () => new Date(`${TODAY}T15:00:00.000Z`) };

describe('offline drafting over the demo portfolio', () => {
  it('drafts every account with outreach ready, every channel allowed by the gate', async () => {
    const accounts = generateDemoPortfolio({ ...DEMO_PORTFOLIO_DEFAULTS, asOf: TODAY });
    const covered = new Set<string>();
    let drafted = 0;
    for (const account of accounts) {
      const risk = assessRisk(committedRiskModel, account);
      const { tier, bucket } = decideTreatment(TREATMENT_POLICY, account, risk, TODAY);
      const strategy = TREATMENT_POLICY.tiers[tier];
      if (strategy.channels.length === 0 || account.balanceMinor <= 0) continue;
      const { result } = await draftAccountOutreach(
        { llm: undefined, clock },
        { account, tier, bucket, riskBand: risk.band },
      );
      const language = account.customer.language;
      expect(result.reasons ?? [], `${account.accountId} ${tier} ${language}`).toEqual([]);
      expect(result.status).toBe('ready');
      expect(Object.values(result.verdicts!).every((verdict) => verdict.allowed)).toBe(true);
      covered.add(`${tier}/${account.jurisdiction}/${language}`);
      drafted += 1;
    }
    expect(drafted).toBeGreaterThan(300);
    const tiers = new Set([...covered].map((key) => key.split('/')[0]));
    expect([...tiers].sort()).toEqual(
      ['agent_call', 'hardship_restructure', 'referral_review', 'reminder', 'reminder_and_call'].sort(),
    );
    for (const language of ['en', 'zh-CN']) {
      expect([...covered].filter((key) => key.endsWith(`/${language}`)).length).toBeGreaterThanOrEqual(4);
    }
  });
});
