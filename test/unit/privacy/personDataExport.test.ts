/** The person's own copy of their data, and the "my data" card that carries it. */
import assert from 'node:assert/strict';
import { LOCALES } from '../../../bot/src/i18n/locale';
import type { PersonData, Row } from '../../../bot/src/services/privacy/collectPersonData';
import { exportDocument, selfServiceDocument } from '../../../bot/src/services/privacy/personDataExport';
import { PersonDataService } from '../../../bot/src/services/privacy/personDataService';
import type { EntityData } from '../../../bot/src/store/tableRepository';
import { myDataCard } from '../../../bot/src/teams/cards/myDataCard';
import { actions, byteSize, cardProblems, visibleText } from '../../support/adaptiveCards';

const me = { tenantId: 't1', userId: 'u-me' };
const partner = 'u-partner';
const row = (partitionKey: string, rowKey: string, data: EntityData): Row => ({
  partitionKey,
  rowKey,
  etag: 'W/"x"',
  data,
});

const data: PersonData = {
  conversations: [row('t1', 'user:u-me', { kind: 'personal' })],
  sharedConversations: [],
  access: [row('t1|u-me', 'prog-1', { role: 'participant', name: 'Kevät <script>x</script>' })],
  memberships: [row('t1|u-me', 'prog-1|p1', { programmeId: 'prog-1', pairId: 'p1' })],
  participants: [row('prog-1', 'u-me', { note: '[click](https://evil.example)' })],
  pairs: [
    row('prog-1', 'p1', {
      names: JSON.stringify({ 'u-me': 'Me', [partner]: 'Partner' }),
      emails: JSON.stringify({ 'u-me': 'me@contoso.com', [partner]: 'partner@contoso.com' }),
    }),
  ],
  agreements: [row('p1', 'current', { state: '{}' }), row('p1', 'v00001', {}), row('p1', 'v00002', {})],
  meetings: [
    row('prog-1', 'p1|m0001', {
      start: '2026-01-01T09:00:00.000Z',
      checkIns: JSON.stringify({ [partner]: 'met' }),
      memberTimes: JSON.stringify({
        'u-me': { timeZone: 'Europe/Helsinki' },
        [partner]: { timeZone: 'UTC' },
      }),
    }),
  ],
  learnings: [row('prog-1', 'l1', { pairId: 'p1', text: 'Kysy ensin.', proposedBy: 'u-me' })],
  evaluations: [row('prog-1', 'p1|u-me', { competence: 4 })],
  programmes: [{ id: 'prog-1', name: 'Kevät', roles: ['coordinator'] }],
};

describe('a person’s own data', () => {
  it('gives the operator every column as stored, the meetings included', () => {
    const doc = exportDocument(me, data, new Date('2026-02-01T00:00:00Z'));
    assert.equal(doc.exportedAt, '2026-02-01T00:00:00.000Z');
    assert.deepEqual(Object.keys(doc.tables), [
      'conversations',
      'access',
      'memberships',
      'participants',
      'pairs',
      'agreements',
      'meetings',
      'learnings',
      'evaluations',
      'programmes',
    ]);
    assert.match(String(doc.tables.pairs?.[0]?.emails), /partner@contoso.com/);
    assert.equal(doc.tables.agreements?.length, 3);
    assert.ok(!JSON.stringify(doc).includes('W/"x"'), 'no ETags');
  });

  it('leaves the partner’s mailbox, working hours and check-ins out of the person’s own copy', () => {
    const doc = selfServiceDocument(me, data, new Date(0));
    const json = JSON.stringify(doc);
    assert.ok(!json.includes('partner@contoso.com'));
    assert.ok(!json.includes('"UTC"'));
    assert.ok(!json.includes('met'));
    assert.ok(json.includes('me@contoso.com'));
    assert.ok(json.includes('Europe/Helsinki'));
    assert.ok(json.includes('Partner'), 'who the partner is stays: the person knows');
  });

  it('stops on a damaged per-member column instead of handing it out', () => {
    const damaged = { ...data, pairs: [row('prog-1', 'p1', { emails: '["partner@contoso.com"]' })] };
    assert.throws(() => selfServiceDocument(me, damaged, new Date(0)), /emails of pairs row p1/);
  });

  it('counts what it holds, and collects only for the acting person', async () => {
    const asked: unknown[] = [];
    const service = new PersonDataService({
      collect: async (person) => {
        asked.push(person);
        return data;
      },
      now: () => new Date(0),
    });
    const { summary, document } = await service.mine({ ...me, name: 'Me' });
    assert.deepEqual(asked, [me]);
    assert.equal(document.userId, 'u-me');
    assert.deepEqual(summary, {
      programmesManaged: 1,
      signUps: 1,
      pairs: 1,
      agreementVersions: 2,
      meetings: 1,
      conversations: 1,
    });
  });

  for (const locale of LOCALES) {
    it(`shows it in a valid card (${locale}) whose typed text stays literal`, async () => {
      const doc = selfServiceDocument(me, data, new Date(0));
      const json = myDataCard(
        { programmesManaged: 1, signUps: 1, pairs: 1, agreementVersions: 2, meetings: 1, conversations: 1 },
        doc,
        locale,
      );
      assert.deepEqual(cardProblems(json), []);
      assert.ok(byteSize(json) < 40_000);
      assert.equal(actions(json).length, 1, 'one "show everything" action');
      const text = visibleText(json);
      assert.ok(!text.includes('[click](https'), 'a typed link is escaped, never a link');
      assert.ok(text.includes('\\<script\\>'), 'a typed tag is escaped text');
    });
  }

  it('says the file is too large rather than sending a card Teams would refuse', () => {
    const big = { ...data, participants: [row('prog-1', 'u-me', { note: 'x'.repeat(30_000) })] };
    const json = myDataCard(
      { programmesManaged: 0, signUps: 1, pairs: 0, agreementVersions: 0, meetings: 0, conversations: 0 },
      selfServiceDocument(me, big, new Date(0)),
      'en',
    );
    assert.equal(actions(json).length, 0);
    assert.ok(visibleText(json).includes('does not fit'));
    assert.ok(byteSize(json) < 40_000);
  });
});
