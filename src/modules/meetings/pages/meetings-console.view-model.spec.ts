import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { translator } from '../../../core/web/i18n';
import {
  fieldErrors, flashOf, importProblems, manyOf, reasonWords, refusalOutcome, runView, slotLabel, slotTimeOnly, splitList, withOutcome,
} from './meetings-console.view-model';
import { MEETINGS_MESSAGES } from './messages';
import { requestFiltersOf } from './meetings-requests.view';
import { requestsReturn } from './meetings-requests-console.controller';

const ko = translator(MEETINGS_MESSAGES, 'ko');
const en = translator(MEETINGS_MESSAGES, 'en');
const slot = { id: 'D2027-07-08-1330', start: '2027-07-08T13:30:00+09:00', end: '2027-07-08T14:00:00+09:00' };

describe('meetings console view model', () => {
  it('writes slots out by hand, Korean without AM/PM', () => {
    expect(slotLabel(slot, 'ko')).toBe('7월 8일 (목) 오후 1:30–오후 2:00');
    expect(slotLabel(slot, 'en')).toBe('Thu 8 Jul, 1:30 PM–2:00 PM');
    expect(slotTimeOnly(slot, 'ko')).toBe('오후 1:30–오후 2:00');
  });

  it('reads a run: reloads while queued or running, shows its quality against the bound when done', () => {
    expect(runView({ id: 'r', status: 'queued', progress: null, stats: null, unscheduled: null })).toMatchObject({ refresh: true, weight: undefined, unscheduledCount: 0 });
    expect(runView({ id: 'r', status: 'running', progress: { phase: 'improve', weight: 7, bound: 10 }, stats: null, unscheduled: null })).toMatchObject({
      refresh: true, phase: 'improve', weight: 7, bound: 10, ratio: undefined,
    });
    const done = runView({
      id: 'r', status: 'done', progress: { phase: 'finish', weight: 8, bound: 12 }, stats: { weight: 9, simpleBound: 12, meetings: 4, milliseconds: 1234 },
      unscheduled: [{ request: 'a', reason: 'x' }],
    });
    expect(done).toMatchObject({ refresh: false, weight: 9, bound: 12, ratio: 75, meetings: 4, seconds: 1.2, unscheduledCount: 1 });
    expect(runView({ id: 'r', status: 'done', progress: null, stats: { weight: 0, simpleBound: 0 }, unscheduled: [] }).ratio).toBe(100);
    expect(runView({ id: 'r', status: 'failed', progress: null, stats: null, unscheduled: null }).refresh).toBe(false);
    // the engine's best bound (its LP's) before the simple one; the fairness mode and who is left without
    expect(
      runView({ id: 'r', status: 'done', progress: null, stats: { weight: 9, bound: 10, simpleBound: 12, fairness: 'weight', couldMeet: 30, leftWithout: 2 }, unscheduled: [] }),
    ).toMatchObject({ bound: 10, ratio: 90, fairness: 'weight', couldMeet: 30, leftWithout: 2 });
  });

  it('puts every engine reason into words of the page, never English on a Korean page', () => {
    const cases: Array<[string, string, string]> = [
      ['buyer Lima SAC is unavailable in every slot', '바이어 Lima SAC이(가) 모든 시간대에 불참합니다', 'Buyer Lima SAC is away in every slot'],
      ['exhibitor Honam is away in every slot buyer Lima SAC is available', '참가기업 Honam은(는) 바이어 Lima SAC이(가) 참석 가능한 모든 시간대에 불참합니다', 'Exhibitor Honam is away in every slot Buyer Lima SAC is available'],
      ['no interpreter speaks vi', 'vi 통역사가 없습니다', 'no interpreter speaks vi'],
      ['no interpreter for vi is available in any slot both are available', '두 회사가 모두 가능한 시간대에 vi 통역사가 비어 있지 않습니다', 'no vi interpreter is free in any slot both are available'],
      ['exhibitor Honam takes no meetings (maximum 0)', '참가기업 Honam은(는) 상담을 받지 않습니다 (최대 0건)', 'Exhibitor Honam takes no meetings (maximum 0)'],
      ['buyer A and B reached its maximum of 3 meetings', '바이어 A and B이(가) 최대 상담 수 3건을 채웠습니다', 'Buyer A and B reached its maximum of 3 meetings'],
      ['buyer A is busy or away in every slot exhibitor B is free', '바이어 A은(는) 참가기업 B이(가) 비어 있는 모든 시간대에 다른 상담이 있거나 불참합니다', 'Buyer A is busy or away in every slot Exhibitor B is free'],
      ['buyer A and exhibitor B are busy or away in every slot', '바이어 A와(과) 참가기업 B 모두 모든 시간대에 다른 상담이 있거나 불참합니다', 'Buyer A and Exhibitor B are busy or away in every slot'],
      ['left out by the search; it still fits in slot D2027-07-08-1330', '탐색에서 빠졌습니다. 7월 8일 (목) 오후 1:30–오후 2:00에는 아직 들어갈 수 있습니다', 'left out by the search; it still fits at Thu 8 Jul, 1:30 PM–2:00 PM'],
      ['in every slot both are free, the host table is taken or no interpreter is free', '두 회사가 모두 비어 있는 시간대마다 테이블이나 통역사가 없습니다', 'in every slot both are free, a table or an interpreter is missing'],
      ['no table is free in any slot both are free', '두 회사가 모두 비어 있는 시간대마다 테이블이나 통역사가 없습니다', 'in every slot both are free, a table or an interpreter is missing'],
      ['locked at D2027-07-08-1330 / T01, but the interpreter is away', '고정한 시간·테이블이 배치 규칙에 어긋납니다', 'its lock breaks a scheduling rule'],
      ['something new the engine says', '배치 규칙 때문에 넣을 수 없었습니다', 'a scheduling rule kept it out'],
    ];
    for (const [reason, k, e] of cases) {
      expect(reasonWords(reason, ko, 'ko', [slot])).toBe(k);
      expect(reasonWords(reason, en, 'en', [slot])).toBe(e);
    }
  });

  it('maps refusals to flashes, and flashes to messages in the page language', () => {
    expect(refusalOutcome(new DomainError(ErrorCode.Conflict, 'frozen', { frozen: true }))).toEqual({ flash: 'err-frozen' });
    expect(refusalOutcome(new DomainError(ErrorCode.Conflict, 'x', { violations: [{ code: 'wrong-table' }] }))).toEqual({ flash: 'err-rule', rule: 'wrong-table' });
    expect(refusalOutcome(new DomainError(ErrorCode.IllegalTransition, 'x', { requestStatus: 'declined' }))).toEqual({ flash: 'err-notAnswerable' });
    expect(refusalOutcome(new DomainError(ErrorCode.IllegalTransition, 'x'))).toEqual({ flash: 'err-notLockable' });
    expect(refusalOutcome(new DomainError(ErrorCode.Conflict, 'green-car-2027 has no schedule to publish yet'))).toEqual({ flash: 'err-nothingToPublish' });
    expect(refusalOutcome(new DomainError(ErrorCode.NotFound, 'x'))).toEqual({ flash: 'err-notFound' });
    expect(refusalOutcome(new DomainError(ErrorCode.Forbidden, 'x'))).toBeUndefined();
    expect(refusalOutcome(new Error('boom'))).toBeUndefined();

    expect(withOutcome('/a', { flash: 'published', count: 3, notified: 2 })).toBe('/a?flash=published&n=3&notified=2');
    expect(withOutcome('/a?status=pending', { flash: 'err-rule', rule: 'max-meetings' })).toBe('/a?status=pending&flash=err-rule&rule=max-meetings');
    expect(flashOf({ flash: 'published', n: '3', notified: '2' }, ko)).toEqual({ ok: true, text: '배치표를 게시했습니다: 상담 3건. 참가자 2명에게 일정 메일을 보냅니다.' });
    expect(flashOf({ flash: 'moved', notified: '2' }, en)).toEqual({ ok: true, text: 'Meeting moved. 2 participants are told of the change.' });
    expect(flashOf({ flash: 'err-rule', rule: 'max-meetings' }, ko)).toEqual({ ok: false, text: '배치 규칙에 어긋납니다: 참가자의 최대 상담 수를 넘습니다' });
    expect(flashOf({ flash: 'err-rule', rule: '<script>' }, en)?.text).toBe('That breaks a scheduling rule: another scheduling rule');
    expect(flashOf({ flash: 'published', n: '0', notified: '0' }, en)?.text).toBe('No drafts to publish: the schedule is already published.');
    expect(flashOf({ flash: 'err-nope' }, ko)).toBeUndefined();
    expect(flashOf({ flash: 'hacked' }, ko)).toBeUndefined();
    expect(flashOf({ flash: 'imported', n: '99999999999' }, en)?.text).toBe('0 buyers imported.');
  });

  it('explains refused form fields and import lines in words of the page', () => {
    const refused = DomainError.validation([{ field: 'country', messages: ['country must be an ISO code'] }, { field: 'languages', messages: ['x'] }, { field: 'nope', messages: ['y'] }]);
    expect(fieldErrors(refused, ko, ['country', 'languages', 'email'])).toEqual({ country: ko('err_country'), languages: ko('err_languages') });
    expect(fieldErrors(new DomainError(ErrorCode.Conflict, 'taken'), en, ['email'])).toEqual({ email: en('err_emailTaken') });

    const csv = DomainError.validation([
      { field: 'line 4.email', messages: ['a@b.example is already on line 2'] },
      { field: 'line 3.country', messages: ['country must be a two-letter ISO code'] },
      { field: 'line 1', messages: ['missing column "email"'] },
      { field: 'line 5', messages: ['a quoted field is not closed (missing ")'] },
    ]);
    expect(importProblems(csv, ko, 'ko')).toEqual([
      { line: 1, field: null, text: ko('err_header') },
      { line: 3, field: 'country', text: ko('err_country') },
      { line: 4, field: 'email', text: ko('err_emailDuplicate') },
      { line: 5, field: null, text: ko('err_lineFormat') },
    ]);
    expect(importProblems(csv, en, 'en')[1]).toEqual({ line: 3, field: 'country', text: 'country must be a two-letter ISO code' });
  });

  it('reads list fields, filters and return addresses leniently and safely', () => {
    expect(splitList(' VI, en ;de  ')).toEqual(['vi', 'en', 'de']);
    expect(splitList(undefined)).toEqual([]);
    expect(manyOf('a')).toEqual(['a']);
    expect(manyOf(['a', 'b'])).toEqual(['a', 'b']);
    expect(manyOf(undefined)).toEqual([]);
    const id = '0b0b0b0b-1111-2222-3333-444444444444';
    expect(requestFiltersOf({ status: 'pending', buyer: id, exhibitor: 'x' })).toEqual({ status: 'pending', buyer: id, exhibitor: undefined });
    expect(requestFiltersOf({ status: 'weird' })).toEqual({ status: undefined, buyer: undefined, exhibitor: undefined });
    expect(requestFiltersOf({ buyer: id }, { buyers: [], exhibitors: [] }).buyer).toBeUndefined();
    expect(requestsReturn('e', '/console/meetings/e/requests?status=pending&evil=1')).toBe('/console/meetings/e/requests?status=pending');
    expect(requestsReturn('e', 'https://evil.example/')).toBe('/console/meetings/e/requests');
    expect(requestsReturn('e', '/console/meetings/e/requests\r\nX: y')).toBe('/console/meetings/e/requests');
    expect(requestsReturn('e', undefined)).toBe('/console/meetings/e/requests');
  });
});
