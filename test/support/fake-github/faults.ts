import { errorFor, type Surface } from './error-bodies.js';
import { jsonReply, type Reply } from './http.js';
import type { FakeState } from './state.js';

export interface FaultSpec {
  /** Any method when left out. */
  method?: string;
  /** Matched against the path and query of each request. */
  pathIncludes: string;
  status: number;
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

export function faultReply(fault: Fault, surface: Surface): Reply {
  if (fault.body === undefined) return errorFor(surface, fault.status);
  if (Buffer.isBuffer(fault.body)) return { status: fault.status, bytes: fault.body };
  return jsonReply(fault.status, fault.body);
}
