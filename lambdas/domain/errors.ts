/** Errors the domain raises on purpose; handlers map them to HTTP statuses by kind. */
export class DomainError extends Error {
  constructor(
    readonly kind: 'not_found' | 'invalid' | 'conflict' | 'forbidden' | 'too_many_requests',
    readonly code: string,
    message: string,
    /** For `too_many_requests`: when asking again can succeed. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (code: string, message: string) => new DomainError('not_found', code, message);
export const conflict = (code: string, message: string) => new DomainError('conflict', code, message);
export const tooManyRequests = (code: string, message: string, retryAfterSeconds: number) =>
  new DomainError('too_many_requests', code, message, Math.max(1, Math.ceil(retryAfterSeconds)));
