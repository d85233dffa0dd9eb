import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CsrfForm } from '../../core/web/forms';

export class LoginForm extends CsrfForm {
  @IsOptional() @IsString() @MaxLength(1000) email?: string;
  @IsOptional() @IsString() @MaxLength(1000) password?: string;
  /** The console page to return to (checked with safeConsoleNext). */
  @IsOptional() @IsString() @MaxLength(2000) next?: string;
}

export class LogoutForm extends CsrfForm {}

export class LoginPageQuery {
  @IsOptional() @IsString() @MaxLength(10) lang?: string;
  @IsOptional() @IsString() @MaxLength(40) flash?: string;
  @IsOptional() @IsString() @MaxLength(2000) next?: string;
}
