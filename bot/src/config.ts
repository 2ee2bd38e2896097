/**
 * Every environment variable Polku reads is parsed and validated here, once,
 * at start-up. Anything missing or malformed stops the process with one
 * message that names every problem, so an operator fixes them in one go.
 */
import path from 'node:path';

export type Mode = 'local' | 'azure';
export type BotAppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export type TablesConfig =
  | { readonly kind: 'connectionString'; readonly connectionString: string }
  | { readonly kind: 'endpoint'; readonly endpoint: string; readonly managedIdentityClientId?: string };

export interface BotCredentials {
  readonly appId: string;
  readonly appType: BotAppType;
  readonly tenantId: string;
  /** Absent with a managed identity. */
  readonly password?: string;
  /** Sovereign clouds only: Bot Framework endpoints instead of the public cloud's. */
  readonly cloud?: BotCloudEndpoints;
}

/** Each one left out keeps the public cloud's value. */
export interface BotCloudEndpoints {
  /** OpenID metadata of the channel's signing keys, for tokens on incoming activities. */
  readonly openIdMetadataUrl?: string;
  /** The issuer those tokens must name. */
  readonly tokenIssuer?: string;
  /** Where the bot gets its own tokens for replies. */
  readonly loginUrl?: string;
  /** The scope (audience) of those tokens. */
  readonly oauthScope?: string;
}

export interface GraphConfig {
  readonly baseUrl: string;
  readonly tenantId?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
}

/** Teams SSO for the tab: which Entra tokens the API accepts (azure mode only). */
export interface EntraConfig {
  readonly tenantId: string;
  /** The tab's Entra app (client) id. */
  readonly clientId: string;
  /** The tab's Application ID URI, api://{host}/{clientId}. */
  readonly appIdUri: string;
  /** Where the tenant's signing keys are fetched from. */
  readonly authorityUrl: string;
}

export interface Config {
  readonly mode: Mode;
  readonly host: string;
  readonly port: number;
  readonly bot: BotCredentials | undefined;
  readonly tables: TablesConfig;
  /** Prefix for table names so several stacks can share one account (tests, slots). */
  readonly tablePrefix: string;
  readonly graph: GraphConfig;
  /** Azure mode only. */
  readonly entra: EntraConfig | undefined;
  readonly tabDistDir: string;
  readonly logLevel: LogLevel;
  /** Local mode only: signs dev sign-in sessions for the tab. */
  readonly devSessionKey: string | undefined;
  /** Tenant id used for the demo organisation in local mode. */
  readonly localTenantId: string;
  /** Largest accepted request body, in bytes. */
  readonly maxBodyBytes: number;
  /** How long graceful shutdown waits for in-flight requests. */
  readonly shutdownGraceMs: number;
  /** Tab API requests per person, per instance (bot/src/api/rateLimit.ts). */
  readonly apiRateLimit: { readonly perSecond: number; readonly burst: number };
  /** How often the scheduler looks for due work; 0 turns it off in this instance. */
  readonly schedulerTickMs: number;
  /** Proactive messages per second per tenant from this instance (Teams allows about 50 per app). */
  readonly teamsSendPerSecond: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Polku cannot start; fix its configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const LOCAL_AZURITE =
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;' +
  'AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;' +
  'TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const APP_TYPES: readonly BotAppType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || host.startsWith('127.');
}

