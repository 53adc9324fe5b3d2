import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../lambdas/domain/compliance';
import { readMessage } from '../../lambdas/domain/compliance/content/detect';
import { ordinaryWordsFolded } from '../../training/gate/ordinary-words';

/** A first-party portal message: no disclosure is required, so only content decides. */
const verdict = (text: string) =>
  checkMessage({ jurisdiction: 'US', channel: 'portal', language: 'en', text, collectorRole: 'first_party' });
const reading = (text: string) => readMessage(text).read.text;

describe('the evasion fold never reads one English word as another', () => {
  it.each(['we will call you back', 'bring the account back to good standing'])(
    '"%s" stays allowed and is read as written, without "black"',
    (text) => {
      expect(reading(text)).toBe(text);
      expect(reading(text)).not.toContain('black');
      expect(verdict(text)).toEqual({ allowed: true, violations: [] });
    },
  );

  it.each([
    ['let us chat about a plan', 'cheat'],
    ['our therapists and counsellors can help', 'the rapists'],
    ['Mr. Pike, thank you for your payment', 'pikey'],
    ['we can talk about it over a chat or call back later', 'black'],
  ])('"%s" is not read as containing "%s"', (text, misread) => {
    expect(reading(text)).not.toContain(misread);
  });

  it('leetspeak of an ordinary word is that word, not a listed one ("b4ck" is "back")', () => {
    expect(reading('call us b4ck')).not.toContain('black');
  });

  it('still undoes evasion of listed words', () => {
    expect(reading('you are such a l0ser')).toContain('loser');
    expect(reading("you're st*pid")).toContain('stupid');
    expect(reading('you are stuuupid')).toContain('stupid');
    expect(reading('you are a s t u p i d man')).toContain('stupid');
  });

  it('leaves every word of a ~275,000-word English list as written (else: npm run gate:ordinary-words)', () => {
    expect(ordinaryWordsFolded({ guarded: true })).toEqual([]);
  }, 60_000);
});
