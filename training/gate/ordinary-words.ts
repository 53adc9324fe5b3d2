import words from 'an-array-of-english-words/index.json' with { type: 'json' };
import { foldEvasion, withoutOrdinaryGuard } from '../../lambdas/domain/compliance/understanding/evasion';
import { readText } from '../../lambdas/domain/compliance/understanding/normalise';

/** English words the evasion fold reads as something else, with what it reads (guard on, or off for the list). */
export function ordinaryWordsFolded({
  guarded,
}: {
  guarded: boolean;
}): Array<{ word: string; read: string }> {
  const run = () =>
    (words as string[]).flatMap((word) => {
      const read = foldEvasion(readText(word)).text;
      return read === word ? [] : [{ word, read }];
    });
  return guarded ? run() : withoutOrdinaryGuard(run);
}
