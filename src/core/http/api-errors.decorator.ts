import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponse } from './error-response.dto';

const MEANING: Record<number, string> = {
  400: 'Invalid fields (errors lists each one) or malformed body',
  401: 'Not logged in',
  403: 'Logged in, but this account may not do this',
  404: 'No such resource (or not yours)',
  409: 'Conflicts with the current state (status, capacity, duplicate)',
  410: 'The link expired or was already used',
  413: 'Body or file too large',
  415: 'File content of the wrong type',
  422: 'Idempotency-Key reused with another body',
  429: 'Too many attempts: see Retry-After',
};

/** Documents error answers in the one error format, so OpenAPI lists each refusal a route can give. */
export const ApiErrors = (...statuses: number[]): MethodDecorator & ClassDecorator =>
  applyDecorators(...statuses.map((status) => ApiResponse({ status, type: ErrorResponse, description: MEANING[status] ?? '' })));
