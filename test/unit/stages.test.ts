import { describe, expect, it } from 'vitest';
import { STAGE_NAMES, stageConfig, UnknownStageError } from '../../catalog/stages';
import { parseScheduleExpression } from '../../local/scheduler/schedule-expression';

describe('stage config', () => {
  it('has one config per stage, protecting data only where it matters', () => {
    expect(STAGE_NAMES.map((name) => stageConfig(name).name)).toEqual(['dev', 'staging', 'prod']);
    expect(stageConfig('prod')).toMatchObject({
      retainData: true,
      deletionProtection: true,
      pointInTimeRecovery: true,
    });
    expect(stageConfig('dev')).toMatchObject({ retainData: false, deletionProtection: false });
    expect(stageConfig('prod').eventArchiveRetentionDays).toBeGreaterThan(0);
    expect(stageConfig('dev').eventArchiveRetentionDays).toBeUndefined();
  });

  it('sends outreach from prod only; dev and staging keep it in the outbox', () => {
    expect(
      Object.fromEntries(STAGE_NAMES.map((name) => [name, stageConfig(name).outreach.delivery])),
    ).toEqual({
      dev: 'store_only',
      staging: 'store_only',
      prod: 'send',
    });
  });

  it.each(STAGE_NAMES)('gives %s a delivery mode, a sender address and valid schedules', (name) => {
    const { outreach, schedules } = stageConfig(name);
    expect(['store_only', 'send']).toContain(outreach.delivery);
    expect(outreach.emailFrom).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@.]+$/);
    for (const expression of [schedules.scoring, schedules.outbox]) {
      expect(() => parseScheduleExpression(expression)).not.toThrow();
      expect(parseScheduleExpression(expression).nextAfter(new Date('2026-01-01T00:00:00Z'))).toBeInstanceOf(
        Date,
      );
    }
  });

  it.each([undefined, 'qa', 'PROD', 42])('refuses %s with a message naming the valid stages', (stage) => {
    expect(() => stageConfig(stage)).toThrow(UnknownStageError);
    expect(() => stageConfig(stage)).toThrow(/dev, staging, prod/);
  });
});
