/**
 * "My mentoring": the signed-in person's pairs and each pair's agreement.
 * Answers are checked for what the pages rely on; optional text the server
 * leaves out becomes empty, never `undefined` deep in a page.
 */
import {
  AGREEMENT_STATUSES,
  type Agreement,
  type AgreementMember,
  type AgreementStatus,
  type AgreementTerms,
  type AgreementVersion,
  type Duration,
  type Goal,
  type MyPair,
} from './agreementTypes';
import { badResponse, type Call, isRecord, isStringArray } from './http';

export interface AgreementApi {
  myPairs(): Promise<readonly MyPair[]>;
  /** 403 (`not_pair_member`) for anyone outside the pair, supervisors included. */
  agreement(pairId: string): Promise<Agreement>;
}

export function agreementApi(call: Call): AgreementApi {
  return {
    async myPairs() {
      const p = await call('GET', '/me/pairs');
      if (!isRecord(p) || !Array.isArray(p.items)) throw badResponse('/me/pairs', 'items');
      return p.items.map(myPair);
    },
    async agreement(pairId) {
      const path = '/pairs/:pairId/agreement';
      const p = await call('GET', `/pairs/${encodeURIComponent(pairId)}/agreement`);
      if (
        !isRecord(p) ||
        typeof p.pairId !== 'string' ||
        !isRecord(p.programme) ||
        typeof p.programme.id !== 'string' ||
        typeof p.programme.name !== 'string' ||
        !Array.isArray(p.members) ||
        typeof p.version !== 'number'
      ) {
        throw badResponse(path, 'pairId/programme/members/version');
      }
      const inForce = isRecord(p.inForce)
        ? {
            version: Number(p.inForce.version) || 0,
            at: String(p.inForce.at ?? ''),
            terms: terms(p.inForce.terms, path),
          }
        : null;
      return {
        pairId: p.pairId,
        programme: { id: p.programme.id, name: p.programme.name, form: String(p.programme.form ?? '') },
        members: p.members.map((m) => member(m, path)),
        status: status(p.status, path),
        version: p.version,
        terms: terms(p.terms, path),
        inForce,
        history: (Array.isArray(p.history) ? p.history : []).map((h) => version(h, path)),
      };
    },
  };
}

function status(s: unknown, path: string): AgreementStatus {
  if (!(AGREEMENT_STATUSES as readonly unknown[]).includes(s)) throw badResponse(path, 'status');
  return s as AgreementStatus;
}

function myPair(p: unknown): MyPair {
  if (
    !isRecord(p) ||
    typeof p.pairId !== 'string' ||
    typeof p.programmeId !== 'string' ||
    (p.role !== 'mentor' && p.role !== 'aktori') ||
    !isStringArray(p.partnerIds)
  ) {
    throw badResponse('/me/pairs', 'items[]');
  }
  return {
    pairId: p.pairId,
    programmeId: p.programmeId,
    programmeName: typeof p.programmeName === 'string' ? p.programmeName : '',
    role: p.role,
    partnerIds: p.partnerIds,
    partnerNames: isStringArray(p.partnerNames) ? p.partnerNames : [],
    status: status(p.status, '/me/pairs'),
  };
}

function member(m: unknown, path: string): AgreementMember {
  if (!isRecord(m) || typeof m.id !== 'string' || (m.role !== 'mentor' && m.role !== 'aktori')) {
    throw badResponse(path, 'members[]');
  }
  return {
    id: m.id,
    name: typeof m.name === 'string' ? m.name : '',
    role: m.role,
    acceptedVersion: typeof m.acceptedVersion === 'number' ? m.acceptedVersion : null,
  };
}

function version(h: unknown, path: string): AgreementVersion {
  if (!isRecord(h) || typeof h.version !== 'number') throw badResponse(path, 'history[]');
  const acceptedBy = isRecord(h.acceptedBy)
    ? Object.fromEntries(Object.entries(h.acceptedBy).map(([id, at]) => [id, String(at)]))
    : {};
  return {
    version: h.version,
    terms: terms(h.terms, path),
    proposedBy: typeof h.proposedBy === 'string' ? h.proposedBy : '',
    at: typeof h.at === 'string' ? h.at : '',
    acceptedBy,
  };
}

function terms(t: unknown, path: string): AgreementTerms {
  if (!isRecord(t)) throw badResponse(path, 'terms');
  const roles = isRecord(t.roles)
    ? Object.fromEntries(
        Object.entries(t.roles).filter((e): e is [string, string] => typeof e[1] === 'string'),
      )
    : {};
  return {
    duration: duration(t.duration, path),
    checkpoint: t.checkpoint === true,
    cadenceWeeks: Number(t.cadenceWeeks) || 0,
    meetingMinutes: Number(t.meetingMinutes) || 0,
    place: typeof t.place === 'string' ? t.place : '',
    preparation: typeof t.preparation === 'string' ? t.preparation : '',
    betweenMeetings: typeof t.betweenMeetings === 'string' ? t.betweenMeetings : '',
    noticeHours: Number(t.noticeHours) || 0,
    sharing: isStringArray(t.sharing) ? t.sharing : [],
    goals: (Array.isArray(t.goals) ? t.goals : []).map((g) => goal(g, path)),
    roles,
  };
}

function duration(d: unknown, path: string): Duration {
  if (isRecord(d) && d.kind === 'until' && typeof d.endDate === 'string') {
    return { kind: 'until', endDate: d.endDate };
  }
  if (isRecord(d) && d.kind === 'meetings') return { kind: 'meetings', meetings: Number(d.meetings) || 0 };
  throw badResponse(path, 'terms.duration');
}

function goal(g: unknown, path: string): Goal {
  if (!isRecord(g) || typeof g.text !== 'string') throw badResponse(path, 'terms.goals[]');
  return { text: g.text, tags: isStringArray(g.tags) ? g.tags : [] };
}
