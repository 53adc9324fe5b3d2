import { readArtifact } from '../../../../models/artifacts';

/**
 * Word lists the patterns name as `<insult>`, `<identity>`…: insults, profanity, slurs, identity terms and the
 * demeaning attributes that turn a mention of a group into an attack. English entries are words (the
 * evasion folder maps "l0ser", "st*pid", "s t u p i d", "stpuid" onto them); Chinese entries include the
 * usual homophone and pinyin spellings (傻逼/煞笔/sb, 他妈的/TMD).
 *
 * The lists are `gate-lexicon.json` beside this file, words separated by `|`: read on first use, not bundled
 * (cold start, issue #14). Bump the version with them.
 */
export const LEXICON_VERSION = '2026.12.1';

export interface Lexicon {
  /** The word classes by name. */
  readonly classes: Readonly<Record<string, readonly string[]>>;
  /** Words of the collection categories that evasion also hides ("att0rney", "p0lice", "j@il"). */
  readonly domainWords: readonly string[];
  /** Function words that may be glued to a listed word ("hatewomen", "youidiot"). */
  readonly glueWords: ReadonlySet<string>;
}

interface LexiconTable {
  readonly classes: Readonly<Record<string, string>>;
  readonly domainWords: string;
  readonly glueWords: string;
}

const words = (text: string) =>
  text
    .trim()
    .split(/\s*\|\s*/u)
    .filter(Boolean);

let lexicon: Lexicon | undefined;

/** The gate's lexicon, read once per process on first use. */
export function gateLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const table = readArtifact(import.meta.dirname, 'gate-lexicon.json') as LexiconTable;
  lexicon = {
    classes: Object.fromEntries(Object.entries(table.classes).map(([name, list]) => [name, words(list)])),
    domainWords: words(table.domainWords),
    glueWords: new Set(words(table.glueWords)),
  };
  return lexicon;
}
