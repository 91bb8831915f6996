/** Deepest nesting kept in a record's extra fields; deeper values could not be written back out. */
export const MAX_NESTING = 100;

/** Whether `value` nests at most `limit` levels of arrays and objects. Iterative: no stack overflow. */
export function nestsWithin(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return true;
  const pending: object[] = [value];
  const depths: number[] = [1];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const depth = depths.pop() ?? 0;
    if (depth > limit) return false;
    const children: unknown[] = Array.isArray(item) ? item : Object.values(item);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) {
        pending.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return true;
}
