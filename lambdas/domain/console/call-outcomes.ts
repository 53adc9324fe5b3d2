/**
 * An agent logs the outcome of a call. The call is written to the contact log, where the call caps of the
 * contact policy count it (US: 7 calls in 7 days, none in the 7 days after a conversation; CN: daily dial and
 * effective-call caps): a call that reached the customer is a `conversation`, any other a `call_attempt`.
 *
 * The call has already happened, so it is always logged; the response (and the `CallLogged` event) say
 * whether the contact policy allowed it at that moment (`allowedByPolicy`, with the reasons), so a
 * supervisor can see calls placed against the caps or a hold. A promise taken on the call is announced as
 * `PromiseToPayRecorded`, in the shape customer decisions (`patchFor`) apply to the account.
 *
 * The console names each call it logs (`clientCallId`), so a retried request logs nothing twice: it answers
 * with the call as first logged and announces it again (consumers apply an announcement once).
 */

import { domainEvent } from '../../../contracts/events';
import * as z from '../../../contracts/schema';
import type { Account } from '../accounts/account';
import { type ContactEventKind, type ContactReason, checkContact } from '../compliance';
import { conflict, DomainError, notFound } from '../errors';
import { addDays } from '../offers/business-days';
import type { ContactLog, ContactLogEntry } from '../outreach/outreach';
import { contactFlagsOf, historyStart } from '../outreach/outreach-plan';
import type { AccountRepository, Clock, DomainEvent, EventPublisher } from '../ports';

