import type { LeadResponse } from '../dto/lead.dto';
import { leadCards, leadsRefusal, renderLeadsPage } from './leads-page.view';

const lead = (over: Partial<LeadResponse>): LeadResponse => ({
  id: 'l', edition: 'ppuri-2027', badgeCode: 'FG-AAAA-BBBB', note: '', scannedAt: '2027-04-28T05:05:00.000Z', updatedAt: '2027-04-28T05:05:00.000Z',
  contactShared: true, contact: { name: '김민준', email: 'minjun@example.com', company: '광주전자', country: 'KR', kind: 'buyer' }, ...over,
});

describe('leads page view', () => {
  it('shows contacts only when shared, and the scan time written out', () => {
    expect(leadCards([lead({}), lead({ contactShared: false, contact: null, note: '부스 방문' })], 'ko')).toEqual([
      { title: '김민준', badgeCode: 'FG-AAAA-BBBB', contact: 'minjun@example.com · 광주전자', note: '', scannedAt: '스캔 2027년 4월 28일 (수) 오후 2:05' },
      { title: '(연락처 비공개)', badgeCode: 'FG-AAAA-BBBB', contact: '', note: '부스 방문', scannedAt: '스캔 2027년 4월 28일 (수) 오후 2:05' },
    ]);
    expect(leadCards([lead({})], 'en')[0].scannedAt).toBe('Scanned Wed 28 Apr 2027, 2:05 PM');
  });

  it('words refusals in the page language', () => {
    expect(leadsRefusal(404, undefined, undefined, 'ko')).toContain('찾을 수 없습니다');
    expect(leadsRefusal(429, undefined, 12, 'en')).toBe('Too many requests: try again in 12 seconds.');
    expect(leadsRefusal(403, 'csrf', undefined, 'ko')).toContain('만료');
  });

  it('links the CSV to the page route, and writes no AM/PM on a Korean page', () => {
    const page = renderLeadsPage('ko', 'tok', 'ppuri-2027', [lead({})]);
    expect(page).toContain('href="/exhibitor/leads.csv?edition=ppuri-2027"');
    expect(page).not.toMatch(/\b(AM|PM)\b/);
    expect(page).not.toContain('/api/company/leads.csv');
  });
});
