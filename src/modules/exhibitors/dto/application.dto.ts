import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDefined, IsIn, IsInt, IsObject, Max, Min, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested,
} from 'class-validator';
import { IsSingleLine, Trim } from '../../../core/http/validators';
import { ALL_PRODUCT_CATEGORY_CODES } from '../../fairs/product-categories';
import { BOOTH_KINDS, type BoothKind } from '../domain/booth-kinds';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../entities/exhibitor-application.entity';
import { BoothRequestDto, ContactDto } from './register-exhibitor.dto';
import { COMPANY_IDENTIFIER_KINDS, type CompanyIdentifierKind } from '../domain/company-identifier';

/** What an exhibitor fills in for one edition (the company comes from its account). */
export class ApplicationFormDto {
  @ApiProperty({ type: ContactDto, description: 'The person the organizer talks to about this application' })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ContactDto)
  contact: ContactDto;

  @ApiProperty({ type: BoothRequestDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => BoothRequestDto)
  booth: BoothRequestDto;

  @ApiProperty({ example: 'EXH1', description: 'Code of one of the edition’s exhibition halls (GET /api/editions/{edition}/exhibition)' })
  @Trim() @IsString() @Matches(/^[A-Z0-9-]{1,20}$/, { message: 'hall must be a hall code such as EXH1' })
  hall: string;

  @ApiPropertyOptional({ enum: BOOTH_KINDS, nullable: true, description: 'Preferred position: inline, corner (surcharge) or island (surcharge)' })
  @IsOptional() @IsIn(BOOTH_KINDS, { message: `preferredBoothKind must be one of ${BOOTH_KINDS.join(', ')}` })
  preferredBoothKind?: BoothKind;

  @ApiProperty({ example: ['casting', 'mold'], type: [String] })
  @IsArray() @ArrayMinSize(1, { message: 'choose at least one product category' }) @ArrayMaxSize(10) @ArrayUnique()
  @IsIn(ALL_PRODUCT_CATEGORY_CODES, { each: true, message: 'each productCategories entry must be a category code of the fair' })
  productCategories: string[];

  @ApiPropertyOptional({ maxLength: 2000, description: 'Anything the organizer should know' })
  @IsOptional() @Trim() @IsString() @MaxLength(2000)
  notes?: string;
}

export class CreateApplicationDto extends ApplicationFormDto {
  @ApiProperty({ example: 'ppuri-2027' })
  @Trim() @IsString() @Matches(/^[a-z0-9-]{1,60}$/, { message: 'edition must be an edition code such as ppuri-2027' })
  edition: string;

  @ApiPropertyOptional({ description: 'Submit at once instead of keeping a draft', default: false })
  @IsOptional() @IsIn([true, false], { message: 'submit must be true or false' })
  submit?: boolean;
}

export class ReasonDto {
  @ApiPropertyOptional({ maxLength: 1000, description: 'Shown to the exhibitor; required to reject, request changes or waitlist' })
  @IsOptional() @Trim() @IsString() @Length(1, 1000) @IsSingleLine({ message: 'reason must be a single line' })
  reason?: string;
}

export class ApproveDto {
  @ApiPropertyOptional({ example: 'EXH2', description: 'Hall to take the booths from, when it is not the one asked for' })
  @IsOptional() @Trim() @IsString() @Matches(/^[A-Z0-9-]{1,20}$/, { message: 'hall must be a hall code such as EXH1' })
  hall?: string;
}

export class BulkApproveDto {
  @ApiProperty({ type: [String], maxItems: 500 })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ArrayUnique() @IsUUID('all', { each: true, message: 'each id must be a UUID' })
  ids: string[];
}

export class ApplicationListQuery {
  @ApiPropertyOptional({ example: 'ppuri-2027' })
  @IsOptional() @IsString() @Matches(/^[a-z0-9-]{1,60}$/, { message: 'edition must be an edition code' })
  edition?: string;

  @ApiPropertyOptional({ example: 'ppuri', description: 'Fair series code' })
  @IsOptional() @IsString() @Matches(/^[a-z0-9-]{1,60}$/, { message: 'fair must be a fair code' })
  fair?: string;

