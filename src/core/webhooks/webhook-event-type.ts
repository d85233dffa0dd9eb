/**
 * An event type as its owning area declares it (`exhibitors/webhooks/…`): the stable name receivers
 * switch on, what to call it in the console, and the envelope key naming the scope's code
 * (`edition`). `D` is the shape of `data`; emit() checks it at compile time, as OutboxService.send
 * checks a mail's params. Core knows no business word: the names and shapes live with the areas.
 */
export interface WebhookEventType<D extends object> {
  readonly type: string;
  readonly labels: { readonly ko: string; readonly en: string };
  readonly scopeKey: string;
  /** Never called: carries `D` for the compiler. */
  readonly __data?: D;
}

/** Event type names: lower-case words joined by dots, `subject.verb-ed`. */
export const EVENT_TYPE_PATTERN = /^[a-z][a-z-]*(\.[a-z][a-z-]*)+$/;

export function defineWebhookEvent<D extends object>(spec: { type: string; labels: { ko: string; en: string }; scopeKey: string }): WebhookEventType<D> {
  if (!EVENT_TYPE_PATTERN.test(spec.type)) throw new Error(`webhook event type ${spec.type} is not dotted lower-case words`);
  return { type: spec.type, labels: spec.labels, scopeKey: spec.scopeKey };
}

/** Core's own event: what "send test event" delivers to one subscription. */
export const webhookTestEvent = defineWebhookEvent<{ message: string; subscription_id: string }>({
  type: 'webhook.test',
  labels: { ko: '테스트 이벤트', en: 'Test event' },
  scopeKey: 'scope',
});
