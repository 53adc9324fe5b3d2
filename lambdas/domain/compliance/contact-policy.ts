import { policyPackFor } from './catalogue';
import { isKnownTimeZone, parseInstant, type WallClock, wallClockIn } from './local-time';
import type { ContactPolicy, DailyCallLimits, RollingWindowCallLimits } from './policy-pack';
import type { CollectorRole, ContactEvent, ContactReason, ContactRequest, ContactVerdict } from './types';

const MS_PER_HOUR = 3_600_000;
const SEARCH_STEP_MS = 15 * 60_000;

/** Reasons that pass with time (hours, caps); every other reason holds until someone changes the account. */
export const TIMING_REASONS: ReadonlySet<ContactReason> = new Set<ContactReason>([
  'OUTSIDE_CONTACT_HOURS',
  'CALL_CAP_7_IN_7_DAYS',
  'CALL_WITHIN_7_DAYS_OF_CONVERSATION',
  'CN_UNANSWERED_DIAL_CAP',
  'CN_EFFECTIVE_CALL_CAP',
]);

/**
 * May we contact the customer now? Every reason that applies is returned; contact is allowed only with none.
 * Fails closed: an unknown jurisdiction or time zone, or an unreadable timestamp, blocks.
 */
export function checkContact(request: ContactRequest): ContactVerdict {
  const pack = policyPackFor(request.jurisdiction);
  const knownZone = isKnownTimeZone(request.timezone);
  const reasons: ContactReason[] = [];
  if (!pack) reasons.push('UNKNOWN_JURISDICTION');
  if (!knownZone) reasons.push('UNKNOWN_TIMEZONE');
  if (pack) {
    reasons.push(...holdReasons(pack.contact, request));
    if (knownZone) reasons.push(...timingReasons(pack.contact, request));
  }
  return { allowed: reasons.length === 0, reasons };
}

function holdReasons(policy: ContactPolicy, { channel, flags }: ContactRequest): ContactReason[] {
  const holds: Array<[boolean, ContactReason]> = [
    [flags.cease === true, policy.cease.code],
    [flags.dispute === true, policy.dispute.code],
    [flags.hardshipPlan === true, policy.hardshipPlan.code],
    [flags.refusedChannels?.includes(channel) === true, policy.refusedChannel.code],
    // Consent must be recorded: a missing flag is no consent.
    [channel === 'sms' && flags.smsConsent !== true, policy.smsConsent.code],
  ];
  return holds.filter(([applies]) => applies).map(([, reason]) => reason);
}

/** A past telephone call, placed at or before the contact being checked, on the customer's wall clock. */
interface PlacedCall {
  readonly kind: ContactEvent['kind'];
  readonly clock: WallClock;
}

function timingReasons(policy: ContactPolicy, request: ContactRequest): ContactReason[] {
  const atMs = parseInstant(request.at);
  const eventMs = request.history.map((event) => parseInstant(event.at));
  if (atMs === undefined || eventMs.includes(undefined)) return ['INVALID_TIMESTAMP'];
  const toClock = (ms: number) => wallClockIn(request.timezone, ms)!;
  const at = toClock(atMs);

  const reasons: ContactReason[] = [];
  if (!withinHours(policy.hours, at)) reasons.push(policy.hours.code);
  if (request.channel !== 'call') return reasons;

  // Any event on the phone channel was a call placed (a voicemail too); events after `at` have not happened yet.
  const calls: PlacedCall[] = request.history.flatMap((event, index) => {
    const ms = eventMs[index]!;
    return event.channel === 'call' && ms <= atMs ? [{ kind: event.kind, clock: toClock(ms) }] : [];
  });
  const limits = policy.callLimits;
  return [
    ...reasons,
    ...(limits.kind === 'rolling-window'
      ? rollingWindowReasons(limits, at, calls, request.collectorRole ?? 'third_party')
      : dailyCapReasons(limits, at, calls)),
  ];
}

function withinHours(hours: ContactPolicy['hours'], at: WallClock): boolean {
  return at.minuteOfDay >= hours.opensAtMinute && at.minuteOfDay < hours.closesAtMinute;
}

/**
 * Windows are measured on the customer's wall clock, so "7 days" is 7 × 24 hours of local time even across a
 * DST switch: a conversation at 15:00 on day 1 blocks calls until 15:00 on day 8.
 */
function rollingWindowReasons(
  limits: RollingWindowCallLimits,
  at: WallClock,
  calls: readonly PlacedCall[],
  role: CollectorRole,
): ContactReason[] {
  const binds = (rule: { readonly roles?: readonly CollectorRole[] }) =>
    !rule.roles || rule.roles.includes(role);
  const hoursBefore = (call: PlacedCall) => (at.wallMs - call.clock.wallMs) / MS_PER_HOUR;
  const { callCap, quietAfterConversation } = limits;
  const callsInWindow = calls.filter((call) => hoursBefore(call) < callCap.windowHours);
  const recentConversation = calls.some(
    (call) => call.kind === 'conversation' && hoursBefore(call) < quietAfterConversation.quietHours,
  );
  const reasons: ContactReason[] = [];
  if (binds(callCap) && callsInWindow.length >= callCap.max) reasons.push(callCap.code);
  if (binds(quietAfterConversation) && recentConversation) reasons.push(quietAfterConversation.code);
  return reasons;
}

/** The next dial may go unanswered or be answered, so it is blocked once either daily cap is reached. */
function dailyCapReasons(
  limits: DailyCallLimits,
  at: WallClock,
  calls: readonly PlacedCall[],
): ContactReason[] {
  const today = calls.filter((call) => call.clock.date === at.date);
  const count = (kind: ContactEvent['kind']) => today.filter((call) => call.kind === kind).length;
  const reasons: ContactReason[] = [];
  if (count('call_attempt') >= limits.unansweredDials.max) reasons.push(limits.unansweredDials.code);
  if (count('conversation') >= limits.effectiveCalls.max) reasons.push(limits.effectiveCalls.code);
  return reasons;
}

/**
 * The first instant, from `request.at` on in 15-minute steps and before `untilMs`, at which the contact would
 * be allowed; undefined when a hold blocks it or no such instant exists. Asks `checkContact` itself, so the
 * answer can never disagree with the gate.
 */
export function nextAllowedContact(request: ContactRequest, untilMs: number): string | undefined {
  const fromMs = parseInstant(request.at);
  if (fromMs === undefined) return undefined;
  // After the first look, on quarter hours: contact windows open on them in every zone, whatever its offset.
  for (let ms = fromMs; ms < untilMs; ms = (Math.floor(ms / SEARCH_STEP_MS) + 1) * SEARCH_STEP_MS) {
    const at = new Date(ms).toISOString();
    const verdict = checkContact({ ...request, at });
    if (verdict.allowed) return at;
    if (verdict.reasons.some((reason) => !TIMING_REASONS.has(reason))) return undefined;
  }
  return undefined;
}
