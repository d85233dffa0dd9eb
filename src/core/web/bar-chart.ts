import { html, type SafeHtml } from './html';

/** One bar: its label, its value, and the value as written when not just the number. */
export interface ChartBar {
  label: string;
  value: number;
  text?: string;
  /** For shares of a whole: the bar's own maximum (drawn as a track); else the largest value. */
  max?: number;
}

/** A bar chart: one bar per figure. `id` names its title for screen readers. */
export interface BarChart {
  id: string;
  title: string;
  bars: ChartBar[];
}

const ROW = 38;
const BAR_W = 236;
const WIDTH = BAR_W + 64;

/** A label cut to fit the chart's width (the table under the chart has it in full). */
function shortenToChartWidth(label: string): string {
  const chars = [...label];
  // Hangul is about twice as wide as Latin at the same size.
  let width = 0;
  let cut = 0;
  for (const c of chars) {
    width += /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/.test(c) ? 2 : 1;
    if (width > 40) return `${chars.slice(0, cut).join('')}…`;
    cut += 1;
  }
  return label;
}

/**
 * A small horizontal bar chart drawn on the server as SVG: one bar per figure, its label above it
 * and its number at its end. It is an image with a title (`role="img"`); the same numbers are in
 * a table beside it, for screen readers and for anyone who would rather read.
 */
export function renderBarChart(chart: BarChart): SafeHtml {
  const scale = Math.max(1, ...chart.bars.map((b) => b.max ?? b.value));
  const height = chart.bars.length * ROW + 2;
  const rows = chart.bars.map((b, i) => {
    const max = b.max ?? scale;
    const w = max > 0 ? Math.round((b.value / max) * BAR_W) : 0;
    return html`<g transform="translate(0 ${i * ROW})">
<text x="0" y="13" class="l">${shortenToChartWidth(b.label)}</text>
${b.max !== undefined ? html`<rect x="0" y="18" width="${BAR_W}" height="14" class="track"/>` : ''}
<rect x="0" y="18" width="${Math.max(w, b.value > 0 ? 2 : 0)}" height="14" class="bar"/>
<text x="${(b.max !== undefined ? BAR_W : w) + 6}" y="30" class="v">${b.text ?? String(b.value)}</text>
</g>`;
  });
  return html`<svg class="chart" role="img" aria-labelledby="${chart.id}-title" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" preserveAspectRatio="xMinYMin meet">
<title id="${chart.id}-title">${chart.title}: ${chart.bars.map((b) => `${b.label} ${b.text ?? b.value}`).join(', ')}</title>
${rows}
</svg>`;
}

export const CHART_STYLES = `
svg.chart{display:block;width:100%;max-width:22rem;height:auto;font-size:12px;margin:.25rem 0 .5rem}
svg.chart .l{fill:#333}
svg.chart .v{fill:#1a1a1a;font-weight:700}
svg.chart .bar{fill:#0b57d0}
svg.chart .track{fill:#e8eefb}
`;
