import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLine, gateMain, parseGateArgs, runGate } from '../../training/gate/cli';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const MINI_MIRANDA =
  'This is a communication from a debt collector. This is an attempt to collect a debt and any information obtained will be used for that purpose.';

const messageLines = [
  {
    id: 'm1',
    jurisdiction: 'US',
    channel: 'sms',
    language: 'en',
    text: `${MINI_MIRANDA} Pay $120.00 by 2026-12-01. Reply STOP to opt out.`,
    offer: { currency: 'USD', amountsMinor: [12000], dates: ['2026-12-01'], percentages: [] },
  },
  { id: 'm2', jurisdiction: 'CN', channel: 'portal', language: 'zh-CN', text: '你这个老赖' },
  { id: 'm3', jurisdiction: 'FR', channel: 'email', language: 'en', text: 'Bonjour' },
].map((line) => JSON.stringify(line));

const contactLines = [
  {
    id: 'c1',
    jurisdiction: 'US',
    timezone: 'America/New_York',
    channel: 'call',
    at: '2026-11-23T15:00:00Z',
    history: [{ at: '2026-11-20T15:00:00Z', channel: 'call', kind: 'call_attempt' }],
    flags: {},
  },
  {
    id: 'c2',
    jurisdiction: 'CN',
    timezone: 'Asia/Shanghai',
    channel: 'sms',
    at: '2026-11-23T14:00:00Z',
    history: [],
    flags: { smsConsent: true, refusedChannels: ['sms'] },
  },
  {
    id: 'c3',
    jurisdiction: 'US',
    timezone: 'Atlantis/Capital',
    channel: 'email',
    at: '2026-11-23T15:00:00Z',
    history: [],
    flags: {},
  },
].map((line) => JSON.stringify(line));

describe('check-messages lines', () => {
  it('answers each line with id, verdict and violations, skipping blank lines', () => {
    const run = runGate(
      'check-messages',
      [messageLines[0], '', '   ', ...messageLines.slice(1)].join('\r\n'),
      'm.jsonl',
    );
    expect(run.error).toBeUndefined();
    expect(run.output.map((line) => JSON.parse(line))).toMatchObject([
      { id: 'm1', allowed: true, violations: [] },
      {
        id: 'm2',
        allowed: false,
        violations: [
          {
            rule: 'FORBIDDEN_ABUSE',
            detail: 'forbidden phrase "你这个老赖" (insult) [CN-NO-ABUSE@2026.12.7]',
            category: 'insult',
            span: { start: 0, end: 5 },
            ruleId: 'CN-NO-ABUSE@2026.12.7',
          },
        ],
      },
      {
        id: 'm3',
        allowed: false,
        violations: [{ rule: 'UNKNOWN_JURISDICTION', detail: 'no policy pack for jurisdiction "FR"' }],
      },
    ]);
    expect(Object.keys(JSON.parse(run.output[0]!))).toEqual(['id', 'allowed', 'violations']);
    // Every violation keeps the two fields every consumer reads, first.
    for (const line of run.output)
      for (const violation of JSON.parse(line).violations)
        expect(Object.keys(violation).slice(0, 2)).toEqual(['rule', 'detail']);
  });

  it('defaults missing offer lists to empty, so any stated figure is then not in the offer', () => {
    const line = JSON.parse(messageLines[0]!);
    const outcome = checkLine('check-messages', JSON.stringify({ ...line, offer: { currency: 'USD' } }));
    expect(outcome.ok && JSON.parse(outcome.output).violations.map((v: { rule: string }) => v.rule)).toEqual([
      'NUMBER_NOT_IN_OFFER',
      'NUMBER_NOT_IN_OFFER',
    ]);
  });
});

describe('check-contacts lines', () => {
  it('answers each line with id, verdict and reasons; unknown zones are blocked, not malformed', () => {
    const run = runGate('check-contacts', contactLines.join('\n'), 'c.jsonl');
    expect(run).toEqual({
      output: [
        '{"id":"c1","allowed":true,"reasons":[]}',
        '{"id":"c2","allowed":false,"reasons":["CHANNEL_REFUSED","OUTSIDE_CONTACT_HOURS"]}',
        '{"id":"c3","allowed":false,"reasons":["UNKNOWN_TIMEZONE"]}',
      ],
    });
  });
});

