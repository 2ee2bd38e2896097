/**
 * The tab's REST API under /api/v1. Every route but the session options
 * authenticates; what a person sees is decided by Polku's own data (their
 * rows in the access table), never by what the client asks for.
 */
import type { Request, Response, Server } from 'restify';
import { isLoopbackHost } from '../config';
import type { DemoUser } from '../devsupport/demoOrganisation';
import { PolkuError } from '../domain/errors';
import type { Logger } from '../logging';
import type { AgreementService } from '../services/agreements/agreementService';
import type { DashboardService } from '../services/dashboard/dashboardService';
import type { BookingService } from '../services/meetings/bookingService';
import type { PersonDataService } from '../services/privacy/personDataService';
import type { ProgrammeLifecycleService } from '../services/programmes/programmeLifecycleService';
import type { EvaluationService } from '../services/rhythm/evaluationService';
import type { LearningService } from '../services/rhythm/learningService';
import type { ProgrammeAccess } from '../store/accessStore';
import { registerAgreementRoutes } from './agreementRoutes';
import { registerDashboardRoutes } from './dashboardRoutes';
import { type DevSchedulerDeps, registerDevSchedulerRoute } from './devSchedulerRoute';
import { mintDevSession } from './devSessions';
import { registerEvaluationRoutes } from './evaluationRoutes';
import { sendError, sendJson } from './httpErrors';
import { registerLearningRoutes } from './learningRoutes';
import { registerMeetingRoutes } from './meetingRoutes';
import { registerPersonDataRoutes } from './personDataRoutes';
import type { Authenticator } from './principal';
import { registerProgrammeLifecycleRoutes } from './programmeLifecycleRoutes';
import { type ProgrammeRouteDeps, registerProgrammeRoutes } from './programmeRoutes';
import { jsonObject, requiredString } from './requestInput';

export interface ApiDeps {
  readonly authenticator: Authenticator;
  readonly access: { listForUser(tenantId: string, userId: string): Promise<ProgrammeAccess[]> };
  readonly now: () => Date;
  readonly logger: Logger;
  /** Present only in local mode on a loopback host. */
  readonly devSignIn?: {
    readonly key: string;
    readonly tenantId: string;
    readonly users: readonly DemoUser[];
  };
  readonly mode: 'local' | 'azure';
  readonly programmes: Omit<ProgrammeRouteDeps, 'authenticator' | 'logger'>;
  /** Closing a programme and deleting its data (owners only). */
  readonly programmeLifecycle: ProgrammeLifecycleService;
  readonly agreements: AgreementService;
  readonly booking: BookingService;
  /** The caller's own data (GET /api/v1/me/data). */
  readonly personData: PersonDataService;
  /** Learnings: a pair's, the programme's feed, posting one to the channel. */
  readonly learnings: LearningService;
  /** Evaluation totals (at least three answers) for supervisors. */
  readonly evaluations: EvaluationService;
  /** The supervisor's programme dashboard and its CSV export. */
  readonly dashboard: DashboardService;
  /** Local mode only: run due work by hand (bot/src/api/devSchedulerRoute.ts). */
  readonly devScheduler?: DevSchedulerDeps['scheduler'];
}

type Handler = (req: Request, res: Response, log: Logger) => Promise<void>;

export function registerApiRoutes(server: Server, deps: ApiDeps): void {
  registerDevSchedulerRoute(server, {
    scheduler: deps.devSignIn ? deps.devScheduler : undefined,
    logger: deps.logger,
  });
  registerProgrammeRoutes(server, {
    ...deps.programmes,
    authenticator: deps.authenticator,
    logger: deps.logger,
  });
  registerProgrammeLifecycleRoutes(server, {
    lifecycle: deps.programmeLifecycle,
    authenticator: deps.authenticator,
    logger: deps.logger,
  });
  registerAgreementRoutes(server, {
    agreements: deps.agreements,
    authenticator: deps.authenticator,
    logger: deps.logger,
  });
  registerMeetingRoutes(server, {
    booking: deps.booking,
    authenticator: deps.authenticator,
    logger: deps.logger,
  });
  registerDashboardRoutes(server, {
    dashboard: deps.dashboard,
    authenticator: deps.authenticator,
    logger: deps.logger,
  });
  registerPersonDataRoutes(server, {
    personData: deps.personData,
    authenticator: deps.authenticator,
    logger: deps.logger,
  });
  registerLearningRoutes(server, {
    learnings: deps.learnings,
    authenticator: deps.authenticator,
    logger: deps.logger,
  });
  registerEvaluationRoutes(server, {
    evaluations: deps.evaluations,
    authenticator: deps.authenticator,
    logger: deps.logger,
  });

  const route = (handler: Handler) => async (req: Request, res: Response) => {
    const correlationId = String(req.id());
    const log = deps.logger.child({ correlationId, route: req.getRoute()?.path });
    try {
      await handler(req, res, log);
    } catch (err) {
      sendError(res, err, log, correlationId);
    }
  };

  server.get(
    '/api/v1/session/options',
    route(async (_req, res) => {
      const users =
        deps.devSignIn?.users.map((u) => ({ id: u.aadObjectId, name: u.name, role: u.role })) ?? [];
      sendJson(res, 200, { mode: deps.mode, devSignIn: deps.devSignIn !== undefined, users });
    }),
  );

  server.post(
    '/api/v1/dev/sign-in',
    route(async (req, res) => {
      const dev = deps.devSignIn;
      if (!dev || !isLoopbackHost(remoteHost(req))) {
        throw new PolkuError('forbidden', 'Dev sign-in is only available in local mode on this machine', {
          code: 'dev_sign_in_disabled',
        });
      }
      const userId = requiredString(jsonObject(req.body), 'userId', {
        maxLength: 64,
        pattern: /^[0-9a-f-]{36}$/i,
      });
      const user = dev.users.find((u) => u.aadObjectId === userId);
      if (!user) throw new PolkuError('not_found', 'No demo user has that id', { code: 'unknown_user' });
      const principal = { tenantId: dev.tenantId, userId: user.aadObjectId, name: user.name };
      const { token, expiresAt } = mintDevSession(dev.key, principal, deps.now());
      sendJson(res, 200, {
        token,
        expiresAt: expiresAt.toISOString(),
        user: { id: user.aadObjectId, name: user.name, tenantId: dev.tenantId },
      });
    }),
  );

  server.get(
    '/api/v1/me',
    route(async (req, res) => {
      const me = await deps.authenticator.authenticate(req.header('authorization'));
      sendJson(res, 200, { id: me.userId, tenantId: me.tenantId, name: me.name });
    }),
  );

  server.get(
    '/api/v1/programmes',
    route(async (req, res) => {
      const me = await deps.authenticator.authenticate(req.header('authorization'));
      const items = await deps.access.listForUser(me.tenantId, me.userId);
      sendJson(res, 200, { items: items.map((a) => ({ id: a.programmeId, name: a.name, role: a.role })) });
    }),
  );
}

function remoteHost(req: Request): string {
  const address = req.socket.remoteAddress ?? '';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
