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
export const LEXICON_VERSION = '2026.12.7';

export interface Lexicon {
  /** The word classes by name. */
  readonly classes: Readonly<Record<string, readonly string[]>>;
  /** Words of the collection categories that evasion also hides ("att0rney", "p0lice", "j@il"). */
  readonly domainWords: readonly string[];
  /** Function words that may be glued to a listed word ("hatewomen", "youidiot"). */
  readonly glueWords: ReadonlySet<string>;
  /**
   * Listed words with a harmless sense, each with the words around it that show that sense: a dyke holding
   * back a river, a cock crowing on a farm, a bastard sword, "shoot you a quick email".
   */
  readonly senses: ReadonlyArray<{ readonly word: RegExp; readonly cue: RegExp }>;
}

interface LexiconTable {
  readonly classes: Readonly<Record<string, string>>;
  readonly domainWords: string;
  readonly glueWords: string;
  /** Word pattern → pattern of the words that show its harmless sense. */
  readonly senses: Readonly<Record<string, string>>;
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
    senses: Object.entries(table.senses).map(([word, cue]) => ({
      word: new RegExp(`(?<![\\p{L}\\p{N}_])(?:${word})(?![\\p{L}\\p{N}_])`, 'u'),
      cue: new RegExp(cue, 'u'),
    })),
  };
  return lexicon;
}
