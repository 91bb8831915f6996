import { restError } from './error-bodies.js';
import { restPull } from './github-json.js';
import { jsonReply, type Reply } from './http.js';
import { paginate } from './paginate.js';
import type { RestContext, RestRoute } from './rest-context.js';
import type { Params } from './routes.js';

/** Pull requests: to find a PR's head repository (fork or not) or a commit's PRs. */
export const pullRoutes: RestRoute[] = [
  { method: 'GET', pattern: /^\/pulls\/(?<number>\d+)$/, handle: getOne },
  { method: 'GET', pattern: /^\/commits\/(?<sha>[0-9a-f]{4,40})\/pulls$/, handle: ofCommit },
];

function getOne({ state }: RestContext, params: Params): Reply {
  const pull = state.findPull(params.int('number'));
  return pull ? jsonReply(200, restPull(state, pull)) : restError(404, 'Not Found');
}

function ofCommit({ req, state }: RestContext, params: Params): Reply {
  const page = paginate(state.pullsWithHead(params.text('sha')), req.url);
  return jsonReply(
    200,
    page.items.map((pull) => restPull(state, pull)),
    page.headers,
  );
}
