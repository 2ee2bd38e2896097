/**
 * The Microsoft Graph client Polku uses: application credentials (client
 * secret or managed identity) in azure mode, a fixed development token for
 * the local emulator; the SDK's retry handler for 429/503/504 with
 * Retry-After. The token goes only to the configured Graph origin.
 */
import { ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import {
  Client,
  type Context,
  HTTPMessageHandler,
  type Middleware,
  RetryHandler,
  RetryHandlerOptions,
} from '@microsoft/microsoft-graph-client';
import type { GraphConfig, Mode } from '../config';

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
/** What the local emulator accepts; it is a development stand-in that checks only that a token is present. */
export const LOCAL_GRAPH_TOKEN = 'polku-local-development-token';

export interface GraphClientOptions {
  readonly mode: Mode;
  readonly graph: GraphConfig;
  /** Client id of a user-assigned managed identity (azure mode without a client secret). */
  readonly managedIdentityClientId?: string;
  /** Seconds the retry handler waits at least between attempts (Retry-After wins when larger). */
  readonly retryDelaySeconds?: number;
  readonly maxRetries?: number;
}

export function createGraphClient(options: GraphClientOptions): Client {
  const base = new URL(options.graph.baseUrl);
  const version = base.pathname.replace(/^\/+|\/+$/g, '') || 'v1.0';
  const token = tokenSource(options);
  const auth = new BearerTokenMiddleware(base.origin, token);
  const retry = new RetryHandler(
    new RetryHandlerOptions(options.retryDelaySeconds ?? 1, options.maxRetries ?? 3),
  );
  const http = new HTTPMessageHandler();
  auth.setNext(retry);
  retry.setNext(http);
  return Client.initWithMiddleware({ middleware: auth, baseUrl: `${base.origin}/`, defaultVersion: version });
}

function tokenSource(options: GraphClientOptions): () => Promise<string> {
  if (options.mode === 'local') return async () => LOCAL_GRAPH_TOKEN;
  const { tenantId, clientId, clientSecret } = options.graph;
  const credential: TokenCredential =
    tenantId && clientId && clientSecret
      ? new ClientSecretCredential(tenantId, clientId, clientSecret)
      : new ManagedIdentityCredential(
          options.managedIdentityClientId ? { clientId: options.managedIdentityClientId } : {},
        );
  return async () => {
    const accessToken = await credential.getToken(GRAPH_SCOPE);
    if (!accessToken) throw new Error('no Graph token was issued');
    return accessToken.token;
  };
}

/** Adds the bearer token to requests for the Graph origin only (never to a nextLink on another host). */
class BearerTokenMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly origin: string,
    private readonly token: () => Promise<string>,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    if (new URL(url).origin === this.origin) {
      const options = context.options ?? {};
      const headers = (options.headers ?? {}) as Record<string, string>;
      context.options = {
        ...options,
        headers: { ...headers, Authorization: `Bearer ${await this.token()}` },
      };
    }
    if (!this.next) throw new Error('the Graph middleware chain has no HTTP handler');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
