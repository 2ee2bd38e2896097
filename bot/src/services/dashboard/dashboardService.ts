/**
 * The supervisor's dashboard: only a programme's owners and coordinators get
 * it (the programme is looked up in the caller's own tenant, so an id from
 * elsewhere is simply not found). The five kinds are read in parallel, each
 * as a paged partition query, then computed in the pure domain.
 */
import { buildDashboard, type Dashboard } from '../../domain/dashboard/buildDashboard';
import type { Programme } from '../../domain/programme/programme';
import type { Actor } from '../actor';
import type { ProgrammeService } from '../programmes/programmeService';
import type { DashboardSources } from './dashboardPorts';

export interface DashboardServiceDeps {
  readonly programmes: Pick<ProgrammeService, 'getManaged'>;
  readonly sources: DashboardSources;
  readonly now: () => Date;
}

export interface ProgrammeDashboard {
  readonly programme: Programme;
  readonly dashboard: Dashboard;
  readonly generatedAt: Date;
}

export class DashboardService {
  constructor(private readonly deps: DashboardServiceDeps) {}

  async dashboard(actor: Actor, programmeId: string): Promise<ProgrammeDashboard> {
    const programme = (await this.deps.programmes.getManaged(actor, programmeId)).value;
    const s = this.deps.sources;
    const [volunteers, pairs, meetings, learnings, evaluations] = await Promise.all([
      s.volunteers(programme.id),
      s.pairs(programme.id),
      s.meetings(programme.id),
      s.learnings(programme.id),
      s.evaluations(programme.id),
    ]);
    const generatedAt = this.deps.now();
    return {
      programme,
      generatedAt,
      dashboard: buildDashboard(
        { programme, volunteers, pairs, meetings, learnings, evaluations },
        generatedAt,
      ),
    };
  }
}
