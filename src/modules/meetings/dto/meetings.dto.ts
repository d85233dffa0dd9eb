import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsISO31661Alpha2, IsOptional, IsString, IsUUID, Length,
  Matches, Max, MaxLength, Min, registerDecorator, ValidateIf, type ValidationArguments,
} from 'class-validator';
import { COMPANY_IDENTIFIER_KINDS, type CompanyIdentifierKind } from '../../exhibitors/domain/company-identifier';
import { checkParticipantCompany, type ParticipantCompanyField, type ParticipantCompanyInput } from '../domain/participant-company';
import { IsMailAddress, IsSingleLine, Trim } from '../../../core/http/validators';
import { ALL_PRODUCT_CATEGORY_CODES } from '../../fairs/product-categories';
import { SIDES, type Side } from '../entities/meeting-participant.entity';
import { PRIORITIES, type Priority } from '../entities/meeting-request.entity';
import { FAIRNESS_MODES, type FairnessMode } from '../scheduler/types';

/**
 * A company-identity rule checked on the whole object (domain/participant-company): the identifier
 * follows the country. No @IsOptional stands before it, so it also sees a missing field.
 */
function ParticipantCompanyRule(field: ParticipantCompanyField): PropertyDecorator {
  return (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: 'participantCompany',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (_value: unknown, args?: ValidationArguments) => !checkParticipantCompany(args?.object as ParticipantCompanyInput).problems[field],
        defaultMessage: (args?: ValidationArguments) => checkParticipantCompany(args?.object as ParticipantCompanyInput).problems[field]?.en ?? `${field} is invalid`,
      },
    });
  };
}

/** The optional identity fields of a participant's company, shared by the organizer's and the buyer's requests. */
class ParticipantCompanyFields {
  @ApiPropertyOptional({
    example: '사이공오토파츠', maxLength: 200,
    description: 'The company name in the other script, where it has one (Hangul for a Latin name, Latin for a Hangul name). Korean pages and mails show the Hangul name, English ones the Latin.',
  })
  @Trim() @ValidateIf((o: ParticipantCompanyFields) => o.alternateCompanyName !== undefined) @IsString() @Length(1, 200) @IsSingleLine()
  @ParticipantCompanyRule('alternateCompanyName')
  alternateCompanyName?: string;

  @ApiPropertyOptional({
    enum: COMPANY_IDENTIFIER_KINDS, example: 'eu-vat',
    description: 'The kind of the company identifier, with identifier (both optional): kr-brn for a Korean company (사업자등록번호), else eu-vat (EU member states; XI for Northern Ireland), gb-vat (United Kingdom), register, tax, other',
  })
  @Trim() @ParticipantCompanyRule('identifierKind')
  identifierKind?: CompanyIdentifierKind;

  @ApiPropertyOptional({
    example: 'DE123456789', maxLength: 60,
    description: 'The company identifier, checked against country and identifierKind: a 사업자등록번호 with its check digit (KR), an EU VAT ID in its member state\'s format (the prefix may be left out), GB + 9 or 12 digits; register, tax, other: 3 to 40 letters and digits. Stored normalized.',
  })
  @Trim() @ParticipantCompanyRule('identifier')
  identifier?: string;
}

const LANGUAGE = /^[a-z]{2}$/;
const CODE = /^[A-Za-z0-9_-]{1,20}$/;
const SLOT = /^[A-Za-z0-9_:-]{1,40}$/;

