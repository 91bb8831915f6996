import { errorFor, type Surface } from './error-bodies.js';
import { jsonReply, type Reply } from './http.js';
import type { FakeState } from './state.js';

/**
 * What a fault does to a request:
 * - `error` (default): answers `status` (and `body`) instead of the route;
 * - `lost-reply`: the route runs (its effect happens, e.g. an artifact is finalized), then the
 *   connection is dropped before the answer: the client sees a reset;
 * - `stall`: the route runs and its headers and first `afterBytes` bytes are sent (none without
 *   `afterBytes`: not even the status line), then nothing more, until the fake closes.
 */
export type FaultEffect = 'error' | 'lost-reply' | 'stall';

export interface FaultSpec {
  /** Any method when left out. */
  method?: string;
  /** Matched against the path and query of each request. */
  pathIncludes: string;
  effect?: FaultEffect;
  /** For `error`. */
  status?: number;
  /** For `stall`: bytes of the body sent before it stalls; none (no headers either) when unset. */
  afterBytes?: number;
  /** Same as `times: 1`. Without either, the fault stays. */
  once?: boolean;
  times?: number;
  /** JSON (or raw bytes) to answer; default: the surface's usual error for the status. */
  body?: unknown;
}

export interface Fault extends FaultSpec {
  /** How many requests it answered. */
  hits: number;
}

/** Errors injected in front of the fake's routes, first match wins. */
export class Faults {
  private readonly faults: Fault[] = [];

  constructor(private readonly state: FakeState) {}

  add(spec: FaultSpec): Fault {
    const fault = { ...spec, hits: 0 };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** The fault that answers this request, if any; counts the hit. */
  take(method: string, path: string): Fault | undefined {
    const fault = this.faults.find(
      (f) =>
        (f.method === undefined || f.method === method) &&
        path.includes(f.pathIncludes) &&
        f.hits < (f.times ?? (f.once ? 1 : Infinity)),
    );
    if (fault) fault.hits += 1;
    return fault;
  }

  /** One 500 (retried by @actions/artifact, after about 3 s). */
  serverErrorOnce(pathIncludes: string, method?: string): Fault {
    return this.add({ pathIncludes, status: 500, once: true, ...(method ? { method } : {}) });
  }

  /** The next CreateArtifact is refused as a duplicate name. */
  conflictOnCreate(): Fault {
    return this.add({
      pathIncludes: 'ArtifactService/CreateArtifact',
      status: 409,
      once: true,
      body: {
        code: 'already_exists',
        msg: 'an artifact with this name already exists on the workflow run',
      },
    });
  }

  /** The next call of a Twirp method takes effect, but its answer never arrives. */
  loseReplyOnce(method: 'CreateArtifact' | 'FinalizeArtifact'): Fault {
    return this.add({
      pathIncludes: `ArtifactService/${method}`,
      effect: 'lost-reply',
      once: true,
    });
  }

  /** Every blob download sends `afterBytes` bytes (default 0), then stalls. */
  stallDownloads(afterBytes = 0): Fault {
    return this.add({
      method: 'GET',
      pathIncludes: '/blobs/actions-results/artifact-',
      effect: 'stall',
      afterBytes,
    });
  }

  /** Comment writes answer 403, as for a fork PR's read-only token. */
  forbidCommentWrites(): Fault[] {
    return ['POST', 'PATCH'].map((method) =>
      this.add({
        method,
        pathIncludes: '/issues/',
        status: 403,
        body: { message: 'Resource not accessible by integration' },
      }),
    );
  }

  /** Its zip download answers 410 from now on. */
  expireArtifact(artifactId: number): void {
    this.state.expire(artifactId);
  }
}

/** The answer of an `error` fault. */
export function faultReply(fault: Fault, surface: Surface): Reply {
  const status = fault.status ?? 500;
  if (fault.body === undefined) return errorFor(surface, status);
  if (Buffer.isBuffer(fault.body)) return { status, bytes: fault.body };
  return jsonReply(status, fault.body);
}
