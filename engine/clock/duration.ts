const ISO = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/**
 * A duration in milliseconds from a number (already milliseconds, as DIGIT writes SLAs) or an
 * ISO-8601 duration in days, hours, minutes and seconds (`P2D`, `PT12H`). Months and years are
 * refused: their length depends on the calendar.
 */
export function parseDuration(value: number | string): { ms: number } | { error: string } {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? { ms: value } : { error: `a duration in milliseconds must be a whole number ≥ 0, found ${value}` };
  const m = ISO.exec(value);
  if (!m || value === 'P' || value.endsWith('T')) return { error: `'${value}' is not a duration such as P2D, PT12H or P1DT6H` };
  const [d, h, min, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number];
  return { ms: (((d * 24 + h) * 60 + min) * 60 + s) * 1000 };
}
