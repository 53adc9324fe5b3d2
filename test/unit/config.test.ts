import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ConfigError, loadConfig, tableNames } from '../../lambdas/runtime/config';

describe('function configuration', () => {
  it('reads the declared variables', () => {
    const config = loadConfig(
      { ...tableNames('accounts'), EVENT_BUS_NAME: z.string().min(1) },
      {
        ACCOUNTS_TABLE: 'dev-accounts',
        EVENT_BUS_NAME: 'bus',
        UNRELATED: 'x',
      },
    );
    expect(config).toEqual({ ACCOUNTS_TABLE: 'dev-accounts', EVENT_BUS_NAME: 'bus' });
  });

  it('fails at load naming every missing or empty variable', () => {
    expect(() => loadConfig(tableNames('accounts', 'audit'), { ACCOUNTS_TABLE: '' })).toThrow(ConfigError);
    expect(() => loadConfig(tableNames('accounts', 'audit'), { ACCOUNTS_TABLE: '' })).toThrow(
      /ACCOUNTS_TABLE.*AUDIT_TABLE/,
    );
  });
});
