import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleBlob } from './blobs.js';
import { errorFor, surfaceOf, type Surface } from './error-bodies.js';
import { faultReply, type Fault, type Faults } from './faults.js';
import { readBody, send, sendPart, type FakeRequest, type Reply } from './http.js';
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
  const surface = surfaceOf(req.url.pathname);
  const fault = faults.take(req.method, entry.path);
  if (!fault || (fault.effect ?? 'error') === 'error') {
    send(res, fault ? faultReply(fault, surface) : route(req, state, entry, surface));
    return;
  }
  misbehave(fault, res, route(req, state, entry, surface), entry);
}

/** A lost reply or a stall: the route's effect happens, its answer does not arrive whole. */
function misbehave(fault: Fault, res: ServerResponse, reply: Reply, entry: RequestLogEntry): void {
  if (fault.effect === 'lost-reply') {
    entry.reason = 'reply lost (fault)';
    res.destroy();
    return;
  }
  entry.reason = 'stalled (fault)';
  if (fault.afterBytes !== undefined) sendPart(res, reply, fault.afterBytes);
  // Nothing more: the client waits until it gives up, or the fake closes the connection.
}

function route(
  req: FakeRequest,
  state: FakeState,
  entry: RequestLogEntry,
  surface: Surface,
): Reply {
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
