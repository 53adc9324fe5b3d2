/**
 * Amazon EventBridge event-pattern matching for the local event bus.
 *
 * EventBridge evaluates patterns with aws/event-ruler, so this follows that engine rather than a loose
 * reading of the docs:
 * - a pattern compiles to branches, one per `$or` alternative; a branch maps a field path (keys joined
 *   with ".", which is how event-ruler names fields on both sides) to alternatives, any of which may match;
 * - an event matches when one branch has every path satisfied by a leaf value (string, number, boolean or
 *   null) of the event, all taken from the same element of any array they share;
 * - validation rejects what event-ruler's compiler rejects, with its wording.
 */

type JsonScalar = string | number | boolean | null;
type JsonObject = { [key: string]: unknown };

export class InvalidEventPatternError extends Error {
  readonly code = 'INVALID_EVENT_PATTERN';

  constructor(readonly reason: string) {
    super(`Event pattern is not valid. Reason: ${reason}`);
    this.name = 'InvalidEventPatternError';
  }
}

export interface CompiledEventPattern {
  /** Whether the event (a parsed JSON object; anything else never matches) satisfies the pattern. */
  matches(event: unknown): boolean;
}

/**
 * Validates `pattern` (an object, or its JSON text) as EventBridge would and compiles it.
 * Throws InvalidEventPatternError for any pattern EventBridge rejects.
 */
export function compileEventPattern(pattern: unknown): CompiledEventPattern {
  const { branches, wildcardsByPath } = compileWithOrFallback(patternRoot(pattern));
  assertWildcardComplexity(wildcardsByPath);
  const requirements = branches.map(toRequirements);
  const paths = pathsOf(branches);
  return {
    matches(event) {
      if (!isJsonObject(event)) return false;
      const leaves = collectLeaves(event, paths);
      return requirements.some((branch) => satisfiesBranch(branch, leaves));
    },
  };
}

export function matchesEventPattern(pattern: unknown, event: unknown): boolean {
  return compileEventPattern(pattern).matches(event);
}

function invalid(reason: string): InvalidEventPatternError {
  return new InvalidEventPatternError(reason);
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isJsonNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isJsonScalar(value: unknown): value is JsonScalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function requireString(value: unknown, reason: string): asserts value is string {
  if (typeof value !== 'string') throw invalid(reason);
}

function patternRoot(pattern: unknown): JsonObject {
  const parsed = typeof pattern === 'string' ? parsePatternText(pattern) : pattern;
  if (!isJsonObject(parsed)) throw invalid('Filter is not an object');
  return parsed;
}

function parsePatternText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalid('Filter is not valid JSON');
  }
}

// ---------------------------------------------------------------------------------------------------
// Compilation: pattern object -> branches of field conditions
// ---------------------------------------------------------------------------------------------------

/** Tests one leaf value of the event. */
type ValueTest = (value: JsonScalar) => boolean;
/** `{"exists": false}`: satisfied when the field has no leaf value at all. */
const FIELD_ABSENT = 'field-absent';
type Condition = ValueTest | typeof FIELD_ABSENT;
/** One `$or`-free alternative of a pattern: field path -> conditions, any of which may hold. */
type Branch = Map<string, readonly Condition[]>;

interface CompileContext {
  /** False on event-ruler's retry with its pre-`$or` compiler, which reads `$or` as a plain key. */
  readonly orIsOperator: boolean;
  readonly insideOr: boolean;
  /** Wildcard operands per field path, for the complexity limit checked after compiling. */
  readonly wildcardsByPath: Map<string, Set<string>>;
}

interface CompiledBranches {
  readonly branches: Branch[];
  readonly wildcardsByPath: Map<string, Set<string>>;
}

const MAX_BRANCHES = 1000;

/** Names event-ruler reserves inside `$or`, so that new operators cannot change what old patterns mean. */
const RESERVED_INSIDE_OR = new Set(
  [
    'exactly equals-ignore-case prefix suffix anything-but exists wildcard numeric cidr = < <= > >=',
    'regex not-wildcard not-equals-ignore-case ip-address-in-range ip-address-not-in-range',
    'date-after date-on-or-after date-before date-on-or-before in-date-range',
  ]
    .join(' ')
    .split(' '),
);