export const CALL_OUTCOMES = [
  'right_party',
  'promise_to_pay',
  'refused',
  'wrong_number',
  'no_answer',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Outcomes where the agent spoke with the customer: a conversation for the caps. */
const RIGHT_PARTY: ReadonlySet<CallOutcome> = new Set(['right_party', 'promise_to_pay', 'refused']);

/** A promise taken on a call may fall due from today up to this many days ahead (as in the portal). */
export const CALL_PROMISE_WINDOW_DAYS = 30;
export const MAX_NOTE_LENGTH = 500;

/** The request body, as the handler validates it: a promise comes with, and only with, `promise_to_pay`. */
export const callOutcomeBody = z
  .strictObject({
    outcome: z.enum(CALL_OUTCOMES),
    promise: z.optional(
      z.strictObject({
        amountMinor: z.number().check(z.int(), z.positive(), z.lte(Number.MAX_SAFE_INTEGER)),
        dueDate: z.iso.date(),
      }),
    ),
    note: z.optional(z.string().check(z.trim(), z.maxLength(MAX_NOTE_LENGTH))),
    /** The caller's name for this call, reused when it retries: the call is logged once. */
    clientCallId: z.optional(
      z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, "-" or "_"')),
    ),
  })
  .check(
    z.superRefine((body, context) => {
      if (body.outcome === 'promise_to_pay' && !body.promise) {
        context.addIssue({ code: 'custom', path: ['promise'], message: 'is required for promise_to_pay' });
      }
      if (body.outcome !== 'promise_to_pay' && body.promise) {
        context.addIssue({ code: 'custom', path: ['promise'], message: 'is only for promise_to_pay' });
      }
    }),
  );
export type CallOutcomeBody = z.infer<typeof callOutcomeBody>;

export const callKindOf = (outcome: CallOutcome): ContactEventKind =>
  RIGHT_PARTY.has(outcome) ? 'conversation' : 'call_attempt';

/**
 * Problems with a promise against the account, on `today` (`YYYY-MM-DD`): the amount at most the balance,
 * the date from today to today + 30 days. Empty when it is fine.
 */
export function promiseProblems(
  promise: { amountMinor: number; dueDate: string },
  account: Pick<Account, 'balanceMinor' | 'currency'>,
  today: string,
): string[] {
  const problems: string[] = [];
  if (promise.amountMinor > account.balanceMinor) {
    problems.push(
      `amountMinor ${promise.amountMinor} is more than the balance of ${account.balanceMinor} ${account.currency} minor units`,
    );
  }
  const latest = addDays(today, CALL_PROMISE_WINDOW_DAYS);
  if (promise.dueDate < today || promise.dueDate > latest) {
    problems.push(`dueDate ${promise.dueDate} must be from ${today} to ${latest}`);
  }
  return problems;
}

/** The call as the contact log keeps it: the cap fields plus who called, what came of it and the verdict. */
export interface CallLogEntry extends ContactLogEntry {
  readonly channel: 'call';
  readonly callId: string;
  readonly agentId: string;
  readonly outcome: CallOutcome;
  readonly note?: string;
  readonly allowedByPolicy: boolean;
  readonly policyReasons: readonly ContactReason[];
}

export interface CallLogged {
  readonly callId: string;
  readonly accountId: string;
  readonly at: string;
  readonly agentId: string;
  readonly outcome: CallOutcome;
  readonly kind: ContactEventKind;
  readonly note: string | null;
  /** Whether the contact policy allowed a call at that moment; the call is logged either way. */
  readonly allowedByPolicy: boolean;
  readonly policyReasons: readonly ContactReason[];
  readonly promise: { readonly amountMinor: number; readonly dueDate: string } | null;
  /** The events published, in order. */
  readonly events: readonly string[];
}

export interface CallOutcomeDeps {
  readonly accounts: AccountRepository;
  readonly contactLog: ContactLog;
  readonly events: EventPublisher;
  readonly clock: Clock;
}

export async function logCallOutcome(
  deps: CallOutcomeDeps,
  input: { accountId: string; agentId: string; callId: string; body: CallOutcomeBody },
): Promise<CallLogged> {
  const { accountId, agentId, callId, body } = input;
  const account = await deps.accounts.get(accountId);
  if (!account) throw notFound('ACCOUNT_NOT_FOUND', `No account ${accountId}.`);
  const now = deps.clock.now();
  const at = now.toISOString();
  if (body.promise) {
    const problems = promiseProblems(body.promise, account, at.slice(0, 10));
    if (problems.length > 0)
      throw new DomainError('invalid', 'INVALID_PROMISE', `promise: ${problems.join('; ')}`);
  }

  // The gate's view of this call, as if asked before dialling: the log does not hold it yet.
  const history = await deps.contactLog.since(accountId, historyStart(now));
  const verdict = checkContact({
    jurisdiction: account.jurisdiction,
    timezone: account.customer.timezone,
    channel: 'call',
    at,
    history: history.map(({ at, channel, kind }) => ({ at, channel, kind })),
    flags: contactFlagsOf(account),
  });
  const kind = callKindOf(body.outcome);
  const note = body.note ? body.note : undefined;
  const entry: CallLogEntry = {
    accountId,
    at,
    channel: 'call',
    kind,
    ref: `call#${callId}`,
    callId,
    agentId,
    outcome: body.outcome,
    ...(note ? { note } : {}),
    allowedByPolicy: verdict.allowed,
    policyReasons: verdict.reasons,
  };
  const earlier = body.clientCallId
    ? ((await deps.contactLog.appendOnce(entry, `call#${callId}`)) as CallLogEntry | undefined)
    : await deps.contactLog.append(entry);
  if (earlier && (earlier.outcome !== entry.outcome || earlier.note !== entry.note)) {
    throw conflict(
      'CALL_ID_REUSED',
      `clientCallId ${body.clientCallId} already logged another call (${earlier.outcome}).`,
    );
  }
  const logged = earlier ?? entry;
  const events = announcements(logged, body.promise);
  await deps.events.publish(events);
  return {
    callId,
    accountId,
    at: logged.at,
    agentId: logged.agentId,
    outcome: logged.outcome,
    kind: logged.kind,
    note: logged.note ?? null,
    allowedByPolicy: logged.allowedByPolicy,
    policyReasons: logged.policyReasons,
    promise: body.promise ?? null,
    events: events.map((event) => event.detailType),
  };
}

function announcements(entry: CallLogEntry, promise: CallOutcomeBody['promise']): DomainEvent[] {
  const called: DomainEvent = domainEvent('CallLogged', {
    requestId: `call#${entry.callId}`,
    accountId: entry.accountId,
    callId: entry.callId,
    agentId: entry.agentId,
    outcome: entry.outcome,
    kind: entry.kind,
    at: entry.at,
    allowedByPolicy: entry.allowedByPolicy,
    policyReasons: entry.policyReasons,
    ...(entry.note ? { note: entry.note } : {}),
  });
  if (!promise) return [called];
  // Servicing reads `decidedAt` and `agentId` (the promise's source becomes `agent:<agentId>`).
  const promised: DomainEvent = domainEvent('PromiseToPayRecorded', {
    requestId: `call#${entry.callId}#PromiseToPayRecorded`,
    accountId: entry.accountId,
    amountMinor: promise.amountMinor,
    dueDate: promise.dueDate,
    agentId: entry.agentId,
    decidedAt: entry.at,
    callId: entry.callId,
  });
  return [called, promised];
}
