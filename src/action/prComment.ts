// The one pull-request comment per definitions path and target: found by its marker among the pull request's
// comments and updated in place, or created. Through @actions/github's octokit (REST, GITHUB_API_URL).
import * as core from '@actions/core';
import * as github from '@actions/github';
import { commentMarker } from './planComment';

export async function upsertPlanComment(
  token: string,
  body: string,
  defsPath: string,
  target: string,
): Promise<'created' | 'updated' | 'skipped'> {
  const pr = github.context.payload.pull_request;
  if (!pr) return 'skipped';
  const octokit = github.getOctokit(token);
  const { owner, repo } = github.context.repo;
  const marker = commentMarker(defsPath, target);
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: pr.number,
      per_page: 100,
    });
    const mine = comments.find((c) => c.body?.startsWith(marker));
    if (mine) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body });
      return 'updated';
    }
    await octokit.rest.issues.createComment({ owner, repo, issue_number: pr.number, body });
    return 'created';
  } catch (e) {
    const status = (e as { status?: number }).status;
    core.warning(
      status === 403
        ? 'Could not comment on the pull request (403): give the job `permissions: pull-requests: write`.'
        : `Could not comment on the pull request: ${(e as Error).message}`,
    );
    return 'skipped';
  }
}