/** Reads the configuration from an environment; throws ConfigError listing every problem. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const get = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };

  const explicitMode = get('POLKU_MODE');
  let mode: Mode;
  if (explicitMode === undefined) {
    mode = get('MICROSOFT_APP_ID') ? 'azure' : 'local';
  } else if (explicitMode === 'local' || explicitMode === 'azure') {
    mode = explicitMode;
  } else {
    problems.push(`POLKU_MODE must be "local" or "azure", not "${explicitMode}"`);
    mode = 'local';
  }

  const port = parseInteger(get('PORT') ?? '3978', 'PORT', 0, 65535, problems);
  const host = get('HOST') ?? (mode === 'local' ? '127.0.0.1' : '0.0.0.0');
  if (mode === 'local' && !isLoopbackHost(host)) {
    problems.push(
      `HOST must be a loopback address in local mode (got "${host}"); local mode has no authentication`,
    );
  }

  const logLevel = (get('LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}"`);
  }

  const bot = readBot(get, mode, problems);
  const tables = readTables(get, mode, problems);
  const graph = readGraph(get, mode, problems);
  // The tab's Entra app lives in the Microsoft 365 tenant (with Graph's app registration); the bot's own
  // tenant may be the Azure subscription's when it runs as a managed identity.
  const entra =
    mode === 'azure' ? readEntra(get, graph.tenantId ?? bot?.tenantId ?? '', problems) : undefined;

  const tablePrefix = get('TABLE_PREFIX') ?? '';
  if (!/^[A-Za-z][A-Za-z0-9]{0,19}$/.test(tablePrefix) && tablePrefix !== '') {
    problems.push('TABLE_PREFIX must start with a letter and hold at most 20 letters or digits');
  }

  const devSessionKey =
    mode === 'local' ? (get('POLKU_DEV_SESSION_KEY') ?? 'polku-local-dev-sessions') : undefined;
  const localTenantId = get('POLKU_LOCAL_TENANT_ID') ?? '8a5c2c5e-5a0e-4c52-9d0b-3a2f8f1c0d11';
  if (!GUID.test(localTenantId)) problems.push('POLKU_LOCAL_TENANT_ID must be a GUID');

  const maxBodyBytes = parseInteger(
    get('MAX_BODY_BYTES') ?? '262144',
    'MAX_BODY_BYTES',
    1024,
    4194304,
    problems,
  );
  const shutdownGraceMs = parseInteger(
    get('SHUTDOWN_GRACE_MS') ?? '10000',
    'SHUTDOWN_GRACE_MS',
    0,
    120000,
    problems,
  );
  const tabDistDir = path.resolve(cwd, get('TAB_DIST_DIR') ?? 'dist/tab');
  // A tab page makes a handful of calls; 20/s sustained with a burst of 60 stops only loops and scripts.
  const apiRateLimit = {
    perSecond: parseInteger(get('API_RATE_PER_SECOND') ?? '20', 'API_RATE_PER_SECOND', 1, 10000, problems),
    burst: parseInteger(get('API_RATE_BURST') ?? '60', 'API_RATE_BURST', 1, 100000, problems),
  };

  const schedulerTickMs =
    parseInteger(get('SCHEDULER_TICK_SECONDS') ?? '30', 'SCHEDULER_TICK_SECONDS', 0, 3600, problems) * 1000;
  // With several instances, give each its share: 50 divided by the number of instances.
  const teamsSendPerSecond = parseInteger(
    get('TEAMS_SEND_PER_SECOND') ?? '50',
    'TEAMS_SEND_PER_SECOND',
    1,
    50,
    problems,
  );

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    mode,
    host,
    port,
    bot,
    tables,
    tablePrefix,
    graph,
    entra,
    tabDistDir,
    logLevel,
    devSessionKey,
    localTenantId,
    maxBodyBytes,
    shutdownGraceMs,
    apiRateLimit,
    schedulerTickMs,
    teamsSendPerSecond,
  };
}

function readBot(
  get: (n: string) => string | undefined,
  mode: Mode,
  problems: string[],
): BotCredentials | undefined {
  const appId = get('MICROSOFT_APP_ID');
  const password = get('MICROSOFT_APP_PASSWORD');
  const tenantId = get('MICROSOFT_APP_TENANT_ID');
  const appTypeRaw = get('MICROSOFT_APP_TYPE') ?? (password ? 'SingleTenant' : 'UserAssignedMSI');
  const cloudNames = Object.keys(BOT_CLOUD_VARIABLES) as Array<keyof typeof BOT_CLOUD_VARIABLES>;
  if (mode === 'local') {
    if (appId || password) {
      problems.push(
        'MICROSOFT_APP_ID/MICROSOFT_APP_PASSWORD are set but POLKU_MODE is local; remove them or use azure',
      );
    }
    const set = cloudNames.filter((name) => get(name) !== undefined);
    if (set.length > 0) problems.push(`Only azure mode reads ${set.join(', ')}; remove it in local mode`);
    return undefined;
  }
  if (!appId) problems.push('MICROSOFT_APP_ID is required in azure mode (the bot registration’s app id)');
  else if (!GUID.test(appId)) problems.push('MICROSOFT_APP_ID must be a GUID');
  if (!tenantId) problems.push('MICROSOFT_APP_TENANT_ID is required in azure mode');
  else if (!GUID.test(tenantId)) problems.push('MICROSOFT_APP_TENANT_ID must be a GUID');
  if (!APP_TYPES.includes(appTypeRaw as BotAppType)) {
    problems.push(`MICROSOFT_APP_TYPE must be one of ${APP_TYPES.join(', ')}, not "${appTypeRaw}"`);
  }
  const appType = appTypeRaw as BotAppType;
  if (appType !== 'UserAssignedMSI' && !password) {
    problems.push(`MICROSOFT_APP_PASSWORD is required when MICROSOFT_APP_TYPE is ${appType}`);
  }
  const cloud: Record<string, string> = {};
  for (const name of cloudNames) {
    const value = get(name);
    if (value === undefined) continue;
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      problems.push(`${name} is not a URL: "${value}"`);
    }
    // Signing keys and tokens over plain http could be swapped in transit; loopback is for tests.
    if (url && url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
      problems.push(`${name} must use https`);
    }
    cloud[BOT_CLOUD_VARIABLES[name]] = value;
  }
  return {
    appId: appId ?? '',
    appType,
    tenantId: tenantId ?? '',
    ...(password ? { password } : {}),
    ...(Object.keys(cloud).length > 0 ? { cloud: cloud as BotCloudEndpoints } : {}),
  };
}

/** Sovereign-cloud overrides of the Bot Framework endpoints (azure mode). */
const BOT_CLOUD_VARIABLES = {
  BOT_OPENID_METADATA_URL: 'openIdMetadataUrl',
  BOT_TOKEN_ISSUER: 'tokenIssuer',
  BOT_LOGIN_URL: 'loginUrl',
  BOT_OAUTH_SCOPE: 'oauthScope',
} as const satisfies Record<string, keyof BotCloudEndpoints>;

