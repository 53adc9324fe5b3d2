/**
 * Messages checked per second by the gate and by the phrase-list linter it replaced, on the same 600-character
 * messages (English and Chinese, clean and violating, from the labelled corpus padded to length). Shared by the
 * run from source (`bench/gate.ts`) and the run of the gate bundled as deployed (`bench/gate-deployed.ts`).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkMessage, type MessageRequest } from '../lambdas/domain/compliance';
import { committedAbuseModel } from '../lambdas/domain/compliance/content/committed-abuse-model';
import { committedCategoryModel } from '../lambdas/domain/compliance/content/committed-category-model';
import { checkMessageWith } from '../lambdas/domain/compliance/message-linter';
import { baselineForbiddenContent } from './baseline/phrase-list-linter';

const LENGTH = 600;
const MIN_SECONDS = 2;

function messagesOfLength(projectRoot: string): { en: MessageRequest[]; zh: MessageRequest[] } {
  const lines = readFileSync(path.join(projectRoot, 'corpora/gate/messages.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as MessageRequest);
  const pad = (request: MessageRequest): MessageRequest => {
    let text = request.text;
    while (text.length < LENGTH) text = `${text} ${request.text}`;
    // Portal: no length limit is hit, so the whole text is read.
    return { ...request, channel: 'portal', text: text.slice(0, LENGTH) };
  };
  return {
    en: lines.filter((line) => line.language === 'en').map(pad),
    zh: lines.filter((line) => line.language === 'zh-CN').map(pad),
  };
}

/** Process CPU time (user + system) in seconds. */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * Messages per second of wall-clock time, and per second of this process's CPU time: on the shared 2-core
 * machine other work takes the core away, and the CPU-time figure is what one core does while it runs here.
 */
function perSecond(
  messages: readonly MessageRequest[],
  check: (message: MessageRequest) => unknown,
): { wall: number; cpu: number } {
  for (const message of messages.slice(0, 50)) check(message); // warm up, compile patterns
  let count = 0;
  const started = process.hrtime.bigint();
  const cpuStarted = cpuSeconds();
  let elapsed = 0;
  while (elapsed < MIN_SECONDS) {
    for (const message of messages) check(message);
    count += messages.length;
    elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  }
  return { wall: count / elapsed, cpu: count / (cpuSeconds() - cpuStarted) };
}

export interface GateThroughput {
  readonly messages: number;
  readonly characters: number;
  readonly gatePerSecond: number;
  readonly phraseListLinterPerSecond: number;
  readonly ratioToPhraseLists: number;
  readonly withoutMessageClassifierPerSecond: number;
  readonly ratioToWithoutMessageClassifier: number;
  readonly gatePerCpuSecond: number;
  readonly phraseListLinterPerCpuSecond: number;
}

/** English first, then Chinese; for each, the gate, the phrase-list linter, and the gate without the message classifier. */
export function gateThroughput(projectRoot: string): Record<'en' | 'zh', GateThroughput> {
  const sets = messagesOfLength(projectRoot);
  const measured = (['en', 'zh'] as const).map((language) => {
    const messages = sets[language];
    const gate = perSecond(messages, (message) => checkMessage(message));
    const baseline = perSecond(messages, (message) => baselineForbiddenContent(message.text));
    // The same gate without the message classifier: what that classifier costs.
    const withoutMessages = perSecond(messages, (message) =>
      checkMessageWith(message, committedAbuseModel(), committedCategoryModel(), null),
    );
    const figures: GateThroughput = {
      messages: messages.length,
      characters: LENGTH,
      gatePerSecond: Math.round(gate.wall),
      phraseListLinterPerSecond: Math.round(baseline.wall),
      ratioToPhraseLists: Number((gate.wall / baseline.wall).toFixed(3)),
      withoutMessageClassifierPerSecond: Math.round(withoutMessages.wall),
      ratioToWithoutMessageClassifier: Number((gate.wall / withoutMessages.wall).toFixed(3)),
      gatePerCpuSecond: Math.round(gate.cpu),
      phraseListLinterPerCpuSecond: Math.round(baseline.cpu),
    };
    return [language, figures] as const;
  });
  return Object.fromEntries(measured) as Record<'en' | 'zh', GateThroughput>;
}
