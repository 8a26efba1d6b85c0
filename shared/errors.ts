import { z } from 'zod';

/** Every failure that crosses the IPC boundary carries one of these codes. */
export const ERROR_CODES = [
  'CONNECTION',
  'AUTH',
  'TLS',
  'QUERY',
  'TIMEOUT',
  'CANCELLED',
  'NOT_FOUND',
  'VAULT_LOCKED',
  'VAULT_MISSING',
  'VAULT_CORRUPT',
  'INVALID_INPUT',
  'UNSUPPORTED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetail {
  /** 1-based character position inside the statement that failed, as the server reports it. */
  position?: number;
  sqlState?: string;
  hint?: string;
  /** Which input field was wrong (INVALID_INPUT). */
  issues?: { path: string; message: string }[];
}

export interface StrataError {
  code: ErrorCode;
  message: string;
  detail?: ErrorDetail;
}

export const strataErrorSchema = z.strictObject({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  detail: z
    .object({
      position: z.number().optional(),
      sqlState: z.string().optional(),
      hint: z.string().optional(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    })
    .optional(),
});

export function isStrataError(value: unknown): value is StrataError {
  return strataErrorSchema.safeParse(value).success;
}
