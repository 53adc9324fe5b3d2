/**
 * The assistant corpus (CORPUS-SPEC section A): one labelled customer message per JSONL line. Lines are checked
 * with zod; a malformed line is reported with its file and line number. A fixed part of the corpus (by a hash of
 * the id, so it stays put as the files grow) is held out: never looked at while tuning, reported separately.
 */
import { crc32 } from 'node:zlib';
import * as z from 'zod';
import { INTENTS, SLOT_NAMES } from '../../lambdas/domain/chat/taxonomy';
import { OFFER_KINDS } from '../../lambdas/domain/offers/plan-calculator';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** A message to read: what `classify` takes. */
export const messageLineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  language: z.enum(['en', 'zh-CN']),
  currency: z.enum(['USD', 'CNY']),
  today: isoDate,
  text: z.string(),
});
export type MessageLine = z.infer<typeof messageLineSchema>;

export const expectedSchema = z.object({
  intent: z.enum(INTENTS),
  injection: z.boolean().default(false),
  amountMinor: z.number().int().optional(),
  date: isoDate.optional(),
  monthlyIncomeMinor: z.number().int().optional(),
  monthlyExpensesMinor: z.number().int().optional(),
  affordableMinor: z.number().int().optional(),
  refusedChannels: z.array(z.enum(['call', 'sms', 'email'])).optional(),
  noWorkplace: z.boolean().optional(),
  noThirdParties: z.boolean().optional(),
  optionNumber: z.number().int().optional(),
  termMonths: z.number().int().optional(),
  kind: z.enum(OFFER_KINDS).optional(),
});
export type Expected = z.infer<typeof expectedSchema>;

/** A labelled line: what `evaluate` and training take. */
export const corpusLineSchema = messageLineSchema.extend({ expected: expectedSchema });
export type CorpusLine = z.infer<typeof corpusLineSchema>;

export type StatedSlots = Partial<Record<(typeof SLOT_NAMES)[number], unknown>>;

/** The slots an expected reading states. */
export function statedSlots(expected: Expected): StatedSlots {
  return Object.fromEntries(
    SLOT_NAMES.flatMap((name) => (expected[name] === undefined ? [] : [[name, expected[name]]])),
  );
}

/** Roughly one line in seven, chosen by a hash of its id. */
export const isHeldOut = (id: string | number) => crc32(String(id)) % 7 === 0;

export type LineResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: string };

/** Parses one non-blank line with a schema: the value, or what is wrong with it. */
export function parseLine<T>(schema: z.ZodType<T>, line: string): LineResult<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    return { ok: false, problem: `invalid JSON (${(error as Error).message})` };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problem: parsed.error.issues
      .map((issue) => {
        const field = issue.path.join('.');
        if (field === '') return issue.message;
        const present = issue.path.reduce<unknown>(
          (value, key) =>
            typeof value === 'object' && value !== null
              ? (value as Record<PropertyKey, unknown>)[key]
              : undefined,
          raw,
        );
        return present === undefined ? `missing field "${field}"` : `field "${field}": ${issue.message}`;
      })
      .join('; '),
  };
}

/** Every non-blank line of a JSONL text, with its 1-based line number. */
export function jsonlLines(text: string): { readonly number: number; readonly line: string }[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .flatMap((line, index) => (line.trim() === '' ? [] : [{ number: index + 1, line }]));
}

/** A whole corpus file, or the first malformed line's problem. */
export function parseCorpus(text: string, fileName: string): CorpusLine[] {
  const lines: CorpusLine[] = [];
  for (const { number, line } of jsonlLines(text)) {
    const parsed = parseLine(corpusLineSchema, line);
    if (!parsed.ok) throw new Error(`${fileName}: line ${number}: ${parsed.problem}`);
    lines.push(parsed.value);
  }
  return lines;
}
