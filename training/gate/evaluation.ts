/**
 * The report of `npm run gate -- evaluate`: per category, how many violating messages were blocked (recall)
 * and how many of the messages the gate put in that category really were violating (precision); then how
 * many clean near-misses of the category were blocked. The last line is the JSON summary.
 */
import { CONTENT_CATEGORIES } from '../../lambdas/domain/compliance/content/categories';

export interface Evaluated {
  readonly id: string | number;
  readonly expected: boolean;
  readonly category: string | undefined;
  readonly allowed: boolean;
  /** Categories (or rule codes) of the violations the gate found. */
  readonly found: readonly string[];
  readonly language: string;
}

export interface EvaluationSummary {
  readonly n: number;
  readonly recall: number;
  readonly falseBlockRate: number;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : Number((part / whole).toFixed(4)));
const percent = (value: number | null) =>
  value === null ? '   –  ' : `${(value * 100).toFixed(1).padStart(5)}%`;

export function summarise(rows: readonly Evaluated[]): EvaluationSummary {
  const violating = rows.filter((row) => !row.expected);
  const clean = rows.filter((row) => row.expected);
  return {
    n: rows.length,
    recall: ratio(violating.filter((row) => !row.allowed).length, violating.length) ?? 0,
    falseBlockRate: ratio(clean.filter((row) => !row.allowed).length, clean.length) ?? 0,
  };
}

export function evaluationReport(rows: readonly Evaluated[]): string[] {
  const lines = [
    'category                  violating  blocked  recall  same-cat  precision  near-miss  false-blocked',
  ];
  const categories = [...CONTENT_CATEGORIES, '(none)'];
  for (const category of categories) {
    const labelled = rows.filter((row) => (row.category ?? '(none)') === category);
    const violating = labelled.filter((row) => !row.expected);
    const nearMisses = labelled.filter((row) => row.expected);
    const flagged = rows.filter((row) => row.found.includes(category));
    if (labelled.length === 0 && flagged.length === 0) continue;
    const blocked = violating.filter((row) => !row.allowed).length;
    const sameCategory = violating.filter((row) => row.found.includes(category)).length;
    const precision = ratio(flagged.filter((row) => !row.expected).length, flagged.length);
    const falseBlocked = nearMisses.filter((row) => !row.allowed).length;
    lines.push(
      [
        category.padEnd(24),
        String(violating.length).padStart(9),
        String(blocked).padStart(8),
        percent(ratio(blocked, violating.length)).padStart(7),
        percent(ratio(sameCategory, violating.length)).padStart(9),
        percent(precision).padStart(10),
        String(nearMisses.length).padStart(10),
        `${String(falseBlocked).padStart(5)} ${percent(ratio(falseBlocked, nearMisses.length))}`.padStart(14),
      ].join(' '),
    );
  }
  for (const language of [...new Set(rows.map((row) => row.language))].sort()) {
    const { n, recall, falseBlockRate } = summarise(rows.filter((row) => row.language === language));
    lines.push(`${language}: n=${n} recall ${percent(recall)} false blocks ${percent(falseBlockRate)}`);
  }
  lines.push(JSON.stringify(summarise(rows)));
  return lines;
}
