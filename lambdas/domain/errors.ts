/** Errors the domain raises on purpose; handlers map them to HTTP statuses by kind. */
export class DomainError extends Error {
  constructor(
    readonly kind: 'not_found' | 'invalid' | 'conflict' | 'forbidden' | 'too_many_requests',
    readonly code: string,
    message: string,
    /**
     * Machine-readable particulars for the error body (e.g. the gate's violations and the text checked);
     * a numeric `retryAfterSeconds` also becomes the Retry-After header.
     */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** For `too_many_requests`: when asking again can succeed. */
  get retryAfterSeconds(): number | undefined {
    const seconds = this.details?.retryAfterSeconds;
    return typeof seconds === 'number' ? seconds : undefined;
  }
}

export const notFound = (code: string, message: string) => new DomainError('not_found', code, message);
export const conflict = (code: string, message: string) => new DomainError('conflict', code, message);
export const tooManyRequests = (code: string, message: string, retryAfterSeconds: number) =>
  new DomainError('too_many_requests', code, message, {
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)),
  });