function readTables(get: (n: string) => string | undefined, mode: Mode, problems: string[]): TablesConfig {
  const connectionString = get('TABLES_CONNECTION_STRING');
  const endpoint = get('TABLES_ENDPOINT');
  if (connectionString && endpoint) {
    problems.push('Set either TABLES_CONNECTION_STRING or TABLES_ENDPOINT, not both');
  }
  if (endpoint) {
    let url: URL | undefined;
    try {
      url = new URL(endpoint);
    } catch (err) {
      problems.push(`TABLES_ENDPOINT is not a URL (${(err as Error).message})`);
    }
    if (url && mode === 'azure' && url.protocol !== 'https:') {
      problems.push('TABLES_ENDPOINT must use https in azure mode');
    }
    const managedIdentityClientId = get('AZURE_CLIENT_ID');
    return { kind: 'endpoint', endpoint, ...(managedIdentityClientId ? { managedIdentityClientId } : {}) };
  }
  if (connectionString) {
    if (!/TableEndpoint=|AccountName=|UseDevelopmentStorage=true/i.test(connectionString)) {
      problems.push('TABLES_CONNECTION_STRING does not look like an Azure Storage connection string');
    }
    return { kind: 'connectionString', connectionString };
  }
  if (mode === 'azure')
    problems.push('TABLES_ENDPOINT or TABLES_CONNECTION_STRING is required in azure mode');
  return { kind: 'connectionString', connectionString: LOCAL_AZURITE };
}

function readGraph(get: (n: string) => string | undefined, mode: Mode, problems: string[]): GraphConfig {
  const baseUrl =
    get('GRAPH_BASE_URL') ??
    (mode === 'azure' ? 'https://graph.microsoft.com/v1.0' : 'http://127.0.0.1:4010/v1.0');
  try {
    new URL(baseUrl);
  } catch {
    problems.push(`GRAPH_BASE_URL is not a URL: "${baseUrl}"`);
  }
  const tenantId = get('GRAPH_TENANT_ID');
  const clientId = get('GRAPH_CLIENT_ID');
  const clientSecret = get('GRAPH_CLIENT_SECRET');
  if (mode === 'azure') {
    if (!tenantId) problems.push('GRAPH_TENANT_ID is required in azure mode');
    if (!clientId) problems.push('GRAPH_CLIENT_ID is required in azure mode');
    if (!clientSecret && !get('AZURE_CLIENT_ID')) {
      problems.push(
        'GRAPH_CLIENT_SECRET (or a managed identity via AZURE_CLIENT_ID) is required in azure mode',
      );
    }
  }
  return {
    baseUrl,
    ...(tenantId ? { tenantId } : {}),
    ...(clientId ? { clientId } : {}),
    ...(clientSecret ? { clientSecret } : {}),
  };
}

function readEntra(
  get: (n: string) => string | undefined,
  tenantId: string,
  problems: string[],
): EntraConfig {
  const clientId = get('AAD_APP_CLIENT_ID');
  const appIdUri = get('AAD_APP_ID_URI');
  const authorityUrl = (get('ENTRA_AUTHORITY_URL') ?? 'https://login.microsoftonline.com').replace(
    /\/+$/,
    '',
  );
  if (!clientId)
    problems.push('AAD_APP_CLIENT_ID is required in azure mode (the tab’s Entra app id, for Teams sign-in)');
  else if (!GUID.test(clientId)) problems.push('AAD_APP_CLIENT_ID must be a GUID');
  if (!appIdUri) problems.push('AAD_APP_ID_URI is required in azure mode (the tab’s Application ID URI)');
  else if (!/^api:\/\/[^\s/]+(\/[^\s]*)?$/.test(appIdUri) || appIdUri.length > 400) {
    problems.push(`AAD_APP_ID_URI must be an api:// URI (api://host/client-id), not "${appIdUri}"`);
  }
  let url: URL | undefined;
  try {
    url = new URL(authorityUrl);
  } catch {
    problems.push(`ENTRA_AUTHORITY_URL is not a URL: "${authorityUrl}"`);
  }
  // Signing keys decide who is signed in: only a loopback stand-in (tests) may serve them without TLS.
  if (
    url &&
    url.protocol !== 'https:' &&
    !(url.protocol === 'http:' && isLoopbackHost(url.hostname.replace(/^\[|\]$/g, '')))
  ) {
    problems.push('ENTRA_AUTHORITY_URL must use https (plain http only on a loopback address)');
  }
  if (url && (url.search || url.hash || url.username || url.password)) {
    problems.push('ENTRA_AUTHORITY_URL must be a plain base URL (no query, fragment or credentials)');
  }
  return { tenantId, clientId: clientId ?? '', appIdUri: appIdUri ?? '', authorityUrl };
}

function parseInteger(raw: string, name: string, min: number, max: number, problems: string[]): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min || n > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
    return min;
  }
  return n;
}
