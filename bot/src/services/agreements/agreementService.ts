/**
 * A pair's agreement: opened when the pair is formed, walked through and
 * accepted by every member, reopened later. Only the pair's members act on
 * it; concurrent clicks are serialised by ETags and re-judged against the
 * latest state, so no update is lost and a stale card is answered, not applied.
 */

import {
  type AgreementCommand,
  applyCommand,
  type Outcome,
  startAgreement,
} from '../../domain/agreement/agreementMachine';
import { type Agreement, agreementStatus, membersOf } from '../../domain/agreement/agreementTypes';
import { ChangedError, ConflictError, PolkuError } from '../../domain/errors';
import type { Pair } from '../../domain/programme/pair';
import { localDate, type Programme } from '../../domain/programme/programme';
import { topicTags } from '../../domain/programme/volunteer';
import type { Actor } from '../actor';
import type { Membership, MembershipRepository, ProgrammeRepository, Versioned } from '../programmes/ports';
import type {
  AgreementNotifier,
  AgreementRepository,
  AgreementVersion,
  PairStatusWriter,
} from './agreementPorts';

export interface AgreementServiceDeps {
  readonly agreements: AgreementRepository;
  readonly pairs: PairStatusWriter;
  readonly programmes: ProgrammeRepository;
  readonly notifier: AgreementNotifier;
  readonly memberships: Pick<MembershipRepository, 'list'>;
  readonly now: () => Date;
  readonly onNotifyError: (err: unknown, what: string) => void;
}

export interface MyPair {
  readonly pairId: string;
  readonly programmeId: string;
  readonly programmeName: string;
  readonly role: 'mentor' | 'aktori';
  readonly partnerIds: readonly string[];
  readonly partnerNames: readonly string[];
  readonly status: 'drafting' | 'in-force' | 'reopened';
}

export interface AgreementView {
  readonly agreement: Agreement;
  readonly programme: Programme;
  readonly pair: Pair;
}

const MAX_ATTEMPTS = 4;

/** Longer than any live request takes to finish what follows its save. */
const ABANDONED_AFTER_MS = 20_000;

export class AgreementService {
  constructor(private readonly deps: AgreementServiceDeps) {}

  /** Opens the pair's agreement from the programme's defaults; a second call finds the first. */
  async start(pair: Pair, programme: Programme): Promise<Versioned<Agreement>> {
    const existing = await this.deps.agreements.find(pair.id);
    if (existing) return existing;
    const agreement = startAgreement({
      pairId: pair.id,
      programmeId: programme.id,
      tenantId: programme.tenantId,
      mentorId: pair.mentorId,
      aktoriIds: pair.aktoriIds,
      quick: programme.form === 'quick',
      defaults: programme.defaults,
    });
    try {
      return await this.deps.agreements.create(agreement, {
        by: pair.formedBy,
        at: this.deps.now().toISOString(),
      });
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      const raced = await this.deps.agreements.find(pair.id);
      if (!raced) throw err;
      return raced;
    }
  }

  /** The person's pairs and their agreements' status, for the agreement command and "My mentoring". */
  async mine(actor: Actor): Promise<MyPair[]> {
    return (await this.readMine(actor)).map(myPair);
  }

  /**
   * The person's pairs and, when there is exactly one, its agreement as they
   * see it: the agreement command's answer, with the pair and agreement
   * already read for the list passed on to the view instead of read again.
   */
  async mineWithOnly(actor: Actor): Promise<{ pairs: MyPair[]; only?: AgreementView }> {
    const reads = await this.readMine(actor, { programmeOfOnly: true });
    const pairs = reads.map(myPair);
    const [one] = reads;
    if (reads.length !== 1 || !one) return { pairs };
    const { programme, pair, current } = await this.load(
      actor,
      one.membership.pairId,
      one.membership.programmeId,
      {
        agreement: one.found,
        ...(one.pair ? { pair: one.pair } : {}),
        ...(one.programme ? { programme: one.programme } : {}),
      },
    );
    return { pairs, only: { agreement: current.value, programme, pair } };
  }

  /**
   * `programmeOfOnly`: with exactly one pair its view follows, so its
   * programme is read alongside (load checks it against the agreement).
   */
  private async readMine(actor: Actor, options: { programmeOfOnly?: boolean } = {}): Promise<MineRead[]> {
    const memberships = await this.deps.memberships.list(actor.tenantId, actor.userId);
    const withProgramme = options.programmeOfOnly === true && memberships.length === 1;
    return Promise.all(
      memberships.map(async (membership) => {
        const [found, pair, programme] = await Promise.all([
          this.deps.agreements.find(membership.pairId),
          this.deps.pairs.get(membership.programmeId, membership.pairId),
          withProgramme
            ? this.deps.programmes.get(actor.tenantId, membership.programmeId).then((p) => p.value)
            : undefined,
        ]);
        return { membership, found, pair, ...(programme ? { programme } : {}) };
      }),
    );
  }

