/**
 * Builds TableClients for the configured account: a connection string
 * (Azurite locally, or an account key), or an endpoint with Entra ID
 * (managed identity in Azure). Plain http is allowed only for a loopback
 * endpoint, so a misconfigured production never talks to storage in clear.
 */

import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { TablesConfig } from '../config';
import { isLoopbackHost } from '../config';

export type TableClientFactory = (
  tableName: string,
  options?: { readonly maxRetries?: number },
) => TableClient;

export function createTableClientFactory(config: TablesConfig): TableClientFactory {
  if (config.kind === 'connectionString') {
    const base = optionsFor(endpointOf(config.connectionString));
    return (tableName, o) =>
      TableClient.fromConnectionString(config.connectionString, tableName, withRetries(base, o));
  }
  const credential: TokenCredential = config.managedIdentityClientId
    ? new ManagedIdentityCredential({ clientId: config.managedIdentityClientId })
    : new DefaultAzureCredential();
  const base = optionsFor(config.endpoint);
  return (tableName, o) => new TableClient(config.endpoint, tableName, credential, withRetries(base, o));
}

/** The SDK retries with back-off by default (right for work); a health probe must answer at once. */
function withRetries(
  options: TableServiceClientOptions,
  o?: { readonly maxRetries?: number },
): TableServiceClientOptions {
  return o?.maxRetries === undefined ? options : { ...options, retryOptions: { maxRetries: o.maxRetries } };
}

function endpointOf(connectionString: string): string | undefined {
  if (/UseDevelopmentStorage=true/i.test(connectionString)) return 'http://127.0.0.1:10002';
  return /TableEndpoint=([^;]+)/i.exec(connectionString)?.[1];
}

function optionsFor(endpoint: string | undefined): TableServiceClientOptions {
  if (!endpoint) return {};
  const url = new URL(endpoint);
  return url.protocol === 'http:' && isLoopbackHost(url.hostname) ? { allowInsecureConnection: true } : {};
}
