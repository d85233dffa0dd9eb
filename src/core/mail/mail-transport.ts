import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';
import { addressOfSender, isMailAddress } from './email-address';
import type { MailAttachment } from './mail-template';
import { composeMimeMessage } from './mime-message';

export interface OutgoingMail {
  messageId: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments?: MailAttachment[];
}

export interface DeliveryReceipt {
  messageId: string;
  response: string;
  rejected: string[];
  /** Where a development .eml file was written, when no SMTP server is configured. */
  file?: string;
}

/**
 * Sends over SMTP when SMTP_URL is set; otherwise writes each message as an .eml file under
 * MAIL_DIR, a development default that needs nothing installed.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly logger = new Logger('mail');
  private readonly transporter: Transporter;
  private readonly toFiles: boolean;
  /** The envelope's sender (MAIL FROM): the bare address of MAIL_FROM. */
  private readonly envelopeFrom: string;

  constructor(private readonly config: AppConfig) {
    this.toFiles = !config.smtpUrl;
    this.envelopeFrom = addressOfSender(config.mailFrom);
    const safety = { disableFileAccess: true, disableUrlAccess: true };
    // A pool keeps SMTP connections open between messages (no TCP + EHLO per email), as many as
    // MAIL_SMTP_CONNECTIONS (default: the worker's jobs at once); each is renewed after 100 messages (a long-lived SMTP session
    // slows down on servers that keep per-session state: measured in docs/benchmarks.md).
    this.transporter = config.smtpUrl
      ? nodemailer.createTransport({ url: config.smtpUrl, pool: true, maxConnections: config.mailSmtpConnections, maxMessages: 100 }, safety)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows', ...safety });
    if (this.toFiles) {
      this.logger.log(`SMTP_URL is not set: emails are written as .eml files under ${resolve(config.mailDir)}`);
    }
  }

  async send(mail: OutgoingMail): Promise<DeliveryReceipt> {
    // The same check as validation: the To header is written as it is and nodemailer parses the
    // envelope's `to` as an address list (`;` and `,` separate addresses there), so anything else could
    // add headers or reach other mailboxes than the one recorded.
    if (!isMailAddress(mail.to)) {
      throw Object.assign(new Error(`not a deliverable address: ${JSON.stringify(mail.to)}`), { code: 'EENVELOPE' });
    }
    // Composed in one pass (nodemailer's stream-per-part composer cost a third of the worker's CPU: see
    // composeMimeMessage); nodemailer only sends the bytes.
    const raw = composeMimeMessage({ from: this.config.mailFrom, ...mail });
    // The Message-ID is passed too, or nodemailer would make up one for its receipt (random bytes per email).
    const info = (await this.transporter.sendMail({ envelope: { from: this.envelopeFrom, to: [mail.to] }, raw, messageId: mail.messageId })) as {
      response?: string;
      rejected?: Array<string | { address: string }>;
      message?: Buffer;
    };
    const receipt: DeliveryReceipt = {
      messageId: mail.messageId,
      response: info.response ?? 'written to file',
      rejected: (info.rejected ?? []).map((r) => (typeof r === 'string' ? r : r.address)),
    };
    if (this.toFiles && info.message) {
      await mkdir(this.config.mailDir, { recursive: true });
      const file = resolve(join(this.config.mailDir, `${mail.messageId.replace(/[<>]/g, '').replace(/[^A-Za-z0-9.@_-]/g, '_')}.eml`));
      await writeFile(file, info.message);
      receipt.file = file;
      receipt.response = `written to ${file}`;
      this.logger.log({ file, to: mail.to }, 'email written to file');
    }
    return receipt;
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}

/**
 * Whether a send failure may succeed later. SMTP 4xx and network trouble are temporary;
 * 5xx replies, refused authentication and malformed messages are permanent.
 */
export function isPermanentMailError(error: unknown): boolean {
  const e = error as { responseCode?: number; code?: string };
  if (typeof e?.responseCode === 'number') return e.responseCode >= 500;
  return e?.code === 'EAUTH' || e?.code === 'EENVELOPE' || e?.code === 'EMESSAGE';
}