  /**
   * The pair's agreement as this member sees it. Cards name only the pair;
   * the introduction card also names the programme, so an agreement that
   * does not exist yet can be opened from there.
   */
  async view(actor: Actor, pairId: string, programmeId?: string): Promise<AgreementView> {
    const { programme, pair, current } = await this.load(actor, pairId, programmeId);
    return { agreement: current.value, programme, pair };
  }

  /** Every version with who proposed and who accepted it; members only. */
  async versions(actor: Actor, pairId: string): Promise<AgreementVersion[]> {
    await this.load(actor, pairId);
    return this.deps.agreements.versions(pairId);
  }

  /** `programmeIdHint`: the programme the card names, so its reads need not wait for the agreement's. */
  async act(
    actor: Actor,
    pairId: string,
    command: AgreementCommand,
    programmeIdHint?: string,
  ): Promise<AgreementView & { outcome: Outcome }> {
    let read: ReadInRequest = {};
    for (let attempt = 1; ; attempt++) {
      const { programme, pair, current } = await this.load(actor, pairId, programmeIdHint, read);
      // A retry after someone else's write re-reads only the agreement: that is what changed.
      read = { pair, programme };
      const now = this.deps.now();
      const outcome = applyCommand(current.value, command, {
        actor: { id: actor.userId, name: actor.name },
        now,
        today: localDate(now, programme.timeZone),
        quick: programme.form === 'quick',
        peer: programme.form === 'peer',
        allowedTags: topicTags(programme),
      });
      if (outcome.result === 'no-op' || outcome.result === 'stale') {
        // A repeat (Teams resends an invoke that got no answer, say from a process that died right after
        // saving) also finishes what that process may not have: the members' "in force" message, then
        // the supervisor's row. The row is written after the message, so a row still behind means the
        // message may not have gone: at least once, as the scheduler's sends are.
        const behind = this.pairRowBehind(pair, current.value);
        // A double click arrives while the first request is still sending: only a change older than a
        // request can take (Teams gives up on an invoke after about 15 s) was left by a process that died.
        const changedAt = Date.parse(current.value.lastChange?.at ?? '');
        const abandoned = !(now.getTime() - changedAt < ABANDONED_AFTER_MS);
        if (behind && abandoned && agreementStatus(current.value) === 'in-force') {
          await this.deps.notifier
            .agreementInForce(programme, pair, current.value)
            .catch((err: unknown) => this.deps.onNotifyError(err, 'agreement in force'));
        }
        if (behind) await this.writePairRow(programme, pair, current.value);
        return { agreement: outcome.agreement, programme, pair, outcome };
      }
      try {
        await this.deps.agreements.save(outcome.agreement, current.etag, {
          by: actor.userId,
          at: now.toISOString(),
        });
      } catch (err) {
        // Someone else wrote meanwhile: judge the same click again against what they wrote.
        if (err instanceof ChangedError && attempt < MAX_ATTEMPTS) continue;
        throw err;
      }
      if (outcome.result === 'changed') await this.afterChange(programme, pair, current.value, outcome);
      return { agreement: outcome.agreement, programme, pair, outcome };
    }
  }

  /**
   * The agreement, its pair and programme, after checking the actor is a
   * member. `read` is what this request already read (never kept across
   * requests): those are not read again, and every check still runs.
   * `programmeIdHint` comes from the card, so it is untrusted: the pair and
   * programme it names are read alongside the agreement (one round trip
   * instead of two), and used only if the agreement names the same
   * programme (or, for an agreement not started yet, after the same checks
   * as ever).
   */
  private async load(
    actor: Actor,
    pairId: string,
    programmeIdHint?: string,
    read: ReadInRequest = {},
  ): Promise<{ programme: Programme; pair: Pair; current: Versioned<Agreement> }> {
    const early =
      programmeIdHint && !('agreement' in read) && !read.pair
        ? this.readAhead(actor, pairId, programmeIdHint, read.programme)
        : undefined;
    const found = 'agreement' in read ? read.agreement : await this.deps.agreements.find(pairId);
    const programmeId = found?.value.programmeId ?? programmeIdHint;
    if (early && programmeId === programmeIdHint) read = { ...read, ...(await early) };
    // An outsider learns nothing: "no such pair", "another tenant's" and "not your pair" read the same.
    const refuse = () =>
      new PolkuError('forbidden', 'Only the pair’s members can see its agreement', {
        code: 'not_pair_member',
      });
    if (!programmeId || (found && found.value.tenantId !== actor.tenantId)) throw refuse();
    if (found && !membersOf(found.value).includes(actor.userId)) throw refuse();
    // The pair and the programme are read side by side; the programme is used only once the pair check passed.
    const known = read.programme;
    const programmeRead =
      known?.id === programmeId && known.tenantId === actor.tenantId
        ? Promise.resolve(known)
        : this.deps.programmes.get(actor.tenantId, programmeId).then((p) => p.value);
    programmeRead.catch(() => undefined); // awaited below, or dropped when the pair check refuses
    const pair =
      read.pair?.id === pairId && read.pair.programmeId === programmeId
        ? read.pair
        : await this.deps.pairs.get(programmeId, pairId);
    if (!pair || pair.tenantId !== actor.tenantId || !membersOfPair(pair).includes(actor.userId))
      throw refuse();
    const programme = await programmeRead;
    const current = found ?? (await this.start(pair, programme));
    return { programme, pair, current };
  }

