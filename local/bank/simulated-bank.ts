/**
 * A simulated core-banking ledger behind the bank debit API (docs/bank-api.md), so the one HTTP payment
 * gateway runs locally and in tests exactly as against the bank. Accounts open lazily from their number
 * (magic endings give closed, missing, low-balance and blocked accounts), debits are booked once per
 * idempotency key, and faults (timeouts around the booking, 500s) can be injected for the next debit calls.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod';
import type { Currency } from '../../lambdas/domain/accounts/account';
import type { DebitFailureReason } from '../../lambdas/domain/payments/payments';
import type { Clock } from '../../lambdas/domain/ports';

export type SimulatedFault = 'timeout_after_booking' | 'timeout_before_booking' | 'server_error';

export interface DepositAccount {
  readonly number: string;
  readonly status: 'open' | 'closed';
  readonly availableMinor: number;
  readonly currency: Currency;
  /** The holder stopped all debits: the bank rejects them. */
  readonly debitsBlocked: boolean;
}

/** The body of `POST /debits`. */
export interface DebitInstruction {
  readonly debtorAccount: string;
  readonly amountMinor: number;
  readonly currency: Currency;
  readonly reference: string;
}

/** The body of a debit result, as `POST /debits` and `GET /debits/{key}` answer it. */
export interface DebitResult {
  readonly debitId: string;
  readonly idempotencyKey: string;
  readonly status: 'succeeded' | 'failed';
  readonly reason?: DebitFailureReason;
  readonly amountMinor: number;
  readonly currency: Currency;
  readonly bookedAt?: string;
}

/** One debit the bank received (succeeded or failed), as `debits()` lists it. */
export interface RecordedDebit extends DebitInstruction {
  readonly idempotencyKey: string;
  readonly debitId: string;
  readonly status: 'succeeded' | 'failed';
  readonly reason?: DebitFailureReason;
  readonly at: string;
}

export type DebitReceipt =
  /** The first time the bank saw the key. */
  | { readonly kind: 'created'; readonly result: DebitResult }
  /** A repeat with the same body: the first result, nothing booked. */
  | { readonly kind: 'replayed'; readonly result: DebitResult }
  /** The key is known with a different body. */
  | { readonly kind: 'key_reused' };

export interface SimulatedLedgerOptions {
  /** The currency an account opens in; default: numbers starting `CN` are CNY, all others USD. */
  readonly currencyOf?: (accountNumber: string) => Currency;
  readonly clock?: Clock;
}

export const ACCOUNT_NUMBER = /^[A-Z0-9]{6,34}$/;
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:#-]{1,128}$/;

const LOW_BALANCE_MINOR = 2_500;
const MAX_DERIVED_BALANCE_MINOR = 500_000;

export const defaultCurrencyOf = (accountNumber: string): Currency =>
  accountNumber.startsWith('CN') ? 'CNY' : 'USD';

interface MutableAccount {
  number: string;
  status: 'open' | 'closed';
  availableMinor: number;
  currency: Currency;
  debitsBlocked: boolean;
}

interface StoredDebit {
  readonly instruction: DebitInstruction;
  readonly result: DebitResult;
  readonly at: string;
}

interface PendingFault {
  readonly fault: SimulatedFault;
  remaining: number;
}

export class SimulatedLedger {
  private readonly opened = new Map<string, MutableAccount>();
  private readonly debitsByKey = new Map<string, StoredDebit>();
  private readonly faults = new Map<string, PendingFault[]>();
  private readonly currencyOf: (accountNumber: string) => Currency;
  private readonly clock: Clock;

  constructor(options: SimulatedLedgerOptions = {}) {
    this.currencyOf = options.currencyOf ?? defaultCurrencyOf;
    this.clock = options.clock ?? { now: () => new Date() };
  }

  /** The account as it stands now; undefined for numbers the bank does not hold (ending `9999`). */
  account(number: string): DepositAccount | undefined {
    const account = this.open(number);
    return account ? { ...account } : undefined;
  }

  /** Every account opened so far (looked at or debited). */
  accounts(): DepositAccount[] {
    return [...this.opened.values()].map((account) => ({ ...account }));
  }

  setBalance(number: string, availableMinor: number): void {
    if (!Number.isSafeInteger(availableMinor) || availableMinor < 0) {
      throw new Error(`A balance is a non-negative integer of minor units, got ${availableMinor}`);
    }
    this.existing(number).availableMinor = availableMinor;
  }

  /** Closes the account; its funds are paid out, so nothing is left to debit. */
  close(number: string): void {
    const account = this.existing(number);
    account.status = 'closed';
    account.availableMinor = 0;
  }

  /** The next `count` debit calls for the account (or any account, `*`) meet the fault. */
  injectFault(debtorAccountOrStar: string, fault: SimulatedFault, count = 1): void {
    if (!Number.isSafeInteger(count) || count < 1)
      throw new Error(`A fault count is at least 1, got ${count}`);
    const pending = this.faults.get(debtorAccountOrStar) ?? [];
    pending.push({ fault, remaining: count });
    this.faults.set(debtorAccountOrStar, pending);
  }

