/** Sends a supervisor the programme's weekly digest, built from the same figures as the dashboard. */
import type { Programme } from '../domain/programme/programme';
import type { DashboardService } from '../services/dashboard/dashboardService';
import type { DigestSender } from '../services/rhythm/dueHandlers';
import { weeklyDigestCard } from './cards/weeklyDigestCard';
import type { ProactiveNotifier } from './proactiveNotifier';

export class WeeklyDigests implements DigestSender {
  constructor(
    private readonly dashboards: Pick<DashboardService, 'dashboard'>,
    private readonly notifier: Pick<ProactiveNotifier, 'sendPersonal'>,
  ) {}

  async sendDigest(programme: Programme, recipientId: string): Promise<void> {
    // Read as the supervisor it goes to: the dashboard's own authorisation applies.
    const { dashboard } = await this.dashboards.dashboard(
      { tenantId: programme.tenantId, userId: recipientId, name: '' },
      programme.id,
    );
    const attention = dashboard.pairs
      .filter((p) => p.attention.length > 0)
      .map((p) => ({ names: p.members.map((m) => m.name), attention: p.attention }));
    await this.notifier.sendPersonal(programme, recipientId, (locale) =>
      weeklyDigestCard(programme.name, dashboard.figures, attention, locale),
    );
  }
}
