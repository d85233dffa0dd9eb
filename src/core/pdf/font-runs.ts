/** Characters of a text that none of the fonts can draw (the PDF refuses them rather than print empty boxes). */
export function missingCharacters(text: string, covers: (codePoint: number) => boolean): string[] {
  const missing = new Set<string>();
  for (const c of text) if (!/\s/.test(c) && !covers(c.codePointAt(0)!)) missing.add(c);
  return [...missing];
}

/** A text cut into runs, each drawn by the first font (by index) that has its characters. */
export function fontRuns(text: string, fonts: Array<(codePoint: number) => boolean>): Array<{ font: number; text: string }> {
  const runs: Array<{ font: number; text: string }> = [];
  for (const c of text) {
    const cp = c.codePointAt(0)!;
    let f = fonts.findIndex((has) => has(cp));
    if (f < 0 || /\s/.test(c)) f = runs.length > 0 ? runs[runs.length - 1].font : Math.max(0, f);
    const last = runs[runs.length - 1];
    if (last && last.font === f) last.text += c;
    else runs.push({ font: f, text: c });
  }
  return runs;
}
