/** The assistant classifier's model card (docs/assistant-model-card.md), written by every training run. */
import type { IntentModelArtifact } from '../../lambdas/domain/chat/reading/classifier';
import type { CorpusLine } from './corpus';
import { type Figures, topConfusions } from './metrics';
import type { TrainSettings } from './training';

export interface ModelCardInput {
  readonly artifact: IntentModelArtifact;
  readonly artifactBytes: number;
  readonly settings: TrainSettings;
  readonly corpus: readonly CorpusLine[];
  readonly heldOutCount: number;
  readonly crossValidation: Figures;
  readonly heldOut: Figures;
  readonly heldOutCalibrationError: number;
  /** The held-out figures of each part of the corpus (files named alike but for the language). */
  readonly heldOutByPart?: readonly { readonly part: string; readonly figures: Figures }[];
  readonly files: readonly string[];
  readonly classes: readonly string[];
}

const pct = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : `${(value * 100).toFixed(1)}%`;

const ABBREVIATIONS: Readonly<Record<string, string>> = {
  greeting: 'gre',
  show_options: 'opt',
  choose_option: 'cho',
  confirm: 'yes',
  decline: 'no',
  promise_to_pay: 'ptp',
  payment_arrangement: 'arr',
  hardship: 'hrd',
  explain_balance: 'bal',
  already_paid: 'pd',
  dispute: 'dsp',
  fraud: 'frd',
  request_person: 'per',
  stop_contact: 'stp',
  contact_preferences: 'cpf',
  discount_request: 'dis',
  legal_representation: 'law',
  bankruptcy: 'bkr',
  deceased: 'dec',
  vulnerability: 'vul',
  complaint: 'cmp',
  unknown: 'unk',
};

function confusionTable(figures: Figures, classes: readonly string[]): string[] {
  const head = `| expected ↓ read → | ${classes.map((c) => ABBREVIATIONS[c] ?? c).join(' | ')} |`;
  const rule = `|---|${classes.map(() => '---:').join('|')}|`;
  const rows = classes.map((expected) => {
    const row = figures.confusion[expected] ?? {};
    return `| ${expected} (${ABBREVIATIONS[expected]}) | ${classes
      .map((read) => {
        const n = row[read] ?? 0;
        return n === 0 ? '' : read === expected ? `**${n}**` : String(n);
      })
      .join(' | ')} |`;
  });
  return [head, rule, ...rows];
}

