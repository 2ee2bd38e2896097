/**
 * The programme endpoints. Each answer is checked for the fields the pages
 * rely on, so a server that answers something else fails here with a clear
 * error instead of deep inside a page.
 */
import { AGREEMENT_STATUSES, type AgreementStatus } from './agreementTypes';
import { badResponse, type Call, isRecord, isStringArray } from './http';
import type {
  Channel,
  ConfirmResult,
  Pair,
  PairAgreement,
  Programme,
  ProgrammeDetail,
  ProgrammeInput,
  ProposedPair,
  Saved,
  Suggestions,
  Volunteer,
} from './programmeTypes';

export interface ProgrammeApi {
  channels(): Promise<readonly Channel[]>;
  createProgramme(input: ProgrammeInput, lang: string): Promise<Saved>;
  programme(id: string): Promise<ProgrammeDetail>;
  updateProgramme(id: string, input: ProgrammeInput, etag: string): Promise<Saved>;
  announce(id: string, channelId?: string): Promise<Saved>;
  volunteers(id: string): Promise<readonly Volunteer[]>;
  suggestions(id: string, lang: string): Promise<Suggestions>;
  confirmPairs(
    id: string,
    pairs: readonly ProposedPair[],
    tellUnpaired: boolean,
  ): Promise<readonly ConfirmResult[]>;
  pairs(id: string): Promise<readonly Pair[]>;
}

export function programmeApi(call: Call): ProgrammeApi {
  const at = (id: string, rest = '') => `/programmes/${encodeURIComponent(id)}${rest}`;
  return {
    async channels() {
      return items(await call('GET', '/channels'), '/channels').map((c) => channel(c, '/channels'));
    },
    async createProgramme(input, lang) {
      return saved(await call('POST', `/programmes?lang=${encodeURIComponent(lang)}`, input), '/programmes');
    },
    async programme(id) {
      const p = await call('GET', at(id));
      const s = saved(p, '/programmes/:id');
      if (!isRecord(p) || typeof p.canManage !== 'boolean' || !isRecord(p.counts)) {
        throw badResponse('/programmes/:id', 'canManage/counts');
      }
      const mentors = Number(p.counts.mentors) || 0;
      const aktoris = Number(p.counts.aktoris) || 0;
      return { ...s, canManage: p.canManage, isOwner: p.isOwner === true, counts: { mentors, aktoris } };
    },
    async updateProgramme(id, input, etag) {
      return saved(await call('PUT', at(id), input, { 'If-Match': etag }), '/programmes/:id');
    },
    async announce(id, channelId) {
      const body = channelId ? { channel: { channelId } } : {};
      return saved(await call('POST', at(id, '/announce'), body), '/announce');
    },
    async volunteers(id) {
      return items(await call('GET', at(id, '/volunteers')), '/volunteers').map(volunteer);
    },
    async suggestions(id, lang) {
      const p = await call('GET', at(id, `/suggestions?lang=${encodeURIComponent(lang)}`));
      if (!isRecord(p) || !Array.isArray(p.suggestions) || !Array.isArray(p.unmatched)) {
        throw badResponse('/suggestions', 'suggestions/unmatched');
      }
      return {
        suggestions: p.suggestions.map((s) => {
          if (!isRecord(s) || typeof s.mentorId !== 'string' || !isStringArray(s.aktoriIds)) {
            throw badResponse('/suggestions', 'suggestions[]');
          }
          const explanation = typeof s.explanation === 'string' ? s.explanation : '';
          return { mentorId: s.mentorId, aktoriIds: s.aktoriIds, score: Number(s.score) || 0, explanation };
        }),
        unmatched: p.unmatched.map((u) => {
          if (!isRecord(u) || typeof u.id !== 'string') throw badResponse('/suggestions', 'unmatched[]');
          return { id: u.id, why: String(u.why ?? '') };
        }),
      };
    },
    async confirmPairs(id, pairs, tellUnpaired) {
      const p = await call('POST', at(id, '/pairs'), { pairs, tellUnpaired });
      if (!isRecord(p) || !Array.isArray(p.results)) throw badResponse('/pairs', 'results');
      return p.results.map((r): ConfirmResult => {
        if (!isRecord(r) || typeof r.mentorId !== 'string' || !isStringArray(r.aktoriIds)) {
          throw badResponse('/pairs', 'results[]');
        }
        if (r.status === 'formed') {
          const unreachable = isStringArray(r.unreachable) ? r.unreachable : [];
          return {
            status: 'formed',
            pairId: String(r.pairId),
            mentorId: r.mentorId,
            aktoriIds: r.aktoriIds,
            unreachable,
          };
        }
        return { status: 'refused', mentorId: r.mentorId, aktoriIds: r.aktoriIds, reason: String(r.reason) };
      });
    },
    async pairs(id) {
      return items(await call('GET', at(id, '/pairs')), '/pairs').map((p): Pair => {
        if (
          !isRecord(p) ||
          typeof p.id !== 'string' ||
          typeof p.mentorId !== 'string' ||
          !isStringArray(p.aktoriIds)
        ) {
          throw badResponse('/pairs', 'items[]');
        }
        const names = isRecord(p.names) ? (p.names as Record<string, string>) : {};
        return {
          id: p.id,
          mentorId: p.mentorId,
          aktoriIds: p.aktoriIds,
          names,
          status: String(p.status),
          formedAt: String(p.formedAt),
          agreement: pairAgreement(p.agreement),
        };
      });
    },
  };
}

