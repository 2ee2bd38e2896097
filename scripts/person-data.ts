/**
 * One person's data, for a data subject's request (GDPR articles 15 and 17):
 *
 *   npm run person-data -- export --tenant <guid> --user <guid> [--out file.json]
 *   npm run person-data -- delete --tenant <guid> --user <guid> [--yes]
 *
 * Reads the storage configuration exactly as the server does (TABLES_ENDPOINT
 * with Entra ID, or TABLES_CONNECTION_STRING; TABLE_PREFIX). The export goes
 * to stdout or --out; everything else goes to stderr, so the JSON can be
 * piped. Exit codes: 0 done, 1 failed, 2 usage (or delete without --yes).
 */
import fs from 'node:fs';
import { ConfigError } from '../bot/src/config';
import { collectPersonData } from '../bot/src/services/privacy/collectPersonData';
import { exportDocument } from '../bot/src/services/privacy/personDataExport';
import { type PersonDataCommand, parsePersonDataArgs, USAGE, UsageError } from './persondata/args';
import { describePlan, describeSummary, erasePersonData } from './persondata/erase';
import { assertTablesExist, openStorage } from './persondata/storage';

export async function runPersonData(argv: readonly string[]): Promise<number> {
  let command: PersonDataCommand;
  try {
    command = parsePersonDataArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`person-data: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.action === 'help') {
    console.log(USAGE);
    return 0;
  }

  const storage = openStorage();
  console.error(`Storage: ${storage.description}`);
  await assertTablesExist(storage.tables);
  const person = { tenantId: command.tenantId, userId: command.userId };
  const data = await collectPersonData(storage.tables, person);

  if (command.action === 'export') {
    const json = `${JSON.stringify(exportDocument(person, data, new Date()), null, 2)}\n`;
    if (command.out) {
      // Personal data: readable by the operator only.
      fs.writeFileSync(command.out, json, { mode: 0o600 });
      fs.chmodSync(command.out, 0o600);
      console.error(`Wrote ${command.out}`);
    } else {
      process.stdout.write(json);
    }
    return 0;
  }

  if (!command.yes) {
    console.log(describePlan(person, data));
    return 2;
  }
  const summary = await erasePersonData(storage.tables, person, data);
  console.log(describeSummary(person, summary));
  return 0;
}

async function main(): Promise<void> {
  try {
    process.exitCode = await runPersonData(process.argv.slice(2));
  } catch (err) {
    // Configuration problems name the variable, never its value; storage errors carry no credentials.
    console.error(`person-data: ${err instanceof ConfigError ? err.message : describeError(err)}`);
    process.exitCode = 1;
  }
}

function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? ` (${err.cause.message.split('\n')[0]})` : '';
  return `${err.message}${cause}`;
}

if (require.main === module) void main();
