import { statusOf, type Octokit } from './octokit.js';

interface IssueComment {
  id: number;
  body?: string;
  html_url: string;
  user: { login: string } | null;
}

export interface CommentPlace {
  owner: string;
  repo: string;
  issue: number;
}

/** The login comments with this token are written as. */
export async function commentAuthor(octokit: Octokit): Promise<string> {
  try {
    const { data } = await octokit.request('GET /user');
    return data.login;
  } catch (error) {
    // An installation token (GITHUB_TOKEN) may not read /user: it comments as the Actions bot.
    if ([401, 403, 404].includes(statusOf(error) ?? 0)) return 'github-actions[bot]';
    throw error;
  }
}

/**
 * Writes the one comment of an experiment on an issue or pull request: finds it by its marker, as
 * its first line, and its author (paging through every comment) and updates it in place, or creates it. When two runs
 * create it at once, the later ones fold into the oldest and delete their own: one comment stays.
 */
export async function upsertStickyComment(
  octokit: Octokit,
  place: CommentPlace,
  marker: string,
  author: string,
  body: string,
): Promise<{ url: string; created: boolean }> {
  const existing = (await ours(octokit, place, marker, author))[0];
  if (existing) {
    const { data } = await octokit.request(
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
      {
        owner: place.owner,
        repo: place.repo,
        comment_id: existing.id,
        body,
      },
    );
    return { url: data.html_url, created: false };
  }
  const { data: created } = await octokit.request(
    'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    { owner: place.owner, repo: place.repo, issue_number: place.issue, body },
  );
  const oldest = (await ours(octokit, place, marker, author))[0];
  if (!oldest || oldest.id === created.id) return { url: created.html_url, created: true };
  // Another run created one first: move this report there and take ours back.
  const { data } = await octokit.request(
    'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    {
      owner: place.owner,
      repo: place.repo,
      comment_id: oldest.id,
      body,
    },
  );
  await octokit.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
    owner: place.owner,
    repo: place.repo,
    comment_id: created.id,
  });
  return { url: data.html_url, created: false };
}

/** This experiment's comments by `author`, oldest first. */
async function ours(
  octokit: Octokit,
  place: CommentPlace,
  marker: string,
  author: string,
): Promise<IssueComment[]> {
  const comments: IssueComment[] = await octokit.paginate(
    'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    { owner: place.owner, repo: place.repo, issue_number: place.issue, per_page: 100 },
  );
  // The marker is the first line of every comment this Action writes (`buildComment`): one that
  // merely quotes it, even by the same bot (another workflow), is not ours.
  return comments
    .filter((c) => c.user?.login === author && (c.body ?? '').startsWith(`${marker}\n`))
    .sort((a, b) => a.id - b.id);
}
