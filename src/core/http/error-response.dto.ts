import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorResponse {
  @ApiProperty({ example: 'company.businessRegistrationNumber' }) field: string;
  @ApiProperty({ type: [String], example: ['businessRegistrationNumber must be 10 digits (e.g. 220-81-62517) with a valid check digit'] })
  messages: string[];
}

/** The one error format of the API, for the OpenAPI document. */
export class ErrorResponse {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'VALIDATION_FAILED' }) code: string;
  @ApiProperty({ example: 'The request has invalid fields.' }) message: string;
  @ApiPropertyOptional({ type: [FieldErrorResponse] }) errors?: FieldErrorResponse[];
  @ApiPropertyOptional({ format: 'uuid', description: 'On 409 for a duplicate application' }) existingApplicationId?: string;
  @ApiPropertyOptional() requestId?: string;
  @ApiPropertyOptional({ description: 'On 500: quote it to support' }) errorId?: string;
}
