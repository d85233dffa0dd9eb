import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDefined, IsIn, IsInt, IsISO31661Alpha2, IsOptional,
  IsString, IsUrl, Length, Matches, Max, MaxLength, Min, ValidateNested, IsObject,
} from 'class-validator';
import { IsMailAddress, IsSingleLine, Satisfies, Trim } from '../../../core/http/validators';
import { ALL_PRODUCT_CATEGORY_CODES } from '../../fairs/product-categories';
import { isValidBusinessRegistrationNumber } from '../domain/business-registration-number';
import { BOOTH_TYPES, type BoothType } from '../entities/exhibitor-application.entity';

export class CompanyDto {
  @ApiProperty({ example: '빛고을정밀 주식회사', maxLength: 200 })
  @Trim() @IsString() @Length(1, 200) @IsSingleLine()
  name: string;

  @ApiProperty({ example: '220-81-62517', description: 'Korean business registration number: 10 digits, hyphens optional, check digit validated' })
  @IsString()
  @Satisfies(
    (v) => typeof v === 'string' && isValidBusinessRegistrationNumber(v),
    'businessRegistrationNumber must be 10 digits (e.g. 220-81-62517) with a valid check digit',
  )
  businessRegistrationNumber: string;

  @ApiProperty({ example: 'KR', description: 'ISO 3166-1 alpha-2 country code' })
  @Trim() @IsString() @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as KR' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
  country: string;

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