  /** The fault a debit call for the account meets, if any, used up by this call. The account's own first. */
  takeFault(debtorAccount: string): SimulatedFault | undefined {
    for (const target of [debtorAccount, '*']) {
      const pending = this.faults.get(target);
      const next = pending?.[0];
      if (!pending || !next) continue;
      next.remaining -= 1;
      if (next.remaining === 0) pending.shift();
      return next.fault;
    }
    return undefined;
  }

  /**
   * Books the debit once per key. Synchronous from the key check to the booking, so concurrent requests with
   * one key cannot both book.
   */
  debit(idempotencyKey: string, instruction: DebitInstruction): DebitReceipt {
    const known = this.debitsByKey.get(idempotencyKey);
    if (known) {
      return sameInstruction(known.instruction, instruction)
        ? { kind: 'replayed', result: known.result }
        : { kind: 'key_reused' };
    }
    const at = this.clock.now().toISOString();
    const debitId = `dbt_${String(this.debitsByKey.size + 1).padStart(6, '0')}`;
    const base = {
      debitId,
      idempotencyKey,
      amountMinor: instruction.amountMinor,
      currency: instruction.currency,
    };
    const reason = this.refusal(instruction);
    let result: DebitResult;
    if (reason) {
      result = { ...base, status: 'failed', reason };
    } else {
      this.existing(instruction.debtorAccount).availableMinor -= instruction.amountMinor;
      result = { ...base, status: 'succeeded', bookedAt: at };
    }
    this.debitsByKey.set(idempotencyKey, { instruction: { ...instruction }, result, at });
    return { kind: 'created', result };
  }

  /** The result booked under the key; undefined when the bank never received it. */
  lookup(idempotencyKey: string): DebitResult | undefined {
    return this.debitsByKey.get(idempotencyKey)?.result;
  }

  /** Every debit received, in order, succeeded or failed. */
  debits(): RecordedDebit[] {
    return [...this.debitsByKey.values()].map(({ instruction, result, at }) => ({
      ...instruction,
      idempotencyKey: result.idempotencyKey,
      debitId: result.debitId,
      status: result.status,
      ...(result.reason ? { reason: result.reason } : {}),
      at,
    }));
  }

  private refusal(instruction: DebitInstruction): DebitFailureReason | undefined {
    const account = this.open(instruction.debtorAccount);
    if (!account) return 'account_not_found';
    if (account.status === 'closed') return 'account_closed';
    if (account.currency !== instruction.currency) return 'currency_mismatch';
    if (account.debitsBlocked) return 'rejected';
    // All or nothing, never below zero: the bank has no overdraft for these accounts.
    if (instruction.amountMinor > account.availableMinor) return 'insufficient_funds';
    return undefined;
  }

  private existing(number: string): MutableAccount {
    const account = this.open(number);
    if (!account) throw new Error(`The simulated bank holds no account ****${number.slice(-4)}`);
    return account;
  }

  /** Opens the account on first sight, the same way every time for the same number. */
  private open(number: string): MutableAccount | undefined {
    const known = this.opened.get(number);
    if (known) return known;
    if (number.endsWith('9999')) return undefined;
    const account: MutableAccount = {
      number,
      status: number.endsWith('0000') ? 'closed' : 'open',
      availableMinor: openingBalance(number),
      currency: this.currencyOf(number),
      debitsBlocked: number.endsWith('2222'),
    };
    this.opened.set(number, account);
    return account;
  }
}

function openingBalance(number: string): number {
  if (number.endsWith('0000')) return 0;
  if (number.endsWith('1111')) return LOW_BALANCE_MINOR;
  const hash = createHash('sha256').update(number).digest().readUInt32BE(0);
  return hash % (MAX_DERIVED_BALANCE_MINOR + 1);
}

const sameInstruction = (a: DebitInstruction, b: DebitInstruction) =>
  a.debtorAccount === b.debtorAccount &&
  a.amountMinor === b.amountMinor &&
  a.currency === b.currency &&
  a.reference === b.reference;

// ---------------------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------------------

export interface SimulatedBank {
  /** `http://127.0.0.1:<port>`, the gateway's base URL. */
  readonly url: string;
  readonly ledger: SimulatedLedger;
  /** Closes the server and every connection, hanging ones included. */
  stop(): Promise<void>;
}

export interface SimulatedBankOptions {
  readonly ledger?: SimulatedLedger;
  /** 0: any free port. */
  readonly port?: number;
  /** When given, every API request must carry `Authorization: Bearer <token>` (the `/_sim/` routes need none). */
  readonly token?: string;
}

/** A held response drops its connection after this, for clients that never give up on their own. */
const HOLD_MS = 60_000;

const debitInstructionSchema = z.object({
  debtorAccount: z.string().regex(ACCOUNT_NUMBER),
  amountMinor: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  currency: z.enum(['USD', 'CNY']),
  reference: z.string().min(1).max(140),
});

const faultSchema = z.object({
  account: z.union([z.literal('*'), z.string().regex(ACCOUNT_NUMBER)]),
  fault: z.enum(['timeout_after_booking', 'timeout_before_booking', 'server_error']),
  count: z.number().int().positive().default(1),
});