  /**
   * The pair and programme the card names, read side by side with the
   * agreement. A failed read here (a forged or stale hint) is not an answer:
   * it is left out, and the pair or programme is read the usual way.
   */
  private async readAhead(
    actor: Actor,
    pairId: string,
    programmeId: string,
    known?: Programme,
  ): Promise<{ pair?: Pair; programme?: Programme }> {
    const [pair, programme] = await Promise.allSettled([
      this.deps.pairs.get(programmeId, pairId),
      known?.id === programmeId && known.tenantId === actor.tenantId
        ? Promise.resolve(known)
        : this.deps.programmes.get(actor.tenantId, programmeId).then((p) => p.value),
    ]);
    return {
      ...(pair.status === 'fulfilled' && pair.value ? { pair: pair.value } : {}),
      ...(programme.status === 'fulfilled' ? { programme: programme.value } : {}),
    };
  }

  private async afterChange(
    programme: Programme,
    pair: Pair,
    before: Agreement,
    outcome: Outcome,
  ): Promise<void> {
    const after = outcome.agreement;
    // The dashboard's row changes only when the status or the version in force does.
    if (
      agreementStatus(before) === agreementStatus(after) &&
      before.inForce?.version === after.inForce?.version
    )
      return;
    // The message first, the row after: a row still behind tells a repeat the message may be missing.
    if (outcome.result === 'changed' && outcome.nowInForce) {
      await this.deps.notifier
        .agreementInForce(programme, pair, after)
        .catch((err: unknown) => this.deps.onNotifyError(err, 'agreement in force'));
    }
    await this.writePairRow(programme, pair, after);
  }

  /** Whether the supervisor's row does not yet say what the stored agreement says. */
  private pairRowBehind(pair: Pair, agreement: Agreement): boolean {
    const row = pair.agreement;
    if (row?.status === agreementStatus(agreement) && row.version === (agreement.inForce?.version ?? 0))
      return false;
    return !(!row && agreementStatus(agreement) === 'drafting');
  }

  private async writePairRow(programme: Programme, pair: Pair, agreement: Agreement): Promise<void> {
    const inForceTerms = agreement.inForce?.terms;
    await this.deps.pairs.updateAgreement(programme.id, pair.id, {
      status: agreementStatus(agreement),
      // The supervisor sees the goals in force (and nothing while none are).
      goals: inForceTerms ? inForceTerms.goals.map((g) => g.text) : [],
      version: agreement.inForce?.version ?? 0,
      ...(inForceTerms
        ? { cadenceWeeks: inForceTerms.cadenceWeeks, meetingMinutes: inForceTerms.meetingMinutes }
        : {}),
    });
  }
}

function membersOfPair(pair: Pair): string[] {
  return [pair.mentorId, ...pair.aktoriIds];
}

/** What one request has already read of a pair (absent: not read yet; `agreement: undefined`: read, none). */
interface ReadInRequest {
  readonly agreement?: Versioned<Agreement> | undefined;
  readonly pair?: Pair;
  readonly programme?: Programme;
}

interface MineRead {
  readonly membership: Membership;
  readonly found: Versioned<Agreement> | undefined;
  readonly pair: Pair | undefined;
  readonly programme?: Programme;
}

function myPair({ membership: m, found, pair }: MineRead): MyPair {
  return {
    partnerNames: m.partnerIds.map((id) => pair?.names[id] ?? ''),
    pairId: m.pairId,
    programmeId: m.programmeId,
    programmeName: m.programmeName,
    role: m.role,
    partnerIds: m.partnerIds,
    status: found ? agreementStatus(found.value) : 'drafting',
  };
}
