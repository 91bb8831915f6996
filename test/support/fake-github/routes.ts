import type { FakeRequest, Reply } from './http.js';

/** Named groups of a matched route pattern. */
export class Params {
  constructor(private readonly groups: Record<string, string>) {}

  text(name: string): string {
    const value = this.groups[name];
    // A route's pattern names its groups, so a miss is a typo in the route table.
    if (value === undefined) throw new Error(`route has no group "${name}"`);
    return decodeURIComponent(value);
  }

  int(name: string): number {
    return Number(this.text(name));
  }
}

export interface Route<Context> {
  method: string;
  pattern: RegExp;
  handle: (context: Context, params: Params) => Reply;
}

export function findRoute<Context>(
  routes: Route<Context>[],
  req: FakeRequest,
  path: string,
): { route: Route<Context>; params: Params } | undefined {
  for (const route of routes) {
    const match = route.method === req.method ? route.pattern.exec(path) : null;
    if (match) return { route, params: new Params(match.groups ?? {}) };
  }
  return undefined;
}
