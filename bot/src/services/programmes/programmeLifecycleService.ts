/**
 * The end of a programme: an owner closes it (no more sign-ups, no new
 * pairs; pairs already meeting carry on), and once it is closed may delete
 * everything Polku holds for it. Only owners: coordinators run a programme
 * day to day, but ending it and erasing its history is the supervisor's
 * call. Every refusal comes before anything changes.
 */
import { ChangedError, NotFoundError, PolkuError } from '../../domain/errors';
import { isOwner, type Programme } from '../../domain/programme/programme';
import { field, object, text } from '../../domain/validate';
import type { Actor } from '../actor';
import type { ProgrammeNotifier, ProgrammeRepository, Versioned, VolunteerCounts } from './ports';

/** Rows deleted, by table. */
export type PurgeCounts = Readonly<Record<string, number>>;

/** Deletes a programme's rows; implemented over Azure Tables by store/programmePurge.ts. */
export interface ProgrammeDataEraser {
  /**
   * Deletes every row of the programme except the programme row itself, in
   * an order that lets a run that stopped half way be finished by running
   * it again (the rows that lead to others go last).
   */
  eraseRows(programme: Programme): Promise<PurgeCounts>;
  /** The programme row, last: while it is there, the purge can be run again. */
  deleteProgramme(tenantId: string, programmeId: string): Promise<void>;
}

export interface ProgrammeLifecycleDeps {
  readonly programmes: ProgrammeRepository;
  readonly eraser: ProgrammeDataEraser;
  readonly notifier: Pick<ProgrammeNotifier, 'updateAnnouncement'>;
  readonly counts: (programmeId: string) => Promise<VolunteerCounts>;
  readonly now: () => Date;
  readonly onNotifyError?: (err: unknown, what: string) => void;
}

const ATTEMPTS = 5;
/** Longer than any programme name the settings allow, short enough to refuse junk. */
const MAX_CONFIRM_CHARS = 500;

export class ProgrammeLifecycleService {
  constructor(private readonly deps: ProgrammeLifecycleDeps) {}

  /**
   * Closes the programme. Closing a closed programme changes nothing and
   * answers the same; the announcement is refreshed either way, so a card
   * a failed first attempt left showing "join" is put right by a retry.
   */
  async close(actor: Actor, programmeId: string): Promise<Versioned<Programme>> {
    let current = await this.owned(actor, programmeId);
    for (let attempt = 1; !current.value.closedAt; attempt++) {
      const at = this.deps.now().toISOString();
      try {
        current = await this.deps.programmes.replace(
          { ...current.value, closedAt: at, updatedAt: at },
          current.etag,
        );
      } catch (err) {
        // Someone edited the programme meanwhile: close what is there now (their edit is kept).
        if (!(err instanceof ChangedError) || attempt >= ATTEMPTS) throw err;
        current = await this.owned(actor, programmeId);
      }
    }
    const closed = current.value;
    if (closed.announcement) {
      // The close is saved; telling the channel is best-effort, like every announcement update.
      await this.deps
        .counts(closed.id)
        .then((counts) => this.deps.notifier.updateAnnouncement(closed, counts))
        .catch((err: unknown) => this.deps.onNotifyError?.(err, 'update announcement after close'));
    }
    return current;
  }

  /**
   * Deletes everything Polku holds for a closed programme. `raw` must name
   * the programme exactly ({confirmName}), so a slip cannot delete one.
   * Calendar events already booked are the people's own and stay.
   */
  async purge(actor: Actor, programmeId: string, raw: unknown): Promise<PurgeCounts> {
    const body = raw === undefined ? {} : object(raw);
    const { value: programme } = await this.owned(actor, programmeId);
    if (!programme.closedAt) {
      throw new PolkuError('conflict', 'Close the programme before deleting its data', {
        code: 'programme_not_closed',
      });
    }
    const confirmName = text(field(body, 'confirmName'), 'confirmName', {
      max: MAX_CONFIRM_CHARS,
      required: true,
    });
    if (!sameName(confirmName, programme.name)) {
      throw new PolkuError('invalid', 'Type the programme’s name exactly to confirm', {
        code: 'confirm_name_mismatch',
      });
    }
    const counts = await this.deps.eraser.eraseRows(programme);
    await this.deps.eraser.deleteProgramme(programme.tenantId, programme.id);
    return { ...counts, programmes: 1 };
  }

  /** The programme, if the actor owns it: 404 when it is not there (in their tenant), 403 when not theirs. */
  private async owned(actor: Actor, programmeId: string): Promise<Versioned<Programme>> {
    const found = await this.deps.programmes.get(actor.tenantId, programmeId).catch((err: unknown) => {
      if (err instanceof NotFoundError) {
        throw new PolkuError('not_found', 'There is no such programme (it may have been deleted already)', {
          code: 'programme_not_found',
        });
      }
      throw err;
    });
    if (!isOwner(found.value, actor.userId)) {
      throw new PolkuError('forbidden', 'Only the programme’s owners can close it or delete its data', {
        code: 'not_programme_owner',
      });
    }
    return found;
  }
}

/** The same name as a person sees it: surrounding spaces and Unicode composition do not count. */
function sameName(typed: string, name: string): boolean {
  return typed.trim().normalize('NFC') === name.trim().normalize('NFC');
}
