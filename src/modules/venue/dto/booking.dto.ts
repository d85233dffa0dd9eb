import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsSingleLine, Trim } from '../../../core/http/validators';
import { MAX_SETUP_MINUTES } from '../domain/booking-rules';
import { BOOKING_STATUSES, type BookingStatus } from '../entities/booking.entity';

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const ZONED_MESSAGE = '$property must be an ISO 8601 date-time with a zone, e.g. 2027-04-28T10:00:00+09:00';

export class CreateBookingDto {
  @ApiProperty({ example: 'EXH1', description: 'Space code from GET /api/venues/{venue}/spaces' })
  @Trim() @IsString() @Length(1, 40)
  space: string;

  @ApiProperty({ example: '2027-04-28T09:00:00+09:00' })
  @IsString() @Matches(ISO_WITH_ZONE, { message: ZONED_MESSAGE })
  startsAt: string;

  @ApiProperty({ example: '2027-04-30T18:00:00+09:00' })
  @IsString() @Matches(ISO_WITH_ZONE, { message: ZONED_MESSAGE })
  endsAt: string;

  @ApiPropertyOptional({ example: 120, description: 'Minutes before startsAt that count as occupied', default: 0 })
  @IsOptional() @IsInt() @Min(0) @Max(MAX_SETUP_MINUTES)
  setupMinutes?: number;

  @ApiPropertyOptional({ example: 120, description: 'Minutes after endsAt that count as occupied', default: 0 })
  @IsOptional() @IsInt() @Min(0) @Max(MAX_SETUP_MINUTES)
  teardownMinutes?: number;

  @ApiProperty({ example: 'PPURI 2027 exhibition', maxLength: 200 })
  @Trim() @IsString() @Length(1, 200) @IsSingleLine()
  purpose: string;

  @ApiPropertyOptional({ example: 'ppuri-2027', description: 'The fair edition the booking serves' })
  @IsOptional() @Trim() @IsString() @MaxLength(60)
  edition?: string;

  @ApiPropertyOptional({ description: 'Book firmly at once instead of placing a hold', default: false })
  @IsOptional() @IsBoolean()
  confirm?: boolean;

  @ApiPropertyOptional({ example: 60, description: 'How long the hold lasts unless confirmed (default HOLD_MINUTES)' })
  @IsOptional() @IsInt() @Min(1) @Max(10080)
  holdMinutes?: number;
}

export class CancelBookingDto {
  @ApiPropertyOptional({ example: 'Edition moved to another week', maxLength: 500 })
  @IsOptional() @Trim() @IsString() @MaxLength(500) @IsSingleLine()
  reason?: string;
}

export class ListBookingsQuery {
  @ApiPropertyOptional({ example: 'EXH1' }) @IsOptional() @IsString() @MaxLength(40) space?: string;
  @ApiPropertyOptional({ example: 'ppuri-2027' }) @IsOptional() @IsString() @MaxLength(60) edition?: string;
  @ApiPropertyOptional({ enum: BOOKING_STATUSES }) @IsOptional() @IsIn(BOOKING_STATUSES) status?: BookingStatus;
  @ApiPropertyOptional({ example: '2027-04-01T00:00:00+09:00' }) @IsOptional() @Type(() => Date) @IsDate() from?: Date;
  @ApiPropertyOptional({ example: '2027-05-01T00:00:00+09:00' }) @IsOptional() @Type(() => Date) @IsDate() to?: Date;
  @ApiPropertyOptional({ default: 1, minimum: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class AvailabilityQuery {
  @ApiProperty({ example: '2027-04-26', description: 'First local date' })
  @IsString() @Matches(DATE, { message: 'from must be a date such as 2027-04-26' })
  from: string;

  @ApiProperty({ example: '2027-04-30', description: 'Last local date (at most 31 days after from)' })
  @IsString() @Matches(DATE, { message: 'to must be a date such as 2027-04-30' })
  to: string;

  @ApiPropertyOptional({ example: 'EXH1', description: 'Only this space' })
  @IsOptional() @IsString() @MaxLength(40)
  space?: string;
}

export class DayViewQuery {
  @ApiProperty({ example: '2027-04-28' })
  @IsString() @Matches(DATE, { message: 'date must be a date such as 2027-04-28' })
  date: string;
}

export class FeedQuery {
  @ApiProperty({ description: 'The key from the space feed URL' })
  @IsString() @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'key is not a feed key' })
  key: string;
}
