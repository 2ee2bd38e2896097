/**
 * The programme API for the tab: create, read, edit and announce
 * programmes, see volunteers and suggestions, and confirm pairs. Roles come
 * from the programme itself (owners, coordinators); the services refuse
 * everyone else before anything changes.
 */
import type { Request, Server } from 'restify';
import { PolkuError, ValidationError } from '../domain/errors';
import type { Reason } from '../domain/matching/matchTypes';
import { type ChannelRef, isOwner, type Programme } from '../domain/programme/programme';
import { spareCapacity, type Volunteer } from '../domain/programme/volunteer';
import { field, object, text } from '../domain/validate';
import { type Locale, resolveLocale } from '../i18n/locale';
import { explainSuggestion, tagLabel } from '../i18n/reasonText';
import type { Logger } from '../logging';
import type { PairingService } from '../services/programmes/pairingService';
import type { ProgrammeService } from '../services/programmes/programmeService';
import { authenticatedRoute } from './authenticatedRoute';
import { sendJson } from './httpErrors';
import type { Authenticator, Principal } from './principal';

export interface ProgrammeRouteDeps {
  readonly authenticator: Authenticator;
  readonly programmes: ProgrammeService;
  readonly pairing: PairingService;
  /** Resolves a channel the tab names to one Polku is really installed in, or undefined. */
  readonly findChannel: (tenantId: string, channelId: string) => Promise<ChannelRef | undefined>;
  /** Channels Polku is installed in (where a programme can be announced). */
  readonly listChannels: (tenantId: string) => Promise<ChannelRef[]>;
  readonly logger: Logger;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerProgrammeRoutes(server: Server, deps: ProgrammeRouteDeps): void {
  const route = authenticatedRoute(deps);

  server.get(
    '/api/v1/channels',
    route(async (_req, res, me) => {
      sendJson(res, 200, { items: await deps.listChannels(me.tenantId) });
    }),
  );

  server.post(
    '/api/v1/programmes',
    route(async (req, res, me) => {
      const body = object(req.body);
      const channel = await channelFrom(deps, me, field(body, 'channel'));
      const created = await deps.programmes.create(me, body, {
        locale: localeOf(req),
        ...(channel ? { channel } : {}),
      });
      res.setHeader('etag', created.etag);
      sendJson(res, 201, { programme: programmeJson(created.value), etag: created.etag });
    }),
  );

  server.get(
    '/api/v1/programmes/:programmeId',
    route(async (req, res, me) => {
      const { programme, canManage } = await deps.programmes.get(me, programmeIdOf(req));
      const counts = await deps.programmes.counts(programme.value.id);
      res.setHeader('etag', programme.etag);
      sendJson(res, 200, {
        programme: programmeJson(programme.value),
        etag: programme.etag,
        canManage,
        // Only owners close a programme and delete its data; the tab offers it to them alone.
        isOwner: isOwner(programme.value, me.userId),
        counts,
      });
    }),
  );

  server.put(
    '/api/v1/programmes/:programmeId',
    route(async (req, res, me) => {
      const etag = req.header('if-match');
      if (!etag)
        throw new PolkuError('invalid', 'Send If-Match with the ETag you read', { code: 'etag_required' });
      const saved = await deps.programmes.update(me, programmeIdOf(req), req.body, etag);
      res.setHeader('etag', saved.etag);
      sendJson(res, 200, { programme: programmeJson(saved.value), etag: saved.etag });
    }),
  );

  server.post(
    '/api/v1/programmes/:programmeId/announce',
    route(async (req, res, me) => {
      const body = req.body === undefined ? {} : object(req.body);
      const channel = await channelFrom(deps, me, field(body, 'channel'));
      const saved = await deps.programmes.announce(me, programmeIdOf(req), channel);
      sendJson(res, 200, { programme: programmeJson(saved.value), etag: saved.etag });
    }),
  );

  server.get(
    '/api/v1/programmes/:programmeId/volunteers',
    route(async (req, res, me) => {
      const { volunteers } = await deps.pairing.volunteers(me, programmeIdOf(req));
      sendJson(res, 200, { items: volunteers.map(volunteerJson) });
    }),
  );

  server.get(
    '/api/v1/programmes/:programmeId/suggestions',
    route(async (req, res, me) => {
      const locale = localeOf(req);
      const result = await deps.pairing.suggest(me, programmeIdOf(req));
      const label = (tag: string) => tagLabel(tag, locale);
      sendJson(res, 200, {
        suggestions: result.suggestions.map((s) => ({
          mentorId: s.mentorId,
          aktoriIds: s.aktoriIds,
          score: s.score,
          reasons: s.reasons,
          explanation: explainSuggestion(s.reasons as Reason[], locale, label),
        })),
        unmatched: result.unmatched,
        totalScore: result.totalScore,
      });
    }),
  );

  server.post(
    '/api/v1/programmes/:programmeId/pairs',
    route(async (req, res, me) => {
      const results = await deps.pairing.confirm(me, programmeIdOf(req), req.body);
      sendJson(res, 200, {
        results: results.map((r) =>
          r.status === 'formed'
            ? {
                status: r.status,
                pairId: r.pair.id,
                mentorId: r.pair.mentorId,
                aktoriIds: r.pair.aktoriIds,
                unreachable: r.unreachable,
              }
            : {
                status: r.status,
                mentorId: r.proposal.mentorId,
                aktoriIds: r.proposal.aktoriIds,
                reason: r.reason,
              },
        ),
      });
    }),
  );

  server.get(
    '/api/v1/programmes/:programmeId/pairs',
    route(async (req, res, me) => {
      const pairs = await deps.pairing.pairs(me, programmeIdOf(req));
      sendJson(res, 200, {
        items: pairs.map((p) => ({
          id: p.id,
          mentorId: p.mentorId,
          aktoriIds: p.aktoriIds,
          names: p.names,
          status: p.status,
          formedAt: p.formedAt,
          // Goals and rhythm, never content: only the goals of the agreement in force.
          agreement: p.agreement ?? { status: 'drafting', goals: [], version: 0 },
        })),
      });
    }),
  );
}

export function programmeIdOf(req: Request): string {
  const id = (req.params as Record<string, unknown>).programmeId;
  if (typeof id !== 'string' || !GUID.test(id)) {
    throw new ValidationError('programmeId is not a programme id', { field: 'programmeId', rule: 'format' });
  }
  return id;
}

export function localeOf(req: Request): Locale {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  return resolveLocale(typeof q === 'string' ? q : req.header('accept-language'));
}

async function channelFrom(
  deps: ProgrammeRouteDeps,
  me: Principal,
  raw: unknown,
): Promise<ChannelRef | undefined> {
  if (raw === undefined || raw === null) return undefined;
  const channelId = text(field(object(raw, 'channel'), 'channelId'), 'channel.channelId', {
    max: 256,
    required: true,
  });
  const channel = await deps.findChannel(me.tenantId, channelId);
  if (!channel) {
    throw new PolkuError('not_found', 'Polku is not installed in that channel’s team', {
      code: 'not_in_team',
    });
  }
  return channel;
}

export function programmeJson(p: Programme): Record<string, unknown> {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    form: p.form,
    mode: p.mode,
    aims: p.aims,
    competenceAreas: p.competenceAreas,
    defaults: p.defaults,
    signUpDeadline: p.signUpDeadline ?? null,
    timeZone: p.timeZone,
    language: p.language,
    owners: p.owners,
    coordinators: p.coordinators,
    channel: p.channel ?? null,
    announced: p.announcement !== undefined,
    closedAt: p.closedAt ?? null,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

function volunteerJson(v: Volunteer): Record<string, unknown> {
  return {
    userId: v.userId,
    name: v.name,
    role: v.role,
    offers: v.offers,
    wants: v.wants,
    unit: v.unit,
    languages: v.languages,
    capacity: v.capacity,
    note: v.note,
    status: v.status,
    pairIds: v.pairIds,
    spareCapacity: spareCapacity(v),
    signedUpAt: v.signedUpAt,
  };
}
