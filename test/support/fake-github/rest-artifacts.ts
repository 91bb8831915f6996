import { restError } from './error-bodies.js';
import { restArtifact } from './github-json.js';
import { jsonReply, type Reply } from './http.js';
import { paginate } from './paginate.js';
import type { RestContext, RestRoute } from './rest-context.js';
import type { Params } from './routes.js';
import type { ListingOrder } from './state.js';
import type { ArtifactRecord } from './types.js';

/** Artifacts of any run, as `findBy` in @actions/artifact and our own store listing read them. */
export const artifactRoutes: RestRoute[] = [
  { method: 'GET', pattern: /^\/actions\/artifacts$/, handle: listAll },
  { method: 'GET', pattern: /^\/actions\/runs\/(?<run>\d+)\/artifacts$/, handle: listOfRun },
  { method: 'GET', pattern: /^\/actions\/artifacts\/(?<id>\d+)$/, handle: getOne },
  { method: 'DELETE', pattern: /^\/actions\/artifacts\/(?<id>\d+)$/, handle: deleteOne },
  { method: 'GET', pattern: /^\/actions\/artifacts\/(?<id>\d+)\/zip$/, handle: download },
];

function listAll(context: RestContext): Reply {
  return listReply(context, () => true);
}

function listOfRun(context: RestContext, params: Params): Reply {
  const runId = params.int('run');
  if (!context.state.registry.runs.has(runId)) return restError(404, 'Not Found');
  return listReply(context, (artifact) => artifact.runId === runId);
}

/**
 * In `state.listingOrder` (newest first unless a test says otherwise: GitHub does not document
 * its order), `?name=` an exact match, expired ones included (flagged).
 */
function listReply({ req, state }: RestContext, filter: (a: ArtifactRecord) => boolean): Reply {
  const name = req.url.searchParams.get('name');
  const newest = state.artifactStore.list((a) => filter(a) && (name === null || a.name === name));
  const all = inOrder(newest, state.listingOrder);
  const page = paginate(all, req.url);
  const artifacts = page.items.map((artifact) => restArtifact(state, artifact));
  return jsonReply(200, { total_count: all.length, artifacts }, page.headers);
}

function getOne({ state }: RestContext, params: Params): Reply {
  const artifact = state.artifactStore.get(params.int('id'));
  return artifact ? jsonReply(200, restArtifact(state, artifact)) : restError(404, 'Not Found');
}

function deleteOne({ state }: RestContext, params: Params): Reply {
  return state.artifactStore.delete(params.int('id'))
    ? { status: 204 }
    : restError(404, 'Not Found');
}

/** A redirect to an unauthenticated blob link, or 410 once the artifact expired. */
function download({ state }: RestContext, params: Params): Reply {
  const artifact = state.artifactStore.get(params.int('id'));
  if (!artifact) return restError(404, 'Not Found');
  if (state.artifactStore.isExpired(artifact)) return restError(410, 'Artifact has expired');
  return { status: 302, headers: { location: state.artifactStore.downloadUrl(artifact) } };
}

/** The listing in the order a test asked for; `shuffled` is the same for the same artifacts. */
function inOrder(newestFirst: ArtifactRecord[], order: ListingOrder): ArtifactRecord[] {
  if (order === 'newest-first') return newestFirst;
  if (order === 'oldest-first') return [...newestFirst].reverse();
  return [...newestFirst].sort((a, b) => scramble(a.id) - scramble(b.id));
}

function scramble(id: number): number {
  return Math.imul(id ^ 0x5bd1e995, 0x27d4eb2d) >>> 0;
}
