/**
 * Line formats of `npm run gate`: each JSONL input line is validated with zod, checked by the compliance gate
 * and answered with one JSON line. The first malformed line stops the run (lines before it are answered, it
 * and the lines after it are not), so a broken file is never half-trusted.
 *
 * Jurisdiction and time zone accept any string: an unknown one is a well-formed line the gate blocks. Fields
 * whose absence would read as "nothing to worry about" (`history`, `flags`) are required; the offer's lists
 * default to empty, which fails closed (any figure the text states is then not in the offer).
 */
import * as z from 'zod';
import { COLLECTOR_ROLES, checkContact, checkMessage } from '../../lambdas/domain/compliance';

import { CONTENT_CATEGORIES } from '../../lambdas/domain/compliance/content/categories';
import { parseInstant } from '../../lambdas/domain/compliance/local-time';
import { type Evaluated, evaluationReport } from './evaluation';

export const GATE_USAGE = [
  'usage: npm run --silent gate -- check-messages FILE.jsonl',
  '       npm run --silent gate -- check-contacts FILE.jsonl',
  '       npm run --silent gate -- evaluate FILE.jsonl',
].join('\n');

export type GateCommand = 'check-messages' | 'check-contacts' | 'evaluate';

/** Optional on every line; absent means the stricter `third_party` rules. */
const collectorRole = z
  .enum(['first_party', 'third_party'], {
    error: () => `UNKNOWN_COLLECTOR_ROLE: expected one of ${COLLECTOR_ROLES.join(', ')}`,
  })
  .optional();

const instant = z
  .string()
  .refine(
    (value) => parseInstant(value) !== undefined,
    'expected an ISO-8601 instant with an offset, e.g. 2026-11-23T14:00:00Z',
  );
const id = z.union([z.string(), z.number()]);
const contactChannel = z.enum(['call', 'sms', 'email']);

export const contactLineSchema = z.object({
  id,
  jurisdiction: z.string(),
  timezone: z.string(),
  channel: contactChannel,
  at: instant,
  history: z.array(
    z.object({
      at: instant,
      channel: contactChannel,
      kind: z.enum(['call_attempt', 'conversation', 'message']),
    }),
  ),
  flags: z.object({
    cease: z.boolean().optional(),
    dispute: z.boolean().optional(),
    hardshipPlan: z.boolean().optional(),
    refusedChannels: z.array(contactChannel).optional(),
    smsConsent: z.boolean().optional(),
  }),
  collectorRole,
});

export const messageLineSchema = z.object({
  id,
  jurisdiction: z.string(),
  channel: z.enum(['sms', 'email', 'portal', 'call_script']),
  language: z.enum(['en', 'zh-CN'], { error: () => 'UNKNOWN_LANGUAGE: expected "en" or "zh-CN"' }),
  text: z.string(),
  offer: z
    .object({
      currency: z.enum(['USD', 'CNY']),
      amountsMinor: z.array(z.number().int()).default([]),
      dates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')).default([]),
      percentages: z.array(z.number()).default([]),
    })
    .optional(),
  collectorRole,
});

/** A labelled line: as check-messages, plus the expected verdict and, optionally, the category. */
export const evaluationLineSchema = messageLineSchema.extend({
  expected: z.boolean(),
  category: z
    .enum(CONTENT_CATEGORIES, {
      error: () => `UNKNOWN_CATEGORY: expected one of ${CONTENT_CATEGORIES.join(', ')}`,
    })
    .optional(),
});

type LineOutcome =
  | { readonly ok: true; readonly output: string; readonly evaluated?: Evaluated }
  | { readonly ok: false; readonly problem: string };

