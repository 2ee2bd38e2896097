/**
 * Bad input, fuzzed, against the real server: malformed and oversized
 * bodies, malformed activities, every card verb with missing, tampered,
 * injected and absurd data, and every tab API route with the same. Each
 * answer is a clear 4xx or a card in the person's language; the server keeps
 * answering /healthz; and nothing stored changes (a dump of the Azurite
 * tables before and after). Text with markup that is valid input is stored
 * and returned verbatim by the API, and shown as literal text in cards.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fi } from '../../bot/src/i18n/fi';
import { AGREEMENT_VERBS } from '../../bot/src/teams/agreementActions';
import { MEETING_VERBS } from '../../bot/src/teams/meetingActions';
import { aino, eveliina, sanna } from '../support/programmeSeed';
import { type RolesWorld, startRolesWorld } from '../support/tabApiRoutes';
import { dumpTables, keysOnly } from '../support/tableDump';
import { allTexts, cardAction, message } from '../support/teamsActivities';

const MAX_BODY = 262144;
const SCRIPT = '<script>alert(1)</script>';
const QUOTE = "x' or PartitionKey ne '";
/** Over Azure Tables' 32K characters per string; three of them stay under the body limit. */
const LONG = 'ö'.repeat(33_000);

/** Every verb a card can send: the switch in cardActions.ts plus the agreement and meeting verb lists. */
function cardVerbs(): string[] {
  const source = fs.readFileSync(path.resolve(__dirname, '../../bot/src/teams/cardActions.ts'), 'utf8');
  const cases = [...source.matchAll(/case '([a-z]+\.[a-zA-Z.]+)'/g)].map((m) => m[1] as string);
  return [...new Set([...cases, ...AGREEMENT_VERBS, ...MEETING_VERBS])].sort();
}

/** A catalogue text with its {placeholders} as wildcards. */
const FI_PATTERNS = Object.values(fi).map(
  (v) => new RegExp(`^${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '[\\s\\S]*')}$`),
);
const isFinnishText = (text: string) => FI_PATTERNS.some((re) => re.test(text));

