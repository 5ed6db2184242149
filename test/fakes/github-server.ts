import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake of the parts of GitHub's REST API the action uses, speaking real
 * HTTP so the real Octokit (and the bundled action) talk to it: issue and
 * commit comments with `Link` pagination (`per_page` honoured, 100 at most),
 * pull requests, GET /user. It checks the Authorization header, answers 403
 * "Resource not accessible by integration" to read-only tokens writing and to
 * installation tokens asking GET /user, refuses bodies over 65,536 characters
 * with GitHub's 422, and can be scripted to fail requests (502/503 with
 * `retry-after`, optionally after carrying them out) or to hold requests
 * until several have arrived (to force races). Every request is recorded.
 *
 * Reactions on comments behave as GitHub documents them: POST answers 201
 * with a new reaction, or 200 with the existing one when this user already
 * added that reaction type (the test-and-set the sticky comment's lock uses);
 * DELETE by reaction id. Every answer carries a `date` header from the
 * fake's clock, the clock of `created_at`. `latency` delays each request
 * before it takes effect and again before it is answered, so seeded random
 * latencies interleave concurrent runs at every step.
 */

export interface FakeUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export interface TokenGrant {
  user: FakeUser;
  /** false: a fork PR's read-only GITHUB_TOKEN, or one without pull-requests: write. */
  canWrite: boolean;
  /** Installation tokens (GITHUB_TOKEN, App tokens) get 403 from GET /user. */
  installation: boolean;
}

export interface StoredComment {
  id: number;
  /** `issue:7` or `commit:<sha>` */
  thread: string;
  body: string;
  user: FakeUser;
  created_at: string;
  updated_at: string;
}

export interface StoredReaction {
  id: number;
  commentId: number;
  content: string;
  user: FakeUser;
  created_at: string;
}

/** Milliseconds a request waits before it takes effect, and after, before it is answered. */
export type Latency = (request: { method: string; path: string }) => { before: number; after: number };

export interface FakePull {
  number: number;
  state: 'open' | 'closed';
  head: { sha: string; ref: string; owner: string };
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: Record<string, unknown>;
  authorization?: string;
  /** Status the fake answered. */
  status: number;
}

export interface Fault {
  method: string;
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** How many matching requests fail; 1 by default. */
  times?: number;
  /** Carry the request out, then answer with the failure (a POST whose response was lost). */
  perform?: boolean;
}

interface Hold {
  method: string;
  path: RegExp;
  count: number;
  waiting: (() => void)[];
  released: boolean;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const BODY_LIMIT = 65_536;

const REACTIONS = new Set(['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'rocket', 'eyes']);

export const ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

const NOT_ACCESSIBLE = (doc: string): Reply => ({
  status: 403,
  body: { message: 'Resource not accessible by integration', documentation_url: `https://docs.github.com/rest/${doc}`, status: '403' },
});

export class FakeGitHub {
  readonly owner = 'acme';
  readonly repo = 'inference';
  url = '';
  readonly tokens = new Map<string, TokenGrant>();
  comments: StoredComment[] = [];
  reactions: StoredReaction[] = [];
  /** Delays per request (see Latency); none by default. */
  latency: Latency | undefined;
  readonly pulls = new Map<number, FakePull>();
  /** Pull requests GitHub associates with a commit (GET /commits/{sha}/pulls). */
  readonly commitPulls = new Map<string, number[]>();
  readonly requests: RecordedRequest[] = [];
  private faults: (Fault & { left: number })[] = [];
  private holds: Hold[] = [];
  private nextId = 1001;
  private clock = Date.UTC(2026, 0, 5, 9, 0, 0);
  private server: http.Server;

  private constructor() {
    this.server = http.createServer((req, res) => void this.handle(req, res));
  }

  static async start(): Promise<FakeGitHub> {
    const fake = new FakeGitHub();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  addToken(token: string, grant: TokenGrant): void {
    this.tokens.set(token, grant);
  }

  addPull(pull: FakePull): void {
    this.pulls.set(pull.number, pull);
  }

  addComment(thread: string, user: FakeUser, body: string): StoredComment {
    const now = this.tick();
    const comment = { id: this.nextId++, thread, body, user, created_at: now, updated_at: now };
    this.comments.push(comment);
    return comment;
  }

  /** A reaction as if added earlier by `user`, e.g. a lock left behind by a run that died. */
  addReaction(commentId: number, user: FakeUser, content: string, ageMs = 0): StoredReaction {
    const reaction = { id: this.nextId++, commentId, content, user, created_at: new Date(this.clock - ageMs).toISOString() };
    this.reactions.push(reaction);
    return reaction;
  }

  commentsOn(thread: string): StoredComment[] {
    return this.comments.filter((c) => c.thread === thread);
  }

  fail(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  /** Holds the first `count` matching requests until all `count` have arrived, then answers them together. */
  hold(method: string, path: RegExp, count: number): void {
    this.holds.push({ method, path, count, waiting: [], released: false });
  }

  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  private tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }

  private htmlUrl(c: StoredComment): string {
    const [kind, key] = c.thread.split(':') as [string, string];
    return kind === 'issue'
      ? `https://github.com/${this.owner}/${this.repo}/pull/${key}#issuecomment-${c.id}`
      : `https://github.com/${this.owner}/${this.repo}/commit/${key}#commitcomment-${c.id}`;
  }

  private commentJson(c: StoredComment): Record<string, unknown> {
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      body: c.body,
      user: { login: c.user.login, id: c.user.id, type: c.user.type },
      html_url: this.htmlUrl(c),
      created_at: c.created_at,
      updated_at: c.updated_at,
    };
  }

  private pullJson(p: FakePull): Record<string, unknown> {
    return {
      number: p.number,
      state: p.state,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${p.number}`,
      head: { sha: p.head.sha, ref: p.head.ref, label: `${p.head.owner}:${p.head.ref}`, repo: { full_name: `${p.head.owner}/${this.repo}` } },
      base: { ref: 'main', repo: { full_name: `${this.owner}/${this.repo}` } },
    };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const method = req.method ?? 'GET';
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      ...(text ? { body: JSON.parse(text) as Record<string, unknown> } : {}),
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      status: 0,
    };
    this.requests.push(record);

    const hold = this.holds.find((h) => !h.released && h.method === method && h.path.test(url.pathname));
    if (hold) {
      await new Promise<void>((resolve) => {
        hold.waiting.push(resolve);
        if (hold.waiting.length >= hold.count) {
          hold.released = true;
          for (const release of hold.waiting) release();
        }
      });
    }

    const delay = this.latency?.({ method, path: url.pathname });
    if (delay?.before) await new Promise((r) => setTimeout(r, delay.before));
    const reply = this.route(method, url, record.body, req.headers.authorization);
    record.status = reply.status;
    const date = new Date(this.clock).toUTCString();
    if (delay?.after) await new Promise((r) => setTimeout(r, delay.after));
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', date, ...reply.headers });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  }

  private route(method: string, url: URL, body: Record<string, unknown> | undefined, authorization: string | undefined): Reply {
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(authorization ?? '')?.[1];
    const grant = token ? this.tokens.get(token) : undefined;
    if (!grant) return { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } };

    const fault = this.faults.find((f) => f.left > 0 && f.method === method && f.path.test(url.pathname));
    if (fault) {
      fault.left -= 1;
      if (fault.perform) this.serve(method, url, body, grant);
      return { status: fault.status, body: fault.body ?? { message: fault.status >= 500 ? 'Server Error' : 'Error' }, ...(fault.headers ? { headers: fault.headers } : {}) };
    }
    return this.serve(method, url, body, grant);
  }

  private serve(method: string, url: URL, body: Record<string, unknown> | undefined, grant: TokenGrant): Reply {
    const p = url.pathname;
    const repoPrefix = `/repos/${this.owner}/${this.repo}`;
    if (method === 'GET' && p === '/user') return grant.installation ? NOT_ACCESSIBLE('users/users#get-the-authenticated-user') : { status: 200, body: grant.user };
    if (!p.startsWith(`${repoPrefix}/`)) return notFound();
    const rest = p.slice(repoPrefix.length);
    let m: RegExpExecArray | null;

    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const thread = `issue:${m[1]}`;
      if (!this.pulls.has(Number(m[1]))) return notFound();
      if (method === 'GET') return this.page(url, this.commentsOn(thread).map((c) => this.commentJson(c)));
      if (method === 'POST') return this.create(thread, body, grant, 'issues/comments#create-an-issue-comment');
    }
    if ((m = /^\/issues\/comments\/(\d+)\/reactions(?:\/(\d+))?$/.exec(rest))) return this.react(method, Number(m[1]), m[2], 'issue:', body, grant);
    if ((m = /^\/comments\/(\d+)\/reactions(?:\/(\d+))?$/.exec(rest))) return this.react(method, Number(m[1]), m[2], 'commit:', body, grant);
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest))) return this.one(method, Number(m[1]), 'issue:', body, grant);
    if ((m = /^\/commits\/([0-9a-f]+)\/comments$/.exec(rest))) {
      const thread = `commit:${m[1]}`;
      if (method === 'GET') return this.page(url, this.commentsOn(thread).map((c) => this.commentJson(c)));
      if (method === 'POST') return this.create(thread, body, grant, 'commits/comments#create-a-commit-comment');
    }
    if ((m = /^\/comments\/(\d+)$/.exec(rest))) return this.one(method, Number(m[1]), 'commit:', body, grant);
    if ((m = /^\/commits\/([0-9a-f]+)\/pulls$/.exec(rest)) && method === 'GET') {
      const numbers = this.commitPulls.get(m[1] as string) ?? [];
      return this.page(url, numbers.flatMap((n) => (this.pulls.has(n) ? [this.pullJson(this.pulls.get(n) as FakePull)] : [])));
    }
    if ((m = /^\/pulls\/(\d+)$/.exec(rest)) && method === 'GET') {
      const pull = this.pulls.get(Number(m[1]));
      return pull ? { status: 200, body: this.pullJson(pull) } : notFound();
    }
    if (rest === '/pulls' && method === 'GET') {
      const state = url.searchParams.get('state') ?? 'open';
      const head = url.searchParams.get('head');
      const list = [...this.pulls.values()].filter((pr) => (state === 'all' || pr.state === state) && (!head || `${pr.head.owner}:${pr.head.ref}` === head));
      return this.page(url, list.map((pr) => this.pullJson(pr)));
    }
    return notFound();
  }

  private create(thread: string, body: Record<string, unknown> | undefined, grant: TokenGrant, doc: string): Reply {
    if (!grant.canWrite) return NOT_ACCESSIBLE(doc);
    const text = body?.body;
    if (typeof text !== 'string') return { status: 422, body: { message: 'Invalid request.\n\n"body" wasn\'t supplied.' } };
    if (text.length > BODY_LIMIT) return tooLong(thread.startsWith('issue') ? 'IssueComment' : 'CommitComment');
    return { status: 201, body: this.commentJson(this.addComment(thread, grant.user, text)) };
  }

  private one(method: string, id: number, kind: string, body: Record<string, unknown> | undefined, grant: TokenGrant): Reply {
    const comment = this.comments.find((c) => c.id === id && c.thread.startsWith(kind));
    if (!comment) return notFound();
    if (method === 'GET') return { status: 200, body: this.commentJson(comment) };
    if (!grant.canWrite) return NOT_ACCESSIBLE('issues/comments');
    if (method === 'PATCH') {
      const text = body?.body;
      if (typeof text !== 'string') return { status: 422, body: { message: 'Invalid request.' } };
      if (text.length > BODY_LIMIT) return tooLong(kind === 'issue:' ? 'IssueComment' : 'CommitComment');
      comment.body = text;
      comment.updated_at = this.tick();
      return { status: 200, body: this.commentJson(comment) };
    }
    if (method === 'DELETE') {
      this.comments = this.comments.filter((c) => c !== comment);
      this.reactions = this.reactions.filter((r) => r.commentId !== comment.id);
      return { status: 204 };
    }
    return notFound();
  }

  private reactionJson(r: StoredReaction): Record<string, unknown> {
    return { id: r.id, node_id: `REA_${r.id}`, user: { login: r.user.login, id: r.user.id, type: r.user.type }, content: r.content, created_at: r.created_at };
  }

  private react(method: string, commentId: number, reactionId: string | undefined, kind: string, body: Record<string, unknown> | undefined, grant: TokenGrant): Reply {
    if (!this.comments.some((c) => c.id === commentId && c.thread.startsWith(kind))) return notFound();
    if (method === 'GET' && reactionId === undefined) {
      return { status: 200, body: this.reactions.filter((r) => r.commentId === commentId).map((r) => this.reactionJson(r)) };
    }
    if (!grant.canWrite) return NOT_ACCESSIBLE('reactions/reactions');
    if (method === 'POST' && reactionId === undefined) {
      const content = body?.content;
      if (typeof content !== 'string' || !REACTIONS.has(content)) return { status: 422, body: { message: 'Validation Failed' } };
      const existing = this.reactions.find((r) => r.commentId === commentId && r.content === content && r.user.login === grant.user.login);
      if (existing) return { status: 200, body: this.reactionJson(existing) };
      const reaction = { id: this.nextId++, commentId, content, user: grant.user, created_at: this.tick() };
      this.reactions.push(reaction);
      return { status: 201, body: this.reactionJson(reaction) };
    }
    if (method === 'DELETE' && reactionId !== undefined) {
      const reaction = this.reactions.find((r) => r.id === Number(reactionId) && r.commentId === commentId);
      if (!reaction) return notFound();
      this.reactions = this.reactions.filter((r) => r !== reaction);
      return { status: 204 };
    }
    return notFound();
  }

  /** GitHub's pagination: `per_page` (default 30, at most 100), `page`, and a `Link` header with next/last/first/prev. */
  private page(url: URL, items: unknown[]): Reply {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string) => {
      const u = new URL(url);
      u.searchParams.set('per_page', String(perPage));
      u.searchParams.set('page', String(n));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
    return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), ...(links.length > 0 ? { headers: { link: links.join(', ') } } : {}) };
  }
}

function notFound(): Reply {
  return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } };
}

function tooLong(resource: string): Reply {
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [{ resource, code: 'custom', field: 'body', message: 'Body is too long (maximum is 65536 characters)' }],
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      status: '422',
    },
  };
}
