/**
 * The product categories exhibitors pick from, per fair series. PPURI's six come from the
 * seed text (casting, welding, mold, heat treatment, surface treatment, plastic working);
 * the others are our reading of each fair's sector.
 */
export interface ProductCategory {
  code: string;
  nameKo: string;
  nameEn: string;
}

export const PRODUCT_CATEGORIES: Record<string, ProductCategory[]> = {
  'green-car': [
    { code: 'ev-powertrain', nameKo: '전기차 구동계', nameEn: 'EV powertrain' },
    { code: 'battery-charging', nameKo: '배터리·충전', nameEn: 'Batteries and charging' },
    { code: 'hydrogen-fuel-cell', nameKo: '수소·연료전지', nameEn: 'Hydrogen and fuel cells' },
    { code: 'automotive-electronics', nameKo: '자동차 전장부품', nameEn: 'Automotive electronics' },
    { code: 'autonomous-driving', nameKo: '자율주행', nameEn: 'Autonomous driving' },
    { code: 'auto-parts', nameKo: '자동차 부품', nameEn: 'Auto parts' },
    { code: 'lightweight-materials', nameKo: '경량 소재', nameEn: 'Lightweight materials' },
  ],
  ppuri: [
    { code: 'casting', nameKo: '주조', nameEn: 'Casting' },
    { code: 'welding', nameKo: '용접', nameEn: 'Welding' },
    { code: 'mold', nameKo: '금형', nameEn: 'Mold' },
    { code: 'heat-treatment', nameKo: '열처리', nameEn: 'Heat treatment' },
    { code: 'surface-treatment', nameKo: '표면처리', nameEn: 'Surface treatment' },
    { code: 'plastic-working', nameKo: '소성가공', nameEn: 'Plastic working' },
  ],
  'iot-appliance-robot': [
    { code: 'iot-devices', nameKo: 'IoT 기기', nameEn: 'IoT devices' },
    { code: 'smart-home-appliances', nameKo: '스마트 가전', nameEn: 'Smart home appliances' },
    { code: 'robots', nameKo: '로봇', nameEn: 'Robots' },
    { code: 'sensors-components', nameKo: '센서·부품', nameEn: 'Sensors and components' },
    { code: 'ai-software', nameKo: 'AI·소프트웨어', nameEn: 'AI and software' },
  ],
};

export const ALL_PRODUCT_CATEGORY_CODES: string[] = [
  ...new Set(Object.values(PRODUCT_CATEGORIES).flatMap((list) => list.map((c) => c.code))),
];

export function categoriesOfSeries(seriesCode: string): ProductCategory[] {
  return PRODUCT_CATEGORIES[seriesCode] ?? [];
}
