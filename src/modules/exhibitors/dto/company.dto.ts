import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, IsString, Length, MaxLength, ValidateNested, IsUrl } from 'class-validator';
import { IsMailAddress, IsSingleLine, Trim } from '../../../core/http/validators';
import { CompanyDto } from './register-exhibitor.dto';
import { COMPANY_IDENTIFIER_KINDS, type CompanyIdentifierKind } from '../domain/company-identifier';

/** POST /api/exhibitor-accounts: a company and its first person. */
export class SignUpDto {
  @ApiProperty({ example: 'minjun.kim@bitgoeul-precision.example', maxLength: 254 })
  @Trim() @IsString() @MaxLength(254) @IsMailAddress({ message: 'email must be an email address' })
  email: string;

  @ApiProperty({ example: 'correct horse battery staple', minLength: 10, maxLength: 200, description: 'At least 10 characters, not a common password' })
  @IsString() @Length(10, 200, { message: 'password must be 10 to 200 characters' })
  password: string;

  @ApiProperty({ example: '김민준', maxLength: 100 })
  @Trim() @IsString() @Length(1, 100) @IsSingleLine()
  displayName: string;

  @ApiProperty({ enum: ['ko', 'en'] })
  @IsIn(['ko', 'en'], { message: 'language must be ko or en' })
  language: 'ko' | 'en';

  @ApiProperty({ type: CompanyDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => CompanyDto)
  company: CompanyDto;
}

export class UpdateCompanyDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional() @Trim() @IsString() @Length(1, 200) @IsSingleLine()
  name?: string;

  @ApiPropertyOptional({ maxLength: 200, nullable: true, description: 'The name in the other script (Latin for a Hangul name, Hangul for a Latin name); an empty string removes it' })
  @IsOptional() @Trim() @IsString() @MaxLength(200) @IsSingleLine()
  alternateName?: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional() @Trim() @IsString() @Length(1, 300) @IsSingleLine()
  address?: string;

  @ApiPropertyOptional({ maxLength: 200, nullable: true })
  @IsOptional() @Trim() @IsString() @MaxLength(200)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'website must be an http(s) URL such as https://example.com' })
  website?: string;

  @ApiPropertyOptional({ enum: ['ko', 'en'] })
  @IsOptional() @IsIn(['ko', 'en'], { message: 'language must be ko or en' })
  language?: 'ko' | 'en';
}

export class InviteDto {
  @ApiProperty({ maxLength: 254 })
  @Trim() @IsString() @MaxLength(254) @IsMailAddress({ message: 'email must be an email address' })
  email: string;
}

export class AcceptInvitationDto {
  @ApiProperty() @IsString() @Length(20, 200) token: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString() @Length(10, 200, { message: 'password must be 10 to 200 characters' })
  password: string;

  @ApiProperty({ maxLength: 100 })
  @Trim() @IsString() @Length(1, 100) @IsSingleLine()
  displayName: string;

  @ApiProperty({ enum: ['ko', 'en'] })
  @IsIn(['ko', 'en'], { message: 'language must be ko or en' })
  language: 'ko' | 'en';
}

export class CompanyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, example: 'Bitgoeul Precision Co., Ltd.', description: 'The name in the other script, where the company has one' }) alternateName: string | null;
  @ApiProperty({ nullable: true, type: String, example: '220-81-62517', description: 'A Korean company\'s 사업자등록번호; null elsewhere' }) businessRegistrationNumber: string | null;
  @ApiProperty({ example: 'KR' }) country: string;
  @ApiProperty({ enum: COMPANY_IDENTIFIER_KINDS, example: 'kr-brn' }) identifierKind: CompanyIdentifierKind;
  @ApiProperty({ example: '220-81-62517', description: 'The identifier as stored (normalized; a 사업자등록번호 with its hyphens)' }) identifier: string;
  @ApiProperty() address: string;
  @ApiProperty({ nullable: true, type: String }) website: string | null;
  @ApiProperty({ enum: ['ko', 'en'] }) language: 'ko' | 'en';
}

export class CompanyMemberResponse {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ['owner', 'member'] }) role: 'owner' | 'member';
  @ApiProperty() joinedAt: string;
}

export class SignUpResponse {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty({ type: CompanyResponse }) company: CompanyResponse;
  @ApiProperty({ description: 'The confirmation link was mailed; log in after following it' }) emailConfirmationSent: boolean;
}

export class InvitationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() expiresAt: string;
}

export class JoinedCompanyResponse {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty({ type: CompanyResponse }) company: CompanyResponse;
}
