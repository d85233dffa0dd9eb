import type { Catalogue, Translate } from '../../core/web/i18n';

type AuthWord = 'loginTitle' | 'email' | 'password' | 'loginButton' | 'loginFailed' | 'loginMissing' | 'loggedOut' | 'tooManyAttempts' | 'backToSite';

/** The console login's words. */
export const AUTH_MESSAGES: Catalogue<AuthWord> = {
  ko: {
    loginTitle: '주최자 로그인',
    email: '이메일',
    password: '비밀번호',
    loginButton: '로그인',
    loginFailed: '이메일 또는 비밀번호가 올바르지 않습니다.',
    loginMissing: '이메일과 비밀번호를 모두 입력하세요.',
    loggedOut: '로그아웃되었습니다.',
    tooManyAttempts: '로그인 시도가 너무 많습니다. {seconds}초 후에 다시 시도하세요.',
    backToSite: '박람회 안내로 돌아가기',
  },
  en: {
    loginTitle: 'Organizer login',
    email: 'Email',
    password: 'Password',
    loginButton: 'Log in',
    loginFailed: 'Email or password is wrong.',
    loginMissing: 'Enter both your email and your password.',
    loggedOut: 'You are logged out.',
    tooManyAttempts: 'Too many login attempts. Try again in {seconds} seconds.',
    backToSite: 'Back to the fairs',
  },
};
export type AuthT = Translate<AuthWord>;
