/** Errors the domain raises on purpose; handlers map them to HTTP statuses by kind. */
export class DomainError extends Error {
  constructor(
    readonly kind: 'not_found' | 'invalid' | 'conflict',
    readonly code: string,
    message: string,
    /** Machine-readable particulars for the error body (e.g. the gate's violations and the text checked). */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (code: string, message: string) => new DomainError('not_found', code, message);
export const conflict = (code: string, message: string) => new DomainError('conflict', code, message);
