import type { FieldError } from './domain-error';
import { ErrorCode } from './domain-error';

/** The one error format of the API. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode | string;
  message: string;
  errors?: FieldError[];
  requestId?: string;
  errorId?: string;
  [key: string]: unknown;
}
