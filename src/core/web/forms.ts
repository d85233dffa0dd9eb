import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The base of every page form's body: the global ValidationPipe forbids unknown fields, so each form
 * has a class, and every POSTed form carries its CSRF token (checked by the CSRF guard, not here).
 */
export class CsrfForm {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
}
