import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { BODY_MAX, SUBJECT_MAX } from '../../../core/mail/mail-text';

/**
 * An email text as organizers write it: plain text with `{{placeholder}}` slots, a blank line
 * between paragraphs, `**bold**`; links come only from the template's link placeholders.
 * Lengths are checked by the service too (its messages name the field in the text's language).
 */
export class MailTextBody {
  @ApiProperty({ example: '[Fairgate] 참가 신청 {{status}}: {{edition_name}}', maxLength: SUBJECT_MAX })
  @IsString() @MaxLength(SUBJECT_MAX * 4)
  subject: string;

  @ApiProperty({ example: '축하합니다! **{{company_name}}**의 참가 신청이 승인되었습니다.\n\n{{status_url}}', maxLength: BODY_MAX })
  @IsString() @MaxLength(BODY_MAX * 2)
  body: string;
}
