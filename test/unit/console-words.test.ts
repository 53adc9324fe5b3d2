/**
 * The console's words: every text the views ask for exists in Chinese as in English, and every code the API
 * sends in a list the console shows (tiers, buckets, outcomes, channels, the gate's and the contact policy's
 * rules) has a name in both, so no raw code reaches an agent outside a details line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_CATALOGUE } from '../../lambdas/domain/compliance/catalogue';

type Words = Record<string, string | ((...args: unknown[]) => string)>;
/** The pages' own modules (plain JS for the browser), loaded by path: the project's TypeScript does not read them. */
const web = (file: string) =>
  import(pathToFileURL(path.resolve(import.meta.dirname, '../../web', file)).href);
const { EN, ZH } = (await web('console/words.js')) as { EN: Words; ZH: Words };
const { BUCKETS, CALL_OUTCOMES, CONTACT_CHANNELS, TEAMS, TIERS } = (await web('lib/taxonomy.js')) as Record<
  'BUCKETS' | 'CALL_OUTCOMES' | 'CONTACT_CHANNELS' | 'TEAMS' | 'TIERS',
  readonly string[]
>;

const CONSOLE = path.resolve(import.meta.dirname, '../../web/console');
const sources = readdirSync(CONSOLE)
  .filter((file) => file.endsWith('.js') && file !== 'words.js')
  .map((file) => readFileSync(path.join(CONSOLE, file), 'utf8'));
/** Every key a view passes to t() as a literal. */
const keysAsked = [
  ...new Set(
    sources.flatMap((source) => [...source.matchAll(/(?<![\w.])t\('((?:[^'\\]|\\.)+)'/g)].map((m) => m[1]!)),
  ),
];

describe('console words', () => {
  it('has Chinese for every id English has, taking the same figures', () => {
    const missing = Object.keys(EN).filter((key) => !(key in ZH));
    expect(missing).toEqual([]);
    const arity = Object.keys(EN).filter((key) => {
      const en = EN[key];
      const zh = ZH[key];
      return typeof en === 'function' && (typeof zh !== 'function' || zh.length !== en.length);
    });
    expect(arity).toEqual([]);
  });

  it('has words for every text a view asks for: an id in both languages, or an English sentence with its Chinese', () => {
    expect(keysAsked.length).toBeGreaterThan(150);
    const unknown = keysAsked.filter((key) => !(key in EN) && !(key in ZH));
    expect(unknown).toEqual([]);
  });

  it('names every tier, bucket, team, outcome, channel and rule in both languages', () => {
    const codes = [
      ...TIERS,
      ...BUCKETS,
      ...TEAMS,
      ...CALL_OUTCOMES,
      ...CONTACT_CHANNELS,
      ...new Set(RULE_CATALOGUE.map((rule) => rule.code)),
    ];
    const unnamed = codes.filter((code) => !(`code.${code}` in EN) || !(`code.${code}` in ZH));
    expect(unnamed).toEqual([]);
  });
});
