import { IsCalendarDay } from '../../../core/http/validators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min, ValidateNested,
} from 'class-validator';
import { BOOTH_KINDS, type BoothKind } from '../domain/booth-kinds';

export class GenerateBoothPlanDto {
  @ApiProperty({ example: 'EXH1' })
  @IsString() @Matches(/^[A-Z0-9-]{1,20}$/, { message: 'hall must be a hall code such as EXH1' })
  hall: string;

  @ApiProperty({ example: '1', description: 'Prefix of the booth codes (1 → 1A01, 1A02 …)' })
  @IsString() @Matches(/^[A-Z0-9]{1,3}$/, { message: 'prefix must be 1 to 3 letters or digits' })
  prefix: string;

  @ApiProperty({ example: 10, minimum: 1, maximum: 26 })
  @IsInt() @Min(1) @Max(26)
  rows: number;

  @ApiProperty({ example: 20, minimum: 2, maximum: 60 })
  @IsInt() @Min(2) @Max(60)
  boothsPerRow: number;

  @ApiPropertyOptional({ example: 1, minimum: 0, maximum: 10, description: 'The last rows hold 6 m × 6 m island booths' })
  @IsOptional() @IsInt() @Min(0) @Max(10)
  islandRows?: number;
}

export class AssignBoothsDto {
  @ApiProperty({ type: [String], example: ['1A01', '1A02'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ArrayUnique()
  @Matches(/^[A-Z0-9-]{1,12}$/, { each: true, message: 'each booth must be a booth code such as 1A01' })
  booths: string[];
}

export class BoothResponse {
  @ApiProperty() code: string;
  @ApiProperty() hall: string;
  @ApiProperty() row: string;
  @ApiProperty() position: number;
  @ApiProperty() widthM: number;
  @ApiProperty() depthM: number;
  @ApiProperty() units: number;
  @ApiProperty({ enum: BOOTH_KINDS }) kind: BoothKind;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) applicationId: string | null;
  @ApiProperty({ nullable: true, type: String }) companyName: string | null;
}

export class AutoAssignResponse {
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { applicationId: { type: 'string' }, booths: { type: 'array', items: { type: 'string' } } } } })
  assigned: Array<{ applicationId: string; booths: string[] }>;
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { applicationId: { type: 'string' }, reason: { type: 'string' } } } })
  unassigned: Array<{ applicationId: string; reason: string }>;
}

export class HallCapacityDto {
  @ApiProperty({ example: 'EXH1' })
  @IsString() @Matches(/^[A-Z0-9-]{1,20}$/, { message: 'hall must be a hall code such as EXH1' })
  hall: string;

  @ApiProperty({ example: 240, description: 'Capacity in 9 m² booth units' })
  @IsInt() @Min(0) @Max(10_000)
  boothCapacity: number;
}

export class ExhibitionTermsDto {
  @ApiProperty({ example: '2027-03-31T23:59:59+09:00' })
  @IsISO8601({ strict: true }, { message: 'registrationDeadline must be an ISO 8601 date-time such as 2027-03-31T23:59:59+09:00' })
  registrationDeadline: string;

  @ApiPropertyOptional({ example: '2027-01-31', nullable: true })
  @IsOptional() @IsCalendarDay('earlyBirdUntil must be a date such as 2027-01-31')
  earlyBirdUntil?: string;

  @ApiProperty({ example: 2_200_000 }) @IsInt() @Min(0) @Max(1_000_000_000) priceRawSpaceKrw: number;
  @ApiProperty({ example: 2_600_000 }) @IsInt() @Min(0) @Max(1_000_000_000) priceShellSchemeKrw: number;
  @ApiProperty({ example: 10 }) @IsInt() @Min(0) @Max(100) cornerSurchargePct: number;
  @ApiProperty({ example: 15 }) @IsInt() @Min(0) @Max(100) islandSurchargePct: number;
  @ApiProperty({ example: 10 }) @IsInt() @Min(0) @Max(100) earlyBirdDiscountPct: number;
  @ApiPropertyOptional({ example: 10, default: 10 }) @IsOptional() @IsInt() @Min(0) @Max(100) vatPct?: number;

  // Billing terms: the deposit (계약금), the balance's due day and the refund on cancellation.
  @ApiPropertyOptional({ example: 30, default: 30 }) @IsOptional() @IsInt() @Min(0) @Max(100) depositPct?: number;
  @ApiPropertyOptional({ example: 14, default: 14, description: 'Days after issue' }) @IsOptional() @IsInt() @Min(0) @Max(365) depositDueDays?: number;
  @ApiPropertyOptional({ example: '2027-03-31', nullable: true, description: 'Default: 30 days before the edition opens' })
  @IsOptional() @IsCalendarDay('balanceDueOn must be a date such as 2027-03-31')
  balanceDueOn?: string;
  @ApiPropertyOptional({ example: '2027-02-28', nullable: true, description: 'Cancellations up to this day get refundBeforePct back, later ones refundAfterPct' })
  @IsOptional() @IsCalendarDay('refundCutoffOn must be a date such as 2027-02-28')
  refundCutoffOn?: string;
  @ApiPropertyOptional({ example: 50, default: 50 }) @IsOptional() @IsInt() @Min(0) @Max(100) refundBeforePct?: number;
  @ApiPropertyOptional({ example: 0, default: 0 }) @IsOptional() @IsInt() @Min(0) @Max(100) refundAfterPct?: number;

  @ApiPropertyOptional({ type: [HallCapacityDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => HallCapacityDto)
  halls?: HallCapacityDto[];
}

export class ExhibitionHallResponse {
  @ApiProperty() code: string;
  @ApiProperty() nameKo: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() boothCapacity: number;
  @ApiProperty() boothsFree: number;
}

export class ExhibitionResponse {
  @ApiProperty() edition: string;
  @ApiProperty({ nullable: true, type: String }) registrationDeadline: string | null;
  @ApiProperty({ nullable: true, type: String }) earlyBirdUntil: string | null;
  @ApiProperty({ description: 'Per 9 m² booth, KRW before VAT' }) priceRawSpaceKrw: number;
  @ApiProperty() priceShellSchemeKrw: number;
  @ApiProperty() cornerSurchargePct: number;
  @ApiProperty() islandSurchargePct: number;
  @ApiProperty() earlyBirdDiscountPct: number;
  @ApiProperty() vatPct: number;
  @ApiProperty({ type: [ExhibitionHallResponse] }) halls: ExhibitionHallResponse[];
}
