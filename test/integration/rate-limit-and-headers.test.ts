/**
 * The tab API's per-person rate limit and the security headers, against the
 * real server: a person over their budget gets 429 with Retry-After and a
 * plain JSON error while others are unaffected; the tab may be framed by
 * Teams only and runs no inline script; nothing is content-sniffed.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { aino, sanna } from '../support/programmeSeed';
import { startWorld, type World } from '../support/world';

const TAB_DIST = path.resolve(__dirname, '../../dist/tab');

describe('rate limit and security headers', function () {
  this.timeout(60000);
  let world: World;

  before(async () => {
    world = await startWorld({ env: { API_RATE_PER_SECOND: '2', API_RATE_BURST: '5' } });
  });
  after(async () => world?.stop());

  it('answers 429 with Retry-After and a JSON error after the burst, for that person only', async () => {
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 8; i++) {
      const res = await world.api('/api/v1/programmes', sanna);
      statuses.push(res.status);
      if (res.status === 429) limited ??= res;
      else await res.arrayBuffer();
    }
    assert.deepEqual(statuses.slice(0, 5), [200, 200, 200, 200, 200], 'the burst is allowed');
    assert.ok(limited, `then refused: ${statuses.join(',')}`);
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 2, `Retry-After ${retryAfter}`);
    assert.match(String(limited.headers.get('content-type')), /application\/json/);
    const body = (await limited.json()) as {
      error: { code: string; message: string; correlationId: string };
    };
    assert.equal(body.error.code, 'rate_limited');
    assert.ok(body.error.message.length > 0 && body.error.correlationId.length > 0);
    assert.equal((await world.api('/api/v1/programmes', aino)).status, 200, 'another person is not limited');
    await new Promise((r) => setTimeout(r, retryAfter * 1000));
    assert.equal(
      (await world.api('/api/v1/programmes', sanna)).status,
      200,
      'after Retry-After it answers again',
    );
    assert.equal((await fetch(`${world.server.baseUrl}/healthz`)).status, 200, 'health is never limited');
  });

  it('lets Teams frame the tab, and nobody else; allows no inline script', async () => {
    const res = await fetch(`${world.server.baseUrl}/tab/`);
    assert.equal(res.status, 200);
    const csp = String(res.headers.get('content-security-policy'));
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    assert.deepEqual(directives.get('script-src'), ["'self'"], 'no inline or eval script');
    const ancestors = directives.get('frame-ancestors') ?? [];
    for (const host of [
      'https://teams.microsoft.com',
      'https://*.teams.microsoft.com',
      'https://*.cloud.microsoft',
    ]) {
      assert.ok(ancestors.includes(host), `Teams host ${host} may frame the tab`);
    }
    assert.ok(
      !ancestors.includes('*') && !ancestors.some((a) => a === 'https:' || a === 'http:'),
      'not any site',
    );
    assert.deepEqual(directives.get('object-src'), ["'none'"]);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(res.headers.get('referrer-policy'));
    // The built page itself has no inline script for the CSP to block.
    const html = fs.readFileSync(path.join(TAB_DIST, 'index.html'), 'utf8');
    for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) {
      assert.match(tag, /\ssrc="\/tab\/assets\/[^"]+"/, `external script only: ${tag.slice(0, 80)}`);
      assert.match(tag, /^<script\b[^>]*>\s*<\/script>$/, 'and nothing inline');
    }
    assert.ok(!/\son[a-z]+=/i.test(html), 'no inline event handlers');
  });

  it('marks API answers, errors and health nosniff', async () => {
    const answers = [
      await fetch(`${world.server.baseUrl}/api/v1/session/options`),
      await fetch(`${world.server.baseUrl}/api/v1/me`),
      await fetch(`${world.server.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{',
      }),
      await fetch(`${world.server.baseUrl}/api/v1/nope`),
      await fetch(`${world.server.baseUrl}/healthz`),
      await fetch(`${world.server.baseUrl}/tab/nope.js`),
    ];
    for (const res of answers) assert.equal(res.headers.get('x-content-type-options'), 'nosniff', res.url);
    assert.equal(answers[1]?.status, 401);
  });
});
