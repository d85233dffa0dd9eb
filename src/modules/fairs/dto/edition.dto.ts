import { IsCalendarDay } from '../../../core/http/validators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested, IsDefined,
} from 'class-validator';
import { IsSingleLine, Trim } from '../../../core/http/validators';
import { EDITION_STATUSES, type EditionStatus } from '../entities/fair-edition.entity';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/;

export class CreateEditionDto {
  @ApiProperty({ example: 2028 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ example: '2028-04-26' }) @IsString() @IsCalendarDay('startsOn must be a date such as 2028-04-26') startsOn: string;
  @ApiProperty({ example: '2028-04-28' }) @IsString() @IsCalendarDay('endsOn must be a date such as 2028-04-28') endsOn: string;
  @ApiPropertyOptional({ example: 'kdj-center', default: 'kdj-center' }) @IsOptional() @IsString() @MaxLength(40) venue?: string;
}

export class UpdateEditionDto {
  @ApiPropertyOptional({ example: '2028-04-26' }) @IsOptional() @IsString() @IsCalendarDay('startsOn must be a date such as 2028-04-26') startsOn?: string;
  @ApiPropertyOptional({ example: '2028-04-28' }) @IsOptional() @IsString() @IsCalendarDay('endsOn must be a date such as 2028-04-28') endsOn?: string;
  @ApiPropertyOptional({ example: 2, minimum: 0, maximum: 7, description: 'Days before the first day the halls are held for build-up' })
  @IsOptional() @IsInt({ message: 'buildUpDays must be a whole number of days from 0 to 7' }) @Min(0, { message: 'buildUpDays must be a whole number of days from 0 to 7' })
  @Max(7, { message: 'buildUpDays must be a whole number of days from 0 to 7' }) buildUpDays?: number;
  @ApiPropertyOptional({ example: 1, minimum: 0, maximum: 7, description: 'Days after the last day the halls are held for tear-down' })
  @IsOptional() @IsInt({ message: 'tearDownDays must be a whole number of days from 0 to 7' }) @Min(0, { message: 'tearDownDays must be a whole number of days from 0 to 7' })
  @Max(7, { message: 'tearDownDays must be a whole number of days from 0 to 7' }) tearDownDays?: number;
}

export class ChangeEditionStatusDto {
  @ApiProperty({ enum: EDITION_STATUSES, example: 'published' })
  @IsIn(EDITION_STATUSES, { message: `to must be one of ${EDITION_STATUSES.join(', ')}` })
  to: EditionStatus;

  @ApiPropertyOptional({ example: 'Programme approved by the organizing committee', maxLength: 500 })
  @IsOptional() @Trim() @IsString() @MaxLength(500) @IsSingleLine()
  reason?: string;
}

export class ListEditionsQuery {
  @ApiPropertyOptional({ example: 'ppuri' }) @IsOptional() @IsString() @MaxLength(40) series?: string;
  @ApiPropertyOptional({ enum: EDITION_STATUSES }) @IsOptional() @IsIn(EDITION_STATUSES) status?: EditionStatus;
  @ApiPropertyOptional({ example: 2027 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional({ default: 20, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}

export class OpeningDayDto {
  @ApiProperty({ example: '2027-04-28' }) @IsString() @IsCalendarDay('date must be a date such as 2027-04-28') date: string;
  @ApiProperty({ example: '10:00' }) @IsString() @Matches(TIME, { message: 'opensAt must be a time such as 10:00' }) opensAt: string;
  @ApiProperty({ example: '18:00' }) @IsString() @Matches(TIME, { message: 'closesAt must be a time such as 18:00' }) closesAt: string;
}

export class SetOpeningHoursDto {
  @ApiProperty({ type: [OpeningDayDto] })
  @IsDefined() @IsArray() @ArrayMaxSize(31) @ValidateNested({ each: true }) @Type(() => OpeningDayDto)
  days: OpeningDayDto[];
}

export class CreateConferenceSessionDto {
  @ApiProperty({ example: '전기차 부품 산업의 미래' }) @Trim() @IsString() @Length(1, 200) @IsSingleLine() titleKo: string;
  @ApiProperty({ example: 'The future of EV parts' }) @Trim() @IsString() @Length(1, 200) @IsSingleLine() titleEn: string;
  @ApiProperty({ type: [String], example: ['Dr. Park Ji-hoon'] })
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 120, { each: true }) @IsSingleLine({ each: true })
  speakers: string[];
  @ApiProperty({ example: 'R201', description: 'Space code of the room' }) @IsString() @MaxLength(40) room: string;
  @ApiProperty({ example: '2027-07-07T14:00:00+09:00' }) @IsString() @Matches(ZONED, { message: 'startsAt must be a date-time with a zone' }) startsAt: string;
  @ApiProperty({ example: '2027-07-07T15:30:00+09:00' }) @IsString() @Matches(ZONED, { message: 'endsAt must be a date-time with a zone' }) endsAt: string;
  @ApiProperty({ example: 120 }) @IsInt() @Min(1) @Max(10000) capacity: number;
}

/** A session moved to another time or room, or renamed; every field optional. */
export class UpdateConferenceSessionDto {
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @Length(1, 200) @IsSingleLine() titleKo?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @Length(1, 200) @IsSingleLine() titleEn?: string;
  @ApiPropertyOptional({ example: 'R202' }) @IsOptional() @IsString() @MaxLength(40) room?: string;
  @ApiPropertyOptional({ example: '2027-07-07T15:00:00+09:00' }) @IsOptional() @IsString() @Matches(ZONED, { message: 'startsAt must be a date-time with a zone' }) startsAt?: string;
  @ApiPropertyOptional({ example: '2027-07-07T16:30:00+09:00' }) @IsOptional() @IsString() @Matches(ZONED, { message: 'endsAt must be a date-time with a zone' }) endsAt?: string;
}

export class BreakDto {
  @ApiProperty({ example: '12:00' }) @IsString() @Matches(TIME, { message: 'start must be a time such as 12:00' }) start: string;
  @ApiProperty({ example: '13:00' }) @IsString() @Matches(TIME, { message: 'end must be a time such as 13:00' }) end: string;
}

export class CreateMeetingSessionDto {
  @ApiProperty({ example: '2027-07-08' }) @IsString() @IsCalendarDay('day must be a date such as 2027-07-08') day: string;
  @ApiProperty({ example: '10:00' }) @IsString() @Matches(TIME, { message: 'startsAt must be a time such as 10:00' }) startsAt: string;
  @ApiProperty({ example: '17:00' }) @IsString() @Matches(TIME, { message: 'endsAt must be a time such as 17:00' }) endsAt: string;
  @ApiPropertyOptional({ example: 30, default: 30 }) @IsOptional() @IsInt() @Min(10) @Max(120) slotMinutes?: number;
  @ApiPropertyOptional({ type: [BreakDto] }) @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => BreakDto) breaks?: BreakDto[];
  @ApiPropertyOptional({ example: 'MPH', description: 'Space code where the tables stand' }) @IsOptional() @IsString() @MaxLength(40) space?: string;
}
