/**
 * Volunteering: signing up, changing one's sign-up and withdrawing. Signing
 * up twice updates the same row; after pairing or the deadline, nothing
 * changes and the person is told why.
 */
import { ConflictError, PolkuError } from '../../domain/errors';
import { isSignUpOpen, type Programme } from '../../domain/programme/programme';
import { parseVolunteerProfile, type Volunteer } from '../../domain/programme/volunteer';
import type { Actor } from '../actor';
import type {
  AccessRepository,
  ProgrammeNotifier,
  ProgrammeRepository,
  Versioned,
  VolunteerRepository,
} from './ports';
import type { ProgrammeService } from './programmeService';

export interface SignUpServiceDeps {
  readonly programmes: ProgrammeRepository;
  readonly volunteers: VolunteerRepository;
  readonly access: AccessRepository;
  readonly notifier: ProgrammeNotifier;
  readonly programmeService: ProgrammeService;
  readonly now: () => Date;
  readonly onNotifyError: (err: unknown, what: string) => void;
}

export type SignUpOutcome = 'created' | 'updated' | 'withdrawn';

export class SignUpService {
  constructor(private readonly deps: SignUpServiceDeps) {}

  async programmeFor(actor: Actor, programmeId: string): Promise<Programme> {
    return (await this.deps.programmes.get(actor.tenantId, programmeId)).value;
  }

  async mine(actor: Actor, programmeId: string): Promise<Versioned<Volunteer> | undefined> {
    return this.deps.volunteers.find(programmeId, actor.userId);
  }

  async signUp(
    actor: Actor,
    programmeId: string,
    raw: unknown,
  ): Promise<{ volunteer: Volunteer; outcome: SignUpOutcome }> {
    const programme = await this.programmeFor(actor, programmeId);
    const now = this.deps.now();
    if (!isSignUpOpen(programme, now)) {
      throw new PolkuError('conflict', 'Sign-up for this programme has closed', { code: 'sign_up_closed' });
    }
    const profile = parseVolunteerProfile(raw, programme);
    const at = now.toISOString();
    const existing = await this.deps.volunteers.find(programmeId, actor.userId);
    let saved: Versioned<Volunteer>;
    let outcome: SignUpOutcome;
    if (!existing) {
      const volunteer: Volunteer = {
        ...profile,
        programmeId,
        userId: actor.userId,
        name: actor.name,
        ...(actor.email ? { email: actor.email } : {}),
        status: 'active',
        pairIds: [],
        signedUpAt: at,
        updatedAt: at,
      };
      try {
        saved = await this.deps.volunteers.create(volunteer);
        outcome = 'created';
      } catch (err) {
        // A double click or a retried invoke got there first: the sign-up exists, so this is an update.
        if (!(err instanceof ConflictError)) throw err;
        return this.signUp(actor, programmeId, raw);
      }
    } else {
      assertNotPaired(existing.value);
      const volunteer: Volunteer = {
        ...existing.value,
        ...profile,
        name: actor.name,
        ...(actor.email ? { email: actor.email } : {}),
        status: 'active',
        updatedAt: at,
      };
      saved = await this.deps.volunteers.replace(volunteer, existing.etag);
      outcome = 'updated';
    }
    await this.deps.access.grant(actor.tenantId, actor.userId, {
      programmeId,
      name: programme.name,
      role: 'participant',
    });
    await this.afterChange(programme, saved.value);
    return { volunteer: saved.value, outcome };
  }

  async withdraw(actor: Actor, programmeId: string): Promise<Volunteer | undefined> {
    const programme = await this.programmeFor(actor, programmeId);
    const existing = await this.deps.volunteers.find(programmeId, actor.userId);
    if (!existing || existing.value.status === 'withdrawn') return existing?.value;
    assertNotPaired(existing.value);
    const volunteer: Volunteer = {
      ...existing.value,
      status: 'withdrawn',
      updatedAt: this.deps.now().toISOString(),
    };
    await this.deps.volunteers.replace(volunteer, existing.etag);
    await this.afterChange(programme, volunteer);
    return volunteer;
  }

  /** The sign-up is saved; telling people about it must not undo it, so failures are logged, not thrown. */
  private async afterChange(programme: Programme, volunteer: Volunteer): Promise<void> {
    const tasks: Promise<void>[] = [
      this.deps.notifier
        .confirmSignUp(programme, volunteer)
        .catch((err: unknown) => this.deps.onNotifyError(err, 'confirm sign-up')),
    ];
    if (programme.announcement) {
      tasks.push(
        this.deps.programmeService
          .counts(programme.id)
          .then((counts) => this.deps.notifier.updateAnnouncement(programme, counts))
          .catch((err: unknown) => this.deps.onNotifyError(err, 'update announcement counts')),
      );
    }
    await Promise.all(tasks);
  }
}

function assertNotPaired(v: Volunteer): void {
  if (v.status === 'paired' || v.pairIds.length > 0) {
    throw new PolkuError('conflict', 'You are already paired in this programme', { code: 'already_paired' });
  }
}
