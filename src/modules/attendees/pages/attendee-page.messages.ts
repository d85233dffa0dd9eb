import type { Catalogue, Translate } from '../../../core/web/i18n';

export type AttendeeKey =
  | 'appName' | 'title' | 'registration' | 'name' | 'email' | 'company' | 'country' | 'kind' | 'days' | 'consents'
  | 'consentMessages' | 'consentShare' | 'yes' | 'no' | 'trade_visitor' | 'buyer' | 'press'
  | 'confirmTitle' | 'confirmText' | 'confirm' | 'confirmed' | 'badgeTitle' | 'badgeHint' | 'badgeQr'
  | 'itineraryTitle' | 'itineraryNone' | 'itineraryIcs'
  | 'sessionsTitle' | 'sessionsNone' | 'seatsLeft' | 'full' | 'pick' | 'pickLabel' | 'unpick' | 'unpickLabel' | 'leaveQueue' | 'leaveQueueLabel'
  | 'statusConfirmed' | 'statusWaitlisted' | 'room' | 'speakers'
  | 'exhibitorsTitle' | 'search' | 'searchLabel' | 'category' | 'anyCategory' | 'exhibitorsNone' | 'hall' | 'booths'
  | 'bookmark' | 'bookmarkLabel' | 'unbookmark' | 'unbookmarkLabel' | 'bookmarksTitle' | 'bookmarksNone'
  | 'flashConfirmed' | 'flashPicked' | 'flashUnpicked' | 'flashBookmarked' | 'flashUnbookmarked'
  | 'notFoundTitle' | 'notFoundText' | 'refusedTitle' | 'refusedNotFound' | 'refusedConflict' | 'refusedTooMany' | 'refusedOther' | 'formExpired' | 'errorTitle' | 'errorText' | 'privateLink' | 'sectionsNav';

export type AttendeeT = Translate<AttendeeKey>;

