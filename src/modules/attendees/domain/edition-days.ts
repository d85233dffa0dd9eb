/** The dates from `startsOn` to `endsOn` inclusive, YYYY-MM-DD (calendar dates, no time zone). */
export function editionDays(startsOn: string, endsOn: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${endsOn}T00:00:00Z`);
  for (let t = Date.parse(`${startsOn}T00:00:00Z`); t <= end && days.length < 366; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
