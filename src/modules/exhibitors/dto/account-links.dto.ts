import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';
import { IsMailAddress, Trim } from '../../../core/http/validators';

export class TokenDto {
  @ApiProperty({ description: 'The token from the emailed link' })
  @IsString() @Length(20, 200, { message: 'token must be the token from the emailed link' })
  token: string;
}

export class EmailDto {
  @ApiProperty({ maxLength: 254 })
  @Trim() @IsString() @MaxLength(254) @IsMailAddress({ message: 'email must be an email address' })
  email: string;
}

export class CompletePasswordResetDto extends TokenDto {
  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString() @Length(10, 200, { message: 'password must be 10 to 200 characters' })
  password: string;
}