/** EventBridge retries a pattern its `$or`-aware compiler refuses with the legacy compiler. */
function compileWithOrFallback(root: JsonObject): CompiledBranches {
  try {
    return compileBranches(root, true);
  } catch (orAwareError) {
    if (!(orAwareError instanceof InvalidEventPatternError)) throw orAwareError;
    try {
      return compileBranches(root, false);
    } catch {
      // The `$or`-aware reason is the one that explains what the author meant to write.
      throw orAwareError;
    }
  }
}

function compileBranches(root: JsonObject, orIsOperator: boolean): CompiledBranches {
  const context: CompileContext = { orIsOperator, insideOr: false, wildcardsByPath: new Map() };
  const branches: Branch[] = [];
  compileObject(root, '', branches, context);
  return { branches, wildcardsByPath: context.wildcardsByPath };
}

function compileObject(object: JsonObject, parentPath: string, branches: Branch[], context: CompileContext) {
  const keys = Object.keys(object);
  if (keys.length === 0) throw invalid('Empty objects are not allowed');
  for (const key of keys) {
    const value = object[key];
    if (key === '$or' && context.orIsOperator) {
      compileOr(value, parentPath, branches, context);
      continue;
    }
    if (context.insideOr && RESERVED_INSIDE_OR.has(key)) {
      throw invalid(`${key} is Ruler reserved fieldName which cannot be used inside $or.`);
    }
    const path = parentPath === '' ? key : `${parentPath}.${key}`;
    if (isJsonObject(value)) compileObject(value, path, branches, context);
    else if (Array.isArray(value)) writeLeaf(branches, path, compileValueList(value, path, context));
    else throw invalid(`"${key}" must be an object or an array`);
  }
}

/** Each `$or` member forks every branch built so far; keys after the `$or` then apply to all forks. */
function compileOr(members: unknown, parentPath: string, branches: Branch[], context: CompileContext) {
  if (!Array.isArray(members)) throw invalid('It must be an Array followed with $or.');
  const before = branches.splice(0);
  for (const member of members) {
    if (!isJsonObject(member)) throw invalid('Only JSON object is allowed in array of $or relationship.');
    const forks = before.length > 0 ? before.map((branch) => new Map(branch)) : [new Map()];
    compileObject(member, parentPath, forks, { ...context, insideOr: true });
    branches.push(...forks);
    if (branches.length > MAX_BRANCHES) {
      throw invalid(`Event pattern contains more than ${MAX_BRANCHES} rule combinations`);
    }
  }
  if (members.length < 2) throw invalid('There must have at least 2 Objects in $or relationship.');
}

/** A path written twice (inside and outside a `$or`) keeps the last conditions, as in event-ruler. */
function writeLeaf(branches: Branch[], path: string, conditions: readonly Condition[]) {
  if (branches.length === 0) branches.push(new Map());
  for (const branch of branches) branch.set(path, conditions);
}

function compileValueList(values: unknown[], path: string, context: CompileContext): Condition[] {
  if (values.length === 0) throw invalid('Empty arrays are not allowed');
  return values.map((value) => compileMatchValue(value, path, context));
}

function compileMatchValue(value: unknown, path: string, context: CompileContext): Condition {
  if (isJsonObject(value)) return compileMatchExpression(value, path, context);
  if (typeof value === 'string') return equalsString(value);
  // Numbers compare by value, so 300 matches 300.0 and 3.0e2.
  if (isJsonNumber(value) || typeof value === 'boolean' || value === null) return (leaf) => leaf === value;
  throw invalid('Match value must be String, number, true, false, or null');
}

/** A string that is an IP address matches the same address however the event spells it. */
function equalsString(expected: string): ValueTest {
  const address = parseIpAddress(expected);
  if (address === undefined) return (leaf) => leaf === expected;
  return (leaf) => typeof leaf === 'string' && sameBytes(parseIpAddress(leaf), address);
}

type OperandCompiler = (operand: unknown, path: string, context: CompileContext) => Condition;

