/** Numbers as people read them: 3 significant digits, no exponent for everyday sizes. */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || magnitude < 1e-4) return value.toExponential(digits - 1);
  if (magnitude >= 10 ** digits) return Math.round(value).toString();
  return Number(value.toPrecision(digits)).toString();
}

/** A p-value: `< 0.0001` below that, else 2 significant digits. */
export function formatPValue(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  if (p < 0.0001) return '< 0.0001';
  return Number(p.toPrecision(2)).toString();
}

/** A relative change as a signed percentage: `-42%`, `+3.1%`. */
export function formatPercent(fraction: number | null | undefined, signed = true): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  const percent = fraction * 100;
  const text = Math.abs(percent) >= 10 ? percent.toFixed(0) : percent.toPrecision(2);
  const clean = Number(text).toString();
  return `${signed && percent > 0 ? '+' : ''}${clean}%`;
}

/** `p = 0.031`, or `p < 0.0001`, for sentences. */
export function pEquals(p: number | null | undefined): string {
  const text = formatPValue(p);
  return text.startsWith('<') ? `p ${text}` : `p = ${text}`;
}
