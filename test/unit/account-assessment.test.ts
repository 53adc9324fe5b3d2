import { describe, expect, it } from 'vitest';
import { committedRiskModel } from '../../lambdas/adapters/committed-risk-model';
import {
  assessRisk,
  decideTreatment,
  MODEL_CURRENCY_SCALE,
  riskModelInputFor,
} from '../../lambdas/domain/scoring/account-assessment';
import { scoreRisk } from '../../lambdas/domain/scoring/risk-model';
import { TREATMENT_POLICY } from '../../lambdas/domain/treatment/treatment-policy';
import { anAccount } from '../support/accounts';

describe('scoring a product account with the committed model', () => {
  const account = anAccount({ accountId: 'ACC-000042' });

  it('feeds the model the limit and six statements in its training currency scale', () => {
    const input = riskModelInputFor(account);
    expect(input.creditLimit).toBe(5_000 * MODEL_CURRENCY_SCALE.USD);
    expect(input.months).toHaveLength(6);
    expect(input.months[0]).toEqual({ payStatus: 0, statementBalance: 1_200 * 32, amountPaid: 50 * 32 });
  });

  it('gives the model score, band and faithful reasons, with the limit quoted in the account currency', () => {
    const risk = assessRisk(committedRiskModel, account);
    const direct = scoreRisk(committedRiskModel, riskModelInputFor(account));
    expect(risk).toMatchObject({
      score: direct.score,
      band: direct.band,
      probabilityOfDefault: direct.probabilityOfDefault,
    });
    expect(risk.reasons.map((r) => r.code)).toEqual(direct.reasons.map((r) => r.code));
    const limitReason = risk.reasons.find((r) => r.code === 'CREDIT_LIMIT');
    if (limitReason) expect(limitReason.en).toBe('Credit limit of USD 5,000');
  });

  it('scores more delinquency as more risk', () => {
    const late = anAccount({
      accountId: 'ACC-000043',
      statements: account.statements.map((s, i) => ({
        ...s,
        payStatus: Math.max(0, 3 - i),
        amountPaidMinor: 0,
      })),
    });
    expect(assessRisk(committedRiskModel, late).probabilityOfDefault).toBeGreaterThan(
      assessRisk(committedRiskModel, account).probabilityOfDefault,
    );
  });

  it('falls back, flagged, on an impossible history instead of failing', () => {
    const risk = assessRisk(committedRiskModel, { ...account, creditLimitMinor: -1 });
    expect(risk).toMatchObject({
      fallback: true,
      reasons: [expect.objectContaining({ code: 'INSUFFICIENT_DATA' })],
    });
    expect(risk.problems?.[0]).toMatch(/creditLimit/);
  });

  it('decides bucket, tier and variant, and fingerprints exactly what a re-run compares', () => {
    const late = { ...account, oldestUnpaidDueDate: '2026-10-10' };
    const risk = assessRisk(committedRiskModel, late);
    const decision = decideTreatment(TREATMENT_POLICY, late, risk, '2026-11-23');
    expect(decision.bucket).toBe('dpd_31_60');
    expect(decision.policyVersion).toBe(TREATMENT_POLICY.version);
    expect(decision.fingerprint).toContain(committedRiskModel.version);
    expect(decideTreatment(TREATMENT_POLICY, late, risk, '2026-11-24').fingerprint).toBe(
      decision.fingerprint,
    );
    expect(decideTreatment(TREATMENT_POLICY, late, risk, '2026-12-20').fingerprint).not.toBe(
      decision.fingerprint,
    );
  });
});
