/**
 * The disclosures and opt-outs code appends to every message (`compliance/disclosures.ts`, and the agency
 * wording collection corpora carry): they say nothing about the message and only dilute its words. A writer
 * who leaves off the last full stop glues them to their own last sentence ("…keep u posted This is a
 * communication from a debt collector"), so they are cut out where they stand.
 */
import { allMatches } from '../../text/matches';

const BOILERPLATE =
  /this is (?:a communication from )?a debt collector[^.;]*[.;]?|(?:this is an attempt to collect a debt and )?any information (?:obtained|we obtain) will be used for that purpose\.?|(?:reply|text) stop to opt out\.?|to (?:stop|opt out of) these e-?mails,? reply stop\.?|本信息来自债务催收方[^。]*。?|如不希望再收到此类邮件[，,]?请回复td退订。?|(?:回复?|请回复)\s*(?:td|t|n)\s*退订|退订\s*(?:请)?回复?\s*(?:td|t|n)(?![a-z])/gu;

export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** The appended disclosures and opt-outs of `text` (the reading text), in order. */
export function boilerplateSpans(text: string): TextSpan[] {
  return allMatches(BOILERPLATE, text).map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
}
