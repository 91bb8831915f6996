import { restPull } from './github-json.js';
import type { FakeState } from './state.js';

/** The `pull_request` payload the runner writes to GITHUB_EVENT_PATH for a seeded PR. */
export function pullRequestEvent(state: FakeState, number = 1): Record<string, unknown> {
  const pull = state.pull(number);
  return {
    action: 'synchronize',
    number,
    pull_request: restPull(state, pull),
    repository: repositoryJson(state),
    sender: { login: 'octocat', type: 'User' },
  };
}

/** The payload for other events: a repository and a sender. */
export function plainEvent(state: FakeState): Record<string, unknown> {
  return { repository: repositoryJson(state), sender: { login: 'octocat', type: 'User' } };
}

function repositoryJson(state: FakeState) {
  const [owner = state.repository, name = state.repository] = state.repository.split('/');
  return { full_name: state.repository, name, owner: { login: owner } };
}
