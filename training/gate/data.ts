/**
 * Training data of the abuse classifier: the public corpora in `../shared/data/abusive-language/` (read from
 * there, never copied) and the project's own labelled collection corpus and functional suites.
 */
import { readFileSync } from 'node:fs';

export type Source = 'cold' | 'davidson' | 'corpus' | 'functional';

export interface Example {
  readonly source: Source;
  readonly text: string;
  /** 1 abusive (insult, profanity, slur, demeaning or threatening language), 0 not. */
  readonly label: 0 | 1;
  readonly language: 'en' | 'zh';
  /** Stable key for folds. */
  readonly key: string;
  /** A collection message that breaks another rule (a threat of suit): not abusive language, but not clean. */
  readonly otherViolation?: boolean;
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/u, '');
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((cell) => cell !== ''));
}

function columns(rows: string[][], file: string, names: readonly string[]): number[] {
  const header = rows[0] ?? [];
  return names.map((name) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`${file}: missing column "${name}"`);
    return index;
  });
}

/** COLD (Deng et al. 2022): `label` 1 offensive, 0 safe. */
export function readCold(file: string): Example[] {
  const rows = parseCsv(readFileSync(file, 'utf8'));
  const [labelAt, textAt] = columns(rows, file, ['label', 'TEXT']);
  return rows.slice(1).map((cells, index) => ({
    source: 'cold',
    text: cells[textAt!] ?? '',
    label: cells[labelAt!] === '1' ? 1 : 0,
    language: 'zh',
    key: `cold-${index}`,
  }));
}

/** Davidson et al. 2017: class 0 hate, 1 offensive, 2 neither. A collection message may carry neither. */
export function readDavidson(file: string): Example[] {
  const rows = parseCsv(readFileSync(file, 'utf8'));
  const [classAt, tweetAt] = columns(rows, file, ['class', 'tweet']);
  return rows.slice(1).map((cells, index) => ({
    source: 'davidson',
    text: cleanTweet(cells[tweetAt!] ?? ''),
    label: cells[classAt!] === '2' ? 0 : 1,
    language: 'en',
    key: `davidson-${index}`,
  }));
}

/** Retweet markers, handles, links and HTML entities are noise, not language. */
function cleanTweet(tweet: string): string {
  return tweet
    .replace(/&amp;/gu, '&')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&#\d+;/gu, ' ')
    .replace(/\bRT\b/gu, ' ')
    .replace(/@\w+:?/gu, ' ')
    .replace(/https?:\/\/\S+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

const ABUSE_CATEGORIES = new Set(['insult', 'profanity', 'discrimination', 'threat_violence']);

/**
 * A labelled gate corpus (CORPUS-SPEC B): clean lines are negatives; violating lines of the abuse categories
 * are positives; violating lines of other categories (a threat of suit, a call to the employer) are negatives
 * for abusive language in their sentences without a lexicon word (see `unitsOf`), and are not scored.
 */
export function readGateCorpus(file: string, source: 'corpus' | 'functional'): Example[] {
  const examples: Example[] = [];
  for (const [index, line] of readFileSync(file, 'utf8').split(/\r?\n/u).entries()) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as {
      id?: string;
      text: string;
      expected: boolean;
      category?: string;
      language: string;
    };
    const abusive = !row.expected && (source === 'functional' || ABUSE_CATEGORIES.has(row.category ?? ''));
    examples.push({
      source,
      text: row.text,
      label: abusive ? 1 : 0,
      language: row.language === 'en' ? 'en' : 'zh',
      key: `${source}-${row.id ?? index}`,
      ...(!row.expected && !abusive ? { otherViolation: true } : {}),
    });
  }
  return examples;
}
