/**
 * Creating, editing, reading and announcing programmes. Every operation
 * checks the actor's role in the programme first; a refusal changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { PolkuError, ValidationError } from '../../domain/errors';
import { parseProgrammeSettings } from '../../domain/programme/parseProgrammeSettings';
import { type ChannelRef, canManage, type Programme } from '../../domain/programme/programme';
import { countVolunteers } from '../../domain/programme/volunteer';
import { field, object } from '../../domain/validate';
import type { Locale } from '../../i18n/locale';
import type { Actor } from '../actor';
import type {
  AccessRepository,
  ProgrammeNotifier,
  ProgrammeRepository,
  Versioned,
  VolunteerCounts,
  VolunteerRepository,
} from './ports';

export interface ProgrammeServiceDeps {
  readonly programmes: ProgrammeRepository;
  readonly volunteers: VolunteerRepository;
  readonly access: AccessRepository;
  readonly notifier: ProgrammeNotifier;
  readonly now: () => Date;
  readonly onNotifyError?: (err: unknown, what: string) => void;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_COORDINATORS = 10;

export class ProgrammeService {
  constructor(private readonly deps: ProgrammeServiceDeps) {}

  async create(
    actor: Actor,
    raw: unknown,
    options: { channel?: ChannelRef; locale: Locale },
  ): Promise<Versioned<Programme>> {
    const now = this.deps.now();
    const settings = parseProgrammeSettings(raw, now, { language: options.locale });
    const channel = options.channel;
    const coordinators = parseCoordinators(raw, actor.userId) ?? [];
    const at = now.toISOString();
    const programme: Programme = {
      ...settings,
      id: randomUUID(),
      tenantId: actor.tenantId,
      owners: [actor.userId],
      coordinators,
      channel,
      announcement: undefined,
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
    };
    const created = await this.deps.programmes.create(programme);
    await this.grantManagers(programme);
    return created;
  }

  /** Replaces the settings if nobody changed the programme since `etag`. */
  async update(actor: Actor, programmeId: string, raw: unknown, etag: string): Promise<Versioned<Programme>> {
    const current = await this.getManaged(actor, programmeId);
    if (current.etag !== etag) throw new PolkuError('changed', 'The programme was changed by someone else');
    const settings = parseProgrammeSettings(raw, this.deps.now(), current.value);
    const next: Programme = {
      ...current.value,
      ...settings,
      coordinators: parseCoordinators(raw, undefined) ?? current.value.coordinators,
      updatedAt: this.deps.now().toISOString(),
    };
    const saved = await this.deps.programmes.replace(next, etag);
    await this.grantManagers(next);
    // The posted announcement shows the settings; keep it true. Telling is best-effort: the edit is saved.
    if (next.announcement) {
      await this.deps.notifier
        .updateAnnouncement(next, await this.counts(next.id))
        .catch((err: unknown) => this.deps.onNotifyError?.(err, 'update announcement after edit'));
    }
    return saved;
  }

  /** Managers see everything; volunteers see the programme itself (never the other volunteers). */
  async get(
    actor: Actor,
    programmeId: string,
  ): Promise<{ programme: Versioned<Programme>; canManage: boolean }> {
    const programme = await this.deps.programmes.get(actor.tenantId, programmeId);
    if (canManage(programme.value, actor.userId)) return { programme, canManage: true };
    const mine = await this.deps.volunteers.find(programmeId, actor.userId);
    if (!mine)
      throw new PolkuError(
        'forbidden',
        'Only the programme’s owners, coordinators and volunteers can see it',
      );
    return { programme, canManage: false };
  }

  /** Loads a programme in the actor's tenant without a role check: for flows that check their own rules. */
  async programmeOf(tenantId: string, programmeId: string): Promise<Versioned<Programme>> {
    return this.deps.programmes.get(tenantId, programmeId);
  }

  /** Loads a programme the actor manages, or refuses. */
  async getManaged(actor: Actor, programmeId: string): Promise<Versioned<Programme>> {
    const programme = await this.deps.programmes.get(actor.tenantId, programmeId);
    if (!canManage(programme.value, actor.userId)) {
      throw new PolkuError('forbidden', 'Only the programme’s owners and coordinators can do this', {
        code: 'not_programme_manager',
      });
    }
    return programme;
  }

  async counts(programmeId: string): Promise<VolunteerCounts> {
    return countVolunteers(await this.deps.volunteers.roles(programmeId));
  }

  /**
   * Posts the announcement card to the programme's channel (or the given one,
   * which then becomes the programme's channel) and remembers the card.
   */
  async announce(actor: Actor, programmeId: string, channel?: ChannelRef): Promise<Versioned<Programme>> {
    const current = await this.getManaged(actor, programmeId);
    const target = channel ?? current.value.channel;
    if (!target) {
      throw new ValidationError(
        'The programme has no channel yet: announce it from a team channel with @Polku',
        {
          field: 'channel',
          rule: 'required',
        },
      );
    }
    const withChannel: Programme = { ...current.value, channel: target };
    const posted = await this.deps.notifier.postAnnouncement(withChannel, await this.counts(programmeId));
    const next: Programme = {
      ...withChannel,
      announcement: posted,
      updatedAt: this.deps.now().toISOString(),
    };
    return this.replaceWithRetry(next, current.etag, (latest) => ({
      ...latest,
      channel: target,
      announcement: posted,
    }));
  }

  /**
   * Writes a change that must not be lost to a concurrent edit of other
   * fields: on a conflict it re-reads and re-applies the change.
   */
  private async replaceWithRetry(
    next: Programme,
    etag: string,
    reapply: (latest: Programme) => Programme,
  ): Promise<Versioned<Programme>> {
    try {
      return await this.deps.programmes.replace(next, etag);
    } catch (err) {
      if (!(err instanceof PolkuError) || err.kind !== 'changed') throw err;
      const latest = await this.deps.programmes.get(next.tenantId, next.id);
      return this.deps.programmes.replace(reapply(latest.value), latest.etag);
    }
  }

  private async grantManagers(p: Programme): Promise<void> {
    await Promise.all([
      ...p.owners.map((userId) =>
        this.deps.access.grant(p.tenantId, userId, { programmeId: p.id, name: p.name, role: 'owner' }),
      ),
      ...p.coordinators
        .filter((userId) => !p.owners.includes(userId))
        .map((userId) =>
          this.deps.access.grant(p.tenantId, userId, {
            programmeId: p.id,
            name: p.name,
            role: 'coordinator',
          }),
        ),
    ]);
  }
}

/** Coordinators are given as Entra object ids; absent means "no change" on update and "none" on create. */
function parseCoordinators(raw: unknown, creator: string | undefined): string[] | undefined {
  const value = field(object(raw), 'coordinators');
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > MAX_COORDINATORS) {
    throw new ValidationError(`coordinators must be a list of at most ${MAX_COORDINATORS} people`, {
      field: 'coordinators',
      rule: 'too-many',
      limit: MAX_COORDINATORS,
    });
  }
  for (const id of value) {
    if (typeof id !== 'string' || !GUID.test(id)) {
      throw new ValidationError('coordinators must be Entra object ids', {
        field: 'coordinators',
        rule: 'format',
      });
    }
  }
  return [...new Set(value as string[])].filter((id) => id !== creator);
}
