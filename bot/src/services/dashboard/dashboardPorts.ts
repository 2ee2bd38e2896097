/**
 * What the dashboard reads: each kind of a programme's data, all of it,
 * from the programme's own partition page by page (never one read per pair).
 */
import type { DashboardMeetingInput, DashboardPairInput } from '../../domain/dashboard/buildDashboard';
import type { Volunteer } from '../../domain/programme/volunteer';
import type { Evaluation } from '../../domain/rhythm/evaluation';
import type { Learning } from '../../domain/rhythm/learning';

export type PartitionReader<T> = (programmeId: string) => Promise<readonly T[]>;

export interface DashboardSources {
  readonly volunteers: PartitionReader<Pick<Volunteer, 'userId' | 'role' | 'status'>>;
  readonly pairs: PartitionReader<DashboardPairInput>;
  readonly meetings: PartitionReader<DashboardMeetingInput>;
  readonly learnings: PartitionReader<Learning>;
  readonly evaluations: PartitionReader<Evaluation>;
}

/** One page of a partition, as the stores answer it. */
export type PageReader<T> = (
  continuationToken: string | undefined,
) => Promise<{ readonly items: readonly T[]; readonly continuationToken?: string }>;

/** Follows continuation tokens to the end: as many storage requests as pages. */
export async function readAllPages<T>(readPage: PageReader<T>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const page = await readPage(token);
    for (const item of page.items) out.push(item);
    token = page.continuationToken;
  } while (token);
  return out;
}
