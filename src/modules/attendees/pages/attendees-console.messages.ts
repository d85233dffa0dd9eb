import type { Catalogue, Translate } from '../../../core/web/i18n';

export type ConsoleKey =
  | 'title' | 'editionsTitle' | 'editionsNone' | 'edition' | 'dates' | 'status' | 'attendees' | 'open'
  | 'status.draft' | 'status.published' | 'status.registration_open' | 'status.registration_closed' | 'status.finished'
  | 'listTitle' | 'backToEditions' | 'search' | 'searchHint' | 'kind' | 'anyKind' | 'day' | 'anyDay' | 'apply' | 'reset' | 'csv'
  | 'countsTitle' | 'countsCaption' | 'total' | 'summary' | 'summaryNone' | 'previous' | 'next' | 'pageOf'
  | 'confirmation' | 'name' | 'email' | 'company' | 'country' | 'days' | 'registered' | 'confirmed' | 'unconfirmed' | 'badge' | 'language'
  | 'trade_visitor' | 'buyer' | 'press' | 'ko' | 'en'
  | 'detailTitle' | 'backToList' | 'registration' | 'consents' | 'consentMessages' | 'consentShare' | 'yes' | 'no'
  | 'picksTitle' | 'picksNone' | 'pickConfirmed' | 'pickWaitlisted' | 'bookmarksTitle' | 'bookmarksNone' | 'hall' | 'booths'
  | 'itineraryTitle' | 'itineraryNone' | 'emailsTitle' | 'emailsNone' | 'emailCreated' | 'emailSent' | 'emailFailed' | 'mailConsole'
  | 'mail.pending' | 'mail.dispatched' | 'mail.sent' | 'mail.failed'
  | 'printBadge' | 'printBadges' | 'badgePdf'
  | 'template.attendees.access-link' | 'template.attendees.itinerary' | 'template.attendees.reminder';

export type ConsoleT = Translate<ConsoleKey>;

export const ATTENDEES_CONSOLE_MESSAGES: Catalogue<ConsoleKey> = {
  ko: {
    title: '참관객', editionsTitle: '전시회별 참관객', editionsNone: '전시회가 없습니다.', edition: '전시회', dates: '기간', status: '상태', attendees: '참관 등록',
    open: '참관객 보기', 'status.draft': '준비 중', 'status.published': '공개', 'status.registration_open': '등록 중', 'status.registration_closed': '등록 마감', 'status.finished': '종료',
    listTitle: '{edition} 참관객', backToEditions: '전시회 목록', search: '찾기', searchHint: '이름, 이메일, 회사', kind: '구분', anyKind: '모든 구분',
    day: '참관일', anyDay: '모든 날', apply: '검색', reset: '조건 지우기', csv: 'CSV 내려받기 (현재 조건)',
    countsTitle: '날짜별 · 구분별 등록', countsCaption: '참관일과 구분별 등록 수 (하루에 한 번씩 셉니다)', total: '합계',
    summary: '{total}명 중 {from}–{to}', summaryNone: '조건에 맞는 참관객이 없습니다.', previous: '이전', next: '다음', pageOf: '{page} / {pages} 페이지',
    name: '이름', email: '이메일', company: '회사', country: '국가', days: '참관일', registered: '등록', confirmation: '등록 확인', confirmed: '확인 완료', unconfirmed: '미확인', badge: '배지 코드', language: '언어',
    trade_visitor: '전문 참관객', buyer: '바이어', press: '언론', ko: '한국어', en: '영어',
    detailTitle: '{name} 님', backToList: '참관객 목록', registration: '등록 정보', consents: '동의', consentMessages: '안내 메일 수신', consentShare: '출품사와 연락처 공유',
    yes: '예', no: '아니요',
    picksTitle: '컨퍼런스 세션 신청', picksNone: '신청한 세션이 없습니다.', pickConfirmed: '좌석 확정', pickWaitlisted: '대기 {n}번',
    bookmarksTitle: '관심 부스', bookmarksNone: '관심 부스가 없습니다.', hall: '전시홀', booths: '부스',
    itineraryTitle: '참관 일정', itineraryNone: '일정이 없습니다.', emailsTitle: '보낸 메일', emailsNone: '이 주소로 보낸 메일이 없습니다.',
    emailCreated: '작성 {when}', emailSent: '발송 {when}', emailFailed: '실패 {when}', mailConsole: '메일 발송 현황에서 보기',
    'mail.pending': '대기', 'mail.dispatched': '발송 중', 'mail.sent': '발송됨', 'mail.failed': '실패',
    printBadge: '배지 인쇄', printBadges: '배지 일괄 인쇄 (현재 조건)', badgePdf: '배지 PDF',
    'template.attendees.access-link': '참관 등록 개인 링크', 'template.attendees.itinerary': '참관 일정', 'template.attendees.reminder': '참관 리마인더',
  },
  en: {
    title: 'Attendees', editionsTitle: 'Attendees by edition', editionsNone: 'No editions.', edition: 'Edition', dates: 'Dates', status: 'Status', attendees: 'Registrations',
    open: 'Show attendees', 'status.draft': 'Draft', 'status.published': 'Published', 'status.registration_open': 'Registration open', 'status.registration_closed': 'Registration closed', 'status.finished': 'Finished',
    listTitle: 'Attendees of {edition}', backToEditions: 'All editions', search: 'Search', searchHint: 'Name, email, company', kind: 'Kind', anyKind: 'Any kind',
    day: 'Day', anyDay: 'Any day', apply: 'Search', reset: 'Clear', csv: 'Download CSV (these filters)',
    countsTitle: 'Registrations per day and kind', countsCaption: 'Registrations per day and kind (a visitor counts on each day they come)', total: 'Total',
    summary: '{from}–{to} of {total}', summaryNone: 'No attendee matches.', previous: 'Previous', next: 'Next', pageOf: 'Page {page} of {pages}',
    name: 'Name', email: 'Email', company: 'Company', country: 'Country', days: 'Days', registered: 'Registered', confirmation: 'Email confirmed', confirmed: 'Confirmed', unconfirmed: 'Not confirmed', badge: 'Badge code', language: 'Language',
    trade_visitor: 'Trade visitor', buyer: 'Buyer', press: 'Press', ko: 'Korean', en: 'English',
    detailTitle: '{name}', backToList: 'Attendee list', registration: 'Registration', consents: 'Consents', consentMessages: 'Emails about the fair', consentShare: 'Share contact with exhibitors',
    yes: 'Yes', no: 'No',
    picksTitle: 'Conference sessions', picksNone: 'No sessions picked.', pickConfirmed: 'Seat confirmed', pickWaitlisted: 'Waitlist #{n}',
    bookmarksTitle: 'Bookmarked booths', bookmarksNone: 'No bookmarks.', hall: 'Hall', booths: 'Booths',
    itineraryTitle: 'Itinerary', itineraryNone: 'Nothing planned.', emailsTitle: 'Emails sent', emailsNone: 'No email to this address.',
    emailCreated: 'Written {when}', emailSent: 'Sent {when}', emailFailed: 'Failed {when}', mailConsole: 'Show in the mail console',
    'mail.pending': 'Pending', 'mail.dispatched': 'Queued', 'mail.sent': 'Sent', 'mail.failed': 'Failed',
    printBadge: 'Print badge', printBadges: 'Print badges (these filters)', badgePdf: 'Badge PDF',
    'template.attendees.access-link': 'Personal visitor link', 'template.attendees.itinerary': 'Itinerary', 'template.attendees.reminder': 'Reminder',
  },
};
