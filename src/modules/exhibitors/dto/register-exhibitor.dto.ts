import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDefined, IsIn, IsInt, IsISO31661Alpha2, IsOptional,
  IsString, IsUrl, Length, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested, IsObject, registerDecorator, type ValidationArguments,
} from 'class-validator';
import { IsMailAddress, IsSingleLine, Trim } from '../../../core/http/validators';
import { ALL_PRODUCT_CATEGORY_CODES } from '../../fairs/product-categories';
import { checkCompanyIdentity, type CompanyIdentityField, type CompanyIdentityInput } from '../domain/company-identity';
import { FOREIGN_IDENTIFIER_KINDS, type CompanyIdentifierKind } from '../domain/company-identifier';
import { BOOTH_TYPES, type BoothType } from '../entities/exhibitor-application.entity';

/**
 * A company-identity rule checked on the whole object (domain/company-identity): the identifier
 * follows the country. The rule checks the fields' types and lengths itself, and no @IsOptional
 * or @ValidateIf stands before it, so it also sees a field that is missing.
 */
export function CompanyIdentityRule(field: CompanyIdentityField, options: { optional?: boolean } = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: 'companyIdentity',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (_value: unknown, args?: ValidationArguments) => !checkCompanyIdentity(args?.object as CompanyIdentityInput, options).problems[field],
        defaultMessage: (args?: ValidationArguments) => checkCompanyIdentity(args?.object as CompanyIdentityInput, options).problems[field]?.en ?? `${field} is invalid`,
      },
    });
  };
}

const IDENTIFIER_DESCRIPTION = 'The company\'s own identifier, for a company outside Korea (required there; a Korean company gives businessRegistrationNumber). '
  + 'Spaces, dots, hyphens and slashes are ignored; stored upper case. eu-vat: the member state\'s VAT ID with its prefix (DE + 9 digits, '
  + 'FR + 2 characters + 9 digits, NL + 9 digits + B + 2 digits, EL for Greece, XI for Northern Ireland; the prefix may be left out); '
  + 'gb-vat: GB + 9 or 12 digits; register, tax, other: 3 to 40 letters and digits.';

export class CompanyDto {
  @ApiProperty({ example: '빛고을정밀 주식회사', maxLength: 200, description: 'The company\'s name, in Hangul or Latin script' })
  @Trim() @IsString() @Length(1, 200) @IsSingleLine()
  name: string;

  @ApiPropertyOptional({
    example: 'Bitgoeul Precision Co., Ltd.', maxLength: 200,
    description: 'The name in the other script, where the company has one (Latin for a Hangul name, Hangul for a Latin name). Korean pages and mails show the Hangul name, English ones the Latin.',
  })
  @Trim() @ValidateIf((o: CompanyDto) => o.alternateName !== undefined) @IsString() @Length(1, 200) @IsSingleLine()
  @CompanyIdentityRule('alternateName')
  alternateName?: string;

  @ApiPropertyOptional({ example: '220-81-62517', description: 'Korean business registration number (사업자등록번호), required when country is KR: 10 digits, hyphens optional, check digit validated' })
  @Trim() @CompanyIdentityRule('businessRegistrationNumber')
  businessRegistrationNumber?: string;

  @ApiProperty({ example: 'KR', description: 'ISO 3166-1 alpha-2 country code' })
  @Trim() @IsString() @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as KR' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
  country: string;

  @ApiPropertyOptional({ enum: FOREIGN_IDENTIFIER_KINDS, example: 'eu-vat', description: 'The kind of identifier, for a company outside Korea: eu-vat (EU member states; XI for Northern Ireland), gb-vat (United Kingdom), register (company register), tax (tax number), other' })
  @Trim() @CompanyIdentityRule('identifierKind')
  identifierKind?: CompanyIdentifierKind;

  @ApiPropertyOptional({ example: 'DE123456789', maxLength: 60, description: IDENTIFIER_DESCRIPTION })
  @Trim() @CompanyIdentityRule('identifier')
  identifier?: string;

  @ApiProperty({ example: '광주광역시 광산구 하남산단 8번로 100', maxLength: 300 })
  @Trim() @IsString() @Length(1, 300) @IsSingleLine()
  address: string;

  @ApiPropertyOptional({ example: 'https://bitgoeul-precision.example', maxLength: 200 })
  @IsOptional() @Trim() @IsString() @MaxLength(200)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'website must be an http(s) URL such as https://example.com' })
  website?: string;
}

export class ContactDto {
  @ApiProperty({ example: '김민준', maxLength: 100 })
  @Trim() @IsString() @Length(1, 100) @IsSingleLine()
  name: string;

  @ApiProperty({ example: 'minjun.kim@bitgoeul-precision.example', maxLength: 254 })
  @Trim() @IsString() @MaxLength(254) @IsMailAddress({ message: 'email must be an email address' })
  email: string;

  @ApiProperty({ example: '+82 62-123-4567', description: 'Digits with optional +, spaces, hyphens, parentheses' })
  @Trim() @IsString()
  @Matches(/^\+?[0-9][0-9 ()-]{6,22}$/, { message: 'phone must be a phone number such as +82 62-123-4567' })
  phone: string;
}

export class BoothRequestDto {
  @ApiProperty({ enum: BOOTH_TYPES, description: 'raw_space: floor space only; shell_scheme: walls, fascia and lighting included' })
  @IsIn(BOOTH_TYPES, { message: `type must be one of ${BOOTH_TYPES.join(', ')}` })
  type: BoothType;

  @ApiProperty({ example: 2, minimum: 1, maximum: 100, description: 'Number of standard 9 m² (3 m × 3 m) booths' })
  @IsInt({ message: 'count must be a whole number of booths' }) @Min(1) @Max(100)
  count: number;
}

/** POST /api/editions/{edition}/exhibitor-applications */
export class RegisterExhibitorDto {
  @ApiProperty({ type: CompanyDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => CompanyDto)
  company: CompanyDto;

  @ApiProperty({ type: ContactDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ContactDto)
  contact: ContactDto;

  @ApiProperty({ type: BoothRequestDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => BoothRequestDto)
  booth: BoothRequestDto;

  @ApiProperty({ example: ['casting', 'mold'], description: 'Codes from GET /api/fairs (productCategories of the fair)', type: [String] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @ArrayUnique()
  @IsIn(ALL_PRODUCT_CATEGORY_CODES, { each: true, message: 'each productCategories entry must be a category code listed by GET /api/fairs' })
  productCategories: string[];

  @ApiPropertyOptional({ enum: ['ko', 'en'], description: 'Language of the emails; defaults from Accept-Language, else English' })
  @IsOptional() @IsIn(['ko', 'en'])
  language?: 'ko' | 'en';
}
