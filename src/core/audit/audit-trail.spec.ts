import { changedFields } from './audit-trail';

describe('changedFields', () => {
  it('keeps only the keys whose values differ, on both sides', () => {
    expect(changedFields({ status: 'submitted', hall: 'EXH1', note: null }, { status: 'approved', hall: 'EXH1' })).toEqual({
      before: { status: 'submitted' },
      after: { status: 'approved' },
    });
  });

  it('compares nested values by content and reports a key that appeared', () => {
    expect(changedFields({ booths: ['A1'] }, { booths: ['A1'], fee: 1200 })).toEqual({ before: { fee: null }, after: { fee: 1200 } });
  });
});
