/**
 * "May I call now?" for an agent about to dial: the customer's local time, the contact policy's verdict on a
 * call at this moment (the same `checkContact` the call log records), and the next moment a call would be
 * allowed. The next moment is searched by the policy itself (`nextAllowedContact`), so the answer can never
 * disagree with the gate; a hold (cease, dispute, hardship plan, refused channel) has no next moment: it
 * lasts until someone changes the account.
 */
import type { Account } from '../accounts/account';
import { type ContactReason, checkContact, nextAllowedContact, TIMING_REASONS } from '../compliance';
import { wallClockIn } from '../compliance/local-time';
import { notFound } from '../errors';
import type { ContactLog } from '../outreach/outreach';
import { contactFlagsOf, historyStart } from '../outreach/outreach-plan';
import type { AccountRepository, Clock } from '../ports';

/** How far ahead the next allowed moment is looked for: past the US 7-day windows. */
export const CALL_WINDOW_SEARCH_DAYS = 8;
const MS_PER_DAY = 86_400_000;

export interface LocalTime {
  /** The instant, ISO UTC. */
  readonly at: string;
  /** The customer's wall clock: `YYYY-MM-DD` and `HH:MM`. */
  readonly date: string;
  readonly time: string;
}

export interface CallWindow {
  readonly accountId: string;
  readonly timezone: string;
  readonly jurisdiction: Account['jurisdiction'];
  /** Now, on the customer's clock (null for a time zone the runtime does not know). */
  readonly local: LocalTime | null;
  readonly allowed: boolean;
  /** Every reason the policy gives against calling now; none when allowed. */
  readonly reasons: readonly ContactReason[];
  /** Reasons that pass with time (hours, call caps) versus holds that do not. */
  readonly hold: boolean;
  /** The first moment (on quarter hours) a call would be allowed, within the search; null when none. */
  readonly next: LocalTime | null;
  /** Hours the customer asked for, narrower than the law's (on their clock), when they gave any. */
  readonly customerHours: { readonly from?: string; readonly to?: string } | null;
}

const hhmm = (minuteOfDay: number) =>
  `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;

function localTime(timezone: string, at: string): LocalTime | null {
  const clock = wallClockIn(timezone, Date.parse(at));
  return clock ? { at, date: clock.date, time: hhmm(clock.minuteOfDay) } : null;
}

export async function callWindow(
  deps: { accounts: AccountRepository; contactLog: ContactLog; clock: Clock },
  accountId: string,
): Promise<CallWindow> {
  const account = await deps.accounts.get(accountId);
  if (!account) throw notFound('ACCOUNT_NOT_FOUND', `No account ${accountId}.`);
  const now = deps.clock.now();
  const at = now.toISOString();
  const history = await deps.contactLog.since(accountId, historyStart(now));
  const request = {
    jurisdiction: account.jurisdiction,
    timezone: account.customer.timezone,
    channel: 'call' as const,
    at,
    history: history.map(({ at, channel, kind }) => ({ at, channel, kind })),
    flags: contactFlagsOf(account),
  };
  const verdict = checkContact(request);
  const hold = verdict.reasons.some((reason) => !TIMING_REASONS.has(reason));
  const nextAt = verdict.allowed
    ? at
    : hold
      ? undefined
      : nextAllowedContact(request, now.getTime() + CALL_WINDOW_SEARCH_DAYS * MS_PER_DAY);
  const hours = account.customer.contactPreferences.contactHours;
  return {
    accountId,
    timezone: account.customer.timezone,
    jurisdiction: account.jurisdiction,
    local: localTime(account.customer.timezone, at),
    allowed: verdict.allowed,
    reasons: verdict.reasons,
    hold,
    next: nextAt ? localTime(account.customer.timezone, nextAt) : null,
    customerHours: hours?.from || hours?.to ? { ...hours } : null,
  };
}
