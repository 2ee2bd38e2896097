/**
 * A loopback stand-in for the Bot Framework connector (the activity's
 * serviceUrl): it records what the bot sends, answers like the connector,
 * and lets a test wait for replies.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentActivity {
  readonly method: string;
  readonly conversationId: string;
  readonly replyToId?: string;
  readonly authorization?: string;
  readonly activity: Record<string, unknown> & {
    type?: string;
    text?: string;
    attachments?: Array<{ contentType: string; content: Record<string, unknown> }>;
  };
}

export interface ConnectorStandIn {
  readonly serviceUrl: string;
  readonly sent: SentActivity[];
  /** Conversations the bot created (POST /v3/conversations), with their members' ids. */
  readonly created: Array<{ members: string[] }>;
  /** Resolves once `count` activities have arrived for the conversation. */
  waitForActivities(conversationId: string, count: number, timeoutMs?: number): Promise<SentActivity[]>;
  clear(): void;
  /** Delays every answer, to hold a bot turn in flight. */
  setDelay(ms: number): void;
  /**
   * The next `count` activities posted to a conversation matching `conversation` are answered with
   * `status` (429 with Retry-After `retryAfterSeconds`, 403 as when the person blocked the bot).
   */
  refuse(conversation: RegExp, status: number, count: number, retryAfterSeconds?: number): void;
  /** Answers 429 (Retry-After: 1) to activity posts beyond `perSecond` in any one-second window, as Teams does per tenant. */
  limitPerSecond(perSecond: number | undefined): void;
  /** Activity posts answered with an error status so far. */
  readonly refused: Array<{ conversationId: string; status: number }>;
  close(): Promise<void>;
}

export interface RosterMember {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
  readonly email?: string;
  readonly userPrincipalName?: string;
}

/** roster: who TeamsInfo.getMember finds (by Teams id or aadObjectId), as in a team's member list. */
export async function startConnectorStandIn(
  options: { roster?: readonly RosterMember[] } = {},
): Promise<ConnectorStandIn> {
  const roster = options.roster ?? [];
  const sent: SentActivity[] = [];
  let nextId = 1;
  let delayMs = 0;
  const refusals: Array<{ conversation: RegExp; status: number; left: number; retryAfter?: number }> = [];
  const refused: Array<{ conversationId: string; status: number }> = [];
  let perSecondLimit: number | undefined;
  const recentPosts: number[] = [];
  const created: Array<{ members: string[] }> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => {
      body += d.toString();
    });
    req.on('end', async () => {
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      // /v3/conversations/{id}/activities[/{replyToId}]
      if (parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'activities' && parts[2]) {
        const conversationId = parts[2];
        const refusal = refusals.find((r) => r.left > 0 && r.conversation.test(conversationId));
        const now = Date.now();
        while (recentPosts.length > 0 && (recentPosts[0] ?? 0) <= now - 1000) recentPosts.shift();
        const overLimit = perSecondLimit !== undefined && recentPosts.length >= perSecondLimit;
        if (refusal || overLimit) {
          const status = refusal ? refusal.status : 429;
          if (refusal) refusal.left--;
          refused.push({ conversationId, status });
          const retryAfter = refusal ? refusal.retryAfter : 1;
          res.writeHead(status, {
            'content-type': 'application/json',
            ...(retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {}),
          });
          res.end(
            JSON.stringify({
              error: {
                code: status === 429 ? 'TooManyRequests' : 'Forbidden',
                message: 'refused by the stand-in',
              },
            }),
          );
          return;
        }
        recentPosts.push(now);
        const activity = body ? (JSON.parse(body) as SentActivity['activity']) : {};
        sent.push({
          method: req.method ?? 'POST',
          conversationId: parts[2],
          ...(parts[4] ? { replyToId: parts[4] } : {}),
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
          activity,
        });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `activity-${nextId++}` }));
        return;
      }
      // GET /v3/conversations/{id}/members/{userId}: TeamsInfo.getMember
      if (
        parts[0] === 'v3' &&
        parts[1] === 'conversations' &&
        parts[3] === 'members' &&
        parts[4] &&
        req.method === 'GET'
      ) {
        const member = roster.find((m) => m.id === parts[4] || m.aadObjectId === parts[4]);
        res.writeHead(member ? 200 : 404, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(
            member ?? { error: { code: 'MemberNotFoundInConversation', message: 'not a member' } },
          ),
        );
        return;
      }
      if (parts[0] === 'v3' && parts[1] === 'conversations' && parts.length === 2 && req.method === 'POST') {
        const params = body ? (JSON.parse(body) as { members?: Array<{ id: string }> }) : {};
        created.push({ members: (params.members ?? []).map((m) => m.id) });
        res.writeHead(200, { 'content-type': 'application/json' });
        // Named after the member so a test can find a person's new 1:1 chat.
        res.end(JSON.stringify({ id: `a:1on1-${params.members?.[0]?.id ?? nextId++}` }));
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: { code: 'NotFound', message: `stand-in has no ${req.method} ${url.pathname}` },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    sent,
    created,
    async waitForActivities(conversationId, count, timeoutMs = 10000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mine = sent.filter((s) => s.conversationId === conversationId);
        if (mine.length >= count) return mine;
        if (Date.now() > deadline) {
          throw new Error(`expected ${count} activities in ${conversationId}, got ${mine.length}`);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    clear() {
      sent.length = 0;
    },
    setDelay(ms) {
      delayMs = ms;
    },
    refuse(conversation, status, count, retryAfterSeconds) {
      refusals.push({
        conversation,
        status,
        left: count,
        ...(retryAfterSeconds !== undefined ? { retryAfter: retryAfterSeconds } : {}),
      });
    },
    limitPerSecond(perSecond) {
      perSecondLimit = perSecond;
    },
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
