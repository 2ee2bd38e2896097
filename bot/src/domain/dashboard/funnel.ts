/**
 * The programme's funnel in people: volunteered → paired → in a pair whose
 * agreement came into force → in a pair that chose to continue at the
 * checkpoint. Each stage is a subset of the one before, so the counts never grow.
 */
import type { Pair } from '../programme/pair';
import type { Volunteer } from '../programme/volunteer';
import { agreementInForce } from './attention';

export const FUNNEL_STAGES = ['volunteered', 'paired', 'agreement-in-force', 'continued'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export interface FunnelCount {
  readonly stage: FunnelStage;
  readonly people: number;
}

export function funnel(
  volunteers: readonly Pick<Volunteer, 'userId' | 'status'>[],
  pairs: readonly Pick<Pair, 'mentorId' | 'aktoriIds' | 'agreement' | 'checkpoint'>[],
): FunnelCount[] {
  const paired = new Set<string>();
  const agreed = new Set<string>();
  const continued = new Set<string>();
  for (const p of pairs) {
    const members = [p.mentorId, ...p.aktoriIds];
    // A checkpoint is only reached under an agreement in force, even if the agreement is reopened since.
    const reachedAgreement = agreementInForce(p) || p.checkpoint?.outcome !== undefined;
    for (const id of members) {
      paired.add(id);
      if (reachedAgreement) agreed.add(id);
      if (p.checkpoint?.outcome === 'continued') continued.add(id);
    }
  }
  // Everyone paired volunteered, even if their sign-up row is missing or damaged.
  const volunteered = new Set(paired);
  for (const v of volunteers) if (v.status !== 'withdrawn') volunteered.add(v.userId);
  return [
    { stage: 'volunteered', people: volunteered.size },
    { stage: 'paired', people: paired.size },
    { stage: 'agreement-in-force', people: agreed.size },
    { stage: 'continued', people: continued.size },
  ];
}
