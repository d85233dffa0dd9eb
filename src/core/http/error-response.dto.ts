import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorResponse {
  @ApiProperty({ example: 'company.businessRegistrationNumber' }) field: string;
  @ApiProperty({ type: [String], example: ['businessRegistrationNumber must be 10 digits (e.g. 220-81-62517) with a valid check digit'] })
  messages: string[];
}

/**
 * The one error format of the API, for the OpenAPI document: RFC 9457 problem details, sent as
 * `application/problem+json` (see core/errors/problem-details.ts). `type`, `title`, `status`,
 * `detail` and `instance` are the standard members; the rest are extensions kept from the format
 * before, so older clients keep working.
 */
export class ErrorResponse {
  @ApiProperty({
    format: 'uri',
    example: 'https://fairgate.kdjcenter.example/problems/validation-failed',
    description: 'The problem type: https://fairgate.kdjcenter.example/problems/<code in kebab case>, or about:blank for a plain HTTP refusal',
  })
  type: string;
  @ApiProperty({ example: 'Invalid fields', description: 'Short, the same for every occurrence of the code' }) title: string;
  @ApiProperty({ example: 400, description: 'The HTTP status' }) status: number;
  @ApiProperty({ example: 'The request has invalid fields.', description: 'This occurrence, in words (same as message)' }) detail: string;
  @ApiPropertyOptional({
    format: 'uri-reference',
    example: '/api/editions/ppuri-2027/exhibitor-applications',
    description: 'The request path, without the query; the token of a private link is masked ([token])',
  })
  instance?: string;
  @ApiProperty({ example: 400, description: 'Extension: the HTTP status (same as status)' }) statusCode: number;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Extension: the error code, stable; type is derived from it' }) code: string;
  @ApiProperty({ example: 'The request has invalid fields.', description: 'Extension: same as detail' }) message: string;
  @ApiPropertyOptional({ type: [FieldErrorResponse] }) errors?: FieldErrorResponse[];
  @ApiPropertyOptional({ format: 'uuid', description: 'On 409 for a duplicate application' }) existingApplicationId?: string;
  @ApiPropertyOptional({ description: 'On 409 ILLEGAL_TRANSITION: the current status of the application' }) currentStatus?: string;
  @ApiPropertyOptional() requestId?: string;
  @ApiPropertyOptional({ description: 'On 500: quote it to support' }) errorId?: string;
}
