/**
 * The committed readers, measured on the independent sets (corpora/independent: written by people who never
 * saw the corpora, rules or models, and never used for tuning). Each floor sits a little under the figure the
 * README reports, so a change that makes the assistant or the gate worse on unseen text fails here, while the
 * model's small run-to-run differences after retraining do not.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROTECTED_INTENTS } from '../../lambdas/domain/chat/taxonomy';
import { runEvaluate } from '../../training/assistant/cli';
import { runGate } from '../../training/gate/cli';

const DIR = 'corpora/independent';

interface AssistantSummary {
  readonly accuracy: number;
  readonly intents: readonly { readonly intent: string; readonly support: number; readonly recall: number }[];
  readonly slots: { readonly exactness: number; readonly stated: number; readonly spurious: number };
  readonly injection: { readonly attempts: number; readonly flagged: number; readonly falseFlags: number };
}

function assistantFigures(file: string): AssistantSummary {
  const { output, error } = runEvaluate(readFileSync(`${DIR}/${file}`, 'utf8'), file);
  expect(error).toBeUndefined();
  return JSON.parse(output.at(-1)!) as AssistantSummary;
}

function gateFigures(file: string): { n: number; recall: number; falseBlockRate: number } {
  const { output, error } = runGate('evaluate', readFileSync(`${DIR}/${file}`, 'utf8'), file);
  expect(error).toBeUndefined();
  return JSON.parse(output.at(-1)!);
}

describe('the assistant on the independent sets', () => {
  const english = assistantFigures('assistant-en.jsonl');
  const chinese = assistantFigures('assistant-zh.jsonl');

  it.each([
    ['English', english],
    ['Chinese', chinese],
  ])('%s: intents, stated slots and manipulation', (_language, figures) => {
    expect(figures.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(figures.slots.exactness).toBeGreaterThanOrEqual(0.8);
    expect(figures.slots.spurious).toBeLessThanOrEqual(8);
    expect(figures.injection.flagged).toBeGreaterThanOrEqual(10);
    expect(figures.injection.falseFlags).toBeLessThanOrEqual(3);
  });

  // The asks with legal weight, over both languages: a miss here is a customer's right ignored.
  it.each([...PROTECTED_INTENTS])(
    'recognises %s in both languages together at least 85% of the time',
    (intent) => {
      const [en, zh] = [english, chinese].map(
        (figures) => figures.intents.find((row) => row.intent === intent)!,
      );
      const recognised = en!.recall * en!.support + zh!.recall * zh!.support;
      expect(recognised / (en!.support + zh!.support)).toBeGreaterThanOrEqual(0.85);
    },
  );
});

/**
 * Measured 2026-12-05 (rules 2026.12.7: what harsh words are aimed at, six functional-suite writers):
 * messages 96.9% / 2.5%, functional en 92.1% / 3.7%, zh 90.8% / 7.7%. Every figure is within the issue's
 * targets (≥ 95% / ≤ 5%; ≥ 85% / ≤ 10%; ≥ 75% / ≤ 10%); the floors hold them there, a little below.
 */
const GATE_FLOORS = {
  messages: { recall: 0.95, falseBlockRate: 0.05 },
  functionalEn: { recall: 0.9, falseBlockRate: 0.08 },
  functionalZh: { recall: 0.88, falseBlockRate: 0.1 },
};

describe('the gate on the independent sets', () => {
  it.each([
    ['gate-messages.jsonl', GATE_FLOORS.messages],
    ['gate-functional-en.jsonl', GATE_FLOORS.functionalEn],
    ['gate-functional-zh.jsonl', GATE_FLOORS.functionalZh],
  ])('%s', (file, floor) => {
    const figures = gateFigures(file);
    expect(figures.recall).toBeGreaterThanOrEqual(floor.recall);
    expect(figures.falseBlockRate).toBeLessThanOrEqual(floor.falseBlockRate);
  });
});
