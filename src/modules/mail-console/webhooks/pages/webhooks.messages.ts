import type { Catalogue, Translate } from '../../../../core/web/i18n';

type Key =
  | 'title' | 'intro' | 'docs' | 'create' | 'url' | 'urlHint' | 'description' | 'events' | 'edition' | 'allEditions' | 'subscribe'
  | 'subscriptions' | 'noSubscriptions' | 'active' | 'inactive' | 'saveEvents' | 'disable' | 'enable' | 'rotate' | 'test' | 'delete'
  | 'deleteConfirm' | 'secretTitle' | 'secretOnce' | 'deliveries' | 'noDeliveries' | 'filterEvent' | 'filterStatus' | 'any' | 'apply' | 'reset'
  | 'event' | 'status' | 'attempts' | 'endpoint' | 'times' | 'result' | 'actions' | 'resend' | 'created' | 'nextAttempt' | 'deliveredAt'
  | 'failedAt' | 'answered' | 'networkError' | 'previous' | 'next' | 'summary' | 'errorsTitle' | 'deliveryId'
  | 'status.pending' | 'status.dispatched' | 'status.sending' | 'status.delivered' | 'status.failed'
  | 'flash.created' | 'flash.events-saved' | 'flash.enabled' | 'flash.disabled' | 'flash.deleted' | 'flash.test-sent' | 'flash.requeued'
  | 'flash.copied' | 'flash.not-resendable' | 'flash.not-found'
  | 'problem.invalid' | 'problem.scheme' | 'problem.credentials' | 'problem.fragment' | 'problem.private' | 'problem.unresolvable'
  | 'problem.events' | 'problem.edition';

