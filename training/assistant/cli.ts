/**
 * `npm run assistant`: the portal assistant's reading over JSONL files.
 *
 *   classify FILE.jsonl   {"id","language","currency","today","text"} per line → {"id","intent","injection",…slots}
 *   evaluate FILE.jsonl   corpus lines (with "expected") → figures, then one JSON line with all of them
 *   train [options]       retrains models/assistant-intents.json and docs/assistant-model-card.md
 *
 * Lines are validated with zod. `classify` answers every line before the first malformed one, then names the
 * file, line and problem on stderr and exits 1; `evaluate` reports nothing from a file with a malformed line
 * (half a corpus gives misleading figures). Usage problems exit 2.
 */
import { understand } from '../../lambdas/domain/chat/understanding';
import {
  type CorpusLine,
  corpusLineSchema,
  jsonlLines,
  type MessageLine,
  messageLineSchema,
  parseLine,
} from './corpus';
import { figuresOf, reportLines, type Scored } from './metrics';

export const ASSISTANT_USAGE = [
  'usage: npm run --silent assistant -- classify FILE.jsonl',
  '       npm run --silent assistant -- evaluate FILE.jsonl',
  '       npm run --silent assistant -- train [--corpus DIR] [--out FILE] [--card FILE] [--folds N] [--seed N]',
].join('\n');

export interface AssistantIo {
  readonly readText: (file: string) => string | undefined;
  readonly writeOut: (text: string) => void;
  readonly writeErr: (text: string) => void;
}

/** One message read into its output line: only the slots found. */
export function classifyLine(line: MessageLine): string {
  const reading = understand(line.text, {
    language: line.language,
    currency: line.currency,
    today: line.today,
  });
  return JSON.stringify({
    id: line.id,
    intent: reading.intent,
    injection: reading.injection,
    ...reading.slots,
  });
}

export function runClassify(jsonl: string, fileName: string): { output: string[]; error?: string } {
  const output: string[] = [];
  for (const { number, line } of jsonlLines(jsonl)) {
    const parsed = parseLine(messageLineSchema, line);
    if (!parsed.ok) return { output, error: `assistant: ${fileName}: line ${number}: ${parsed.problem}` };
    output.push(classifyLine(parsed.value));
  }
  return { output };
}

export function runEvaluate(jsonl: string, fileName: string): { output: string[]; error?: string } {
  const lines: CorpusLine[] = [];
  for (const { number, line } of jsonlLines(jsonl)) {
    const parsed = parseLine(corpusLineSchema, line);
    if (!parsed.ok) return { output: [], error: `assistant: ${fileName}: line ${number}: ${parsed.problem}` };
    lines.push(parsed.value);
  }
  const scored: Scored[] = lines.map((line) => ({
    line,
    reading: understand(line.text, { language: line.language, currency: line.currency, today: line.today }),
  }));
  const figures = figuresOf(scored);
  const { confusion: _matrix, ...summary } = figures;
  return {
    output: [
      ...reportLines(figures),
      JSON.stringify({ file: fileName, ...summary, confusion: figures.confusion }),
    ],
  };
}

/** `classify` and `evaluate`; returns the exit code. `train` is dispatched by scripts/assistant.ts. */
export function assistantMain(args: readonly string[], io: AssistantIo): number {
  const [command, file, ...extra] = args;
  if (command !== 'classify' && command !== 'evaluate')
    return usageError(io, command === undefined ? 'missing subcommand' : `unknown subcommand: ${command}`);
  if (file === undefined) return usageError(io, 'missing FILE.jsonl');
  if (extra.length > 0) return usageError(io, `unexpected arguments: ${extra.join(' ')}`);
  const content = io.readText(file);
  if (content === undefined) return usageError(io, `cannot read ${file}`);
  const { output, error } = command === 'classify' ? runClassify(content, file) : runEvaluate(content, file);
  if (output.length > 0) io.writeOut(`${output.join('\n')}\n`);
  if (error === undefined) return 0;
  io.writeErr(`${error}\n`);
  return 1;
}

function usageError(io: AssistantIo, problem: string): number {
  io.writeErr(`assistant: ${problem}\n${ASSISTANT_USAGE}\n`);
  return 2;
}
