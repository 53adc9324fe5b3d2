/**
 * Every match of the global `pattern` in `text`, as `text.matchAll(pattern)` finds them, by `exec` on the
 * pattern itself. `matchAll` runs on a copy of the pattern made on every call; V8 shares compiled code between
 * copies only through a cache that garbage collection clears, so in a long-running process a copy of one of
 * the gate's large patterns may be parsed and compiled again, and run interpreted at first. The pattern's own
 * code stays compiled.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push(match);
    // As `matchAll` does after an empty match: step over one code point.
    if (match[0] === '')
      pattern.lastIndex += pattern.unicode && (text.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1;
  }
  pattern.lastIndex = 0;
  return found;
}
