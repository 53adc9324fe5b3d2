import { describe, expect, it } from 'vitest';
import { issueToken, type SessionClaims, verifyToken } from '../../lambdas/domain/auth/session-token';

const KEY = Buffer.alloc(32, 1);
const claims: SessionClaims = { sub: 'ACC-1', role: 'customer', accountId: 'ACC-1', iat: 1_000, exp: 2_800 };
const codeOf = (run: () => unknown) => {
  try {
    run();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? (error as Error).message;
  }
};

describe('session tokens', () => {
  it('round-trips its claims until the second it expires', () => {
    const token = issueToken(KEY, claims);
    expect(verifyToken(KEY, token, 2_799)).toEqual(claims);
    expect(codeOf(() => verifyToken(KEY, token, 2_800))).toBe('TOKEN_EXPIRED');
  });

  it('rejects a token signed with another key, tampered claims, and malformed tokens', () => {
    const token = issueToken(KEY, claims);
    const [, signature] = token.split('.');
    const otherAccount = Buffer.from(JSON.stringify({ ...claims, accountId: 'ACC-2' })).toString('base64url');
    for (const forged of [
      issueToken(Buffer.alloc(32, 2), claims),
      `${otherAccount}.${signature}`,
      `${token}.extra`,
      'not-a-token',
      '',
    ]) {
      expect(
        codeOf(() => verifyToken(KEY, forged, 1_500)),
        forged,
      ).toMatch(/TOKEN_(INVALID|MISSING)/);
    }
    expect(codeOf(() => verifyToken(KEY, undefined, 1_500))).toBe('TOKEN_MISSING');
  });

  it('rejects signed claims of the wrong shape: a customer token must name its account', () => {
    const { accountId: _none, ...withoutAccount } = claims;
    const token = issueToken(KEY, withoutAccount as SessionClaims);
    expect(codeOf(() => verifyToken(KEY, token, 1_500))).toBe('TOKEN_INVALID');
    const staff = issueToken(KEY, { sub: 'agent-7', role: 'agent', iat: 1_000, exp: 2_000 });
    expect(verifyToken(KEY, staff, 1_500).role).toBe('agent');
  });

  it('refuses a signing key shorter than 32 bytes', () => {
    expect(codeOf(() => issueToken(Buffer.alloc(16), claims))).toMatch(/at least 32 bytes/);
  });
});
