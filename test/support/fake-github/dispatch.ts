import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleBlob } from './blobs.js';
import { errorFor, surfaceOf, type Surface } from './error-bodies.js';
import { faultReply, type Faults } from './faults.js';
import { readBody, send, type FakeRequest, type Reply } from './http.js';
import { handleRest } from './rest.js';
import type { FakeState } from './state.js';
import { handleTwirp } from './twirp.js';
import type { RequestLogEntry } from './types.js';

const HANDLERS: Record<Surface, (req: FakeRequest, state: FakeState) => Reply | undefined> = {
  twirp: handleTwirp,
  blob: handleBlob,
  rest: handleRest,
};

/** Logs the request, lets a fault answer it, else routes it to its surface. */
export async function dispatch(
  incoming: IncomingMessage,
  res: ServerResponse,
  state: FakeState,
  faults: Faults,
): Promise<void> {
  const url = new URL(incoming.url ?? '/', state.origin);
  const entry: RequestLogEntry = {
    method: incoming.method ?? 'GET',
    path: url.pathname + url.search,
  };
  state.requests.push(entry);
  res.on('finish', () => {
    entry.status = res.statusCode;
  });
  const req = {
    method: entry.method,
    url,
    headers: incoming.headers,
    body: await readBody(incoming),
  };
  send(res, answer(req, state, faults, entry));
}

function answer(req: FakeRequest, state: FakeState, faults: Faults, entry: RequestLogEntry): Reply {
  const surface = surfaceOf(req.url.pathname);
  const fault = faults.take(req.method, entry.path);
  if (fault) return faultReply(fault, surface);
  try {
    const reply = HANDLERS[surface](req, state);
    if (reply) return reply;
    entry.reason = 'no route';
    state.unhandled.push(entry);
    return errorFor(surface, 404, 'Not Found');
  } catch (error) {
    entry.reason = `the fake threw: ${error instanceof Error ? error.stack : String(error)}`;
    state.unhandled.push(entry);
    return errorFor(surface, 500, entry.reason);
  }
}