const MATCH_OPERATORS = new Map<string, OperandCompiler>([
  ['exactly', compileExactly],
  ['prefix', (operand) => compileAffix('prefix', operand)],
  ['suffix', (operand) => compileAffix('suffix', operand)],
  ['equals-ignore-case', compileEqualsIgnoreCase],
  ['anything-but', compileAnythingBut],
  ['numeric', compileNumeric],
  ['exists', compileExists],
  ['cidr', compileCidr],
  ['wildcard', compileWildcard],
]);

/** `{operator: operand}`: event-ruler reads the first key's operand before noticing any second key. */
function compileMatchExpression(expression: JsonObject, path: string, context: CompileContext): Condition {
  const [operator, ...extraKeys] = Object.keys(expression);
  if (operator === undefined) throw invalid('Match expression name not found');
  const compileOperand = MATCH_OPERATORS.get(operator);
  if (compileOperand === undefined) throw invalid(`Unrecognized match type ${operator}`);
  const condition = compileOperand(expression[operator], path, context);
  if (extraKeys.length > 0) {
    const usesRangeParser = operator === 'numeric' || operator === 'anything-but';
    throw invalid(
      usesRangeParser
        ? 'Too many elements in numeric expression'
        : 'Only one key allowed in match expression',
    );
  }
  return condition;
}

function compileExactly(operand: unknown): ValueTest {
  requireString(operand, 'exact match pattern must be a string');
  return (leaf) => leaf === operand;
}

function compileAffix(operator: 'prefix' | 'suffix', operand: unknown): ValueTest {
  const hasAffix = operator === 'prefix' ? startsWith : endsWith;
  if (isJsonObject(operand)) {
    const affix = ignoreCaseAffix(operator, operand).toLowerCase();
    return (leaf) => typeof leaf === 'string' && hasAffix(leaf.toLowerCase(), affix);
  }
  requireString(operand, `${operator} match pattern must be a string`);
  return (leaf) => typeof leaf === 'string' && hasAffix(leaf, operand);
}

/** `{"prefix": {"equals-ignore-case": "..."}}` and its suffix twin. */
function ignoreCaseAffix(operator: 'prefix' | 'suffix', operand: JsonObject): string {
  const [inner, ...extraKeys] = Object.keys(operand);
  const label = operator === 'prefix' ? 'Prefix' : 'Suffix';
  if (inner === undefined) throw invalid(`${label} expression name not found`);
  if (inner !== 'equals-ignore-case') throw invalid(`Unsupported ${operator} pattern: ${inner}`);
  const affix = operand[inner];
  requireString(affix, 'equals-ignore-case match pattern must be a string');
  if (extraKeys.length > 0) throw invalid('Only one key allowed in match expression');
  return affix;
}

function startsWith(text: string, affix: string): boolean {
  return text.startsWith(affix);
}

function endsWith(text: string, affix: string): boolean {
  return text.endsWith(affix);
}

function compileEqualsIgnoreCase(operand: unknown): ValueTest {
  requireString(operand, 'equals-ignore-case match pattern must be a string');
  const expected = operand.toLowerCase();
  return (leaf) => typeof leaf === 'string' && leaf.toLowerCase() === expected;
}

function compileExists(operand: unknown): Condition {
  if (typeof operand !== 'boolean') throw invalid('exists match pattern must be either true or false.');
  return operand ? () => true : FIELD_ABSENT;
}

function compileCidr(operand: unknown): ValueTest {
  // event-ruler's wording for a non-string CIDR really does say "prefix".
  requireString(operand, 'prefix match pattern must be a string');
  const range = parseCidr(operand);
  return (leaf) => typeof leaf === 'string' && isInRange(parseIpAddress(leaf), range);
}

/** Only these count toward the complexity limit: event-ruler's evaluator ignores anything-but wildcards. */
function compileWildcard(operand: unknown, path: string, context: CompileContext): ValueTest {
  requireString(operand, 'wildcard match pattern must be a string');
  const glob = parseWildcard(operand);
  const operands = context.wildcardsByPath.get(path) ?? new Set();
  context.wildcardsByPath.set(path, operands.add(operand));
  return (leaf) => typeof leaf === 'string' && matchesGlob(leaf, glob);
}

