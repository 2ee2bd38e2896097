/**
 * Both members of a pair act at the same moment (issue 10, item 5), a
 * hundred times over: their card invokes are sent together (Promise.all)
 * through /api/messages. The agreement walkthrough's step saves and
 * accepts, booking the same or different times, check-in answers and
 * checkpoint choices. No lost update (each member's answer is kept; when
 * both change the same agreement step, one is kept and the other is
 * answered with the agreement as it now is, never dropped silently), no
 * broken agreement (one version row per version, no gaps, exactly one
 * version in force once both accepted it) and at most one meeting per time.
 */
import assert from 'node:assert/strict';
import { DEMO_TENANT_ID, type DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import type { Meeting } from '../../bot/src/domain/meetings/meeting';
import { fi } from '../../bot/src/i18n/fi';
import { TableMeetingStore } from '../../bot/src/store/meetingStore';
import { TablePairStore } from '../../bot/src/store/pairStore';
import type { Tables } from '../../bot/src/store/tables';
import { bookedEvents } from '../support/emulatorEvents';
import { aino, eveliina, helmi, linnea, mikko, onni, pekka, sanna, ville } from '../support/programmeSeed';
import { cardAction, type InvokeCard, invokeCard } from '../support/teamsActivities';
import { startWorld, type World, worldTables } from '../support/world';

const ROUNDS = 100;

interface AgreementJson {
  version: number;
  status: string;
  inForce: { version: number; terms: Terms } | null;
  terms: Terms;
  history: Array<{ version: number; terms: Terms; acceptedBy: Record<string, string> }>;
}
interface Terms {
  preparation: string;
  goals: Array<{ text: string }>;
}

/** Every text, fact value and title in a card. */
function texts(node: unknown): string {
  if (Array.isArray(node)) return node.map(texts).join('\n');
  if (!node || typeof node !== 'object') return '';
  const o = node as Record<string, unknown>;
  const own = ['text', 'value', 'title'].flatMap((k) => (typeof o[k] === 'string' ? [o[k] as string] : []));
  return [...own, ...Object.values(o).map(texts)].join('\n');
}

describe('both members acting at the same moment, a hundred times over', function () {
  this.timeout(120000);
  let world: World;
  let tables: Tables;
  let meetings: TableMeetingStore;
  const invokes = { total: 0 };

  const act = (user: DemoUser, verb: string, data: Record<string, unknown>) => {
    invokes.total++;
    return invokeCard(world.server.baseUrl, cardAction(world.personal(user), verb, data));
  };
  const agreementOf = async (pairId: string, user: DemoUser) =>
    (await (await world.api(`/api/v1/pairs/${pairId}/agreement`, user)).json()) as AgreementJson;
  /** Stale: the member was answered with the agreement as it is now and who changed it, nothing saved. */
  const toldStale = (card: InvokeCard) => texts(card).includes(fi['agreement.stale'].split('{')[0]!.trim());
  const agree = async (pairId: string, mentor: DemoUser, aktori: DemoUser) => {
    const v = (await agreementOf(pairId, mentor)).version;
    await act(aktori, 'agreement.save', { pairId, step: 'goals', version: v, goal1: 'Oppia' });
    for (const m of [mentor, aktori])
      await act(m, 'agreement.accept', { pairId, version: v + 1, confidentiality: 'true' });
  };

  before(async () => {
    world = await startWorld({ graph: true });
    tables = worldTables(world);
    meetings = new TableMeetingStore(tables.meetings);
  });
  after(async () => {
    console.log(`      invokes sent in pairs at once: ${invokes.total}`);
    await world?.stop();
  });

  let programmeId = '';
  let pairId = '';

  it(`agreement walkthrough: ${ROUNDS} rounds of both saving or accepting at once lose nothing and break nothing`, async () => {
    ({ programmeId, pairId } = await world.formPair(sanna, aino, eveliina, 'Samanaikaisesti'));
    const figures = { saves: 0, kept: 0, stale: 0, lost: 0, accepts: 0, inForce: 0 };
    const lost: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const before = await agreementOf(pairId, aino);
      const v = before.version;
      const kind = round % 4;
      if (kind === 1 || kind === 3) {
        // Both accept the version their cards show.
        const accept = (m: DemoUser) =>
          act(m, 'agreement.accept', { pairId, version: v, confidentiality: 'true' });
        await Promise.all([accept(aino), accept(eveliina)]);
        figures.accepts += 2;
        const after = await agreementOf(pairId, aino);
        assert.equal(after.status, 'in-force', `round ${round}`);
        assert.equal(after.inForce?.version, v, `round ${round}: the version both accepted is in force`);
        assert.equal(after.version, v, 'accepting makes no version');
        figures.inForce++;
        continue;
      }
      // Different steps (kind 0) or the same step (kind 2), saved at once from cards showing version v.
      const mine = `Valmistelu ${round}`;
      const theirs = `Tavoite ${round}`;
      const [mentorCard, aktoriCard] = await Promise.all([
        kind === 0
          ? act(aino, 'agreement.save', { pairId, step: 'rules', version: v, preparation: mine })
          : act(aino, 'agreement.save', { pairId, step: 'goals', version: v, goal1: `Mentori ${round}` }),
        act(eveliina, 'agreement.save', { pairId, step: 'goals', version: v, goal1: theirs }),
      ]);
      figures.saves += 2;
      const after = await agreementOf(pairId, aino);
      // Different steps: both are kept. The same step: one is kept, the other told it changed meanwhile.
      const judge = (who: string, card: InvokeCard, kept: boolean) => {
        if (kept) figures.kept++;
        else if (kind === 2 && toldStale(card)) figures.stale++;
        else {
          figures.lost++;
          lost.push(`round ${round}: ${who}'s save neither kept nor answered as stale`);
        }
      };
      judge(
        'Aino',
        mentorCard,
        kind === 0 ? after.terms.preparation === mine : after.terms.goals[0]?.text === `Mentori ${round}`,
      );
      judge('Eveliina', aktoriCard, after.terms.goals[0]?.text === theirs);
      assert.ok(after.version > v && after.version <= v + 2, `round ${round}: ${v} -> ${after.version}`);
    }
    // Version rows: one per version, none missing, the last one current; the one in force accepted by both.
    const final = await agreementOf(pairId, aino);
    const versions = final.history.map((h) => h.version).sort((a, b) => a - b);
    assert.deepEqual(
      versions,
      Array.from({ length: final.version }, (_, i) => i + 1),
    );
    const inForce = final.history.find((h) => h.version === final.inForce?.version);
    assert.deepEqual(
      Object.keys(inForce?.acceptedBy ?? {}).sort(),
      [aino.aadObjectId, eveliina.aadObjectId].sort(),
    );
    assert.deepEqual(inForce?.terms, final.inForce?.terms, 'the row in force holds the terms in force');
    const pair = await new TablePairStore(tables.pairs).get(programmeId, pairId);
    assert.equal(pair?.agreement?.version, final.inForce?.version, 'the supervisor’s row is in step');
    console.log(`      agreement: ${JSON.stringify({ ...figures, versions: final.version })}`);
    assert.deepEqual(lost, []);
  });

  it('check-in answers at once: both kept on every meeting', async () => {
    const count = 20;
    const start = Date.now() - 30 * 86_400_000;
    for (let n = 1; n <= count; n++) {
      const at = start + n * 86_400_000;
      const m: Meeting = {
        pairId,
        programmeId,
        tenantId: DEMO_TENANT_ID,
        number: 100 + n,
        start: at,
        end: at + 3_600_000,
        status: 'booked',
        organizerId: aino.aadObjectId,
        transactionId: `polku-${pairId}-m${100 + n}`,
        bookedBy: aino.aadObjectId,
        updatedAt: new Date().toISOString(),
      };
      await meetings.create(m);
    }
    const answer = (user: DemoUser, n: number, value: string) =>
      act(user, 'checkin.answer', {
        programmeId,
        pairId,
        number: 100 + n,
        start: new Date(start + n * 86_400_000).toISOString(),
        answer: value,
      });
    for (let n = 1; n <= count; n++) {
      await Promise.all([answer(aino, n, 'met'), answer(eveliina, n, n % 3 === 0 ? 'not-met' : 'met')]);
    }
    for (let n = 1; n <= count; n++) {
      const stored = await meetings.get(programmeId, pairId, 100 + n);
      assert.deepEqual(stored?.value.checkIns, {
        [aino.aadObjectId]: 'met',
        [eveliina.aadObjectId]: n % 3 === 0 ? 'not-met' : 'met',
      });
    }
  });

  it('checkpoint choices at once: one outcome, the agreement reopened at most once, conclude decides', async () => {
    const cases: Array<[DemoUser, DemoUser, string, string, string]> = [
      [mikko, onni, 'continue', 'continue', 'continued'],
      [helmi, linnea, 'continue', 'conclude', 'concluded'],
      [pekka, ville, 'conclude', 'conclude', 'concluded'],
    ];
    for (const [i, [mentor, aktori, a, b, outcome]] of cases.entries()) {
      const formed = await world.formPair(sanna, mentor, aktori, `Valinta ${i}`);
      await agree(formed.pairId, mentor, aktori);
      const v = (await agreementOf(formed.pairId, mentor)).version;
      const choose = (user: DemoUser, choice: string) =>
        act(user, 'checkpoint.choose', { programmeId: formed.programmeId, pairId: formed.pairId, choice });
      const cards = await Promise.all([choose(mentor, a), choose(aktori, b)]);
      const pair = await new TablePairStore(tables.pairs).get(formed.programmeId, formed.pairId);
      assert.equal(pair?.checkpoint?.outcome, outcome, `${a} + ${b}`);
      // Each choice is kept, unless the other's "conclude" had already decided: that member is told so.
      for (const [k, member] of [mentor, aktori].entries()) {
        const kept = pair?.checkpoint?.choices?.[member.aadObjectId] !== undefined;
        assert.ok(
          kept || texts(cards[k]).includes(fi['checkpoint.concluded.body']),
          `${member.name}: ${texts(cards[k])}`,
        );
      }
      const after = await agreementOf(formed.pairId, mentor);
      assert.equal(after.version, outcome === 'continued' ? v + 1 : v, 'reopened once when continuing');
      assert.equal(pair?.status === 'concluded', outcome === 'concluded');
    }
  });

  it('booking at once, the same time or different ones: at most one meeting per time, one event each', async () => {
    const figures = { same: 0, different: 0, meetings: 0 };
    const book = (user: DemoUser, data: Record<string, unknown>) => act(user, 'meeting.book', data);
    const slotCard = (user: DemoUser, weeksLater: number) =>
      act(user, 'meeting.find', { pairId, weeksLater: String(weeksLater) });
    for (let round = 0; round < 8; round++) {
      const [mentorSlots, aktoriSlots] = await Promise.all([
        slotCard(aino, round),
        slotCard(eveliina, round),
      ]);
      const pick = (card: InvokeCard, i: number) =>
        card.actions?.filter((x) => x.verb === 'meeting.book')[i]?.data as Record<string, unknown>;
      const same = round % 2 === 0;
      if (same) figures.same++;
      else figures.different++;
      const answers = await Promise.all([
        book(aino, pick(mentorSlots, 0)),
        book(eveliina, pick(aktoriSlots, same ? 0 : 1)),
      ]);
      for (const a of answers) {
        const t = texts(a);
        assert.ok(
          t.includes(fi['meeting.booked.title']) ||
            t.includes(fi['meeting.inProgress']) ||
            t.includes(fi['meeting.slots.taken']),
          t,
        );
      }
    }
    const records = (await meetings.list(programmeId, pairId))
      .map((m) => m.value)
      .filter((m) => m.number < 101 || m.number > 120); // not the check-in test's meetings
    const booked = records.filter((m) => m.status === 'booked');
    const starts = booked.map((m) => m.start);
    assert.equal(new Set(starts).size, starts.length, 'at most one meeting per time');
    const events = await bookedEvents(world.graph!.baseUrl, aino.email);
    for (const m of booked)
      assert.equal(events.filter((e) => e.transactionId === m.transactionId).length, 1, `m${m.number}`);
    assert.equal(events.length, booked.length, 'no event without its meeting');
    figures.meetings = booked.length;
    console.log(`      booking: ${JSON.stringify(figures)}`);
  });
});
