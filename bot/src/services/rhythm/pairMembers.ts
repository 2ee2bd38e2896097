/**
 * Who may act on a pair's rhythm: its members, in its tenant. Card data and
 * URLs name the pair; what the person may do is decided from stored state.
 */
import { PolkuError } from '../../domain/errors';
import { memberIds, type Pair } from '../../domain/programme/pair';
import type { Programme } from '../../domain/programme/programme';
import type { Actor } from '../actor';
import type { ProgrammeRepository } from '../programmes/ports';
import type { MembershipLookup, RhythmPairRepository } from './rhythmServicePorts';

/** An outsider learns nothing: "no such pair", "another tenant's" and "not your pair" read the same. */
export function notPairMember(): PolkuError {
  return new PolkuError('forbidden', 'Only the pair’s members can do this', { code: 'not_pair_member' });
}

export function isMember(pair: Pick<Pair, 'mentorId' | 'aktoriIds'>, userId: string): boolean {
  return memberIds(pair).includes(userId);
}

export async function memberPair(
  deps: { readonly pairs: Pick<RhythmPairRepository, 'get'>; readonly programmes: ProgrammeRepository },
  actor: Actor,
  programmeId: string,
  pairId: string,
): Promise<{ programme: Programme; pair: Pair }> {
  const pair = await deps.pairs.get(programmeId, pairId);
  if (!pair || pair.tenantId !== actor.tenantId || !isMember(pair, actor.userId)) throw notPairMember();
  const programme = (await deps.programmes.get(actor.tenantId, programmeId)).value;
  return { programme, pair };
}

/** The programme a pair belongs to, from the person's own memberships (the API names only the pair). */
export async function programmeOfMyPair(
  memberships: MembershipLookup,
  actor: Actor,
  pairId: string,
): Promise<string> {
  const mine = (await memberships.list(actor.tenantId, actor.userId)).find((m) => m.pairId === pairId);
  if (!mine) throw notPairMember();
  return mine.programmeId;
}