export function renderModelCard(input: ModelCardInput): string {
  const { artifact, settings, crossValidation: cv, heldOut } = input;
  const byLanguage = (language: string) => input.corpus.filter((line) => line.language === language).length;
  const counts = input.classes.map((intent) => {
    const en = input.corpus.filter((l) => l.expected.intent === intent && l.language === 'en').length;
    const zh = input.corpus.filter((l) => l.expected.intent === intent && l.language === 'zh-CN').length;
    return `| ${intent} | ${en} | ${zh} |`;
  });
  const perIntent = input.classes.map((intent) => {
    const k = cv.intents.find((row) => row.intent === intent)!;
    const h = heldOut.intents.find((row) => row.intent === intent)!;
    return `| ${intent} | ${k.support} | ${pct(k.recall)} | ${pct(k.precision)} | ${h.support} | ${pct(h.recall)} | ${pct(h.precision)} |`;
  });
  const protectedIntents = [
    'dispute',
    'fraud',
    'stop_contact',
    'legal_representation',
    'bankruptcy',
    'deceased',
    'vulnerability',
  ] as const;
  const recallOf = (figures: Figures, intent: string) => {
    const row = figures.intents.find((r) => r.intent === intent);
    return row && row.support > 0 ? `${pct(row.recall)} (${row.support})` : '–';
  };
  const parts = (input.heldOutByPart ?? []).map(
    ({ part, figures: f }) =>
      `| ${part} | ${f.messages} | ${pct(f.accuracy)} | ${pct(f.accuracyByLanguage.en?.accuracy)} | ${pct(f.accuracyByLanguage['zh-CN']?.accuracy)} | ${pct(f.slots.exactness)} (${f.slots.exact}/${f.slots.stated}) | ${f.slots.spurious} | ${f.injection.flagged}/${f.injection.attempts}, ${f.injection.falseFlags} false | ${protectedIntents.map((i) => recallOf(f, i)).join(' | ')} |`,
  );
  const slots = Object.entries(cv.slots.bySlot).map(([name, slot]) => {
    const h = heldOut.slots.bySlot[name]!;
    return `| ${name} | ${slot.exact}/${slot.stated} | ${slot.spurious} | ${h.exact}/${h.stated} | ${h.spurious} |`;
  });
  return `${[
    "# Model card: the portal assistant's intent classifier",
    '',
    '_Written by `npm run train-assistant`; do not edit by hand._',
    '',
    `- **Version:** \`${artifact.version}\` (a digest of the weights; \`models/assistant-intents.json\`, ${(input.artifactBytes / 1024).toFixed(1)} KB)`,
    '- **Task:** read one customer message in the repayment portal chat (English or Simplified Chinese) into the one taxonomy of asks (`lambdas/domain/chat/taxonomy.ts`), with a calibrated confidence and a runner-up, so the dialogue asks once when unsure. Slots (amounts, dates, budget, refused channels…) and the manipulation flag are read by rules, not by this model.',
    '- **Not for:** deciding anything on its own. The reading picks a handler; every figure and action is checked by deterministic services, and asks with legal weight are confirmed or handed to a person.',
    '',
    '## Data',
    `${input.corpus.length} labelled messages (${byLanguage('en')} English, ${byLanguage('zh-CN')} Chinese) in ${input.files.map((f) => `\`${f}\``).join(', ')}, written the way people in arrears write (CORPUS-SPEC section A). ${input.heldOutCount} of them (every id whose CRC-32 is divisible by 7) are **held out**: never looked at while the rules, concepts and settings were tuned; their figures below come from a model trained on the other lines only.`,
    '',
    '| intent | en | zh-CN |',
    '|---|---:|---:|',
    ...counts,
    '',
    '## Method',
    '- **Normalisation** (evasion-proof): NFKC, zero-width and bidi characters removed, Cyrillic/Greek look-alikes folded, lower case, traditional → simplified Chinese.',
    '- **Features**, hashed to 32 bits (FNV-1a): English word uni- and bigrams, character trigrams inside words (typos keep most of them), Chinese character uni- and bigrams (character 4-grams and Chinese trigrams were tried: they lowered k-fold accuracy and doubled the features), the first word and very short messages whole, ~45 hand-written **concepts** in both languages (death in the family, a lawyer, already paid, a refused channel, self-harm…) each also as a *negated* feature ("i\'m not going bankrupt"), which slots the message states (amount, date, monthly figure, budget, option, term, contact restriction), and length/shape.',
    `- **Model:** multinomial logistic regression, AdaGrad SGD, ${settings.epochs} epochs, learning rate ${settings.learningRate}, L2 ${settings.l2}, features seen ≥ ${settings.minCount} times, seeded shuffle (seed ${settings.seed}); legally weighty intents weighted ×${settings.protectedWeight}. One model for both languages. L1 (${settings.l1}, proximal) zeroes most weights: ${artifact.features} features and ${artifact.entries} non-zero weights are kept, quantised to int8 (one scale), stored sparse and deflated.`,
    `- **Calibration:** softmax temperature ${artifact.temperature}, fitted on the out-of-fold predictions (negative log-likelihood). Expected calibration error on the held-out part: ${input.heldOutCalibrationError}.`,
    "- **Protected rules:** high-precision patterns for self-harm, deceased, fraud, bankruptcy, legal representation, stop contact and dispute (negation-aware). When one fires and the model is under 0.6 sure, or the rule's intent has more legal weight than the model's pick, the rule wins and the model's pick becomes the runner-up. Self-harm always reads as vulnerability.",
    `- **Manipulation:** rules (spoofed system and staff messages, "ignore your rules", role-play, claimed approvals, requests for other customers' data or the prompt, in both languages, also read with spacing squeezed out) or a second, binary logistic regression over the same features (${artifact.manipulation?.features ?? 0} features, L1 ${settings.manipulationL1}, attempts weighted ×3) whose probability reaches ${artifact.manipulation?.threshold ?? '–'}, the lowest threshold at which rules and model together falsely flag at most 0.6% of the out-of-fold clean messages.`,
    '- **Runner-up:** the second intent when it has ≥ 15% probability (≥ 7.5% for a protected intent).',
    '',
    '## Figures',
    `| | k-fold (${settings.folds}, tuning part) | held out |`,
    '|---|---:|---:|',
    `| messages | ${cv.messages} | ${heldOut.messages} |`,
    `| intents right | ${pct(cv.accuracy)} | ${pct(heldOut.accuracy)} |`,
    `| English | ${pct(cv.accuracyByLanguage.en?.accuracy)} | ${pct(heldOut.accuracyByLanguage.en?.accuracy)} |`,
    `| Chinese | ${pct(cv.accuracyByLanguage['zh-CN']?.accuracy)} | ${pct(heldOut.accuracyByLanguage['zh-CN']?.accuracy)} |`,
    `| stated slots exact | ${pct(cv.slots.exactness)} (${cv.slots.exact}/${cv.slots.stated}) | ${pct(heldOut.slots.exactness)} (${heldOut.slots.exact}/${heldOut.slots.stated}) |`,
    `| slots read but not stated | ${cv.slots.spurious} | ${heldOut.slots.spurious} |`,
    `| manipulation flagged | ${cv.injection.flagged}/${cv.injection.attempts} | ${heldOut.injection.flagged}/${heldOut.injection.attempts} |`,
    `| false flags | ${cv.injection.falseFlags} in ${cv.injection.clean} | ${heldOut.injection.falseFlags} in ${heldOut.injection.clean} |`,
    '',
    ...(parts.length > 0
      ? [
          '### Held out, by corpus part',
          `| part | messages | intents | en | zh-CN | stated slots exact | not stated | manipulation | ${protectedIntents.join(' | ')} |`,
          `|---|---:|---:|---:|---:|---:|---:|---:|${protectedIntents.map(() => '---:').join('|')}|`,
          ...parts,
          '',
        ]
      : []),
    '### Per intent',
    '| intent | k-fold n | recall | precision | held-out n | recall | precision |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...perIntent,
    '',
    '### Slots',
    '| slot | k-fold exact | spurious | held-out exact | spurious |',
    '|---|---:|---:|---:|---:|',
    ...slots,
    '',
    '### Confusion matrix (k-fold, out of fold)',
    'Most confused: ' +
      topConfusions(cv, 8)
        .map(({ expected, read, count }) => `${expected} → ${read} (${count})`)
        .join(', ') +
      '.',
    '',
    ...confusionTable(cv, input.classes),
    '',
    '## Limitations',
    '- The corpus is written for this product, by writers who knew the label definitions; real traffic will phrase things we did not think of. The held-out figures are the honest ones; the lead evaluates on an independent set.',
    '- Slots are rules: a date or amount phrased in a way the rules do not know is missed (the dialogue then asks), never guessed.',
    "- The slot rules were last revised (issue 13, second round) while reading the slot misses of every line of `messages-2-*` — held-out lines included — and the lines of `messages-*` whose reading changed: the held-out **slot** figure of `messages-2` is therefore not an independent one (the intent figures are: the model never trains on held-out lines). The lead's independent sets are the measure.",
    '- Messages are read up to 2,000 characters.',
    '- Other languages than English and Chinese are read through character n-grams only, and mostly land in `unknown`.',
  ].join('\n')}\n`;
}
