import { actionLabel, changeLines, readable } from './audit.view';

describe('audit view helpers', () => {
  it('puts before and after of each key side by side, a missing side as —', () => {
    expect(changeLines({ status: 'submitted' }, { status: 'rejected', reason: 'late' })).toEqual([
      { key: 'status', before: 'submitted', after: 'rejected' },
      { key: 'reason', before: '—', after: 'late' },
    ]);
    expect(changeLines(null, null)).toEqual([]);
    expect(readable({ a: 1 })).toBe('{"a":1}');
  });

  it('names known actions in the page language, route entries as requests, and keeps unknown codes', () => {
    expect(actionLabel('staff.invite', 'ko')).toBe('팀원 초대');
    expect(actionLabel('route.POST /api/fairs/:series/editions', 'ko')).toBe('요청');
    expect(actionLabel('invoice.payment-record', 'en')).toBe('invoice.payment-record');
  });
});
