/** Pads every cell to its column's width (by code points, so ★ and − count as one). */
export function alignColumns(rows: string[][]): string[] {
  const width = (text: string) => [...text].length;
  if (rows.length === 0) return [];
  const widths = rows[0]!.map((_, column) =>
    Math.max(...rows.map((row) => width(row[column] ?? ''))),
  );
  return rows.map((row) =>
    row
      .map((cell, column) => cell + ' '.repeat(widths[column]! - width(cell)))
      .join('  ')
      .trimEnd(),
  );
}
