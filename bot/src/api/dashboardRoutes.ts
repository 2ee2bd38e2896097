/**
 * The supervisor's dashboard for the tab, as JSON and as a CSV download of
 * the pairs and their goals. Owners and coordinators only (the service
 * refuses everyone else); goals and rhythm, never content.
 */
import type { Response, Server } from 'restify';
import type { AttentionFlag } from '../domain/dashboard/attention';
import { toCsv } from '../domain/dashboard/csv';
import { type DashboardCsvWords, dashboardCsvRows } from '../domain/dashboard/dashboardCsv';
import type { PairRow, PairStage } from '../domain/dashboard/pairRow';
import type { Locale } from '../i18n/locale';
import { translator } from '../i18n/translate';
import type { Logger } from '../logging';
import type { DashboardService, ProgrammeDashboard } from '../services/dashboard/dashboardService';
import { authenticatedRoute } from './authenticatedRoute';
import { sendJson } from './httpErrors';
import type { Authenticator } from './principal';
import { localeOf, programmeIdOf } from './programmeRoutes';

export interface DashboardRouteDeps {
  readonly authenticator: Authenticator;
  readonly dashboard: DashboardService;
  readonly logger: Logger;
}

export function registerDashboardRoutes(server: Server, deps: DashboardRouteDeps): void {
  const route = authenticatedRoute(deps);

  server.get(
    '/api/v1/programmes/:programmeId/dashboard',
    route(async (req, res, me) => {
      sendJson(res, 200, dashboardJson(await deps.dashboard.dashboard(me, programmeIdOf(req))));
    }),
  );

  server.get(
    '/api/v1/programmes/:programmeId/dashboard.csv',
    route(async (req, res, me) => {
      const { programme, dashboard } = await deps.dashboard.dashboard(me, programmeIdOf(req));
      const csv = toCsv(dashboardCsvRows(dashboard.pairs, csvWords(localeOf(req)), programme.timeZone));
      sendCsv(res, csv, `${fileSlug(programme.name)}-pairs.csv`);
    }),
  );
}

function dashboardJson({ programme, dashboard, generatedAt }: ProgrammeDashboard): Record<string, unknown> {
  const iso = (t: number | undefined) => (t === undefined || t <= 0 ? null : new Date(t).toISOString());
  return {
    programme: {
      id: programme.id,
      name: programme.name,
      form: programme.form,
      mode: programme.mode,
      signUpDeadline: programme.signUpDeadline ?? null,
      timeZone: programme.timeZone,
      firstPhaseMeetings: programme.defaults.firstPhaseMeetings,
    },
    phase: dashboard.phase,
    figures: dashboard.figures,
    pairs: dashboard.pairs.map((r: PairRow) => ({
      ...r,
      nextMeeting: iso(r.nextMeeting),
      lastActivity: iso(r.lastActivity),
    })),
    meetingsPerMonth: dashboard.meetingsPerMonth,
    funnel: dashboard.funnel,
    evaluations: {
      all: dashboard.evaluations.all ?? null,
      mentors: dashboard.evaluations.mentors ?? null,
      aktoris: dashboard.evaluations.aktoris ?? null,
    },
    learnings: dashboard.learnings.map((l) => ({ ...l, sharedToChannelAt: l.sharedToChannelAt ?? null })),
    generatedAt: generatedAt.toISOString(),
  };
}

function csvWords(locale: Locale): DashboardCsvWords {
  const t = translator(locale);
  return {
    columns: {
      mentor: t('dashboard.csv.mentor'),
      aktoris: t('dashboard.csv.aktoris'),
      form: t('dashboard.csv.form'),
      stage: t('dashboard.csv.stage'),
      goal: (n) => t('dashboard.csv.goal', { n }),
      meetingsHeld: t('dashboard.csv.meetingsHeld'),
      meetingsBooked: t('dashboard.csv.meetingsBooked'),
      nextMeeting: t('dashboard.csv.nextMeeting'),
      lastActivity: t('dashboard.csv.lastActivity'),
      formedAt: t('dashboard.csv.formedAt'),
      attention: t('dashboard.csv.attention'),
    },
    form: (form) => t(`form.${form}`),
    stage: (stage: PairStage) => t(`dashboard.stage.${stage}`),
    attention: (flag: AttentionFlag) => t(`dashboard.attention.${flag}`),
  };
}

/** Written raw: restify's formatters know JSON, and a download must reach Excel byte for byte. */
function sendCsv(res: Response, csv: string, fileName: string): void {
  const body = Buffer.from(csv, 'utf8');
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-length': String(body.length),
    // An ASCII name for old clients, the real one (ä, å) for the rest (RFC 6266).
    'content-disposition': `attachment; filename="${asciiName(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

/** A file name from the programme's name: letters, digits and dashes only. */
function fileSlug(name: string): string {
  const slug = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return slug || 'programme';
}

function asciiName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]/g, '_');
}