describe('malformed lines', () => {
  const contact = JSON.parse(contactLines[0]!);
  const problemWith = (line: string, command: 'check-contacts' | 'check-messages' = 'check-contacts') => {
    const outcome = checkLine(command, line);
    return outcome.ok ? undefined : outcome.problem;
  };

  it.each([
    ['bad JSON', '{"id": "x",', /^invalid JSON \(/],
    ['not an object', '[1, 2]', /expected object/],
    ['a missing field', JSON.stringify({ ...contact, at: undefined }), /^missing field "at"$/],
    ['missing history', JSON.stringify({ ...contact, history: undefined }), /^missing field "history"$/],
    [
      'a wrong type',
      JSON.stringify({ ...contact, flags: { cease: 'yes' } }),
      /^field "flags.cease": .*boolean/,
    ],
    [
      'an unknown channel',
      JSON.stringify({ ...contact, channel: 'fax' }),
      /^field "channel": Invalid option/,
    ],
    [
      'a history event without an offset',
      JSON.stringify({
        ...contact,
        history: [{ at: '2026-11-20T10:00:00', channel: 'call', kind: 'call_attempt' }],
      }),
      /^field "history.0.at": expected an ISO-8601 instant/,
    ],
  ])('%s is reported', (_, line, problem) => {
    expect(problemWith(line)).toMatch(problem);
  });

  it('reports message fields too: a non-integer amount, a missing text', () => {
    const message = JSON.parse(messageLines[0]!);
    const badAmount = { ...message, offer: { ...message.offer, amountsMinor: [120.5] } };
    expect(problemWith(JSON.stringify(badAmount), 'check-messages')).toMatch(
      /^field "offer.amountsMinor.0": /,
    );
    expect(problemWith(JSON.stringify({ ...message, text: undefined }), 'check-messages')).toBe(
      'missing field "text"',
    );
  });

  it('stops at the first malformed line, naming its number; earlier lines are answered', () => {
    const jsonl = [contactLines[0], '', 'not json', contactLines[1]].join('\n');
    const run = runGate('check-contacts', jsonl, 'cases.jsonl');
    expect(run.output).toHaveLength(1);
    expect(run.error).toMatch(/^gate: cases\.jsonl: line 3: invalid JSON/);
  });
});

describe('the command line', () => {
  function runInProcess(args: string[], files: Record<string, string> = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const code = gateMain(args, {
      readText: (file) => files[file],
      writeOut: (text) => out.push(text),
      writeErr: (text) => err.push(text),
    });
    return { code, stdout: out.join(''), stderr: err.join('') };
  }

  it('exits 0 once every line is checked, whatever the verdicts', () => {
    const run = runInProcess(['check-contacts', 'c.jsonl'], { 'c.jsonl': contactLines.join('\n') });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.split('\n')).toHaveLength(4);
  });

  it('exits 1 on a malformed line, with the problem on stderr', () => {
    const run = runInProcess(['check-messages', 'm.jsonl'], { 'm.jsonl': '{"id":1}' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^gate: m\.jsonl: line 1: missing field "jurisdiction"/);
  });

  it.each([
    [[], 'missing subcommand'],
    [['check-everything', 'x.jsonl'], 'unknown subcommand: check-everything'],
    [['check-messages'], 'missing FILE.jsonl'],
    [['check-messages', 'a.jsonl', 'b.jsonl'], 'unexpected arguments: b.jsonl'],
    [['check-messages', 'absent.jsonl'], 'cannot read absent.jsonl'],
  ])('exits 2 with the usage for %j', (args, problem) => {
    const run = runInProcess(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `gate: ${problem}\nusage: npm run --silent gate -- check-messages FILE.jsonl`,
    );
  });

  it('parses its arguments', () => {
    expect(parseGateArgs(['check-contacts', 'f.jsonl'])).toEqual({
      command: 'check-contacts',
      file: 'f.jsonl',
    });
  });

  describe('as a process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gate-cli-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const spawnGate = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/gate.ts', ...args], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
      });

    it('prints one line per case and exits 0, or names the malformed line and exits 1', () => {
      const good = join(dir, 'messages.jsonl');
      writeFileSync(good, `${messageLines.join('\n')}\n`);
      const ok = spawnGate('check-messages', good);
      expect(ok.status).toBe(0);
      expect(
        ok.stdout
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line).id),
      ).toEqual(['m1', 'm2', 'm3']);

      const bad = join(dir, 'contacts.jsonl');
      writeFileSync(bad, `${contactLines[0]}\n{"id":"c9","channel":"call"}\n`);
      const failed = spawnGate('check-contacts', bad);
      expect(failed.status).toBe(1);
      expect(failed.stdout.trim().split('\n')).toHaveLength(1);
      expect(failed.stderr).toContain('line 2: missing field "jurisdiction"');
    }, 30_000);
  });
});
