/**
 * PaymentGateway over the bank's HTTP debit API (docs/bank-api.md): the bank in AWS, the simulated bank
 * locally and in tests. A debit that may have been booked is never reported as failed: a timeout, a dropped
 * connection, a 5xx or an unreadable answer is `unknown`, and the caller looks the key up before anything is
 * sent again. A 4xx means the request itself was wrong (a bug or a bad token): it throws BankApiError.
 * Debtor account numbers appear in messages only masked (`****1234`).
 */
import * as z from '../../../contracts/schema';
import type { Currency } from '../../domain/accounts/account';
import type {
  AccountBalance,
  DebitFailureReason,
  DebitRequest,
  GatewayOutcome,
  PaymentGateway,
} from '../../domain/payments/payments';

export interface HttpPaymentGatewayOptions {
  /** e.g. `https://bank.example.com/v1`; the API's paths are appended to it. */
  readonly baseUrl: string;
  /** The bearer token, or how to get it; the caller reads and caches the secret. */
  readonly token: string | (() => string | Promise<string>);
  /** For each request, reading the answer included. */
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
}

/** The bank refused a request as malformed or unauthorised: nothing was booked, and re-sending will not help. */
export class BankApiError extends Error {
  constructor(
    /** The bank's error code (`INVALID_REQUEST`, `IDEMPOTENCY_KEY_REUSED`, `UNAUTHORIZED`...), else `HTTP_<status>`. */
    readonly code: string,
    readonly httpStatus: number,
    message: string,
  ) {
    super(message);
    this.name = 'BankApiError';
  }
}

/**
 * The port wants a currency even for an account the bank does not hold, and the bank's 404 names none: this
 * one stands in. Read `status` first.
 */
export const CURRENCY_OF_MISSING_ACCOUNT: Currency = 'USD';

export const maskedAccountNumber = (debtorAccount: string): string => `****${debtorAccount.slice(-4)}`;

const KNOWN_FAILURE_REASONS = [
  'insufficient_funds',
  'account_closed',
  'account_not_found',
  'currency_mismatch',
  'rejected',
] as const satisfies readonly DebitFailureReason[];

const debitResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('succeeded'),
    debitId: z.string().check(z.minLength(1)),
    amountMinor: z.number().check(z.int(), z.positive()),
    bookedAt: z.string().check(z.minLength(1)),
  }),
  z.object({
    status: z.literal('failed'),
    debitId: z.optional(z.string().check(z.minLength(1))),
    reason: z.string(),
  }),
]);

const balanceSchema = z.object({
  status: z.enum(['open', 'closed']),
  availableMinor: z.number().check(z.int(), z.nonnegative()),
  currency: z.enum(['USD', 'CNY']),
});

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.optional(z.string()) }) });

type BankAnswer =
  | { readonly kind: 'answered'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'no_answer'; readonly detail: string };

type Unknown = { readonly status: 'unknown'; readonly detail: string };

export class HttpPaymentGateway implements PaymentGateway {
  private readonly baseUrl: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: HttpPaymentGatewayOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async balance(debtorAccount: string): Promise<AccountBalance | Unknown> {
    const what = `balance of ${maskedAccountNumber(debtorAccount)}`;
    const answer = await this.send('GET', `/accounts/${encodeURIComponent(debtorAccount)}/balance`, what);
    if (answer.kind === 'no_answer') return unknown(answer.detail, debtorAccount);
    if (answer.status === 404 && errorCode(answer.body) === 'ACCOUNT_NOT_FOUND') {
      return { status: 'not_found', availableMinor: 0, currency: CURRENCY_OF_MISSING_ACCOUNT };
    }
    if (isClientError(answer.status)) throw refused(what, answer, debtorAccount);
    const parsed = answer.status < 300 ? balanceSchema.safeParse(answer.body) : undefined;
    if (parsed?.success) return parsed.data;
    return unknown(`${what}: ${unexpected(answer)}`, debtorAccount);
  }

