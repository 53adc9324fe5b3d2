import { describe, expect, it } from 'vitest';
import { STAGE_NAMES, stageConfig, UnknownStageError } from '../../lib/stages';

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

  it.each([undefined, 'qa', 'PROD', 42])('refuses %s with a message naming the valid stages', (stage) => {
    expect(() => stageConfig(stage)).toThrow(UnknownStageError);
    expect(() => stageConfig(stage)).toThrow(/dev, staging, prod/);
  });
});