class BadRequest extends Error {}

export async function startSimulatedBank(options: SimulatedBankOptions = {}): Promise<SimulatedBank> {
  const ledger = options.ledger ?? new SimulatedLedger();
  const server = createServer((request, response) => {
    route(ledger, options.token, request, response).catch((error: unknown) => {
      if (error instanceof BadRequest) return sendError(response, 400, 'INVALID_REQUEST', error.message);
      sendError(response, 500, 'INTERNAL_ERROR', 'the simulated bank failed');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    ledger,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        // Held responses would otherwise keep the server open.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function route(
  ledger: SimulatedLedger,
  token: string | undefined,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const method = request.method ?? 'GET';
  const path = new URL(request.url ?? '/', 'http://simulated-bank').pathname;
  const [first, second, third, ...rest] = path.split('/').slice(1);

  if (first === '_sim') return simulatorAdmin(ledger, method, path.slice('/_sim/'.length), request, response);

  if (token !== undefined && request.headers.authorization !== `Bearer ${token}`) {
    return sendError(response, 401, 'UNAUTHORIZED', 'missing or wrong bearer token');
  }
  if (method === 'GET' && first === 'accounts' && second && third === 'balance' && rest.length === 0) {
    return balance(ledger, decodeSegment(second), response);
  }
  if (method === 'POST' && first === 'debits' && second === undefined) {
    return debit(ledger, request, response);
  }
  if (method === 'GET' && first === 'debits' && second && third === undefined) {
    return lookup(ledger, decodeSegment(second), response);
  }
  sendError(response, 404, 'NOT_FOUND', `no route ${method} ${path}`);
}

function balance(ledger: SimulatedLedger, number: string, response: ServerResponse): void {
  if (!ACCOUNT_NUMBER.test(number)) throw new BadRequest('an account number is 6-34 characters A-Z 0-9');
  const account = ledger.account(number);
  if (!account) {
    sendError(response, 404, 'ACCOUNT_NOT_FOUND', 'no such account');
    return;
  }
  sendJson(response, 200, {
    status: account.status,
    availableMinor: account.availableMinor,
    currency: account.currency,
  });
}

async function debit(ledger: SimulatedLedger, request: IncomingMessage, response: ServerResponse) {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw new BadRequest('Idempotency-Key must be 1-128 characters A-Z a-z 0-9 . _ : # -');
  }
  const parsed = debitInstructionSchema.safeParse(await jsonBody(request));
  if (!parsed.success) throw new BadRequest(z.prettifyError(parsed.error));

  // No await from here on: the fault, the key check and the booking happen in one turn of the event loop.
  const fault = ledger.takeFault(parsed.data.debtorAccount);
  if (fault === 'server_error') return sendError(response, 500, 'INTERNAL_ERROR', 'injected server error');
  if (fault === 'timeout_before_booking') return hold(response);
  const receipt = ledger.debit(key, parsed.data);
  if (receipt.kind === 'key_reused') {
    return sendError(response, 422, 'IDEMPOTENCY_KEY_REUSED', 'this key was used with a different body');
  }
  if (fault === 'timeout_after_booking') return hold(response);
  sendJson(response, receipt.kind === 'created' ? 201 : 200, receipt.result);
}

function lookup(ledger: SimulatedLedger, key: string, response: ServerResponse): void {
  if (!IDEMPOTENCY_KEY.test(key)) throw new BadRequest('not an idempotency key');
  const result = ledger.lookup(key);
  if (result) sendJson(response, 200, result);
  else sendError(response, 404, 'DEBIT_NOT_FOUND', 'no debit under this key');
}

async function simulatorAdmin(
  ledger: SimulatedLedger,
  method: string,
  resource: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (method === 'GET' && resource === 'accounts') return sendJson(response, 200, ledger.accounts());
  if (method === 'GET' && resource === 'debits') return sendJson(response, 200, ledger.debits());
  if (method === 'POST' && resource === 'faults') {
    const parsed = faultSchema.safeParse(await jsonBody(request));
    if (!parsed.success) throw new BadRequest(z.prettifyError(parsed.error));
    ledger.injectFault(parsed.data.account, parsed.data.fault, parsed.data.count);
    response.writeHead(204).end();
    return;
  }
  sendError(response, 404, 'NOT_FOUND', `no route ${method} /_sim/${resource}`);
}

/** Never answers: the client's timeout ends the request, or the connection drops after HOLD_MS. */
function hold(response: ServerResponse): void {
  const drop = setTimeout(() => response.destroy(), HOLD_MS);
  drop.unref();
  response.on('close', () => clearTimeout(drop));
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new BadRequest('malformed percent-encoding in the path');
  }
}

async function jsonBody(request: IncomingMessage): Promise<unknown> {
  request.setEncoding('utf8');
  let raw = '';
  for await (const chunk of request) raw += chunk;
  try {
    return JSON.parse(raw);
  } catch {
    throw new BadRequest('the body is not JSON');
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  // A client that gave up has already closed the connection.
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const sendError = (response: ServerResponse, status: number, code: string, message: string) =>
  sendJson(response, status, { error: { code, message } });