// --- anything-but -----------------------------------------------------------------------------------

/** Anything-but needs a leaf to exist; null, booleans and values of the other type all qualify. */
function compileAnythingBut(operand: unknown): ValueTest {
  if (isJsonObject(operand)) return compileNestedAnythingBut(operand);
  if (Array.isArray(operand)) return excluding(anythingButList(operand));
  if (typeof operand === 'string' || isJsonNumber(operand)) return excluding([operand]);
  throw invalid('Value of anything-but must be an array or single string/number value.');
}

function anythingButList(values: unknown[]): (string | number)[] {
  const literals = values.map((value) => {
    if (typeof value === 'string' || isJsonNumber(value)) return value;
    throw invalid('Inside anything but list, start|null|boolean is not supported.');
  });
  const numbers = literals.filter(isJsonNumber).length;
  if (literals.length === 0 || (numbers > 0 && numbers < literals.length)) {
    throw invalid(
      'Inside anything but list, either all values are number or string, mixed type is not supported',
    );
  }
  return literals;
}

function excluding(excluded: readonly (string | number)[]): ValueTest {
  return (leaf) => !excluded.some((value) => value === leaf);
}

interface NestedAnythingBut {
  /** Validates one operand, throwing with event-ruler's wording for this form. */
  validate(operand: unknown): string;
  /** Whether a string leaf is one of the excluded ones. */
  matcher(operands: readonly string[]): (leaf: string) => boolean;
}

const AFFIX_OPERAND: NestedAnythingBut['validate'] = (operand) => {
  requireString(operand, 'prefix/suffix match pattern must be a string');
  if (operand === '') throw invalid('Null prefix/suffix not allowed');
  return operand;
};

const NESTED_ANYTHING_BUT = new Map<string, NestedAnythingBut>([
  [
    'prefix',
    { validate: AFFIX_OPERAND, matcher: (prefixes) => (leaf) => prefixes.some((p) => leaf.startsWith(p)) },
  ],
  [
    'suffix',
    { validate: AFFIX_OPERAND, matcher: (suffixes) => (leaf) => suffixes.some((s) => leaf.endsWith(s)) },
  ],
  [
    'equals-ignore-case',
    {
      validate: (operand) => {
        requireString(
          operand,
          'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.',
        );
        return operand;
      },
      matcher: (values) => {
        const lowered = new Set(values.map((value) => value.toLowerCase()));
        return (leaf) => lowered.has(leaf.toLowerCase());
      },
    },
  ],
  [
    'wildcard',
    {
      validate: (operand) => {
        requireString(operand, 'wildcard match pattern must be a string');
        parseWildcard(operand);
        return operand;
      },
      matcher: (operands) => {
        const globs = operands.map(parseWildcard);
        return (leaf) => globs.some((glob) => matchesGlob(leaf, glob));
      },
    },
  ],
]);

/** `{"anything-but": {"prefix" | "suffix" | "equals-ignore-case" | "wildcard": value or list}}`. */
function compileNestedAnythingBut(operand: JsonObject): ValueTest {
  const [inner, ...extraKeys] = Object.keys(operand);
  if (inner === undefined) throw invalid('Anything-But expression name not found');
  const form = NESTED_ANYTHING_BUT.get(inner);
  if (form === undefined) throw invalid(`Unsupported anything-but pattern: ${inner}`);
  const value = operand[inner];
  if (!(Array.isArray(value) || typeof value === 'string' || isJsonNumber(value))) {
    throw invalid('Value of anything-but must be an array or single string/number value.');
  }
  const operands = (Array.isArray(value) ? value : [value]).map(form.validate);
  if (extraKeys.length > 0) throw invalid('Too many elements in numeric expression');
  const isExcluded = form.matcher(operands);
  return (leaf) => typeof leaf !== 'string' || !isExcluded(leaf);
}

// --- numeric ----------------------------------------------------------------------------------------

type Comparison = readonly [compare: (value: number, threshold: number) => boolean, threshold: number];

