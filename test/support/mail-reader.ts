import type { ParsedMail } from 'mailparser';

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