/** An older server sends no agreement: the pair is then still agreeing, with no goals in force. */
function pairAgreement(a: unknown): PairAgreement {
  if (!isRecord(a)) return { status: 'drafting', goals: [], version: 0 };
  const status = (AGREEMENT_STATUSES as readonly unknown[]).includes(a.status)
    ? (a.status as AgreementStatus)
    : 'drafting';
  const cadenceWeeks = Number(a.cadenceWeeks);
  const meetingMinutes = Number(a.meetingMinutes);
  return {
    status,
    goals: isStringArray(a.goals) ? a.goals : [],
    version: Number(a.version) || 0,
    ...(cadenceWeeks > 0 && meetingMinutes > 0 ? { cadenceWeeks, meetingMinutes } : {}),
  };
}

function items(p: unknown, path: string): unknown[] {
  if (!isRecord(p) || !Array.isArray(p.items)) throw badResponse(path, 'items');
  return p.items;
}

function channel(c: unknown, path: string): Channel {
  if (!isRecord(c) || typeof c.teamId !== 'string' || typeof c.channelId !== 'string') {
    throw badResponse(path, 'channel');
  }
  return {
    teamId: c.teamId,
    channelId: c.channelId,
    teamName: typeof c.teamName === 'string' ? c.teamName : undefined,
    channelName: typeof c.channelName === 'string' ? c.channelName : undefined,
  };
}

/** A saved programme answer ({programme, etag}), checked. */
export function saved(p: unknown, path: string): Saved {
  if (!isRecord(p) || typeof p.etag !== 'string') throw badResponse(path, 'etag');
  return { programme: programme(p.programme, path), etag: p.etag };
}

function programme(p: unknown, path: string): Programme {
  if (
    !isRecord(p) ||
    typeof p.id !== 'string' ||
    typeof p.name !== 'string' ||
    !isRecord(p.mode) ||
    !isRecord(p.defaults) ||
    !isStringArray(p.aims) ||
    !isStringArray(p.competenceAreas)
  ) {
    throw badResponse(path, 'programme');
  }
  const raw = p as Record<string, unknown>;
  return {
    ...(raw as unknown as Programme),
    description: typeof p.description === 'string' ? p.description : '',
    signUpDeadline: typeof p.signUpDeadline === 'string' ? p.signUpDeadline : null,
    owners: isStringArray(p.owners) ? p.owners : [],
    coordinators: isStringArray(p.coordinators) ? p.coordinators : [],
    channel: p.channel ? channel(p.channel, path) : null,
    announced: p.announced === true,
    closedAt: typeof p.closedAt === 'string' ? p.closedAt : null,
  };
}

function volunteer(v: unknown): Volunteer {
  if (
    !isRecord(v) ||
    typeof v.userId !== 'string' ||
    typeof v.name !== 'string' ||
    (v.role !== 'mentor' && v.role !== 'aktori') ||
    (v.status !== 'active' && v.status !== 'withdrawn' && v.status !== 'paired')
  ) {
    throw badResponse('/volunteers', 'items[]');
  }
  return {
    userId: v.userId,
    name: v.name,
    role: v.role,
    status: v.status,
    offers: isStringArray(v.offers) ? v.offers : [],
    wants: isStringArray(v.wants) ? v.wants : [],
    unit: typeof v.unit === 'string' ? v.unit : '',
    languages: isStringArray(v.languages) ? v.languages : [],
    capacity: Number(v.capacity) || 1,
    note: typeof v.note === 'string' ? v.note : '',
    pairId: typeof v.pairId === 'string' ? v.pairId : null,
    signedUpAt: String(v.signedUpAt ?? ''),
  };
}
