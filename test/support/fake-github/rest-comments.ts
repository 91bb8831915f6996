import { restError } from './error-bodies.js';
import { restComment } from './github-json.js';
import { jsonObject, jsonReply, type FakeRequest, type Reply } from './http.js';
import { paginate } from './paginate.js';
import type { RestContext, RestRoute } from './rest-context.js';
import type { Params } from './routes.js';

const MAX_BODY_CHARACTERS = 65_536;

/** Issue comments, where the Action keeps its sticky PR comment. */
export const commentRoutes: RestRoute[] = [
  { method: 'GET', pattern: /^\/issues\/(?<issue>\d+)\/comments$/, handle: list },
  { method: 'POST', pattern: /^\/issues\/(?<issue>\d+)\/comments$/, handle: create },
  { method: 'GET', pattern: /^\/issues\/comments\/(?<id>\d+)$/, handle: getOne },
  { method: 'PATCH', pattern: /^\/issues\/comments\/(?<id>\d+)$/, handle: update },
  { method: 'DELETE', pattern: /^\/issues\/comments\/(?<id>\d+)$/, handle: remove },
];

function list({ req, state }: RestContext, params: Params): Reply {
  const page = paginate(state.commentStore.ofIssue(params.int('issue')), req.url);
  const comments = page.items.map((comment) => restComment(state, comment));
  return jsonReply(200, comments, page.headers);
}

function create({ req, state, token }: RestContext, params: Params): Reply {
  const body = commentBody(req);
  if (typeof body !== 'string') return body;
  const comment = state.commentStore.add(params.int('issue'), body, token);
  const json = restComment(state, comment);
  return jsonReply(201, json, {
    location: `${state.origin}/repos/${state.repository}/issues/comments/${comment.id}`,
  });
}

function getOne({ state }: RestContext, params: Params): Reply {
  const comment = state.commentStore.get(params.int('id'));
  return comment ? jsonReply(200, restComment(state, comment)) : restError(404, 'Not Found');
}

function update({ req, state }: RestContext, params: Params): Reply {
  const comment = state.commentStore.get(params.int('id'));
  if (!comment) return restError(404, 'Not Found');
  const body = commentBody(req);
  if (typeof body !== 'string') return body;
  return jsonReply(200, restComment(state, state.commentStore.update(comment, body)));
}

function remove({ state }: RestContext, params: Params): Reply {
  return state.commentStore.delete(params.int('id'))
    ? { status: 204 }
    : restError(404, 'Not Found');
}

/** The `body` field, or GitHub's 422 for a missing or too long one. */
function commentBody(req: FakeRequest): string | Reply {
  const body = jsonObject(req.body)?.body;
  if (typeof body !== 'string')
    return restError(422, 'Invalid request.\n\n"body" wasn\'t supplied.');
  // GitHub counts characters (code points), not UTF-16 units or bytes.
  if ([...body].length <= MAX_BODY_CHARACTERS) return body;
  return jsonReply(422, {
    message: 'Validation Failed',
    errors: [
      {
        resource: 'IssueComment',
        code: 'custom',
        field: 'body',
        message: `body is too long (maximum is ${MAX_BODY_CHARACTERS} characters)`,
      },
    ],
    documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
    status: '422',
  });
}
