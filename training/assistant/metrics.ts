/**
 * Figures for readings against labels: intent accuracy per language, recall and precision per intent, the
 * confusion matrix, slot exactness (stated slots read exactly; slots read that were not stated), and the
 * manipulation flag (flagged attempts, false flags).
 */
import { INTENTS, type IntentName, SLOT_NAMES, type Understanding } from '../../lambdas/domain/chat/taxonomy';
import { type CorpusLine, statedSlots } from './corpus';

export interface Scored {
  readonly line: CorpusLine;
  readonly reading: Understanding;
}

export interface IntentFigures {
  readonly intent: IntentName;
  readonly support: number;
  readonly recall: number | null;
  readonly precision: number | null;
}

export interface Figures {
  readonly messages: number;
  readonly accuracy: number;
  readonly accuracyByLanguage: Record<string, { readonly messages: number; readonly accuracy: number }>;
  readonly intents: IntentFigures[];
  /** confusion[expected][read] = count. */
  readonly confusion: Record<string, Record<string, number>>;
  readonly slots: {
    readonly stated: number;
    readonly exact: number;
    readonly exactness: number;
    readonly spurious: number;
    readonly bySlot: Record<
      string,
      { readonly stated: number; readonly exact: number; readonly spurious: number }
    >;
  };
  readonly injection: {
    readonly attempts: number;
    readonly flagged: number;
    readonly falseFlags: number;
    readonly clean: number;
  };
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : Number((part / whole).toFixed(4)));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function figuresOf(scored: readonly Scored[]): Figures {
  const confusion: Record<string, Record<string, number>> = {};
  const byLanguage: Record<string, { messages: number; right: number }> = {};
  let right = 0;
  const bySlot: Record<string, { stated: number; exact: number; spurious: number }> = Object.fromEntries(
    SLOT_NAMES.map((name) => [name, { stated: 0, exact: 0, spurious: 0 }]),
  );
  const injection = { attempts: 0, flagged: 0, falseFlags: 0, clean: 0 };
  for (const { line, reading } of scored) {
    const expected = line.expected.intent;
    confusion[expected] ??= {};
    confusion[expected][reading.intent] = (confusion[expected][reading.intent] ?? 0) + 1;
    byLanguage[line.language] ??= { messages: 0, right: 0 };
    const language = byLanguage[line.language]!;
    language.messages++;
    if (reading.intent === expected) {
      right++;
      language.right++;
    }
    const stated = statedSlots(line.expected);
    const read = reading.slots as Record<string, unknown>;
    for (const name of SLOT_NAMES) {
      const slot = bySlot[name]!;
      if (stated[name] !== undefined) {
        slot.stated++;
        if (same(stated[name], read[name])) slot.exact++;
      } else if (read[name] !== undefined) slot.spurious++;
    }
    if (line.expected.injection) {
      injection.attempts++;
      if (reading.injection) injection.flagged++;
    } else {
      injection.clean++;
      if (reading.injection) injection.falseFlags++;
    }
  }
  const intents = INTENTS.map((intent) => {
    const support = Object.values(confusion[intent] ?? {}).reduce((a, b) => a + b, 0);
    const hits = confusion[intent]?.[intent] ?? 0;
    const predicted = Object.values(confusion).reduce((sum, row) => sum + (row[intent] ?? 0), 0);
    return {
      intent,
      support,
      recall: support === 0 ? null : ratio(hits, support),
      precision: predicted === 0 ? null : ratio(hits, predicted),
    };
  });
  const stated = Object.values(bySlot).reduce((sum, slot) => sum + slot.stated, 0);
  const exact = Object.values(bySlot).reduce((sum, slot) => sum + slot.exact, 0);
  return {
    messages: scored.length,
    accuracy: ratio(right, scored.length),
    accuracyByLanguage: Object.fromEntries(
      Object.entries(byLanguage).map(([language, { messages, right: r }]) => [
        language,
        { messages, accuracy: ratio(r, messages) },
      ]),
    ),
    intents,
    confusion,
    slots: {
      stated,
      exact,
      exactness: ratio(exact, stated),
      spurious: Object.values(bySlot).reduce((sum, slot) => sum + slot.spurious, 0),
      bySlot,
    },
    injection,
  };
}

/** The largest off-diagonal cells: which intents are mistaken for which. */
export function topConfusions(figures: Figures, count: number) {
  return Object.entries(figures.confusion)
    .flatMap(([expected, row]) =>
      Object.entries(row).flatMap(([read, n]) => (read === expected ? [] : [{ expected, read, count: n }])),
    )
    .sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected))
    .slice(0, count);
}

const percent = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);

/** Human-readable report lines (what `evaluate` prints before its JSON line). */
export function reportLines(figures: Figures): string[] {
  const lines = [`messages: ${figures.messages}`, `intent accuracy: ${percent(figures.accuracy)}`];
  for (const [language, { messages, accuracy }] of Object.entries(figures.accuracyByLanguage))
    lines.push(`  ${language}: ${percent(accuracy)} of ${messages}`);
  lines.push('per intent (support, recall, precision):');
  for (const row of figures.intents)
    if (row.support > 0 || row.precision !== null)
      lines.push(
        `  ${row.intent.padEnd(22)} ${String(row.support).padStart(5)}  ${percent(row.recall).padStart(6)}  ${percent(row.precision).padStart(6)}`,
      );
  lines.push(
    `slots: ${figures.slots.exact}/${figures.slots.stated} stated slots exact (${percent(figures.slots.exactness)}), ${figures.slots.spurious} read but not stated`,
  );
  for (const [name, slot] of Object.entries(figures.slots.bySlot))
    if (slot.stated > 0 || slot.spurious > 0)
      lines.push(`  ${name.padEnd(22)} ${slot.exact}/${slot.stated} exact, ${slot.spurious} spurious`);
  const { attempts, flagged, falseFlags, clean } = figures.injection;
  lines.push(
    `manipulation: ${flagged}/${attempts} attempts flagged, ${falseFlags} false flags in ${clean} clean messages`,
  );
  const confusions = topConfusions(figures, 8);
  if (confusions.length > 0) {
    lines.push('most confused (expected → read):');
    for (const { expected, read, count } of confusions) lines.push(`  ${expected} → ${read}: ${count}`);
  }
  return lines;
}
