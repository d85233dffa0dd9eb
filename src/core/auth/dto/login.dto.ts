import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { ROLES, type Role } from '../entities/account.entity';

export class LoginDto {
  @ApiProperty({ example: 'organizer@kdjcenter.example' })
  @IsString() @MaxLength(254) @IsEmail({}, { message: 'email must be an email address' })
  email: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString() @Length(1, 200)
  password: string;
}

export class AccountResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() displayName: string;
}

export class LoginResponse {
  @ApiProperty({ description: 'Send as Authorization: Bearer <token>' }) token: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ type: AccountResponse }) account: AccountResponse;
}
