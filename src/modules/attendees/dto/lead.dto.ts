import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsSingleLine, Trim } from '../../../core/http/validators';

export class ScanBadgeDto {
  @ApiProperty({ example: 'ppuri-2027' })
  @IsString() @Matches(/^[a-z0-9-]{1,60}$/, { message: 'editionCode must be an edition code such as ppuri-2027' })
  editionCode: string;

  @ApiProperty({ example: 'FG-7KQ2-M9XD', description: 'As printed or as the QR code holds it; case, spaces and hyphens do not matter' })
  @Trim() @IsString() @MaxLength(40) @IsSingleLine()
  badgeCode: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional() @Trim() @IsString() @MaxLength(2000)
  note?: string;
}

export class LeadsQuery {
  @ApiProperty({ example: 'ppuri-2027' })
  @IsString() @Matches(/^[a-z0-9-]{1,60}$/, { message: 'edition must be an edition code such as ppuri-2027' })
  edition: string;
}

export class LeadContact {
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiPropertyOptional({ nullable: true }) company: string | null;
  @ApiProperty() country: string;
  @ApiProperty() kind: string;
}

export class LeadResponse {
  @ApiProperty() id: string;
  @ApiProperty() edition: string;
  @ApiProperty() badgeCode: string;
  @ApiProperty() note: string;
  @ApiProperty() scannedAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ description: 'False: the visitor did not agree to share; contact is null' }) contactShared: boolean;
  @ApiPropertyOptional({ type: LeadContact, nullable: true }) contact: LeadContact | null;
}
