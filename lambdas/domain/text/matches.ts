/**
 * Every match of the global `pattern` in `text`, as `text.matchAll(pattern)` finds them, by `exec` on the
 * pattern itself. `matchAll` runs on a copy of the pattern; V8 finds a copy's compiled code through a cache
 * that each full garbage collection empties, and then parses the copy again and runs it in its interpreter.
 * For the gate's large patterns, run on every message, that made a long-running process several times slower.
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