export const WEBHOOK_MESSAGES: Catalogue<Key> = {
  ko: {
    title: '웹훅', intro: '주최 측 시스템(CRM, 회계)이 신청, 입금, 참관객 등록, 상담 일정 공개를 바로 받도록 주소를 등록합니다. 모든 요청은 서명되어 전송되며, 실패하면 간격을 늘려 가며 다시 보냅니다.',
    docs: '서명 검증 방법은 docs/webhooks.md에 있습니다.',
    create: '새 구독', url: '받을 주소', urlHint: 'https://로 시작하는 공개 주소 (아이디·비밀번호 포함 불가)', description: '설명', events: '이벤트', edition: '행사 회차', allEditions: '모든 회차',
    subscribe: '구독 만들기', subscriptions: '구독 목록', noSubscriptions: '아직 구독이 없습니다.', active: '사용 중', inactive: '사용 중지',
    saveEvents: '이벤트 저장', disable: '사용 중지', enable: '다시 사용', rotate: '서명 키 새로 만들기', test: '테스트 이벤트 보내기', delete: '삭제',
    deleteConfirm: '이 구독과 전송 기록을 삭제합니다', secretTitle: '서명 키 (한 번만 표시됩니다)',
    secretOnce: '지금 복사해 받는 시스템에 저장하세요. 이 키는 다시 보여 드리지 않습니다. 잃어버리면 새로 만드세요.',
    deliveries: '전송 기록', noDeliveries: '조건에 맞는 전송이 없습니다.', filterEvent: '이벤트', filterStatus: '상태', any: '전체', apply: '적용', reset: '초기화',
    event: '이벤트', status: '상태', attempts: '시도', endpoint: '주소', times: '시각', result: '결과', actions: '작업', resend: '다시 보내기',
    created: '생성 {time}', nextAttempt: '다음 시도 {time}', deliveredAt: '전달 {time}', failedAt: '실패 {time}', answered: '응답 코드 {code}',
    networkError: '연결 실패 (응답 없음, 시간 초과 또는 주소 거부)', previous: '이전', next: '다음', summary: '전체 {total}건 중 {from}–{to}건',
    errorsTitle: '입력을 확인해 주세요', deliveryId: '전송 ID',
    'status.pending': '대기', 'status.dispatched': '전송 준비', 'status.sending': '전송 중', 'status.delivered': '전달됨', 'status.failed': '실패',
    'flash.created': '구독을 만들었습니다.', 'flash.events-saved': '이벤트를 저장했습니다.', 'flash.enabled': '구독을 다시 사용합니다.', 'flash.disabled': '구독을 사용 중지했습니다.',
    'flash.deleted': '구독을 삭제했습니다.', 'flash.test-sent': '테스트 이벤트를 보냈습니다. 아래 전송 기록에서 결과를 확인하세요.',
    'flash.requeued': '실패한 전송을 다시 보냅니다.', 'flash.copied': '전달된 이벤트를 새 전송으로 다시 보냅니다.',
    'flash.not-resendable': '진행 중인 전송은 다시 보낼 수 없습니다.', 'flash.not-found': '해당 항목이 없습니다.',
    'problem.invalid': '올바른 주소가 아닙니다. 예: https://crm.example.com/hooks/fairgate', 'problem.scheme': '주소는 https://로 시작해야 합니다.',
    'problem.credentials': '주소에 아이디나 비밀번호를 넣을 수 없습니다. 요청은 서명으로 확인합니다.', 'problem.fragment': '주소에 # 뒷부분을 넣을 수 없습니다.',
    'problem.private': '내부망, 루프백 또는 링크 로컬 주소로는 보낼 수 없습니다. 공개 주소를 입력하세요.', 'problem.unresolvable': '주소의 호스트 이름을 찾을 수 없습니다.',
    'problem.events': '이벤트를 하나 이상 고르세요.', 'problem.edition': '해당 행사 회차가 없습니다.',
  },
  en: {
    title: 'Webhooks', intro: 'Register an address so your own systems (CRM, accounting) hear at once about applications, payments, visitor registrations and published meeting schedules. Every request is signed; failures are retried at growing intervals.',
    docs: 'How to verify the signature: docs/webhooks.md.',
    create: 'New subscription', url: 'Receiving URL', urlHint: 'A public https:// address (no user name or password)', description: 'Description', events: 'Events', edition: 'Edition', allEditions: 'Every edition',
    subscribe: 'Create subscription', subscriptions: 'Subscriptions', noSubscriptions: 'No subscriptions yet.', active: 'Active', inactive: 'Disabled',
    saveEvents: 'Save events', disable: 'Disable', enable: 'Enable', rotate: 'Rotate signing secret', test: 'Send test event', delete: 'Delete',
    deleteConfirm: 'Deletes this subscription and its delivery log', secretTitle: 'Signing secret (shown once)',
    secretOnce: 'Copy it now into the receiving system. It will not be shown again; if it is lost, rotate it.',
    deliveries: 'Delivery log', noDeliveries: 'No deliveries match.', filterEvent: 'Event', filterStatus: 'Status', any: 'Any', apply: 'Apply', reset: 'Reset',
    event: 'Event', status: 'Status', attempts: 'Attempts', endpoint: 'URL', times: 'Times', result: 'Result', actions: 'Actions', resend: 'Send again',
    created: 'Created {time}', nextAttempt: 'Next attempt {time}', deliveredAt: 'Delivered {time}', failedAt: 'Failed {time}', answered: 'Answered {code}',
    networkError: 'Connection failed (no answer, timeout or address refused)', previous: 'Previous', next: 'Next', summary: '{from}–{to} of {total}',
    errorsTitle: 'Please check your input', deliveryId: 'Delivery ID',
    'status.pending': 'Pending', 'status.dispatched': 'Queued', 'status.sending': 'Sending', 'status.delivered': 'Delivered', 'status.failed': 'Failed',
    'flash.created': 'Subscription created.', 'flash.events-saved': 'Events saved.', 'flash.enabled': 'Subscription enabled.', 'flash.disabled': 'Subscription disabled.',
    'flash.deleted': 'Subscription deleted.', 'flash.test-sent': 'Test event sent; see the delivery log below.',
    'flash.requeued': 'The failed delivery is being sent again.', 'flash.copied': 'The delivered event is being sent again as a new delivery.',
    'flash.not-resendable': 'A delivery under way cannot be sent again.', 'flash.not-found': 'No such item.',
    'problem.invalid': 'Not a valid URL. Example: https://crm.example.com/hooks/fairgate', 'problem.scheme': 'The URL must start with https://.',
    'problem.credentials': 'The URL must not contain a user name or password; requests are authenticated by their signature.', 'problem.fragment': 'The URL must not contain a #fragment.',
    'problem.private': 'Private, loopback and link-local addresses are refused; enter a public address.', 'problem.unresolvable': 'The host name of the URL does not resolve.',
    'problem.events': 'Choose at least one event.', 'problem.edition': 'There is no such edition.',
  },
};

export type WebhookT = Translate<Key>;
export type WebhookMessageKey = Key;
