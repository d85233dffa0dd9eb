import type { MailLocale, MailTemplate, RenderedMail } from '../../mail/mail-template';
import { emailConfirmationMail, invitationMail, passwordResetMail } from './account-mails';

const CONTEXT = { publicUrl: 'https://fairgate.example' };
const LOCALES: MailLocale[] = ['ko', 'en'];
const EVIL = '<script>alert(1)</script>';

function render<P>(template: MailTemplate<P>, params: P, locale: MailLocale): RenderedMail {
  return template.render(params, locale, CONTEXT);
}

describe('account mails', () => {
  const confirmUrl = 'https://fairgate.example/confirm?token=abc&x=1';
  const resetUrl = 'https://fairgate.example/reset?token=def';
  const acceptUrl = 'https://fairgate.example/join?token=ghi';

  it('have stable names', () => {
    expect([emailConfirmationMail.name, passwordResetMail.name, invitationMail.name]).toEqual(['auth.email-confirmation', 'auth.password-reset', 'auth.company-invitation']);
  });

  it.each(LOCALES)('put the link in both the HTML and the text (%s)', (locale) => {
    const cases: Array<[RenderedMail, string]> = [
      [render(emailConfirmationMail, { displayName: 'Minjun', confirmUrl, expiresInHours: 24 }, locale), confirmUrl],
      [render(passwordResetMail, { displayName: 'Minjun', resetUrl, expiresInMinutes: 30 }, locale), resetUrl],
      [render(invitationMail, { inviterName: 'Minjun', companyName: 'Acme', acceptUrl, expiresInHours: 72 }, locale), acceptUrl],
    ];
    for (const [mail, url] of cases) {
      expect(mail.text).toContain(`\n${url}\n`);
      expect(mail.html).toContain(`<a href="${url.replace(/&/g, '&amp;')}">`);
      expect(mail.html).toContain(`<html lang="${locale}">`);
    }
  });

  it('say how long the link lasts', () => {
    expect(render(emailConfirmationMail, { displayName: 'A', confirmUrl, expiresInHours: 24 }, 'ko').text).toContain('24시간');
    expect(render(emailConfirmationMail, { displayName: 'A', confirmUrl, expiresInHours: 1 }, 'en').text).toContain('valid for 1 hour.');
    expect(render(passwordResetMail, { displayName: 'A', resetUrl, expiresInMinutes: 30 }, 'ko').text).toContain('30분');
    expect(render(passwordResetMail, { displayName: 'A', resetUrl, expiresInMinutes: 30 }, 'en').text).toContain('valid for 30 minutes.');
    expect(render(invitationMail, { inviterName: 'A', companyName: 'B', acceptUrl, expiresInHours: 72 }, 'en').text).toContain('valid for 72 hours.');
  });

  it.each(LOCALES)('escape user text in HTML and keep subjects on one line (%s)', (locale) => {
    const confirm = render(emailConfirmationMail, { displayName: EVIL, confirmUrl, expiresInHours: 24 }, locale);
    const invite = render(invitationMail, { inviterName: `Eve\r\nBcc: x@example.com`, companyName: EVIL, acceptUrl, expiresInHours: 72 }, locale);
    for (const mail of [confirm, invite]) {
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).toContain('&lt;script&gt;');
      expect(mail.subject).not.toMatch(/[\r\n]/);
    }
    expect(invite.subject).toContain('Eve Bcc: x@example.com');
    // Plain text is not markup: it keeps the name as typed.
    expect(confirm.text).toContain(EVIL);
  });

  it('speak of a Fairgate account, not of fairs', () => {
    for (const locale of LOCALES) {
      const mails = [
        render(emailConfirmationMail, { displayName: 'A', confirmUrl, expiresInHours: 24 }, locale),
        render(passwordResetMail, { displayName: 'A', resetUrl, expiresInMinutes: 30 }, locale),
        render(invitationMail, { inviterName: 'A', companyName: 'B', acceptUrl, expiresInHours: 72 }, locale),
      ];
      for (const mail of mails) expect(`${mail.subject}\n${mail.text}`).not.toMatch(/exhibit|fair\b|전시|참가/i);
    }
    expect(render(emailConfirmationMail, { displayName: 'A', confirmUrl, expiresInHours: 24 }, 'en').text).toContain('Fairgate account');
    expect(render(passwordResetMail, { displayName: 'A', resetUrl, expiresInMinutes: 30 }, 'ko').text).toContain('Fairgate 계정');
  });
});
