import { ErrorCode } from '../../../core/errors/domain-error';
import type { BoothPlanData } from '../booths/booths.service';
import type { BoothResponse } from '../dto/booth.dto';
import { boothTranslator } from './booth-plan-console.messages';
import { renderAutoAssignPreview, renderBoothPage, renderBoothPlan, type BoothContext } from './booth-plan-console.view';
import { AISLE, boothRefusal, boothState, candidatesFor, LABEL_W, layoutHall } from './booth-plan-console.view-model';

const ctx = (lang: 'ko' | 'en'): BoothContext => ({ lang, t: boothTranslator(lang), langHref: (l) => `?lang=${l}`, user: { displayName: '김민준', csrf: 'tok' } });
const A1 = '0b6f2c1e-3f55-4d1a-9d0e-1f6c2b7a8e90';
const A2 = '1b6f2c1e-3f55-4d1a-9d0e-1f6c2b7a8e91';

const booth = (code: string, row: string, position: number, extra: Partial<BoothResponse> = {}): BoothResponse => ({
  code, hall: 'EXH1', row, position, widthM: 3, depthM: 3, units: 1, kind: 'inline', applicationId: null, companyName: null, ...extra,
});

const plan: BoothPlanData = {
  edition: { code: 'ppuri-2027', nameKo: '2027 뿌리산업전', nameEn: '2027 PPURI' },
  halls: [{ code: 'EXH1', nameKo: '제1전시장', nameEn: 'Exhibition Hall 1', boothCapacity: 10, boothsFree: 6 }],
  booths: [
    booth('1A01', 'A', 1, { kind: 'corner', applicationId: A1, companyName: '빛고을정밀' }),
    booth('1A02', 'A', 2, { applicationId: A2, companyName: '광주금형' }),
    booth('1A03', 'A', 3),
    booth('1B01', 'B', 1, { widthM: 6, depthM: 6, units: 4, kind: 'island' }),
    booth('1B02', 'B', 2, { widthM: 6, depthM: 6, units: 4, kind: 'island' }),
  ],
  applications: [
    { id: A1, companyName: '빛고을정밀', hall: 'EXH1', boothCount: 1, assignedUnits: 1 },
    { id: A2, companyName: '광주금형', hall: 'EXH1', boothCount: 2, assignedUnits: 1 },
  ],
};

describe('booth plan view models', () => {
  it('tells sold (all its booths), reserved (its application needs more) and free booths apart', () => {
    expect(boothState(plan.booths[0], plan.applications)).toBe('sold');
    expect(boothState(plan.booths[1], plan.applications)).toBe('reserved');
    expect(boothState(plan.booths[2], plan.applications)).toBe('free');
  });

  it('places booths by row and position, as wide and deep as they are, rows apart by an aisle', () => {
    const layout = layoutHall('EXH1', plan.booths, plan.applications);
    const at = (code: string) => layout.booths.find((b) => b.code === code);
    expect(at('1A01')).toMatchObject({ x: LABEL_W, y: 0, w: 30, h: 30, state: 'sold' });
    expect(at('1A03')).toMatchObject({ x: LABEL_W + 60, y: 0 });
    expect(at('1B02')).toMatchObject({ x: LABEL_W + 60, y: 30 + AISLE, w: 60, h: 60 });
    expect(layout.rows.map((r) => r.row)).toEqual(['A', 'B']);
    expect(layout.counts).toEqual({ free: 3, reserved: 1, sold: 1, total: 5 });
    expect(layout.width).toBe(LABEL_W + 120);
    expect(layout.height).toBe(30 + AISLE + 60);
  });

  it('offers a free booth only to approved applications of its hall that still need that many units', () => {
    expect(candidatesFor(plan.booths[2], plan.applications).map((a) => a.id)).toEqual([A2]);
    expect(candidatesFor(plan.booths[3], plan.applications)).toEqual([]);
  });

  it('puts refusals into words by their code', () => {
    expect(boothRefusal({ code: ErrorCode.Conflict, reason: 'taken' })).toBe('err_taken');
    expect(boothRefusal({ code: ErrorCode.Conflict, reason: 'free' })).toBe('err_free');
    expect(boothRefusal({ code: ErrorCode.ValidationFailed, field: 'hall' })).toBe('err_hall');
    expect(boothRefusal({ code: ErrorCode.ValidationFailed, field: 'units' })).toBe('err_units');
    expect(boothRefusal({ code: ErrorCode.IllegalTransition, status: 'submitted' })).toBe('err_state');
  });
});

describe('booth plan views', () => {
  it('draws each hall as an SVG whose booths are links named with their state, with a legend and a table', () => {
    const page = renderBoothPlan(ctx('ko'), plan);
    expect(page).toContain('aria-current="page">부스</a>');
    expect(page).toContain('<h2 id="hall-EXH1">제1전시장</h2>');
    expect(page).toContain('부스 5개: 판매 1 · 예약 1 · 빈 부스 3');
    expect(page).toContain('<a href="/console/booths/ppuri-2027/booths/1A03" aria-label="1A03 일반 3×3m, 빈 부스">');
    expect(page).toContain('aria-label="1A02 일반 3×3m, 예약: 광주금형"');
    expect(page).toMatch(/<rect class="b-sold"/);
    expect(page).toContain('판매됨</li>');
    expect(page).toContain('<summary>표로 보기 (제1전시장)</summary>');
    expect(page).not.toContain('EXH1</h2>');
  });

  it('a free booth offers the applications that need it; an assigned one offers release', () => {
    const free = renderBoothPage(ctx('en'), { plan, booth: plan.booths[2] });
    expect(free).toContain(`<option value="${A2}">광주금형 — 1 of 2 assigned</option>`);
    expect(free).toContain('action="/console/booths/ppuri-2027/booths/1A03/assign"');
    expect(free).toContain('Exhibition Hall 1');
    const taken = renderBoothPage(ctx('ko'), { plan, booth: plan.booths[0], error: { text: '이미 빈 부스입니다.', application: '' } });
    expect(taken).toContain('action="/console/booths/ppuri-2027/booths/1A01/release"');
    expect(taken).toContain(`href="/console/applications/${A1}">빛고을정밀</a>`);
  });

  it('previews the automatic assignment with hall names and a confirm form carrying the plan version', () => {
    const page = renderAutoAssignPreview(ctx('ko'), plan, {
      version: 'abc123', assigned: [{ applicationId: A2, companyName: '광주금형', hall: 'EXH1', boothIds: ['x'], booths: ['1A03'] }],
      unassigned: [{ applicationId: A1, companyName: '빛고을정밀', unitsNeeded: 4 }],
    });
    expect(page).toContain('광주금형</a> → 제1전시장: 부스 1A03');
    expect(page).toContain('제1전시장에 이어진 빈 부스 4단위가 없습니다.');
    expect(page).toContain('<input type="hidden" name="version" value="abc123">');
  });
});
