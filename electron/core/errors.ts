import type { ErrorCode, ErrorDetail, StrataError } from '../../shared/errors';

/**
 * The one error type core code throws on purpose. Anything else that escapes a service is an
 * INTERNAL error, reported without its stack or internals.
 */
export class CoreError extends Error {
  readonly code: ErrorCode;
  readonly detail?: ErrorDetail;

  constructor(code: ErrorCode, message: string, detail?: ErrorDetail) {
    super(message);
    this.name = 'CoreError';
    this.code = code;
    this.detail = detail;
  }

  toContract(): StrataError {
    return this.detail ? { code: this.code, message: this.message, detail: this.detail } : { code: this.code, message: this.message };
  }
}

export function toStrataError(error: unknown): StrataError {
  if (error instanceof CoreError) return error.toContract();
  const message = error instanceof Error && error.message ? error.message : String(error);
  return { code: 'INTERNAL', message: `Unexpected error: ${message}` };
}
