/**
 * Issue #13 benchmark: messages read per second by `understand` (normalise, slots, features, the classifier,
 * rules) on one core, over the assistant corpus in both languages, next to a bare evasion-normalisation pass
 * over the same messages in the same run (the floor any reader pays). Target ≥ 5,000 messages/s. Rates are
 * messages per second of this process's CPU time (user + system), so other work on a shared machine does not
 * count against them; the median of several rounds is reported.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { normaliseText } from '../lambdas/domain/chat/reading/normalise';
import { understand } from '../lambdas/domain/chat/understanding';

const ROUNDS = 5;
const MIN_MS = 400;

interface Message {
  readonly text: string;
  readonly language: 'en' | 'zh-CN';
  readonly currency: 'USD' | 'CNY';
  readonly today: string;
}

function messagesPerSecond(messages: readonly Message[], read: (message: Message) => unknown): number {
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let count = 0;
    const started = process.cpuUsage();
    let elapsedMs = 0;
    while (elapsedMs < MIN_MS) {
      for (const message of messages) read(message);
      count += messages.length;
      const used = process.cpuUsage(started);
      elapsedMs = (used.user + used.system) / 1000;
    }
    rates.push((count / elapsedMs) * 1000);
  }
  return rates.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
}

export function benchClassify(projectRoot: string) {
  const messages: Message[] = ['messages-en.jsonl', 'messages-zh.jsonl'].flatMap((file) =>
    readFileSync(path.join(projectRoot, 'corpora', 'assistant', file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Message),
  );
  // Warm both paths (JIT, the model's decode happened at import).
  for (const message of messages) understand(message.text, message);
  const baseline = messagesPerSecond(messages, (m) => normaliseText(m.text));
  const classify = messagesPerSecond(messages, (m) => understand(m.text, m));
  const meanChars = messages.reduce((sum, m) => sum + m.text.length, 0) / messages.length;
  return {
    messages: messages.length,
    meanCharacters: Number(meanChars.toFixed(1)),
    baselineNormaliseOnlyPerSecond: Math.round(baseline),
    classifyPerSecond: Math.round(classify),
    microsecondsPerMessage: Number((1e6 / classify).toFixed(1)),
    ratioToNormalise: Number((baseline / classify).toFixed(1)),
    target: { minClassifyPerSecond: 5_000 },
  };
}
