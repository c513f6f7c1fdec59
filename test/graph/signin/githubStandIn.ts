// GitHub's side of a workflow run, on 127.0.0.1: the runner's ID-token request endpoint (what @actions/core's
// getIDToken calls) as an OIDC issuer, and the REST endpoints of pull-request comments (what octokit calls).
import type { ServerResponse } from 'node:http';
import { Issuer, startIssuer } from './oidcIssuer';

export interface GitHubStandIn {
  issuer: Issuer;
  /** Claims of the next ID tokens (subject, or an expiry in the past). */
  claims: Record<string, unknown>;
  comments: { id: number; body: string }[];
  requestToken: string;
  close(): Promise<void>;
}

export async function startGitHub(
  tls: { certPem: string; keyPem: string },
  repo: string,
  apiToken: string,
): Promise<GitHubStandIn> {
  const gh: GitHubStandIn = {
    issuer: undefined as unknown as Issuer,
    claims: {},
    comments: [],
    requestToken: 'runner-request-token-0001',
    close: () => gh.issuer.close(),
  };
  let nextId = 1000;
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  gh.issuer = await startIssuer(tls, (req, res, body, issuer) => {
    const u = new URL(req.url ?? '/', 'https://127.0.0.1');
    if (u.pathname === '/idtoken') {
      if (req.headers.authorization !== `Bearer ${gh.requestToken}`) {
        json(res, 401, { message: 'Bad credentials' });
        return true;
      }
      const aud = u.searchParams.get('audience') ?? `https://github.com/${repo.split('/')[0]}`;
      json(res, 200, {
        value: issuer.token({
          sub: `repo:${repo}:pull_request`,
          aud,
          repository: repo,
          ref: 'refs/pull/7/merge',
          ...gh.claims,
        }),
      });
      return true;
    }
    if (!u.pathname.startsWith(`/repos/${repo}/issues/`)) return false;
    if (req.headers.authorization !== `token ${apiToken}` && req.headers.authorization !== `Bearer ${apiToken}`) {
      json(res, 401, { message: 'Bad credentials' });
      return true;
    }
    const list = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(u.pathname);
    const one = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(u.pathname);
    if (list && req.method === 'GET') {
      json(res, 200, gh.comments);
      return true;
    }
    if (list && req.method === 'POST') {
      const c = { id: nextId++, body: JSON.parse(body).body as string };
      gh.comments.push(c);
      json(res, 201, c);
      return true;
    }
    if (one && req.method === 'PATCH') {
      const c = gh.comments.find((x) => x.id === Number(one[1]));
      if (!c) {
        json(res, 404, { message: 'Not Found' });
        return true;
      }
      c.body = JSON.parse(body).body as string;
      json(res, 200, c);
      return true;
    }
    json(res, 404, { message: 'Not Found' });
    return true;
  });
  return gh;
}
