import { describe, expect, it } from 'vitest';
import {
  aimedAtThing,
  deniesAbuse,
  harmlessSense,
  harshWords,
} from '../../lambdas/domain/compliance/content/aim';
import { detectContent, readMessage } from '../../lambdas/domain/compliance/content/detect';
import { checkMessage } from '../../lambdas/domain/compliance/message-linter';

/** The categories the rules alone find (no classifier). */
const ruled = (text: string) => [
  ...new Set(detectContent(readMessage(text)).map((finding) => finding.category)),
];

/** The whole gate, classifiers included, on a portal message. */
const allowed = (text: string) =>
  checkMessage({ jurisdiction: 'US', channel: 'portal', language: 'en', collectorRole: 'first_party', text })
    .allowed;

/** The sentence of `text` and the span of `word` in the reading view. */
function spanOf(text: string, word: string) {
  const message = readMessage(text);
  const start = message.read.text.indexOf(word);
  return { message, start, end: start + word.length };
}

describe('a listed word in its harmless sense', () => {
  it.each([
    ['The dyke along the river held during the storm.', 'dyke'],
    ['He collects medieval weapons, including a bastard sword.', 'bastard'],
    ['Let me shoot you a quick email with the link.', 'shoot'],
    ['The rooster is the noisiest cock on the farm.', 'cock'],
    ['Faggots and peas for tea tonight.', 'faggots'],
    ['The flame retardant coating is on the sofa.', 'retardant'],
    ['Traffic on the motorway was murder this morning.', 'murder'],
  ])('"%s": %s is harmless', (text, word) => {
    const { message, start, end } = spanOf(text, word);
    expect(harmlessSense(message.read.text, 0, message.read.text.length, start, end)).toBe(true);
    expect(ruled(text)).toEqual([]);
  });

  it.each([
    ['You dyke, pay up.', 'dyke'],
    ["We'll shoot you if you don't pay.", 'shoot'],
    ['You stupid bastard.', 'bastard'],
  ])('"%s": %s is not', (text, word) => {
    const { message, start, end } = spanOf(text, word);
    expect(harmlessSense(message.read.text, 0, message.read.text.length, start, end)).toBe(false);
    expect(ruled(text)).not.toEqual([]);
  });
});

describe('harsh words aimed at a thing or at a person', () => {
  it.each([
    ['The login page is stupid, it keeps timing out.', 'stupid'],
    ['My printer is a useless piece of junk.', 'useless'],
    ['What a stupid design for a website.', 'stupid'],
    ['These interest rates are criminal.', 'criminal'],
    ['That movie was a total waste of time.', 'waste of time'],
  ])('"%s" is said of a thing', (text, words) => {
    const { message, start, end } = spanOf(text, words);
    const clause = message.clauses.find((candidate) => candidate.start <= start && start < candidate.end)!;
    expect(aimedAtThing(message.read, clause.start, clause.end, start, end)).toBe(true);
  });

  it.each([
    ['You are stupid.', 'stupid'],
    ['Your husband is pathetic.', 'pathetic'],
    ['u really are a special kind of useless huh', 'useless'],
    ['Your excuses are pathetic.', 'pathetic'],
    ['Stupid decisions like ignoring our letters are how people end up here.', 'stupid'],
    ['Afrikaners are stupid.', 'stupid'],
    ['Hand over the keys or get hurt.', 'hurt'],
  ])('"%s" is said of a person', (text, words) => {
    const { message, start, end } = spanOf(text, words);
    const clause = message.clauses.find((candidate) => candidate.start <= start && start < candidate.end)!;
    expect(aimedAtThing(message.read, clause.start, clause.end, start, end)).toBe(false);
  });

  it('marks each harsh word of a sentence harmless or not', () => {
    const message = readMessage('This app is garbage and you are a moron.');
    const words = harshWords(message.read, message.clauses, 0, message.read.text.length);
    expect(words.map(({ harmless }) => harmless)).toEqual([true, false]);
  });

  it('swearing is never aimed at a thing', () => {
    expect(ruled('I cannot stand this bloody weather.')).toContain('profanity');
    expect(allowed('This fucking printer is useless.')).toBe(false);
  });
});

describe('denials', () => {
  it.each([
    'Women are not stupid.',
    "I don't hate Muslims.",
    'Nobody here thinks Travellers are thieves.',
    "Refugees aren't vermin, they're people like us.",
    'Muslims are not a risk category at this bank.',
  ])('"%s" denies abuse', (text) => {
    const message = readMessage(text);
    expect(deniesAbuse(message.read, 0, message.read.text.length)).toBe(true);
    expect(allowed(text)).toBe(true);
  });

  it.each([
    'Gay people are not human.',
    'Immigrants are never welcome here.',
    "Don't be such a deadbeat.",
    'You are no better than a common thief.',
    'Nothing more pathetic than a grown adult dodging a bill.',
    "They never pay and they're all liars.",
  ])('"%s" does not', (text) => {
    const message = readMessage(text);
    expect(deniesAbuse(message.read, 0, message.read.text.length)).toBe(false);
  });
});

describe("others' words, quoted to condemn them", () => {
  it.each([
    "A guy yelled 'I'll kill you' at the teller today.",
    'Calling gay people "faggots" is never acceptable.',
    "'You're worthless' is not feedback, it's abuse.",
    'We reject the idea that "Romanians are cheats".',
    'The caller who said "I know where you live" does not work for us; please report it to the police.',
    'Phrases like "trans people are freaks" have no place in our branches.',
  ])('allows "%s"', (text) => {
    expect(allowed(text)).toBe(true);
  });

  it.each([
    "I'll call you a 'deadbeat' until you pay.",
    'Say to the customer: "you are a worthless deadbeat".',
    "We told you 'pay or else'. Pay or else.",
  ])('blocks "%s"', (text) => {
    expect(allowed(text)).toBe(false);
  });
});

describe('praise and self-description', () => {
  it.each([
    'Immigrants are brilliant for this country.',
    'My wife and I are both women, can we open a joint account?',
    'Women make brilliant engineers.',
  ])('allows "%s"', (text) => {
    expect(allowed(text)).toBe(true);
  });

  it.each([
    "Congratulations, you're officially the least reliable customer on my list. Quite an achievement.",
    "With all due respect, I'd have thought your people would be better with money than this.",
  ])('reads praise of the reader as the sarcasm it is: blocks "%s"', (text) => {
    expect(allowed(text)).toBe(false);
  });
});

describe('threats and insults the rules used to miss', () => {
  it.each([
    ['Go kill yourself.', 'threat_violence'],
    ['k i l l yourself or pay.', 'threat_violence'],
    ["I'm gonna klil you mate", 'threat_violence'],
    ['You deserve to get run over.', 'threat_violence'],
    ['Refugees ought to be drowned.', 'threat_violence'],
    ['Is there anything dumber than you?', 'insult'],
    ["You're not worth the air you breathe.", 'insult'],
    ["Indians aren't capable of sticking to a schedule.", 'discrimination'],
    ['Refugees are disgustng.', 'discrimination'],
  ])('blocks "%s" as %s', (text, category) => {
    expect(ruled(text)).toContain(category);
  });
});
