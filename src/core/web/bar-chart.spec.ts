import { renderBarChart } from './bar-chart';

describe('renderBarChart', () => {
  const widths = (svg: string): number[] => [...svg.matchAll(/<rect [^>]*width="(\d+)"[^>]*class="bar"/g)].map((m) => Number(m[1]));

  it('draws a bar per figure, the longest for the largest value, text escaped', () => {
    const svg = renderBarChart({
      id: 'c',
      title: '상담액 <차트>',
      bars: [{ label: '<b>A</b>', value: 50, text: 'US$50' }, { label: 'B', value: 100, text: 'US$100' }, { label: 'C', value: 0, text: 'US$0' }],
    }).value;
    expect(svg).toContain('<title id="c-title">상담액 &lt;차트&gt;: &lt;b&gt;A&lt;/b&gt; US$50, B US$100, C US$0</title>');
    expect(svg).toContain('&lt;b&gt;A&lt;/b&gt;');
    expect(widths(svg)).toEqual([118, 236, 0]);
  });

  it('draws shares of a whole against their own maximum, on a track', () => {
    const svg = renderBarChart({ id: 'h', title: 'Halls', bars: [{ label: 'EXH1', value: 125, max: 250, text: '125 / 250' }] }).value;
    expect(widths(svg)).toEqual([118]);
    expect(svg).toContain('class="track"');
  });

  it('cuts a long label to the chart width, counting Hangul as double width', () => {
    const svg = renderBarChart({ id: 'k', title: 't', bars: [{ label: '가'.repeat(30), value: 1 }] }).value;
    expect(svg).toContain(`>${'가'.repeat(20)}…</text>`);
  });
});
