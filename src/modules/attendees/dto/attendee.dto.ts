import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsISO31661Alpha2, IsOptional, IsString, Length, Matches, MaxLength,
} from 'class-validator';
import { IsMailAddress, IsSingleLine, Trim } from '../../../core/http/validators';
import { ATTENDEE_KINDS, type AttendeeKind } from '../entities/attendee.entity';

export class RegisterAttendeeDto {
  @ApiProperty({ example: 'Tran Minh', maxLength: 120 })
  @Trim() @IsString() @Length(1, 120) @IsSingleLine()
  name: string;

  @ApiProperty({ example: 'minh@hanoi-ev.example' })
  @Trim() @IsString() @MaxLength(254) @IsMailAddress({ message: 'email must be an email address' }) @IsSingleLine()
  email: string;

  @ApiPropertyOptional({ example: 'Hanoi EV Trading', maxLength: 200 })
  @IsOptional() @Trim() @IsString() @Length(1, 200) @IsSingleLine()
  company?: string;

  @ApiProperty({ example: 'VN', description: 'ISO 3166-1 alpha-2 country code' })
  @Trim() @IsString() @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as KR' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
  country: string;

  @ApiProperty({ enum: ATTENDEE_KINDS })
  @IsIn(ATTENDEE_KINDS)
  kind: AttendeeKind;

  @ApiProperty({ example: ['2027-07-07', '2027-07-08'], description: 'Days of the edition (startsOn..endsOn) the visitor comes' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(31) @ArrayUnique() @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'each day must be a date YYYY-MM-DD' })
  days: string[];

  @ApiProperty({ enum: ['ko', 'en'], description: 'Language of the page and the emails' })
  @IsIn(['ko', 'en'])
  language: 'ko' | 'en';

  @ApiProperty({ description: 'Agrees to receive messages about the edition (itinerary, reminders); must be given, true or false' })
  @IsBoolean()
  consentMessages: boolean;

  @ApiProperty({ description: 'Agrees that exhibitors who scan the badge see name, email and company' })
  @IsBoolean()
  consentShareContact: boolean;
}

export class RegistrationResponse {
  @ApiProperty() id: string;
  @ApiProperty() edition: string;
  @ApiProperty({ example: 'FG-7KQ2-M9XD' }) badgeCode: string;
  @ApiProperty({ enum: ['unconfirmed'] }) status: 'unconfirmed';
}

export class SessionChoiceResponse {
  @ApiProperty() sessionId: string;
  @ApiProperty({ enum: ['confirmed', 'waitlisted', 'none'] }) status: 'confirmed' | 'waitlisted' | 'none';
  @ApiPropertyOptional({ nullable: true, description: '1 = next to get a seat' }) queuePosition: number | null;
  @ApiProperty({ type: [String], description: 'Picks promoted from the queue by this change' }) promoted: string[];
}

export class ExhibitorsQuery {
  @ApiPropertyOptional({ example: 'casting' })
  @IsOptional() @IsString() @Matches(/^[a-z0-9-]{1,60}$/, { message: 'category must be a category code' })
  category?: string;

  @ApiPropertyOptional({ description: 'Part of the company name' })
  @IsOptional() @Trim() @IsString() @MaxLength(100) @IsSingleLine()
  q?: string;
}

export class ExhibitorListItem {
  @ApiProperty() applicationId: string;
  @ApiProperty() companyName: string;
  @ApiProperty() country: string;
  @ApiProperty({ type: [String] }) categories: string[];
  @ApiPropertyOptional({ type: String, nullable: true, example: 'EXH1' }) hall: string | null;
  @ApiProperty({ type: [String], example: ['1A01'] }) booths: string[];
}
