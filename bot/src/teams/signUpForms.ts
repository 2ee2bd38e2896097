/**
 * The sign-up form that Join on the channel's announcement opens in the
 * person's 1:1 chat. The click is answered at once: the form goes now if
 * Teams' pace has room, else it is stored as due work and the scheduler
 * sends it moments later, paced and retried, and taken over by another
 * instance if this one stops. A burst of Joins (an announcement read by a
 * whole unit at 9:00) never holds anyone's click behind Teams' 50 messages
 * a second, and no form is lost on the way.
 */
import { isSignUpOpen, type Programme } from '../domain/programme/programme';
import type { VolunteerRole } from '../domain/programme/vocabulary';
import type { Volunteer } from '../domain/programme/volunteer';
import type { DueItem } from '../domain/rhythm/dueItem';
import type { Locale } from '../i18n/locale';
import type { ProgrammeRepository, VolunteerRepository } from '../services/programmes/ports';
import type { AdaptiveCard } from './cards/adaptiveCard';
import { signUpClosedCard } from './cards/signUpClosedCard';
import { signUpFormCard } from './cards/signUpFormCard';
import { signUpStateCard } from './cards/signUpStateCard';
import type { ProactiveNotifier } from './proactiveNotifier';

/** What Join shows: the form (with what is saved), the pair already formed, or that sign-up has closed. */
export function signUpFormView(
  programme: Programme,
  mine: Volunteer | undefined,
  role: VolunteerRole,
  now: Date,
): (locale: Locale) => AdaptiveCard {
  if (mine?.status === 'paired') return (l) => signUpStateCard(programme, mine, l);
  if (!isSignUpOpen(programme, now)) return (l) => signUpClosedCard(programme, l);
  return (l) => signUpFormCard(programme, role, mine?.status === 'active' ? mine : undefined, l);
}

export interface SignUpFormDeps {
  readonly programmes: Pick<ProgrammeRepository, 'get'>;
  readonly volunteers: Pick<VolunteerRepository, 'find'>;
  readonly notifier: Pick<ProactiveNotifier, 'sendPersonal' | 'trySendPersonal'>;
  readonly due: { schedule(items: readonly DueItem[]): Promise<void> };
  /** Asks the scheduler for a tick now rather than at its next interval. */
  readonly wake: () => void;
  readonly now: () => Date;
}

export class SignUpForms {
  constructor(private readonly deps: SignUpFormDeps) {}

  /** From the click, with what it read: 'sent' if the form is in the chat now, 'queued' if it follows shortly. */
  async open(
    programme: Programme,
    mine: Volunteer | undefined,
    userId: string,
    role: VolunteerRole,
  ): Promise<'sent' | 'queued'> {
    const view = signUpFormView(programme, mine, role, this.deps.now());
    if (await this.deps.notifier.trySendPersonal(programme, userId, view)) return 'sent';
    await this.deps.due.schedule([
      {
        kind: 'signup.form',
        tenantId: programme.tenantId,
        programmeId: programme.id,
        recipientId: userId,
        role,
        dueAt: this.deps.now().getTime(),
      },
    ]);
    this.deps.wake();
    return 'queued';
  }

  /** From the scheduler: the form as things are now (the person may have signed up meanwhile, or sign-up closed). */
  async deliver(item: DueItem): Promise<void> {
    const { recipientId, role } = item;
    if (!recipientId || !role) return;
    const [{ value: programme }, mine] = await Promise.all([
      this.deps.programmes.get(item.tenantId, item.programmeId),
      this.deps.volunteers.find(item.programmeId, recipientId),
    ]);
    await this.deps.notifier.sendPersonal(
      programme,
      recipientId,
      signUpFormView(programme, mine?.value, role, this.deps.now()),
    );
  }
}
