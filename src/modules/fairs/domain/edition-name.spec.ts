import type { FairEdition } from '../entities/fair-edition.entity';
import { editionName, editionNameOrCode } from './edition-name';

const edition = (series: { nameKo: string; nameEn: string } | undefined): Pick<FairEdition, 'year' | 'series' | 'code'> =>
  ({ year: 2026, code: 'BIXPO-2026', series }) as Pick<FairEdition, 'year' | 'series' | 'code'>;

describe('editionName', () => {
  it('is the year and the series name in the language asked', () => {
    const e = edition({ nameKo: '빛가람 엑스포', nameEn: 'BIXPO' });
    expect(editionName(e, 'ko')).toBe('2026 빛가람 엑스포');
    expect(editionName(e, 'en')).toBe('2026 BIXPO');
  });

  it('is the year alone without a series (as the hand-written copies were)', () => {
    expect(editionName(edition(undefined), 'ko')).toBe('2026');
    expect(editionName(edition({ nameKo: '', nameEn: '' }), 'en')).toBe('2026');
  });
});

describe('editionNameOrCode', () => {
  it('is the edition name, or the code when the series has no name in that language', () => {
    expect(editionNameOrCode(edition({ nameKo: '빛가람 엑스포', nameEn: 'BIXPO' }), 'en')).toBe('2026 BIXPO');
    expect(editionNameOrCode(edition({ nameKo: '빛가람 엑스포', nameEn: '' }), 'en')).toBe('BIXPO-2026');
    expect(editionNameOrCode(edition(undefined), 'ko')).toBe('BIXPO-2026');
  });
});
