/** A linear scale from data values to pixels, with round tick values that cover the domain. */
export interface Scale {
  at: (value: number) => number;
  ticks: number[];
  min: number;
  max: number;
}

/**
 * The domain widened to round numbers (1, 2 or 5 × 10^n steps, about `count` of them) and mapped
 * onto [from, to] pixels.
 */
export function linearScale(min: number, max: number, from: number, to: number, count = 6): Scale {
  const span = max - min || Math.abs(max) || 1;
  const rough = span / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const low = Math.floor(min / step) * step;
  const high = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let t = low; t <= high + step / 2; t += step) ticks.push(Math.round(t / step) * step);
  const at = (value: number) => from + ((value - low) / (high - low || 1)) * (to - from);
  return { at, ticks, min: low, max: high };
}
