/**
 * Volunteering: signing up, changing one's sign-up and withdrawing. Signing
 * up twice updates the same row; after pairing or the deadline, nothing
 * changes and the person is told why.
 */
import { ConflictError, PolkuError } from '../../domain/errors';
import { isSignUpOpen, type Programme } from '../../domain/programme/programme';
import {
  parseVolunteerProfile,
  type Volunteer,
  type VolunteerProfile,
} from '../../domain/programme/volunteer';
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
  /** Leaves a refresh of the announcement's counts to the scheduler (it coalesces them). */
  readonly refreshAnnouncementLater?: (programme: Programme) => Promise<void>;
}

export type SignUpOutcome = 'created' | 'updated' | 'unchanged' | 'withdrawn';

export class SignUpService {
  constructor(private readonly deps: SignUpServiceDeps) {}

  async programmeFor(actor: Actor, programmeId: string): Promise<Programme> {
    return (await this.deps.programmes.get(actor.tenantId, programmeId)).value;
  }

  async mine(actor: Actor, programmeId: string): Promise<Versioned<Volunteer> | undefined> {
    return this.deps.volunteers.find(programmeId, actor.userId);
  }

  /**
   * `known` is the programme when the caller already read it in this request
   * (the card action needs it for its answer): one storage read fewer, the
   * same checks. `answeredInPlace`: the person saved from the form in their
   * own 1:1 chat and the card there becomes the confirmation, so no second
   * message is sent. `shown`: the saved sign-up's updatedAt the form showed
   * ('' for none), so a late copy of an older form's click cannot overwrite a
   * newer save (Teams may deliver a click again, after a newer one).
   */
  async signUp(
    actor: Actor,
    programmeId: string,
    raw: unknown,
    known?: Programme,
    options: { readonly answeredInPlace?: boolean; readonly shown?: string } = {},
  ): Promise<{ volunteer: Volunteer; outcome: SignUpOutcome }> {
    const programme =
      this.sameProgramme(actor, programmeId, known) ?? (await this.programmeFor(actor, programmeId));
    const now = this.deps.now();
    if (!isSignUpOpen(programme, now)) {
      throw new PolkuError('conflict', 'Sign-up for this programme has closed', { code: 'sign_up_closed' });
    }
    const profile = parseVolunteerProfile(raw, programme);
    const { saved, outcome } = await this.save(actor, programmeId, profile, now.toISOString(), options.shown);
    // The programme in the person's list in the tab. Granted on a repeat too: a repeat may be the retry of
    // a save whose grant failed, and the grant is one idempotent write.
    const grant = this.deps.access.grant(actor.tenantId, actor.userId, {
      programmeId,
      name: programme.name,
      role: accessRole(programme, actor.userId),
    });
    // A repeat of what is saved (a double click, Teams resending the click) tells nobody.
    if (outcome === 'unchanged') {
      await grant;
      return { volunteer: saved.value, outcome };
    }
    // The access and the news of the sign-up do not depend on each other: side by side.
    await Promise.all([grant, this.afterChange(programme, saved.value, options.answeredInPlace === true)]);
    return { volunteer: saved.value, outcome };
  }

  /**
   * Most saves are a first sign-up, so the row is created without looking
   * first (one request, not two). When it exists — a change, a double click,
   * a retried invoke — it is read and replaced only if unchanged since.
   */
  private async save(
    actor: Actor,
    programmeId: string,
    profile: VolunteerProfile,
    at: string,
    shown?: string,
  ): Promise<{ saved: Versioned<Volunteer>; outcome: SignUpOutcome }> {
    for (let attempt = 1; ; attempt++) {
      try {
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
        return { saved: await this.deps.volunteers.create(volunteer), outcome: 'created' };
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
      }
      const existing = await this.deps.volunteers.find(programmeId, actor.userId);
      // Gone between the two requests (the person's data was erased): create it again, a few times at most.
      if (!existing) {
        if (attempt < 3) continue;
        throw new ConflictError('Volunteer');
      }
      assertNotPaired(existing.value);
      if (existing.value.status === 'active') {
        if (sameProfile(existing.value, profile)) return { saved: existing, outcome: 'unchanged' };
        if (shown !== undefined && shown !== existing.value.updatedAt) {
          throw new PolkuError('changed', 'The sign-up was saved again after this form was shown', {
            code: 'sign_up_changed',
          });
        }
      }
      const volunteer: Volunteer = {
        ...existing.value,
        ...profile,
        name: actor.name,
        ...(actor.email ? { email: actor.email } : {}),
        status: 'active',
        updatedAt: at,
      };
      return { saved: await this.deps.volunteers.replace(volunteer, existing.etag), outcome: 'updated' };
    }
  }

  /** `known`: as for signUp, the programme this request already read. */
  async withdraw(actor: Actor, programmeId: string, known?: Programme): Promise<Volunteer | undefined> {
    const programme =
      this.sameProgramme(actor, programmeId, known) ?? (await this.programmeFor(actor, programmeId));
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

  /** A programme the caller read in this request, if it is the one asked for in the actor's tenant. */
  private sameProgramme(actor: Actor, programmeId: string, known?: Programme): Programme | undefined {
    return known?.id === programmeId && known.tenantId === actor.tenantId ? known : undefined;
  }

  /** The sign-up is saved; telling people about it must not undo it, so failures are logged, not thrown. */
  private async afterChange(
    programme: Programme,
    volunteer: Volunteer,
    answeredInPlace = false,
  ): Promise<void> {
    const tasks: Promise<void>[] = answeredInPlace
      ? []
      : [
          this.deps.notifier
            .confirmSignUp(programme, volunteer)
            .catch((err: unknown) => this.deps.onNotifyError(err, 'confirm sign-up')),
        ];
    if (programme.announcement) {
      // Teams takes about 7 messages a second into one channel: during a burst of sign-ups the refresh
      // waits for the scheduler, which makes one of many (the counts are read when it runs).
      const counts = () => this.deps.programmeService.counts(programme.id);
      tasks.push(
        this.deps.notifier
          .updateAnnouncementIfFree(programme, counts)
          .then(async (done) => {
            if (done) return;
            if (this.deps.refreshAnnouncementLater) await this.deps.refreshAnnouncementLater(programme);
            else await this.deps.notifier.updateAnnouncement(programme, await counts());
          })
          .catch((err: unknown) => this.deps.onNotifyError(err, 'update announcement counts')),
      );
    }
    await Promise.all(tasks);
  }
}

/** Signing up never makes the programme's owner or coordinator a mere participant in their own list. */
function accessRole(programme: Programme, userId: string): 'owner' | 'coordinator' | 'participant' {
  if (programme.owners.includes(userId)) return 'owner';
  if (programme.coordinators.includes(userId)) return 'coordinator';
  return 'participant';
}

function sameProfile(v: Volunteer, p: VolunteerProfile): boolean {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((x, i) => x === b[i]);
  return (
    v.role === p.role &&
    same(v.offers, p.offers) &&
    same(v.wants, p.wants) &&
    v.unit === p.unit &&
    same(v.languages, p.languages) &&
    v.capacity === p.capacity &&
    v.note === p.note
  );
}

function assertNotPaired(v: Volunteer): void {
  if (v.status === 'paired' || v.pairIds.length > 0) {
    throw new PolkuError('conflict', 'You are already paired in this programme', { code: 'already_paired' });
  }
}
