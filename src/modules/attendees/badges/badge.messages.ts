import type { Catalogue, Translate } from '../../../core/web/i18n';

export type BadgeKey =
  | 'oneTitle' | 'bulkTitle' | 'backToDetail' | 'backToList' | 'size' | 'size.a6' | 'size.4x3' | 'size.a4' | 'show' | 'pdf'
  | 'printHint' | 'count' | 'none' | 'tooMany' | 'filters' | 'anyKind' | 'anyDay' | 'search'
  | 'trade_visitor' | 'buyer' | 'press' | 'badgeOf'
  | 'pdfFailedTitle' | 'fontMissing' | 'glyphsMissing' | 'usePrintPage';

export type BadgeT = Translate<BadgeKey>;

export const BADGE_MESSAGES: Catalogue<BadgeKey> = {
  ko: {
    oneTitle: '{name} 님 배지', bulkTitle: '{edition} 배지 일괄 인쇄', backToDetail: '참관객 정보로', backToList: '참관객 목록으로',
    size: '용지', 'size.a6': 'A6 세로 (배지 1장)', 'size.4x3': '배지 프린터 4×3인치 (102×76mm)', 'size.a4': 'A4 (A6 배지 4장)', show: '보기',
    pdf: 'PDF 내려받기', printHint: '브라우저의 인쇄 기능으로 인쇄하세요: 배율 100%(실제 크기), 여백 없음, 배경 그래픽 켜기.',
    count: '배지 {n}장 · 용지 {sheets}장', none: '조건에 맞는 참관객이 없어 인쇄할 배지가 없습니다.',
    tooMany: '배지가 {total}장으로 한 번에 인쇄할 수 있는 {max}장을 넘습니다. 구분이나 참관일로 좁혀 주세요.',
    filters: '조건', anyKind: '모든 구분', anyDay: '모든 날', search: '검색어 “{q}”',
    trade_visitor: '전문 참관객', buyer: '바이어', press: '언론', badgeOf: '{name} 님의 배지',
    pdfFailedTitle: '배지 PDF를 만들 수 없습니다',
    fontMissing: '배지용 한글 글꼴 파일이 서버에 없습니다: {path}. 관리자는 fonts-nanum 패키지를 설치하거나 BADGE_FONT_PATH를 설정하세요.',
    glyphsMissing: '다음 이름의 글자를 배지 글꼴로 그릴 수 없습니다: {who}.',
    usePrintPage: '인쇄용 페이지에서 인쇄하세요',
  },
  en: {
    oneTitle: 'Badge of {name}', bulkTitle: 'Badges of {edition}', backToDetail: 'Back to the attendee', backToList: 'Back to the attendee list',
    size: 'Paper', 'size.a6': 'A6 portrait (one badge)', 'size.4x3': 'Badge printer 4×3 in (102×76 mm)', 'size.a4': 'A4 (four A6 badges)', show: 'Show',
    pdf: 'Download PDF', printHint: 'Print with the browser: scale 100% (actual size), no margins, background graphics on.',
    count: '{n} badges · {sheets} sheets', none: 'No attendee matches: there is no badge to print.',
    tooMany: '{total} badges are more than the {max} that can be printed at once. Narrow by kind or day.',
    filters: 'Filters', anyKind: 'Any kind', anyDay: 'Any day', search: 'Search “{q}”',
    trade_visitor: 'Trade visitor', buyer: 'Buyer', press: 'Press', badgeOf: 'Badge of {name}',
    pdfFailedTitle: 'The badge PDF cannot be made',
    fontMissing: 'The Korean font for badges is missing on the server: {path}. An administrator should install the fonts-nanum package or set BADGE_FONT_PATH.',
    glyphsMissing: 'The badge fonts cannot draw some characters of these names: {who}.',
    usePrintPage: 'Print from the print page instead',
  },
};
