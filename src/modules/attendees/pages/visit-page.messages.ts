import type { Catalogue, Translate } from '../../../core/web/i18n';

export type VisitKey =
  | 'title' | 'intro' | 'when' | 'required' | 'optional'
  | 'name' | 'nameHint' | 'email' | 'emailHint' | 'company' | 'country' | 'countryHint' | 'kind' | 'days' | 'daysHint' | 'language'
  | 'consents' | 'consentMessages' | 'consentShare' | 'consentsHint' | 'submit' | 'privacy'
  | 'trade_visitor' | 'buyer' | 'press' | 'ko' | 'en'
  | 'summaryTitle'
  | 'errNameMissing' | 'errNameLong' | 'errEmailMissing' | 'errEmail' | 'errCompanyLong' | 'errCountry' | 'errKind' | 'errDaysMissing' | 'errDays'
  | 'errLanguage' | 'errSingleLine' | 'errInvalid' | 'errAlreadySent' | 'errInProgress'
  | 'closedTitle' | 'closedText' | 'sentTitle' | 'sentText' | 'backToForm' | 'toFairs'
  | 'notFoundTitle' | 'notFoundText' | 'tooManyTitle' | 'tooManyText' | 'expiredTitle' | 'expiredText' | 'errorTitle' | 'errorText';

export type VisitT = Translate<VisitKey>;

export const VISIT_MESSAGES: Catalogue<VisitKey> = {
  ko: {
    title: '참관 등록', intro: '{edition} 참관 등록입니다. 등록하면 바로 개인 페이지로 이동하고, 같은 링크를 이메일로도 보내 드립니다.',
    when: '{dates} · 김대중컨벤션센터', required: '필수', optional: '선택',
    name: '이름', nameHint: '배지에 표시됩니다.', email: '이메일', emailHint: '개인 링크와 참관 안내를 이 주소로 보내 드립니다.', company: '회사',
    country: '국가 코드', countryHint: '영문 두 글자 (예: KR, VN, US)', kind: '참관 구분', days: '참관일', daysHint: '오시는 날을 모두 고르세요.',
    language: '안내 언어', consents: '동의', consentMessages: '참관 일정, 리마인더 등 이 전시회 안내 메일을 받겠습니다.',
    consentShare: '배지를 스캔한 출품사에 이름, 이메일, 회사를 공유하는 데 동의합니다.', consentsHint: '동의하지 않아도 등록할 수 있습니다.',
    submit: '등록하기', privacy: '입력한 정보는 이 전시회의 참관 등록과 안내에만 사용합니다.',
    trade_visitor: '전문 참관객', buyer: '바이어', press: '언론', ko: '한국어', en: 'English',
    summaryTitle: '입력한 내용을 확인해 주세요 ({n}건)',
    errNameMissing: '이름을 입력해 주세요.', errNameLong: '이름은 120자까지 입력할 수 있습니다.', errEmailMissing: '이메일 주소를 입력해 주세요.',
    errEmail: '이메일 주소 형식이 올바르지 않습니다. (예: minjun@example.com)', errCompanyLong: '회사 이름은 200자까지 입력할 수 있습니다.',
    errCountry: '국가 코드를 영문 두 글자로 입력해 주세요. (예: KR)', errKind: '참관 구분을 골라 주세요.', errDaysMissing: '참관일을 하루 이상 골라 주세요.',
    errDays: '전시 기간 중의 날짜만 고를 수 있습니다.', errLanguage: '안내 언어를 골라 주세요.', errSingleLine: '한 줄로 입력해 주세요.',
    errInvalid: '입력한 값을 확인해 주세요.', errAlreadySent: '이 양식은 이미 제출되었습니다. 페이지를 새로 고친 뒤 다시 등록해 주세요.',
    errInProgress: '등록을 처리하고 있습니다. 잠시 후 다시 시도해 주세요.',
    closedTitle: '참관 등록을 받지 않습니다', closedText: '{edition}의 참관 등록 기간이 아닙니다.',
    sentTitle: '이메일을 확인해 주세요', sentText: '{edition} 참관 등록 안내를 입력하신 이메일 주소로 보냈습니다. 메일의 개인 링크로 참관 페이지를 열 수 있습니다.',
    backToForm: '등록 양식으로 돌아가기', toFairs: '전시회 목록',
    notFoundTitle: '전시회를 찾을 수 없습니다', notFoundText: '주소가 잘못되었거나 공개되지 않은 전시회입니다.',
    tooManyTitle: '요청이 너무 많습니다', tooManyText: '{seconds}초 뒤에 다시 시도해 주세요.',
    expiredTitle: '양식이 만료되었습니다', expiredText: '등록 양식을 다시 열고 제출해 주세요.',
    errorTitle: '오류가 발생했습니다', errorText: '잠시 후 다시 시도해 주세요. 오류 번호: {id}',
  },
  en: {
    title: 'Visitor registration', intro: 'Register to visit {edition}. After registering you go straight to your personal page; we also email you its link.',
    when: '{dates} · Kim Dae-jung Convention Center', required: 'required', optional: 'optional',
    name: 'Name', nameHint: 'Printed on your badge.', email: 'Email', emailHint: 'We send your personal link and visitor information here.', company: 'Company',
    country: 'Country code', countryHint: 'Two letters, e.g. KR, VN, US', kind: 'I visit as', days: 'Days', daysHint: 'Choose every day you come.',
    language: 'Language of the emails', consents: 'Consents', consentMessages: 'Send me emails about this fair (itinerary, reminders).',
    consentShare: 'Exhibitors who scan my badge may see my name, email and company.', consentsHint: 'You can register without agreeing.',
    submit: 'Register', privacy: 'We use what you enter only for your registration and information about this fair.',
    trade_visitor: 'Trade visitor', buyer: 'Buyer', press: 'Press', ko: '한국어', en: 'English',
    summaryTitle: 'Please check your entries ({n})',
    errNameMissing: 'Enter your name.', errNameLong: 'The name can be at most 120 characters.', errEmailMissing: 'Enter your email address.',
    errEmail: 'This is not an email address (e.g. minjun@example.com).', errCompanyLong: 'The company name can be at most 200 characters.',
    errCountry: 'Enter the country as two letters (e.g. KR).', errKind: 'Choose how you visit.', errDaysMissing: 'Choose at least one day.',
    errDays: 'Choose days of the fair only.', errLanguage: 'Choose a language.', errSingleLine: 'Enter a single line.',
    errInvalid: 'Check this value.', errAlreadySent: 'This form was already sent. Reload the page and register again.',
    errInProgress: 'Your registration is being processed. Try again in a moment.',
    closedTitle: 'Registration is closed', closedText: 'Visitor registration for {edition} is not open.',
    sentTitle: 'Check your email', sentText: 'We sent the visitor information for {edition} to the address you gave. Its personal link opens your visitor page.',
    backToForm: 'Back to the form', toFairs: 'All fairs',
    notFoundTitle: 'Fair not found', notFoundText: 'The address is wrong or the fair is not public.',
    tooManyTitle: 'Too many requests', tooManyText: 'Please try again in {seconds} seconds.',
    expiredTitle: 'The form has expired', expiredText: 'Open the registration form again and send it.',
    errorTitle: 'Something went wrong', errorText: 'Please try again shortly. Error id: {id}',
  },
};
