import type { FakeRequest } from './http.js';
import type { Route } from './routes.js';
import type { FakeState } from './state.js';
import type { TokenRecord } from './types.js';

/** What a REST handler gets: the request, the fake's state, and the caller's token. */
export interface RestContext {
  req: FakeRequest;
  state: FakeState;
  token: TokenRecord;
}

export type RestRoute = Route<RestContext>;
