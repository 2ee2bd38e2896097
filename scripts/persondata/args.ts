/**
 * Command line of `npm run person-data`: what to do, for whom, and how.
 * Anything unclear is a UsageError (exit 2) rather than a guess, because the
 * command deletes personal data.
 */

export type PersonDataCommand =
  | {
      readonly action: 'export';
      readonly tenantId: string;
      readonly userId: string;
      readonly out: string | undefined;
    }
  | { readonly action: 'delete'; readonly tenantId: string; readonly userId: string; readonly yes: boolean }
  | { readonly action: 'help' };

export const USAGE = `Usage:
  npm run person-data -- export --tenant <tenant id> --user <Entra object id> [--out <file.json>]
  npm run person-data -- delete --tenant <tenant id> --user <Entra object id> [--yes]

export  writes every row Polku holds about the person as JSON (stdout, or --out).
delete  without --yes lists what would be deleted and changes nothing (exit 2);
        with --yes deletes the person's rows and removes their name from pairs.

Storage is read from the same environment as the server: TABLES_ENDPOINT
(Entra ID / managed identity) or TABLES_CONNECTION_STRING, and TABLE_PREFIX.`;

export class UsageError extends Error {
  override name = 'UsageError';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VALUE_OPTIONS = new Set(['--tenant', '--user', '--out']);
const FLAG_OPTIONS = new Set(['--yes']);

export function parsePersonDataArgs(argv: readonly string[]): PersonDataCommand {
  if (argv.some((a) => a === '--help' || a === '-h') || argv[0] === 'help') return { action: 'help' };
  const [action, ...rest] = argv;
  if (action === undefined) throw new UsageError('say what to do: export or delete');
  if (action !== 'export' && action !== 'delete') {
    throw new UsageError(`unknown command "${action}": use export or delete`);
  }

  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (FLAG_OPTIONS.has(name)) {
      if (eq > 0) throw new UsageError(`${name} takes no value`);
      flags.add(name);
      continue;
    }
    if (!VALUE_OPTIONS.has(name)) throw new UsageError(`unknown option "${arg}"`);
    const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
      throw new UsageError(`${name} needs a value`);
    }
    if (values.has(name)) throw new UsageError(`${name} is given twice`);
    values.set(name, value);
  }

  const tenantId = requireGuid(values.get('--tenant'), '--tenant', 'tenant id');
  const userId = requireGuid(values.get('--user'), '--user', 'Entra object id of the person');
  if (action === 'export') {
    if (flags.has('--yes')) throw new UsageError('--yes belongs to delete; export changes nothing');
    return { action, tenantId, userId, out: values.get('--out') };
  }
  if (values.has('--out')) throw new UsageError('--out belongs to export');
  return { action, tenantId, userId, yes: flags.has('--yes') };
}

function requireGuid(value: string | undefined, option: string, what: string): string {
  if (value === undefined) throw new UsageError(`${option} is required (the ${what})`);
  if (!GUID.test(value)) {
    throw new UsageError(`${option} must be a GUID such as 8a5c2c5e-5a0e-4c52-9d0b-3a2f8f1c0d11`);
  }
  return value.toLowerCase();
}