/** Checks one non-blank input line: its output line, or what is wrong with it. */
export function checkLine(command: GateCommand, line: string): LineOutcome {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    return { ok: false, problem: `invalid JSON (${(error as Error).message})` };
  }
  if (command === 'check-messages') {
    const parsed = messageLineSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, problem: describeIssues(parsed.error, raw) };
    const { id, ...request } = parsed.data;
    const { allowed, violations } = checkMessage(request);
    return { ok: true, output: JSON.stringify({ id, allowed, violations }) };
  }
  if (command === 'evaluate') {
    const parsed = evaluationLineSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, problem: describeIssues(parsed.error, raw) };
    const { id, expected, category, ...request } = parsed.data;
    const { allowed, violations } = checkMessage(request);
    const found = [...new Set(violations.map((violation) => violation.category ?? violation.rule))];
    return {
      ok: true,
      output: '',
      evaluated: { id, expected, category, allowed, found, language: request.language },
    };
  }
  const parsed = contactLineSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: describeIssues(parsed.error, raw) };
  const { id, ...request } = parsed.data;
  const { allowed, reasons } = checkContact(request);
  return { ok: true, output: JSON.stringify({ id, allowed, reasons }) };
}

/** `missing field "at"`, `field "history.0.kind": Invalid option: …`, joined with "; ". */
function describeIssues(error: z.ZodError, raw: unknown): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.join('.');
      if (field === '') return issue.message;
      if (valueAt(raw, issue.path) === undefined) return `missing field "${field}"`;
      return `field "${field}": ${issue.message}`;
    })
    .join('; ');
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (current, key) =>
      typeof current === 'object' && current !== null
        ? (current as Record<PropertyKey, unknown>)[key]
        : undefined,
    value,
  );
}

export interface GateRun {
  /** One JSON line per input line checked (for `evaluate`: the report's lines). */
  readonly output: string[];
  /** For a malformed line: the message naming the file, the line number and the problem. */
  readonly error?: string;
}

/** Runs a command over a JSONL text: blank lines are skipped, the first malformed line stops the run. */
export function runGate(command: GateCommand, jsonl: string, fileName: string): GateRun {
  const output: string[] = [];
  const evaluated: Evaluated[] = [];
  const lines = jsonl.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const outcome = checkLine(command, line);
    if (!outcome.ok) {
      // An evaluation is all or nothing: a report on part of a file would mislead.
      const error = `gate: ${fileName}: line ${index + 1}: ${outcome.problem}`;
      return { output: command === 'evaluate' ? [] : output, error };
    }
    if (outcome.evaluated) evaluated.push(outcome.evaluated);
    else output.push(outcome.output);
  }
  if (command === 'evaluate') return { output: evaluationReport(evaluated) };
  return { output };
}

/** What the CLI touches outside itself, so tests can run it in-process. */
export interface GateIo {
  /** The file's text, or undefined when it cannot be read. */
  readonly readText: (file: string) => string | undefined;
  readonly writeOut: (text: string) => void;
  readonly writeErr: (text: string) => void;
}

/** The whole CLI: returns the exit code (0 checked, 1 malformed line, 2 usage). */
export function gateMain(args: readonly string[], io: GateIo): number {
  const parsed = parseGateArgs(args);
  if ('problem' in parsed) return usageError(io, parsed.problem);
  const content = io.readText(parsed.file);
  if (content === undefined) return usageError(io, `cannot read ${parsed.file}`);

  const { output, error } = runGate(parsed.command, content, parsed.file);
  if (output.length > 0) io.writeOut(`${output.join('\n')}\n`);
  if (error === undefined) return 0;
  io.writeErr(`${error}\n`);
  return 1;
}

function usageError(io: GateIo, problem: string): number {
  io.writeErr(`gate: ${problem}\n${GATE_USAGE}\n`);
  return 2;
}

/** The command and file to run, or the usage problem. */
export function parseGateArgs(
  args: readonly string[],
): { readonly command: GateCommand; readonly file: string } | { readonly problem: string } {
  const [command, file, ...extra] = args;
  if (command !== 'check-messages' && command !== 'check-contacts' && command !== 'evaluate')
    return { problem: command === undefined ? 'missing subcommand' : `unknown subcommand: ${command}` };
  if (file === undefined) return { problem: 'missing FILE.jsonl' };
  if (extra.length > 0) return { problem: `unexpected arguments: ${extra.join(' ')}` };
  return { command, file };
}