  @ApiPropertyOptional({ enum: APPLICATION_STATUSES, isArray: true, description: 'One status or several, comma-separated' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsArray() @IsIn(APPLICATION_STATUSES, { each: true, message: `status must be among ${APPLICATION_STATUSES.join(', ')}` })
  status?: ApplicationStatus[];

  @ApiPropertyOptional({ example: 'EXH1' })
  @IsOptional() @IsString() @Matches(/^[A-Z0-9-]{1,20}$/, { message: 'hall must be a hall code such as EXH1' })
  hall?: string;

  @ApiPropertyOptional({ example: 'mold' })
  @IsOptional() @IsIn(ALL_PRODUCT_CATEGORY_CODES, { message: 'category must be a product category code' })
  category?: string;

  @ApiPropertyOptional({ example: 'KR' })
  @IsOptional() @IsString() @Matches(/^[A-Za-z]{2}$/, { message: 'country must be a two-letter code' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
  country?: string;

  @ApiPropertyOptional({ description: 'Part of the company name' })
  @IsOptional() @IsString() @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ['submittedAt', 'companyName', 'status', 'boothCount', 'updatedAt'], default: 'submittedAt' })
  @IsOptional() @IsIn(['submittedAt', 'companyName', 'status', 'boothCount', 'updatedAt'], { message: 'sort must be submittedAt, companyName, status, boothCount or updatedAt' })
  sort?: 'submittedAt' | 'companyName' | 'status' | 'boothCount' | 'updatedAt';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional() @IsIn(['asc', 'desc'], { message: 'order must be asc or desc' })
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'page must be a whole number from 1' }) @Min(1) @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'pageSize must be a whole number' }) @Min(1) @Max(200)
  pageSize?: number;
}

export class FeeLineResponse {
  @ApiProperty({ enum: ['booths', 'corner_surcharge', 'island_surcharge', 'early_bird_discount'] }) code: string;
  @ApiProperty() quantity: number;
  @ApiProperty() unitKrw: number;
  @ApiProperty() amountKrw: number;
}

export class FeeResponse {
  @ApiProperty({ type: [FeeLineResponse] }) lines: FeeLineResponse[];
  @ApiProperty() netKrw: number;
  @ApiProperty() vatKrw: number;
  @ApiProperty() totalKrw: number;
  @ApiProperty() earlyBird: boolean;
  @ApiProperty({ description: 'False until booths are assigned: corner/island surcharges then apply' }) final: boolean;
}

export class AssignedBoothResponse {
  @ApiProperty() code: string;
  @ApiProperty({ enum: BOOTH_KINDS }) kind: BoothKind;
  @ApiProperty() units: number;
  @ApiProperty() hall: string;
}

export class ApplicationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ppuri-2027' }) edition: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ nullable: true, type: String }) statusReason: string | null;
  @ApiProperty() companyName: string;
  @ApiProperty({ nullable: true, type: String, example: 'Bitgoeul Precision Co., Ltd.', description: 'The company name in the other script, where it has one' }) companyAlternateName: string | null;
  @ApiProperty({ example: '220-81-62517', nullable: true, type: String, description: 'A Korean company\'s 사업자등록번호; null elsewhere' }) businessRegistrationNumber: string | null;
  @ApiProperty() country: string;
  @ApiProperty({ enum: COMPANY_IDENTIFIER_KINDS, example: 'kr-brn' }) companyIdentifierKind: CompanyIdentifierKind;
  @ApiProperty({ example: '220-81-62517', description: 'The company identifier as shown (a 사업자등록번호 with its hyphens)' }) companyIdentifier: string;
  @ApiProperty({ type: ContactDto }) contact: ContactDto;
  @ApiProperty({ type: BoothRequestDto }) booth: BoothRequestDto;
  @ApiProperty({ nullable: true, type: String, example: 'EXH1' }) hall: string | null;
  @ApiProperty({ enum: BOOTH_KINDS, nullable: true }) preferredBoothKind: BoothKind | null;
  @ApiProperty({ type: [String] }) productCategories: string[];
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ type: [AssignedBoothResponse] }) booths: AssignedBoothResponse[];
  @ApiProperty({ type: FeeResponse, nullable: true }) fee: FeeResponse | null;
  @ApiProperty({ type: [String], enum: ['logo', 'brochure'] }) uploads: string[];
  @ApiProperty({ type: [String], description: 'What the caller may do next' }) actions: string[];
  @ApiProperty({ nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ApplicationListResponse {
  @ApiProperty({ type: [ApplicationResponse] }) items: ApplicationResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class StatusChangeResponse {
  @ApiProperty({ nullable: true, type: String }) from: string | null;
  @ApiProperty() to: string;
  @ApiProperty() action: string;
  @ApiProperty({ enum: ['exhibitor', 'organizer', 'system', 'anonymous'] }) actorRole: string;
  @ApiProperty({ nullable: true, type: String }) actorName: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() at: string;
}

export class BulkApproveResponse {
  @ApiProperty({ type: [String] }) approved: string[];
  @ApiProperty({ type: [String] }) waitlisted: string[];
  @ApiProperty({ description: 'Ids refused, each with why', type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, reason: { type: 'string' } } } })
  refused: Array<{ id: string; reason: string }>;
}