  async debit(request: DebitRequest): Promise<GatewayOutcome> {
    const what = `debit ${request.idempotencyKey} from ${maskedAccountNumber(request.debtorAccount)}`;
    const answer = await this.send('POST', '/debits', what, {
      idempotencyKey: request.idempotencyKey,
      body: {
        debtorAccount: request.debtorAccount,
        amountMinor: request.amountMinor,
        currency: request.currency,
        reference: request.reference,
      },
    });
    if (answer.kind === 'no_answer') return unknown(answer.detail, request.debtorAccount);
    if (isClientError(answer.status)) throw refused(what, answer, request.debtorAccount);
    const outcome = answer.status < 300 ? debitOutcome(answer.body) : undefined;
    return outcome ?? unknown(`${what}: ${unexpected(answer)}`, request.debtorAccount);
  }

  async lookup(idempotencyKey: string): Promise<GatewayOutcome | { readonly status: 'not_found' }> {
    const what = `lookup of debit ${idempotencyKey}`;
    const answer = await this.send('GET', `/debits/${encodeURIComponent(idempotencyKey)}`, what);
    if (answer.kind === 'no_answer') return { status: 'unknown', detail: answer.detail };
    if (answer.status === 404 && errorCode(answer.body) === 'DEBIT_NOT_FOUND') return { status: 'not_found' };
    if (isClientError(answer.status)) throw refused(what, answer);
    const outcome = answer.status < 300 ? debitOutcome(answer.body) : undefined;
    return outcome ?? { status: 'unknown', detail: `${what}: ${unexpected(answer)}` };
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    what: string,
    { idempotencyKey, body }: { idempotencyKey?: string; body?: unknown } = {},
  ): Promise<BankAnswer> {
    // Outside the try: a token that cannot be read means nothing was sent, which is not "unknown".
    const token = typeof this.options.token === 'function' ? await this.options.token() : this.options.token;
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
    if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await this.fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
        // A redirected POST would turn into a GET; the contract has none, so it counts as no answer.
        redirect: 'error',
      });
      return { kind: 'answered', status: response.status, body: parseJson(await response.text()) };
    } catch (error) {
      return { kind: 'no_answer', detail: `${what}: ${whyNoAnswer(error, this.options.timeoutMs)}` };
    }
  }
}

function debitOutcome(body: unknown): GatewayOutcome | undefined {
  const parsed = debitResultSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const result = parsed.data;
  if (result.status === 'succeeded') {
    return {
      status: 'succeeded',
      debitId: result.debitId,
      amountMinor: result.amountMinor,
      bookedAt: result.bookedAt,
    };
  }
  // A refusal the contract does not name is still a refusal: nothing was booked.
  const reason = KNOWN_FAILURE_REASONS.find((known) => known === result.reason) ?? 'rejected';
  return result.debitId === undefined
    ? { status: 'failed', reason }
    : { status: 'failed', reason, debitId: result.debitId };
}

function whyNoAnswer(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const cause = error instanceof Error ? error.cause : undefined;
  const code = cause instanceof Error ? ((cause as NodeJS.ErrnoException).code ?? cause.message) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return `connection failed (${code ? `${message}: ${code}` : message})`;
}

const isClientError = (status: number) => status >= 400 && status < 500;

function errorCode(body: unknown): string | undefined {
  const parsed = errorSchema.safeParse(body);
  return parsed.success ? parsed.data.error.code : undefined;
}

function unexpected(answer: Extract<BankAnswer, { kind: 'answered' }>): string {
  const code = errorCode(answer.body);
  return answer.status < 300
    ? `unreadable answer (HTTP ${answer.status})`
    : `bank answered HTTP ${answer.status}${code ? ` ${code}` : ''}`;
}

function refused(
  what: string,
  answer: Extract<BankAnswer, { kind: 'answered' }>,
  debtorAccount?: string,
): BankApiError {
  const parsed = errorSchema.safeParse(answer.body);
  const code = parsed.success ? parsed.data.error.code : `HTTP_${answer.status}`;
  const bankMessage = parsed.success && parsed.data.error.message ? `: ${parsed.data.error.message}` : '';
  const message = `Bank refused ${what}: HTTP ${answer.status} ${code}${bankMessage}`;
  return new BankApiError(code, answer.status, redact(message, debtorAccount));
}

/** Unknown outcomes are logged and stored: the bank's words or a network error must not carry the full number. */
const unknown = (detail: string, debtorAccount: string): Unknown => ({
  status: 'unknown',
  detail: redact(detail, debtorAccount),
});

const redact = (text: string, debtorAccount: string | undefined) =>
  debtorAccount ? text.replaceAll(debtorAccount, maskedAccountNumber(debtorAccount)) : text;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
