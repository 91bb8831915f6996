import { restError } from './error-bodies.js';
import { credentials, jsonReply, type FakeRequest, type Reply } from './http.js';
import { artifactRoutes } from './rest-artifacts.js';
import { commentRoutes } from './rest-comments.js';
import { pullRoutes } from './rest-pulls.js';
import { findRoute } from './routes.js';
import type { FakeState } from './state.js';

const ROUTES = [...artifactRoutes, ...commentRoutes, ...pullRoutes];
const REPO_PATH = /^\/repos\/(?<owner>[^/]+)\/(?<repo>[^/]+)(?<rest>\/.*)$/;

/** api.github.com for the one repository of the fake; tokens must be registered ones. */
export function handleRest(req: FakeRequest, state: FakeState): Reply | undefined {
  if (req.method === 'GET' && req.url.pathname === '/user') return authenticatedUser(req, state);
  const match = REPO_PATH.exec(req.url.pathname)?.groups;
  if (!match) return undefined;
  const token = state.registry.tokenRecord(credentials(req.headers));
  if (!token) return restError(401, 'Bad credentials');
  if (`${match.owner}/${match.repo}`.toLowerCase() !== state.repository.toLowerCase()) {
    return undefined;
  }
  const found = findRoute(ROUTES, req, match.rest ?? '');
  if (!found) return undefined;
  // As for a fork PR's GITHUB_TOKEN: reads work, every write is refused.
  if (req.method !== 'GET' && token.permissions === 'read') {
    return restError(403, 'Resource not accessible by integration');
  }
  return found.route.handle({ req, state, token }, found.params);
}

/** `GET /user`: a user's token gets its login; an installation token (a bot's) is refused. */
function authenticatedUser(req: FakeRequest, state: FakeState): Reply {
  const token = state.registry.tokenRecord(credentials(req.headers));
  if (!token) return restError(401, 'Bad credentials');
  if (token.type === 'Bot') return restError(403, 'Resource not accessible by integration');
  return jsonReply(200, { login: token.login, type: token.type });
}