export class CreateParticipantDto extends ParticipantCompanyFields {
  @ApiProperty({ enum: SIDES }) @IsIn(SIDES) side: Side;
  @ApiProperty({ example: 'Saigon Auto Parts JSC' }) @Trim() @IsString() @Length(1, 200) @IsSingleLine() companyName: string;
  @ApiProperty({ example: 'VN' }) @IsString() @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as VN' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
  country: string;
  @ApiProperty({ example: 'Nguyen Van An' }) @Trim() @IsString() @Length(1, 100) @IsSingleLine() contactName: string;
  @ApiProperty({ example: 'an.nguyen@saigon-auto.example' }) @Trim() @IsString() @MaxLength(254) @IsMailAddress({ message: 'email must be an email address' }) email: string;
  @ApiProperty({ example: ['vi', 'en'], description: 'ISO 639-1 codes' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @ArrayUnique() @Matches(LANGUAGE, { each: true, message: 'each language must be a two-letter code such as en' })
  languages: string[];
  @ApiProperty({ example: ['ev-powertrain', 'auto-parts'], description: 'Product category codes (GET /api/fairs)' })
  @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsIn(ALL_PRODUCT_CATEGORY_CODES, { each: true, message: 'each interest must be a product category code' })
  interests: string[];
  @ApiPropertyOptional({ example: 'EV motor housings, 20,000 units a year' }) @IsOptional() @Trim() @IsString() @MaxLength(1000) purchasePlans?: string;
  @ApiPropertyOptional({ enum: ['ko', 'en'], default: 'en' }) @IsOptional() @IsIn(['ko', 'en']) locale?: 'ko' | 'en';
  @ApiPropertyOptional({ example: 'T01', description: 'The table this participant hosts its meetings at' }) @IsOptional() @Matches(CODE) tableCode?: string;
  @ApiPropertyOptional({ example: 8 }) @IsOptional() @IsInt() @Min(1) @Max(100) maxMeetings?: number;
  @ApiPropertyOptional({ example: ['D2027-07-08-1000'], description: 'Slot ids when away' })
  @IsOptional() @IsArray() @ArrayMaxSize(500) @Matches(SLOT, { each: true }) unavailableSlots?: string[];
}

export class SetTablesDto {
  @ApiProperty({ example: ['T01', 'T02', 'P01'] })
  @IsArray() @ArrayMaxSize(2000) @ArrayUnique() @Matches(CODE, { each: true, message: 'each table code is 1-20 letters, digits, _ or -' })
  codes: string[];
}

export class CreateInterpreterDto {
  @ApiProperty({ example: 'Kim Ha-eun' }) @Trim() @IsString() @Length(1, 100) @IsSingleLine() name: string;
  @ApiProperty({ example: ['vi', 'en'] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @Matches(LANGUAGE, { each: true }) languages: string[];
  @ApiPropertyOptional({ example: [] }) @IsOptional() @IsArray() @ArrayMaxSize(500) @Matches(SLOT, { each: true }) unavailableSlots?: string[];
}

export class CreateRequestDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() buyer: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() exhibitor: string;
  @ApiProperty({ enum: PRIORITIES, description: 'must-have / want / nice-to-have → weight 3 / 2 / 1' }) @IsIn(PRIORITIES) priority: Priority;
  @ApiProperty({ enum: ['buyer', 'exhibitor', 'organizer'] }) @IsIn(['buyer', 'exhibitor', 'organizer']) requestedBy: 'buyer' | 'exhibitor' | 'organizer';
  @ApiPropertyOptional({ description: 'Hours until an unanswered request lapses (organizer requests are accepted at once)', example: 72 })
  @IsOptional() @IsInt() @Min(1) @Max(24 * 60) expiresInHours?: number;
}

export class StartScheduleRunDto {
  @ApiPropertyOptional({ default: true, description: 'Keep published meetings where they are' }) @IsOptional() @IsBoolean() keepPublished?: boolean;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @IsInt() @Min(1) @Max(2 ** 31 - 1) seed?: number;
  @ApiPropertyOptional({
    enum: FAIRNESS_MODES, default: 'weight',
    description: "'weight': the total weight decides, fairness only breaks ties (never costs weight); 'strict': everyone who could have a meeting gets one, even at a cost in weight. The run's stats count who is left without (leftWithout of couldMeet).",
  })
  @IsOptional() @IsIn(FAIRNESS_MODES) fairness?: FairnessMode;
}

export class SuggestionsQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() participant: string;
  @ApiPropertyOptional({ default: 10 }) @IsOptional() @Transform(({ value }: { value: unknown }) => Number(value)) @IsInt() @Min(1) @Max(50) limit?: number;
}

export class LockRequestDto {
  @ApiProperty({ example: 'D2027-07-08-1000' }) @Matches(SLOT) slot: string;
  @ApiProperty({ example: 'T01' }) @Matches(CODE) table: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() interpreter?: string;
}

export class ParticipantResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SIDES }) side: Side;
  @ApiProperty() companyName: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The company name in the other script' }) alternateCompanyName: string | null;
  @ApiProperty() country: string;
  @ApiPropertyOptional({ enum: COMPANY_IDENTIFIER_KINDS, nullable: true }) identifierKind: CompanyIdentifierKind | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The company identifier, normalized' }) identifier: string | null;
  @ApiProperty() contactName: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ type: [String] }) interests: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) tableCode: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) maxMeetings: number | null;
  @ApiProperty({ type: [String] }) unavailableSlots: string[];
}

export class RequestResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) buyer: string;
  @ApiProperty({ format: 'uuid' }) exhibitor: string;
  @ApiProperty({ enum: PRIORITIES }) priority: Priority;
  @ApiProperty() weight: number;
  @ApiProperty() requestedBy: string;
  @ApiProperty({ enum: ['pending', 'accepted', 'declined', 'expired', 'cancelled'], description: 'A pending request past its expiry reads as expired' }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Language an interpreter must cover' }) language: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) expiresAt: string | null;
  @ApiPropertyOptional({ type: Object, nullable: true, description: '{ slot, table } when an organizer locked it' }) locked: { slot: string; table: string } | null;
}

export class ScheduleRunResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status: string;
  @ApiPropertyOptional({ type: Object, nullable: true, description: '{ phase, weight, bound?, boundKind?, fraction? } while it runs; bound is the LP bound once solved (boundKind "LP")' }) progress: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: Object, nullable: true }) stats: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: Object, isArray: true, nullable: true, description: '[{ request, reason }]' }) unscheduled: Array<{ request: string; reason: string }> | null;
  @ApiPropertyOptional({ type: String, nullable: true }) error: string | null;
}