const NUMERIC_OPERATORS = new Map<string, Comparison[0]>([
  ['=', (value, threshold) => value === threshold],
  ['<', (value, threshold) => value < threshold],
  ['<=', (value, threshold) => value <= threshold],
  ['>', (value, threshold) => value > threshold],
  ['>=', (value, threshold) => value >= threshold],
]);

/** Only JSON numbers match: the string "300" never satisfies a numeric condition. */
function compileNumeric(operand: unknown): ValueTest {
  if (!Array.isArray(operand)) throw invalid('Value of numeric must be an array.');
  const comparisons = parseNumericComparisons(operand);
  return (leaf) =>
    isJsonNumber(leaf) && comparisons.every(([compare, threshold]) => compare(leaf, threshold));
}

/** One comparison, or a range: a lower bound (> or >=) followed by an upper bound (< or <=). */
function parseNumericComparisons(terms: unknown[]): Comparison[] {
  const [operator, threshold, upperOperator, upperThreshold] = terms;
  if (typeof operator !== 'string') throw invalid(`Invalid member in numeric match: ${tokenText(operator)}`);
  const compare = NUMERIC_OPERATORS.get(operator);
  if (compare === undefined) throw invalid(`Unrecognized numeric range operator: ${operator}`);
  const bottom = numericThreshold(operator, threshold);
  if (terms.length === 2) return [[compare, bottom]];
  if (operator !== '>' && operator !== '>=') throw invalid('Too many elements in numeric expression');
  if (typeof upperOperator !== 'string')
    throw invalid(`Bad value in numeric range: ${tokenText(upperOperator)}`);
  const compareTop =
    upperOperator === '<' || upperOperator === '<=' ? NUMERIC_OPERATORS.get(upperOperator) : undefined;
  if (compareTop === undefined) throw invalid(`Bad numeric range operator: ${upperOperator}`);
  const top = numericThreshold(upperOperator, upperThreshold);
  if (terms.length > 4) throw invalid('Too many terms in numeric range expression');
  if (bottom >= top) throw invalid('Bottom must be less than top');
  return [
    [compare, bottom],
    [compareTop, top],
  ];
}

function numericThreshold(operator: string, value: unknown): number {
  if (isJsonNumber(value)) return value;
  throw invalid(`Value of ${operator === '=' ? 'equals' : operator} must be numeric`);
}

/** How event-ruler's streaming parser names an unexpected token; `undefined` is the end of the array. */
function tokenText(value: unknown): string {
  if (value === undefined) return ']';
  if (Array.isArray(value)) return '[';
  if (isJsonObject(value)) return '{';
  return String(value);
}

// ---------------------------------------------------------------------------------------------------
// Wildcards: `*` matches any run of characters (including none); `\*` and `\\` are the only escapes.
// ---------------------------------------------------------------------------------------------------

/** The literal text between wildcards: "a*b*c" -> ["a", "b", "c"]. */
type Glob = readonly string[];

function parseWildcard(operand: string): Glob {
  const literals: string[] = [];
  let literal = '';
  for (let index = 0; index < operand.length; index++) {
    const char = operand.charAt(index);
    const next = operand.charAt(index + 1);
    if (char === '*') {
      if (next === '*') {
        throw invalid(`Consecutive wildcard characters at pos ${quotedBytePosition(operand, index)}`);
      }
      literals.push(literal);
      literal = '';
    } else if (char === '\\') {
      if (next !== '*' && next !== '\\') {
        throw invalid(`Invalid escape character at pos ${quotedBytePosition(operand, index)}`);
      }
      literal += next;
      index++;
    } else {
      literal += char;
    }
  }
  return [...literals, literal];
}

/** event-ruler reports wildcard faults as a UTF-8 byte offset into the quoted operand. */
function quotedBytePosition(operand: string, index: number): number {
  return new TextEncoder().encode(`"${operand.slice(0, index)}`).length;
}