describe('bad input, fuzzed: clear refusals, a running server, nothing stored', function () {
  this.timeout(180000);
  let roles: RolesWorld;
  let programmeId = '';
  let pairId = '';
  let otherPairId = '';
  let fuzzed = 0;
  const base = () => roles.world.server.baseUrl;
  const dump = async () =>
    keysOnly(await dumpTables(roles.world.azurite.connectionString, roles.world.tablePrefix), [
      'conversations',
    ]);

  const raw = async (
    method: string,
    p: string,
    body: string | Blob | undefined,
    headers: Record<string, string>,
  ) => {
    fuzzed++;
    return fetch(`${base()}${p}`, { method, headers, ...(body === undefined ? {} : { body }) });
  };
  const healthy = async () =>
    assert.equal((await fetch(`${base()}/healthz`)).status, 200, 'the server still answers');

  before(async () => {
    // The suite sends hundreds of requests as one person: the rate limit is tested elsewhere.
    roles = await startRolesWorld({
      graph: true,
      env: { API_RATE_PER_SECOND: '10000', API_RATE_BURST: '10000' },
    });
    ({ programmeId, pairId, otherPairId } = roles);
  });
  after(async () => {
    console.log(`      requests fuzzed: ${fuzzed}`);
    await roles?.world.stop();
  });

  it('refuses malformed, oversized and misshapen activities on /api/messages with 4xx', async () => {
    const before = await dump();
    const valid = message(roles.world.personal(aino), 'apua');
    const json = { 'content-type': 'application/json' };
    const cases: Array<[string, string | Blob, Record<string, string>]> = [
      ['truncated JSON', '{"type":"message",', json],
      ['not JSON', 'hello', json],
      ['a JSON array', '[1,2,3]', json],
      ['a JSON string', '"message"', json],
      ['null', 'null', json],
      ['empty', '', json],
      ['invalid UTF-8', new Blob([new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])]), json],
      ['plain text type', JSON.stringify(valid), { 'content-type': 'text/plain' }],
      ['huge body', JSON.stringify({ ...valid, text: 'x'.repeat(MAX_BODY) }), json],
      ['text over Teams’ limit', JSON.stringify({ ...valid, text: 'x'.repeat(30_000) }), json],
      ['no type', JSON.stringify({ ...valid, type: undefined }), json],
      ['type not a string', JSON.stringify({ ...valid, type: { $ne: 1 } }), json],
      ['no conversation', JSON.stringify({ ...valid, conversation: undefined }), json],
      ['javascript: serviceUrl', JSON.stringify({ ...valid, serviceUrl: 'javascript:alert(1)' }), json],
      ['file: serviceUrl', JSON.stringify({ ...valid, serviceUrl: 'file:///etc/passwd' }), json],
      ['id too long', JSON.stringify({ ...valid, id: 'i'.repeat(5000) }), json],
      ['deep nesting', `{"type":"message","x":${'['.repeat(20000)}${']'.repeat(20000)}}`, json],
    ];
    for (const [name, body, headers] of cases) {
      const res = await raw('POST', '/api/messages', body, headers);
      assert.ok(res.status >= 400 && res.status < 500, `${name}: ${res.status}`);
      const error = ((await res.json()) as { error?: { code?: string } }).error;
      assert.ok(error?.code, `${name}: the API's error shape`);
    }
    await healthy();
    assert.deepEqual(await dump(), before);
  });

  it('answers odd messages with a Finnish reply and stores nothing but the chat reference', async () => {
    const before = await dump();
    const texts = [
      SCRIPT,
      QUOTE,
      '\u0000\u0001\u202e',
      '🙂'.repeat(5000),
      '{"__proto__":{"x":1}}',
      '<at>x</at>'.repeat(500),
    ];
    for (const text of texts) {
      roles.world.connector.clear();
      const res = await raw(
        'POST',
        '/api/messages',
        JSON.stringify(message(roles.world.personal(aino), text)),
        {
          'content-type': 'application/json',
        },
      );
      assert.equal(res.status, 200);
      const [reply] = await roles.world.connector.waitForActivities(`a:personal-${aino.aadObjectId}`, 1);
      assert.ok(isFinnishText(String(reply?.activity.text)), String(reply?.activity.text));
    }
    // Unknown activity types and __proto__ in channelData are ignored, not crashed on.
    for (const extra of [
      { type: 'fooBar' },
      { channelData: JSON.parse('{"__proto__":{"polluted":true}}') },
    ]) {
      const res = await raw(
        'POST',
        '/api/messages',
        JSON.stringify({ ...message(roles.world.personal(aino), 'x'), ...extra }),
        {
          'content-type': 'application/json',
        },
      );
      assert.ok(res.status < 500, `${JSON.stringify(extra)}: ${res.status}`);
    }
    await healthy();
    assert.deepEqual(await dump(), before);
  });

  it('answers every card verb with tampered, injected or absurd data with a card in Finnish, changing nothing', async () => {
    const before = await dump();
    const proto = JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
    const variants: Array<[string, Record<string, unknown>]> = [
      ['nothing', {}],
      ['another pair', { programmeId, pairId: otherPairId, version: 1, step: 'goals', goal1: SCRIPT }],
      ['another programme', { programmeId: '00000000-0000-4000-8000-000000000000', pairId, role: 'mentor' }],
      ['a stale version', { programmeId, pairId, version: 0, step: 'duration', confidentiality: 'true' }],
      ['OData quotes in ids', { programmeId: QUOTE, pairId: `p'${QUOTE}`, etag: QUOTE, mentorId: QUOTE }],
      ['__proto__ and constructor', { ...proto, programmeId, pairId }],
      [
        'over-long texts',
        { programmeId, pairId, name: LONG, note: LONG, goal1: LONG, etag: 'e'.repeat(300), version: 1 },
      ],
      [
        'invalid dates and zones',
        {
          programmeId,
          pairId,
          start: '2026-02-30T25:61:00Z',
          signUpDeadline: '31.2.2026',
          timeZone: 'Mars/Olympus',
          weeksLater: -5,
        },
      ],
      ['wrong types', { programmeId: 42, pairId: ['p'], version: '1e9', role: { $gt: '' }, aktoriIds: 'x' }],
    ];
    const verbs = [...cardVerbs(), 'no.such.verb', '', '__proto__', 'constructor'];
    for (const verb of verbs) {
      for (const [name, data] of variants) {
        // In personal chat: programme.create with valid data is allowed in a channel (the last test).
        const res = await raw(
          'POST',
          '/api/messages',
          JSON.stringify(cardAction(roles.world.personal(aino), verb, data)),
          {
            'content-type': 'application/json',
          },
        );
        assert.equal(res.status, 200, `${verb} / ${name}`);
        const answer = (await res.json()) as { statusCode: number; type: string; value: unknown };
        assert.equal(answer.statusCode, 200, `${verb} / ${name}`);
        const texts = typeof answer.value === 'string' ? [answer.value] : allTexts(answer.value);
        assert.ok(texts.length > 0, `${verb} / ${name}: says something`);
        assert.ok(
          texts.some(isFinnishText) || (answer.value as { lang?: string }).lang === 'fi',
          `${verb} / ${name}: in Finnish: ${texts.join(' | ').slice(0, 300)}`,
        );
        assert.ok(
          !/TypeError|at .*\.ts|undefined|\[object Object\]/.test(texts.join(' ')),
          `${verb} / ${name}: no internals`,
        );
      }
    }
    assert.ok(!('polluted' in {}), 'no prototype pollution');
    await healthy();
    assert.deepEqual(await dump(), before);
  });

  it('refuses malformed bodies, ids and parameters on every tab API route with 4xx', async () => {
    const before = await dump();
    const bodies: Array<[string, string | Blob, string]> = [
      ['truncated JSON', '{"name":', 'application/json'],
      ['a JSON array', '[]', 'application/json'],
      ['a JSON number', '7', 'application/json'],
      ['__proto__', '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}', 'application/json'],
      ['huge', JSON.stringify({ name: 'x'.repeat(MAX_BODY) }), 'application/json'],
      ['form-encoded', 'name=x', 'application/x-www-form-urlencoded'],
      [
        'over-long name',
        JSON.stringify({ name: LONG, pairs: [{ mentorId: LONG }], start: LONG }),
        'application/json',
      ],
      ['invalid start', JSON.stringify({ start: '2026-02-30T10:00:00Z' }), 'application/json'],
      ['start as a number', JSON.stringify({ start: 1e20 }), 'application/json'],
      ['pairs as a string', JSON.stringify({ pairs: 'all' }), 'application/json'],
    ];
    const mutations: Array<[string, string]> = [
      ['POST', '/api/v1/programmes'],
      ['PUT', `/api/v1/programmes/${programmeId}`],
      ['POST', `/api/v1/programmes/${programmeId}/pairs`],
      ['POST', `/api/v1/pairs/${pairId}/meetings`],
    ];
    const asSanna = async (
      method: string,
      p: string,
      body?: string | Blob,
      type = 'application/json',
      extra = {},
    ) => {
      fuzzed++;
      return roles.world.api(p, sanna, {
        method,
        headers: { 'content-type': type, ...extra },
        ...(body ? { body } : {}),
      });
    };
    const asAino = async (method: string, p: string, body?: string) => {
      fuzzed++;
      return roles.world.api(p, aino, { method, ...(body ? { body } : {}) });
    };
    for (const [method, p] of mutations) {
      for (const [name, body, type] of bodies) {
        const call = p.includes('/pairs/') ? asAino : asSanna;
        const res =
          call === asAino
            ? await asAino(method, p, String(body))
            : await asSanna(method, p, body, type, { 'if-match': '*' });
        assert.ok(res.status >= 400 && res.status < 500, `${method} ${p} ${name}: ${res.status}`);
      }
    }
    const badIds = [
      QUOTE,
      "p0000000000000000'",
      '..%2F..%2Fetc',
      '%00',
      'a'.repeat(3000),
      encodeURIComponent(SCRIPT),
      '%E0%A4%A',
    ];
    for (const id of badIds) {
      for (const p of [
        `/api/v1/programmes/${id}`,
        `/api/v1/programmes/${id}/volunteers`,
        `/api/v1/programmes/${id}/pairs`,
        `/api/v1/pairs/${id}/agreement`,
        `/api/v1/pairs/${id}/slots`,
        `/api/v1/pairs/${id}/meetings`,
      ]) {
        const res = await asSanna('GET', p);
        assert.ok(res.status >= 400 && res.status < 500, `${p}: ${res.status}`);
      }
    }
    for (const q of ['-1', '9', 'x', '1e9', '0x10', "1'"]) {
      const res = await asAino('GET', `/api/v1/pairs/${pairId}/slots?weeksLater=${encodeURIComponent(q)}`);
      assert.equal(res.status, 400, `weeksLater=${q}`);
    }
    // A language nobody speaks falls back; it is not an error and not echoed as markup.
    const lang = await asSanna(
      'GET',
      `/api/v1/programmes/${programmeId}/suggestions?lang=${encodeURIComponent(SCRIPT)}`,
    );
    assert.equal(lang.status, 200);
    assert.ok(!(await lang.text()).includes('<script>'));
    await healthy();
    assert.deepEqual(await dump(), before);
  });

  it('stores markup and quotes in valid text verbatim, returns them as data and shows them as text in cards', async () => {
    const name = `Kevät ${SCRIPT} O'Brien "&" [x](https://evil.example)`;
    const create = await raw(
      'POST',
      '/api/messages',
      JSON.stringify(
        cardAction(roles.world.inChannel(sanna), 'programme.create', {
          name,
          description: SCRIPT,
          form: 'pair',
          modeKind: 'nonstop',
          language: 'fi',
        }),
      ),
      { 'content-type': 'application/json' },
    );
    const card = ((await create.json()) as { value: unknown }).value;
    const texts = allTexts(card).join('\n');
    assert.ok(!texts.includes('<script>'), 'a card never carries raw markup');
    assert.ok(!texts.includes('[x](https://evil.example)'), 'nor a link built from input');
    assert.ok(texts.includes('\\<script\\>'), 'it shows the typed text literally');
    const listed = (await (await roles.world.api('/api/v1/programmes', sanna)).json()) as {
      items: Array<{ id: string; name: string }>;
    };
    const created = listed.items.find((p) => p.name === name);
    assert.ok(created, 'the API returns the name verbatim, and the quote broke no query');
    const got = (await (await roles.world.api(`/api/v1/programmes/${created.id}`, sanna)).json()) as {
      programme: { description: string };
    };
    assert.equal(got.programme.description, SCRIPT);
    // A volunteer's note with markup, through the sign-up card, comes back verbatim to the supervisor.
    const signUp = await raw(
      'POST',
      '/api/messages',
      JSON.stringify(
        cardAction(roles.world.personal(eveliina), 'signup.save', {
          programmeId: created.id,
          role: 'aktori',
          wants: 'theme:career',
          unit: `O'Brien ${SCRIPT}`,
          languages: 'fi',
          note: SCRIPT,
        }),
      ),
      { 'content-type': 'application/json' },
    );
    assert.ok(
      !allTexts(((await signUp.json()) as { value: unknown }).value)
        .join('\n')
        .includes('<script>'),
    );
    const volunteers = (await (
      await roles.world.api(`/api/v1/programmes/${created.id}/volunteers`, sanna)
    ).json()) as {
      items: Array<{ note: string; unit: string }>;
    };
    assert.deepEqual(
      volunteers.items.map((v) => [v.note, v.unit]),
      [[SCRIPT, `O'Brien ${SCRIPT}`]],
    );
    await healthy();
  });
});
