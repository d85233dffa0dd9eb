import type { ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import type { MimeMessageParts } from '../../src/core/mail/mime-message';

/**
 * What a reader's mail program sees of a parsed message: senders, recipients, subject, Message-ID,
 * text, HTML and each attachment (name, type and its parameters, disposition, Content-ID, bytes).
 * Two messages with the same view read the same, however their MIME was written.
 */
export function readerView(mail: ParsedMail): object {
  const addresses = (a: ParsedMail['to']): unknown => (Array.isArray(a) ? a : a ? [a] : []).map((x) => x.value);
  return {
    from: addresses(mail.from), to: addresses(mail.to), subject: mail.subject, messageId: mail.messageId, text: mail.text, html: mail.html,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename, contentType: a.contentType, disposition: a.contentDisposition, cid: a.cid, related: a.related,
      params: (a.headers.get('content-type') as { params?: object } | undefined)?.params, content: a.content.toString('base64'),
    })),
  };
}

/** The same email as nodemailer's own composer writes it (CRLF line ends): the reference to compare with. */
export async function composedByNodemailer(mail: MimeMessageParts): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = (await transport.sendMail({ ...mail, attachments: mail.attachments?.map((a) => ({ ...a })) })) as { message: Buffer };
  return info.message;
}