export const ATTENDEE_MESSAGES: Catalogue<AttendeeKey> = {
  ko: {
    appName: 'Fairgate 참관객', title: '{name}님의 참관 페이지', registration: '등록 정보', name: '이름', email: '이메일', company: '회사', country: '국가',
    kind: '구분', days: '참관일', consents: '동의', consentMessages: '안내 메시지 수신', consentShare: '배지를 스캔한 출품사와 연락처 공유', yes: '예', no: '아니요',
    trade_visitor: '전문 참관객', buyer: '바이어', press: '언론',
    confirmTitle: '등록 확인', confirmText: '아래 버튼을 눌러 이메일 주소와 등록을 확인해 주세요.', confirm: '확인', confirmed: '확인 완료: {when}',
    itineraryTitle: '내 일정', itineraryNone: '아직 일정이 없습니다.', itineraryIcs: '캘린더 파일(.ics)로 받기', badgeTitle: '배지', badgeHint: '입장 시와 출품사 부스에서 이 QR 코드를 보여 주세요.', badgeQr: '배지 QR 코드 {code}',
    sessionsTitle: '컨퍼런스 세션', sessionsNone: '아직 등록된 세션이 없습니다.', seatsLeft: '남은 좌석 {n}석', full: '만석 (대기 신청 가능)',
    pick: '신청', pickLabel: '{title} 신청', unpick: '취소', unpickLabel: '{title} 신청 취소', leaveQueue: '대기 취소', leaveQueueLabel: '{title} 대기 취소',
    statusConfirmed: '좌석 확정', statusWaitlisted: '대기 {n}번', room: '장소', speakers: '연사',
    exhibitorsTitle: '출품사 찾기', search: '검색', searchLabel: '회사 이름', category: '품목', anyCategory: '전체', exhibitorsNone: '조건에 맞는 출품사가 없습니다.',
    hall: '전시홀', booths: '부스', bookmark: '관심 부스 추가', bookmarkLabel: '{company} 관심 부스에 추가', unbookmark: '관심 해제', unbookmarkLabel: '{company} 관심 해제',
    bookmarksTitle: '관심 부스', bookmarksNone: '아직 관심 부스가 없습니다.',
    flashConfirmed: '등록이 확인되었습니다.', flashPicked: '세션 신청을 저장했습니다.', flashUnpicked: '세션 신청을 취소했습니다.',
    flashBookmarked: '관심 부스에 추가했습니다.', flashUnbookmarked: '관심 부스에서 뺐습니다.',
    notFoundTitle: '링크를 찾을 수 없습니다', notFoundText: '링크가 잘못되었거나 새 링크로 바뀌었습니다. 가장 최근 이메일의 링크를 사용해 주세요.',
    refusedTitle: '처리하지 못했습니다', refusedNotFound: '해당 세션이나 출품사를 찾을 수 없습니다.', refusedConflict: '지금은 처리할 수 없습니다. 잠시 후 다시 시도해 주세요.',
    refusedTooMany: '요청이 너무 많습니다. {seconds}초 뒤에 다시 시도해 주세요.', refusedOther: '요청을 처리하지 못했습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.',
    formExpired: '양식이 만료되었습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.',
    errorTitle: '오류가 발생했습니다', errorText: '잠시 후 다시 시도해 주세요. 오류 번호: {id}',
    privateLink: '이 페이지의 주소는 개인 링크입니다. 다른 사람과 공유하지 마세요.', sectionsNav: '페이지 목차',
  },
  en: {
    appName: 'Fairgate visitor', title: 'Visitor page of {name}', registration: 'Registration', name: 'Name', email: 'Email', company: 'Company', country: 'Country',
    kind: 'Visitor type', days: 'Days', consents: 'Consents', consentMessages: 'Messages about the fair', consentShare: 'Share my contact with exhibitors who scan my badge', yes: 'Yes', no: 'No',
    trade_visitor: 'Trade visitor', buyer: 'Buyer', press: 'Press',
    confirmTitle: 'Confirm your registration', confirmText: 'Press the button to confirm your email address and your registration.', confirm: 'Confirm', confirmed: 'Confirmed: {when}',
    itineraryTitle: 'My itinerary', itineraryNone: 'Nothing planned yet.', itineraryIcs: 'Download as a calendar file (.ics)', badgeTitle: 'Badge', badgeHint: 'Show this QR code at the entrance and at exhibitors’ booths.', badgeQr: 'Badge QR code {code}',
    sessionsTitle: 'Conference sessions', sessionsNone: 'No sessions yet.', seatsLeft: '{n} seats left', full: 'Full (you can join the waitlist)',
    pick: 'Pick', pickLabel: 'Pick {title}', unpick: 'Cancel', unpickLabel: 'Cancel {title}', leaveQueue: 'Leave waitlist', leaveQueueLabel: 'Leave the waitlist of {title}',
    statusConfirmed: 'Seat confirmed', statusWaitlisted: 'Waitlist #{n}', room: 'Room', speakers: 'Speakers',
    exhibitorsTitle: 'Find exhibitors', search: 'Search', searchLabel: 'Company name', category: 'Category', anyCategory: 'All', exhibitorsNone: 'No exhibitor matches.',
    hall: 'Hall', booths: 'Booths', bookmark: 'Bookmark', bookmarkLabel: 'Bookmark {company}', unbookmark: 'Remove', unbookmarkLabel: 'Remove the bookmark of {company}',
    bookmarksTitle: 'My bookmarks', bookmarksNone: 'No bookmarks yet.',
    flashConfirmed: 'Your registration is confirmed.', flashPicked: 'Session choice saved.', flashUnpicked: 'Session choice cancelled.',
    flashBookmarked: 'Bookmarked.', flashUnbookmarked: 'Bookmark removed.',
    notFoundTitle: 'Link not found', notFoundText: 'This link is wrong or was replaced by a newer one. Please use the link of your latest email.',
    refusedTitle: 'Not done', refusedNotFound: 'That session or exhibitor was not found.', refusedConflict: 'This cannot be done right now. Try again shortly.',
    refusedTooMany: 'Too many requests: try again in {seconds} seconds.', refusedOther: 'The request could not be done. Reload the page and try again.',
    formExpired: 'The form has expired. Reload the page and try again.',
    errorTitle: 'Something went wrong', errorText: 'Please try again shortly. Error id: {id}',
    privateLink: 'The address of this page is your personal link. Do not share it.', sectionsNav: 'On this page',
  },
};
