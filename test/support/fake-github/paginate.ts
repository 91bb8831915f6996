/** GitHub's paging: `per_page` (default 30, at most 100), `page`, and a `Link` header. */
export function paginate<T>(items: T[], url: URL): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, positiveInt(url.searchParams.get('per_page')) ?? 30));
  const page = positiveInt(url.searchParams.get('page')) ?? 1;
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string) => {
    const target = new URL(url);
    target.searchParams.set('page', String(n));
    return `<${target.href}>; rel="${rel}"`;
  };
  // GitHub's order: prev, next, last, first.
  const links = [
    ...(page > 1 ? [link(page - 1, 'prev')] : []),
    ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
    ...(page > 1 ? [link(1, 'first')] : []),
  ];
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}

function positiveInt(text: string | null): number | undefined {
  const value = Number(text);
  return text !== null && Number.isInteger(value) && value > 0 ? value : undefined;
}