/** Leftmost-first placement of each literal is enough for globs whose only wildcard is `*`. */
function matchesGlob(text: string, glob: Glob): boolean {
  const first = glob[0] ?? '';
  if (glob.length === 1) return text === first;
  const last = glob[glob.length - 1] ?? '';
  const end = text.length - last.length;
  if (end < first.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let position = first.length;
  for (const literal of glob.slice(1, -1)) {
    const found = text.indexOf(literal, position);
    if (found === -1 || found + literal.length > end) return false;
    position = found + literal.length;
  }
  return true;
}

/**
 * EventBridge refuses a rule whose wildcards could leave its byte machine in more than this many
 * states at once ("Rule is too complex"): every wildcard multiplies the positions a value can
 * reach, as do repeated character sequences after one.
 */
const WILDCARD_COMPLEXITY_LIMIT = 10;
/** Bounds the search on pathological patterns; real ones settle within a few dozen state sets. */
const MAX_EXPLORED_STATE_SETS = 10_000;
const ANY_BYTE = -1;
const UNLISTED_BYTE = 256;
const QUOTE_BYTE = 0x22;

function assertWildcardComplexity(wildcardsByPath: Map<string, Set<string>>) {
  for (const operands of wildcardsByPath.values()) {
    if (wildcardComplexity([...operands]) > WILDCARD_COMPLEXITY_LIMIT) {
      throw invalid(
        'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character',
      );
    }
  }
}

/** Wildcard operands as event-ruler's byte machine holds them: quoted UTF-8, with ANY_BYTE for `*`. */
function wildcardTokens(operand: string): number[] {
  const encoder = new TextEncoder();
  const literals = parseWildcard(operand).map((literal) => [...encoder.encode(literal)]);
  return [
    QUOTE_BYTE,
    ...literals.flatMap((bytes, index) => (index === 0 ? bytes : [ANY_BYTE, ...bytes])),
    QUOTE_BYTE,
  ];
}

/**
 * The most states (weighted as event-ruler's MachineComplexityEvaluator weighs them) that one field's
 * wildcard automaton can occupy after reading some value, found by exploring the reachable state sets.
 * A state is (operand, position in its tokens); a position just after `*` loops on any byte.
 */
function wildcardComplexity(operands: string[]): number {
  const machines = operands.map(wildcardTokens);
  const stride = Math.max(...machines.map((tokens) => tokens.length)) + 1;
  const alphabet = [...new Set(machines.flat().filter((token) => token !== ANY_BYTE)), UNLISTED_BYTE];
  const seen = new Set<string>();
  const pending = [machines.map((_, machine) => machine * stride)];
  let worst = 0;
  while (pending.length > 0 && seen.size < MAX_EXPLORED_STATE_SETS) {
    const states = pending.pop()!;
    for (const byte of alphabet) {
      const next = nextStates(machines, stride, states, byte);
      if (next.length === 0) continue;
      worst = Math.max(worst, stateSetWeight(machines, stride, next));
      if (worst > WILDCARD_COMPLEXITY_LIMIT) return worst;
      const key = next.join(',');
      if (!seen.has(key)) {
        seen.add(key);
        pending.push(next);
      }
    }
  }
  return worst;
}

function nextStates(machines: number[][], stride: number, states: number[], byte: number): number[] {
  const next = new Set<number>();
  for (const state of states) {
    const machine = Math.floor(state / stride);
    for (const position of nextPositions(machines[machine]!, state % stride, byte)) {
      next.add(machine * stride + position);
    }
  }
  return [...next].sort((a, b) => a - b);
}

function nextPositions(tokens: number[], position: number, byte: number): number[] {
  const next: number[] = [];
  if (tokens[position - 1] === ANY_BYTE) next.push(position);
  if (tokens[position] === ANY_BYTE) {
    next.push(position + 1);
    // The wildcard may also match nothing and let this byte match the literal after it.
    if (tokens[position + 1] === byte) next.push(position + 2);
  } else if (tokens[position] === byte) {
    next.push(position + 1);
  }
  return next;
}

/** Each occupied state counts once, plus the wildcard state it could enter next if not already there. */
function stateSetWeight(machines: number[][], stride: number, states: number[]): number {
  const occupied = new Set(states);
  return states.reduce((weight, state) => {
    const tokens = machines[Math.floor(state / stride)]!;
    const beforeWildcard = tokens[state % stride] === ANY_BYTE && !occupied.has(state + 1);
    return weight + (beforeWildcard ? 2 : 1);
  }, 0);
}

// ---------------------------------------------------------------------------------------------------
// IP addresses and CIDR blocks, read as event-ruler reads them
// ---------------------------------------------------------------------------------------------------

const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;
const IPV6_GROUP = /^[0-9a-fA-F]{1,4}$/;
const MASK_BITS = /^[+-]?[0-9]+$/;

interface AddressRange {
  readonly lowest: readonly number[];
  readonly highest: readonly number[];
}

/** The 4 or 16 address bytes, or undefined when `text` is not an IPv4/IPv6 literal. */
function parseIpAddress(text: string): number[] | undefined {
  if (IPV4_SHAPE.test(text)) return parseIpv4(text);
  if (IPV6_SHAPE.test(text)) return parseIpv6(text);
  return undefined;
}

/** Octets are decimal even with leading zeros: 010.0.0.1 is 10.0.0.1. */
function parseIpv4(text: string): number[] | undefined {
  const octets = text.split('.').map((octet) => Number.parseInt(octet, 10));
  return octets.every((octet) => octet <= 255) ? octets : undefined;
}

function parseIpv6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const [head, tail] = halves.map((half) => (half === '' ? [] : half.split(':')));
  const explicit = [...(head ?? []), ...(tail ?? [])];
  const elided = 8 - explicit.length;
  const compressed = halves.length === 2;
  if (!explicit.every((group) => IPV6_GROUP.test(group)) || (compressed ? elided < 1 : elided !== 0)) {
    return undefined;
  }
  const groups = [...(head ?? []), ...Array<string>(compressed ? elided : 0).fill('0'), ...(tail ?? [])];
  return groups.flatMap((group) => {
    const value = Number.parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

function parseCidr(text: string): AddressRange {
  const [address, mask, ...extra] = splitDroppingTrailingEmpties(text, '/');
  if (address === undefined || mask === undefined || extra.length > 0) {
    throw invalid("Malformed CIDR, one '/' required");
  }
  const maskBits = Number(mask);
  if (!MASK_BITS.test(mask) || maskBits < -(2 ** 31) || maskBits >= 2 ** 31) {
    throw invalid('Malformed CIDR, mask bits must be an integer');
  }
  if (maskBits < 0) throw invalid('Malformed CIDR, mask bits must not be negative');
  if (!IPV4_SHAPE.test(address) && !IPV6_SHAPE.test(address)) {
    throw invalid(`Nonstandard IP address: ${address}`);
  }
  const bytes = parseIpAddress(address);
  if (bytes === undefined) throw invalid(`Invalid IP address: ${address}`);
  // event-ruler's limits: a single-address block is written as the plain address instead.
  if (bytes.length === 4 && maskBits > 31) throw invalid('IPv4 mask bits must be < 32');
  if (bytes.length === 16 && maskBits > 127) throw invalid('IPv6 mask bits must be < 128');
  return addressRange(bytes, maskBits);
}

/** Java's String.split, which EventBridge uses here, drops trailing empty pieces: "10.0.0.0/8/" is fine. */
function splitDroppingTrailingEmpties(text: string, separator: string): string[] {
  const pieces = text.split(separator);
  while (pieces.length > 0 && pieces[pieces.length - 1] === '') pieces.pop();
  return pieces;
}

/** Host bits set in the operand are ignored: 10.0.0.5/24 is the 10.0.0.0/24 block. */
function addressRange(bytes: number[], maskBits: number): AddressRange {
  const hostMask = bytes.map((_, index) => {
    const networkBits = Math.min(8, Math.max(0, maskBits - index * 8));
    return 0xff >> networkBits;
  });
  return {
    lowest: bytes.map((byte, index) => byte & ~hostMask[index]! & 0xff),
    highest: bytes.map((byte, index) => byte | hostMask[index]!),
  };
}

function isInRange(address: number[] | undefined, range: AddressRange): boolean {
  if (address === undefined || address.length !== range.lowest.length) return false;
  return compareBytes(address, range.lowest) >= 0 && compareBytes(address, range.highest) <= 0;
}

function compareBytes(left: readonly number[], right: readonly number[]): number {
  const differing = left.findIndex((byte, index) => byte !== right[index]);
  return differing === -1 ? 0 : left[differing]! - right[differing]!;
}

function sameBytes(left: readonly number[] | undefined, right: readonly number[]): boolean {
  return left !== undefined && left.length === right.length && compareBytes(left, right) === 0;
}

// ---------------------------------------------------------------------------------------------------
// Matching: event leaves -> branch requirements
// ---------------------------------------------------------------------------------------------------

/** Which element of each enclosing array (keyed by array id) a leaf sits in. */
type ArrayPosition = ReadonlyMap<number, number>;

interface EventLeaf {
  readonly value: JsonScalar;
  readonly position: ArrayPosition;
}

interface FieldRequirement {
  readonly path: string;
  readonly valueTests: readonly ValueTest[];
  readonly allowsAbsence: boolean;
}

interface PatternPaths {
  readonly fields: ReadonlySet<string>;
  /** Every path worth descending into: the fields and each of their dotted prefixes. */
  readonly prefixes: ReadonlySet<string>;
}

/** event-ruler walks a branch's fields in sorted order, which decides what `exists: false` can see. */
function toRequirements(branch: Branch): FieldRequirement[] {
  return [...branch]
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
    .map(([path, conditions]) => ({
      path,
      valueTests: conditions.filter((condition) => condition !== FIELD_ABSENT),
      allowsAbsence: conditions.includes(FIELD_ABSENT),
    }));
}

function pathsOf(branches: Branch[]): PatternPaths {
  const fields = new Set(branches.flatMap((branch) => [...branch.keys()]));
  const prefixes = new Set<string>();
  for (const field of fields) {
    for (let dot = field.indexOf('.'); dot !== -1; dot = field.indexOf('.', dot + 1)) {
      prefixes.add(field.slice(0, dot));
    }
    prefixes.add(field);
  }
  return { fields, prefixes };
}

/** Leaves by dotted path. Empty arrays and objects contribute nothing, so they never "exist". */
function collectLeaves(event: JsonObject, paths: PatternPaths): Map<string, EventLeaf[]> {
  const leaves = new Map<string, EventLeaf[]>();
  let nextArrayId = 0;
  const visit = (node: unknown, path: string, position: ArrayPosition): void => {
    if (Array.isArray(node)) {
      const arrayId = nextArrayId++;
      for (const [index, element] of node.entries()) {
        visit(element, path, new Map(position).set(arrayId, index));
      }
    } else if (isJsonObject(node)) {
      for (const [key, child] of Object.entries(node)) {
        const childPath = path === '' ? key : `${path}.${key}`;
        if (paths.prefixes.has(childPath)) visit(child, childPath, position);
      }
    } else if (isJsonScalar(node) && paths.fields.has(path)) {
      const atPath = leaves.get(path) ?? [];
      leaves.set(path, atPath);
      atPath.push({ value: node, position });
    }
  };
  visit(event, '', new Map());
  return leaves;
}

/** Backtracks over the candidate leaves so that every chosen leaf comes from the same array elements. */
function satisfiesBranch(
  requirements: readonly FieldRequirement[],
  leaves: Map<string, EventLeaf[]>,
): boolean {
  const satisfiedFrom = (index: number, position: ArrayPosition): boolean => {
    const requirement = requirements[index];
    if (requirement === undefined) return true;
    const candidates = (leaves.get(requirement.path) ?? []).filter((leaf) =>
      consistent(position, leaf.position),
    );
    if (requirement.allowsAbsence && candidates.length === 0) return satisfiedFrom(index + 1, position);
    return candidates.some(
      (leaf) =>
        requirement.valueTests.some((test) => test(leaf.value)) &&
        satisfiedFrom(index + 1, new Map([...position, ...leaf.position])),
    );
  };
  return satisfiedFrom(0, new Map());
}

function consistent(chosen: ArrayPosition, candidate: ArrayPosition): boolean {
  for (const [arrayId, index] of candidate) {
    const chosenIndex = chosen.get(arrayId);
    if (chosenIndex !== undefined && chosenIndex !== index) return false;
  }
  return true;
}
