import { html, htmlFrame, singleLine, type MailLocale, type MailTemplate, type RenderedMail } from '../../mail/mail-template';

// Core knows accounts, not fairs: the wording speaks only of "your Fairgate account".

export interface EmailConfirmationParams {
  displayName: string;
  confirmUrl: string;
  expiresInHours: number;
}

export interface PasswordResetParams {
  displayName: string;
  resetUrl: string;
  expiresInMinutes: number;
}

export interface InvitationParams {
  inviterName: string;
  companyName: string;
  acceptUrl: string;
  expiresInHours: number;
}

/** Sent after sign-up (and on request): the account works only once its address is proven. */
export const emailConfirmationMail: MailTemplate<EmailConfirmationParams> = {
  name: 'auth.email-confirmation',
  render(p, locale) {
    if (locale === 'ko') {
      return linkMail('ko', '[Fairgate] 이메일 주소를 확인해 주세요', `${p.displayName}님, 안녕하세요.`,
        `Fairgate 계정의 이메일 주소를 확인하려면 아래 링크를 여세요. 링크는 ${p.expiresInHours}시간 동안 유효합니다.`,
        p.confirmUrl, '계정을 만든 적이 없다면 이 메일을 무시하셔도 됩니다.');
    }
    return linkMail('en', '[Fairgate] Please confirm your email address', `Dear ${p.displayName},`,
      `To confirm the email address of your Fairgate account, open the link below. It is valid for ${plural(p.expiresInHours, 'hour')}.`,
      p.confirmUrl, 'If you did not create an account, you can ignore this email.');
  },
};

/** Sent on request; says nothing changes unless the link is used, so a stray request does not alarm. */
export const passwordResetMail: MailTemplate<PasswordResetParams> = {
  name: 'auth.password-reset',
  render(p, locale) {
    if (locale === 'ko') {
      return linkMail('ko', '[Fairgate] 비밀번호 재설정 안내', `${p.displayName}님, 안녕하세요.`,
        `Fairgate 계정의 비밀번호 재설정 요청을 받았습니다. 아래 링크에서 새 비밀번호를 정해 주세요. 링크는 ${p.expiresInMinutes}분 동안 유효합니다.`,
        p.resetUrl, '요청하신 적이 없다면 이 메일을 무시하세요. 비밀번호는 바뀌지 않습니다.');
    }
    return linkMail('en', '[Fairgate] Reset your password', `Dear ${p.displayName},`,
      `We received a request to reset the password of your Fairgate account. Open the link below to choose a new one. It is valid for ${plural(p.expiresInMinutes, 'minute')}.`,
      p.resetUrl, 'If you did not ask for this, ignore this email: your password stays as it is.');
  },
};

/** A member invites a colleague to share the company's account; the invitee may not have an account yet. */
export const invitationMail: MailTemplate<InvitationParams> = {
  name: 'auth.company-invitation',
  render(p, locale) {
    if (locale === 'ko') {
      return linkMail('ko', `[Fairgate] ${p.inviterName}님이 ${p.companyName}에 초대했습니다`, '안녕하세요.',
        `${p.inviterName}님이 Fairgate에서 ${p.companyName}의 구성원으로 초대했습니다. 아래 링크에서 초대를 수락해 주세요. 링크는 ${p.expiresInHours}시간 동안 유효합니다.`,
        p.acceptUrl, '초대받을 이유가 없다면 이 메일을 무시하셔도 됩니다.');
    }
    return linkMail('en', `[Fairgate] ${p.inviterName} invited you to join ${p.companyName}`, 'Hello,',
      `${p.inviterName} invited you to join ${p.companyName} on Fairgate. Open the link below to accept. It is valid for ${plural(p.expiresInHours, 'hour')}.`,
      p.acceptUrl, 'If you were not expecting this, you can ignore this email.');
  },
};

export interface StaffInvitationParams {
  inviterName: string;
  acceptUrl: string;
  expiresInHours: number;
}

/** An organizer admin invites a colleague into the organizer team; the roles are set in the console. */
export const staffInvitationMail: MailTemplate<StaffInvitationParams> = {
  name: 'auth.staff-invitation',
  render(p, locale) {
    if (locale === 'ko') {
      return linkMail('ko', `[Fairgate] ${p.inviterName}님이 주최자 팀에 초대했습니다`, '안녕하세요.',
        `${p.inviterName}님이 Fairgate 주최자 콘솔의 팀원으로 초대했습니다. 아래 링크에서 비밀번호를 정하고 초대를 수락해 주세요. 링크는 ${p.expiresInHours}시간 동안 유효합니다.`,
        p.acceptUrl, '초대받을 이유가 없다면 이 메일을 무시하셔도 됩니다.');
    }
    return linkMail('en', `[Fairgate] ${p.inviterName} invited you to the organizer team`, 'Hello,',
      `${p.inviterName} invited you to the organizer team on the Fairgate console. Open the link below to choose a password and accept. It is valid for ${plural(p.expiresInHours, 'hour')}.`,
      p.acceptUrl, 'If you were not expecting this, you can ignore this email.');
  },
};

/** Greeting, lead, the link on its own line (so plain-text clients make it clickable), closing note. */
function linkMail(locale: MailLocale, rawSubject: string, greeting: string, lead: string, url: string, note: string): RenderedMail {
  const subject = singleLine(rawSubject);
  return {
    subject,
    text: [greeting, '', lead, '', url, '', note].join('\n'),
    html: htmlFrame(locale, subject, html`<p>${greeting}</p><p>${lead}</p><p><a href="${url}">${url}</a></p><p>${note}</p>`),
  };
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
