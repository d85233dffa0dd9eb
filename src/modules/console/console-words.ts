import type { Catalogue } from '../../core/web/i18n';

/** Names of the statuses the console shows, shared by the dashboard and the programme pages. */
export const EDITION_STATUS_WORDS: Catalogue<'draft' | 'published' | 'registration_open' | 'registration_closed' | 'finished'> = {
  ko: { draft: '준비 중 (비공개)', published: '공개', registration_open: '등록 중', registration_closed: '등록 마감', finished: '종료' },
  en: { draft: 'Draft (not public)', published: 'Published', registration_open: 'Registration open', registration_closed: 'Registration closed', finished: 'Finished' },
};

export const APPLICATION_STATUS_ORDER = ['submitted', 'under_review', 'changes_requested', 'approved', 'waitlisted', 'rejected', 'cancelled', 'draft'] as const;
export const APPLICATION_STATUS_WORDS: Catalogue<(typeof APPLICATION_STATUS_ORDER)[number]> = {
  ko: { draft: '작성 중', submitted: '제출됨', under_review: '심사 중', changes_requested: '보완 요청', approved: '승인', waitlisted: '대기', rejected: '반려', cancelled: '취소' },
  en: { draft: 'Draft', submitted: 'Submitted', under_review: 'Under review', changes_requested: 'Changes requested', approved: 'Approved', waitlisted: 'Waitlisted', rejected: 'Rejected', cancelled: 'Cancelled' },
};

export const REQUEST_STATUS_ORDER = ['pending', 'accepted', 'declined', 'expired', 'cancelled'] as const;
export const REQUEST_STATUS_WORDS: Catalogue<(typeof REQUEST_STATUS_ORDER)[number]> = {
  ko: { pending: '응답 대기', accepted: '수락', declined: '거절', expired: '만료', cancelled: '취소' },
  en: { pending: 'Pending', accepted: 'Accepted', declined: 'Declined', expired: 'Expired', cancelled: 'Cancelled' },
};

export const ATTENDEE_KIND_ORDER = ['trade_visitor', 'buyer', 'press'] as const;
export const ATTENDEE_KIND_WORDS: Catalogue<(typeof ATTENDEE_KIND_ORDER)[number]> = {
  ko: { trade_visitor: '참관객', buyer: '바이어', press: '언론' },
  en: { trade_visitor: 'Trade visitors', buyer: 'Buyers', press: 'Press' },
};