export class MeetingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) request: string;
  @ApiProperty() buyer: string;
  @ApiProperty() exhibitor: string;
  @ApiProperty({ example: 'D2027-07-08-1000' }) slot: string;
  @ApiProperty({ example: '2027-07-08T10:00:00+09:00' }) startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() table: string;
  @ApiPropertyOptional({ type: String, nullable: true }) interpreter: string | null;
  @ApiProperty({ enum: ['scheduled', 'published', 'cancelled'] }) status: string;
  @ApiProperty() locked: boolean;
  @ApiProperty() weight: number;
}

export class SuggestionResponse {
  @ApiProperty({ format: 'uuid' }) participant: string;
  @ApiProperty() companyName: string;
  @ApiProperty() country: string;
  @ApiProperty() score: number;
  @ApiProperty({ type: [String] }) sharedInterests: string[];
  @ApiProperty({ type: [String] }) commonLanguages: string[];
  @ApiProperty({ type: Object, example: { en: 'Shares 1 product category: Robots; speaks English', ko: '공통 품목 1개: 로봇; 영어 가능' } }) reason: { en: string; ko: string };
}

export class MoveMeetingDto {
  @ApiProperty({ example: 'D2027-07-08-1030' }) @Matches(SLOT) slot: string;
  @ApiPropertyOptional({ example: 'P01', description: 'Defaults to the current table' }) @IsOptional() @Matches(CODE) table?: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Another interpreter, or null for none; omitted keeps the current one' })
  @IsOptional() @IsUUID() interpreter?: string | null;
}

export class SwapMeetingsDto {
  @ApiProperty({ type: [String], example: ['…', '…'], description: 'The two meetings whose slots trade places' })
  @IsArray() @ArrayMinSize(2) @ArrayMaxSize(2) @IsUUID('all', { each: true })
  meetings: string[];
}

export class AgendaItemResponse {
  @ApiProperty({ format: 'uuid' }) meeting: string;
  @ApiProperty({ example: '2027-07-08T10:00:00+09:00' }) startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() table: string;
  @ApiProperty() counterpart: string;
  @ApiProperty() counterpartCountry: string;
  @ApiPropertyOptional({ type: String, nullable: true }) interpreter: string | null;
  @ApiProperty({ enum: ['scheduled', 'published', 'cancelled'] }) status: string;
}

export class AgendaResponse {
  @ApiProperty({ format: 'uuid' }) participant: string;
  @ApiProperty() companyName: string;
  @ApiProperty({ type: [AgendaItemResponse] }) meetings: AgendaItemResponse[];
}

export class RequestSettingsDto {
  @ApiProperty({ example: 48, description: 'Hours a request waits for an answer before it lapses' }) @IsInt() @Min(1) @Max(24 * 60) requestExpiryHours: number;
}

/** A buyer's own registration for the export meetings (public). */
export class RegisterBuyerDto extends ParticipantCompanyFields {
  @ApiProperty({ example: 'Saigon Auto Parts JSC' }) @Trim() @IsString() @Length(1, 200) @IsSingleLine() companyName: string;
  @ApiProperty({ example: 'VN' }) @IsString() @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as VN' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
  country: string;
  @ApiProperty({ example: 'Nguyen Van An' }) @Trim() @IsString() @Length(1, 100) @IsSingleLine() contactName: string;
  @ApiProperty({ example: 'an.nguyen@saigon-auto.example' }) @Trim() @IsString() @MaxLength(254) @IsMailAddress({ message: 'email must be an email address' }) email: string;
  @ApiProperty({ example: ['vi', 'en'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @ArrayUnique() @Matches(LANGUAGE, { each: true, message: 'each language must be a two-letter code such as en' })
  languages: string[];
  @ApiProperty({ example: ['ev-powertrain'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ArrayUnique() @IsIn(ALL_PRODUCT_CATEGORY_CODES, { each: true, message: 'each interest must be a product category code' })
  interests: string[];
  @ApiPropertyOptional({ example: 'EV motor housings, 20,000 units a year' }) @IsOptional() @Trim() @IsString() @MaxLength(1000) purchasePlans?: string;
  @ApiPropertyOptional({ enum: ['ko', 'en'], default: 'en' }) @IsOptional() @IsIn(['ko', 'en']) locale?: 'ko' | 'en';
  @ApiPropertyOptional({ example: ['D2027-07-08-1000'], description: 'Slot ids when away (e.g. a whole meeting day the buyer cannot attend); all others count as available' })
  @IsOptional() @IsArray() @ArrayMaxSize(500) @ArrayUnique() @Matches(SLOT, { each: true }) unavailableSlots?: string[];
}

export class AvailabilityDto {
  @ApiProperty({ example: ['D2027-07-08-1000'], description: 'Slot ids when you are away (all others count as available)' })
  @IsArray() @ArrayMaxSize(500) @ArrayUnique() @Matches(SLOT, { each: true }) unavailableSlots: string[];
}

export class OwnRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The participant of the other side you want to meet' }) @IsUUID() counterpart: string;
  @ApiProperty({ enum: PRIORITIES }) @IsIn(PRIORITIES) priority: Priority;
}
