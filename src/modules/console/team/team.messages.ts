import type { Catalogue } from '../../../core/web/i18n';

export type TeamWord =
  | 'title' | 'intro' | 'member' | 'allEditions' | 'orgAdmin' | 'pending' | 'revoked' | 'none'
  | 'inviteTitle' | 'email' | 'name' | 'language' | 'edition' | 'roles' | 'invite' | 'langKo' | 'langEn'
  | 'changeTitle' | 'save' | 'makeAdmin' | 'removeAdmin' | 'revoke' | 'revokeConfirm' | 'manage'
  | 'role.admin' | 'role.reviewer' | 'role.venue' | 'role.meetings' | 'role.onsite'
  | 'flash.invited' | 'flash.roles' | 'flash.admin' | 'flash.revoked' | 'errorsSummary'
  | 'err.email' | 'err.name' | 'err.roles' | 'err.edition' | 'err.exists' | 'err.lastAdmin' | 'err.grant'
  | 'acceptTitle' | 'acceptIntro' | 'password' | 'passwordHint' | 'accept' | 'acceptedTitle' | 'acceptedText' | 'toLogin' | 'err.password' | 'err.token';

export const TEAM_WORDS: Catalogue<TeamWord> = {
  ko: {
    title: '팀', intro: '주최자 팀원과 회차별 권한입니다. 조직 관리자는 모든 회차와 팀, 감사 기록을 관리합니다.',
    member: '팀원', allEditions: '모든 회차', orgAdmin: '조직 관리자', pending: '초대 수락 전', revoked: '해지됨', none: '—',
    inviteTitle: '팀원 초대', email: '이메일', name: '이름', language: '메일 언어', edition: '회차', roles: '권한', invite: '초대 메일 보내기',
    langKo: '한국어', langEn: '영어',
    changeTitle: '권한 바꾸기', save: '저장', makeAdmin: '조직 관리자로 지정', removeAdmin: '조직 관리자 해제', revoke: '팀에서 해지',
    revokeConfirm: '해지하면 이 팀원의 로그인이 바로 끝나고 모든 권한이 사라집니다.', manage: '관리',
    'role.admin': '관리자', 'role.reviewer': '참가신청 심사', 'role.venue': '대관 관리', 'role.meetings': '수출상담회 운영', 'role.onsite': '현장 운영',
    'flash.invited': '초대 메일을 보냈습니다.', 'flash.roles': '권한을 저장했습니다.', 'flash.admin': '조직 관리자 지정을 바꿨습니다.', 'flash.revoked': '팀원을 해지했습니다.',
    errorsSummary: '입력 내용을 확인해 주세요.',
    'err.email': '올바른 이메일 주소를 입력하세요.', 'err.name': '이름을 입력하세요 (100자 이내).', 'err.roles': '권한을 하나 이상 고르세요.',
    'err.edition': '회차를 고르세요.', 'err.exists': '이 이메일로 된 계정이 이미 있습니다.',
    'err.lastAdmin': '조직 관리자가 한 명도 남지 않게 됩니다. 다른 사람을 먼저 조직 관리자로 지정하세요.',
    'err.grant': '이 회차의 권한을 줄 수 없습니다. 조직 관리자나 그 회차의 관리자만 줄 수 있습니다.',
    acceptTitle: '팀 초대 수락', acceptIntro: '비밀번호를 정하면 초대가 수락되고 주최자 콘솔에 로그인할 수 있습니다.',
    password: '비밀번호', passwordHint: '10자 이상, 흔한 비밀번호는 쓸 수 없습니다.', accept: '초대 수락',
    acceptedTitle: '초대를 수락했습니다', acceptedText: '이제 {email} 계정으로 로그인할 수 있습니다.', toLogin: '로그인하기',
    'err.password': '비밀번호는 10자 이상 200자 이하이며 흔한 비밀번호가 아니어야 합니다.', 'err.token': '초대 링크가 만료되었거나 이미 사용되었습니다. 새 초대를 요청하세요.',
  },
  en: {
    title: 'Team', intro: 'The organizer team and their roles per edition. Organization admins run every edition, the team and the audit log.',
    member: 'Member', allEditions: 'All editions', orgAdmin: 'Organization admin', pending: 'Invitation not accepted yet', revoked: 'Revoked', none: '—',
    inviteTitle: 'Invite a member', email: 'Email', name: 'Name', language: 'Mail language', edition: 'Edition', roles: 'Roles', invite: 'Send the invitation',
    langKo: 'Korean', langEn: 'English',
    changeTitle: 'Change roles', save: 'Save', makeAdmin: 'Make organization admin', removeAdmin: 'Remove organization admin', revoke: 'Revoke from the team',
    revokeConfirm: 'Revoking ends this member\'s sessions at once and removes every role.', manage: 'Manage',
    'role.admin': 'Admin', 'role.reviewer': 'Application review', 'role.venue': 'Venue', 'role.meetings': 'Export meetings', 'role.onsite': 'On-site',
    'flash.invited': 'The invitation was sent.', 'flash.roles': 'The roles were saved.', 'flash.admin': 'Organization admin changed.', 'flash.revoked': 'The member was revoked.',
    errorsSummary: 'Please check what you entered.',
    'err.email': 'Enter a valid email address.', 'err.name': 'Enter a name (up to 100 characters).', 'err.roles': 'Pick at least one role.',
    'err.edition': 'Pick an edition.', 'err.exists': 'An account with this email already exists.',
    'err.lastAdmin': 'The organization would have no organization admin left: make someone else admin first.',
    'err.grant': 'You cannot grant roles for this edition: only an organization admin or that edition\'s admin can.',
    acceptTitle: 'Accept the team invitation', acceptIntro: 'Choose a password to accept the invitation; then log in to the organizer console.',
    password: 'Password', passwordHint: 'At least 10 characters, not a common password.', accept: 'Accept the invitation',
    acceptedTitle: 'Invitation accepted', acceptedText: 'You can now log in as {email}.', toLogin: 'Log in',
    'err.password': 'The password must be 10 to 200 characters and not a common password.', 'err.token': 'This invitation link has expired or was already used: ask for a new one.',
  },
};
