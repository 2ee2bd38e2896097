/**
 * The JSON documents of one person's data: rows grouped by table, keys and
 * properties only (no ETags, no service timestamps).
 *
 * Two readers: the operator's export (everything found, for a data subject
 * request the operator reviews before handing it over) and the person's own
 * "my data" (the bot command and GET /api/v1/me/data), which nobody reviews.
 * The person's own copy therefore leaves out what only their partner told
 * Polku: the partner's mailbox address, working hours and check-in answers.
 * What both members saw together (the pair, its agreement, meeting times) stays.
 */
import type { Person, PersonData, Row } from './collectPersonData';

export interface PersonDataDocument {
  readonly tenantId: string;
  readonly userId: string;
  readonly exportedAt: string;
  readonly tables: Readonly<Record<string, readonly Record<string, unknown>[]>>;
}

/** Everything found, as stored: for the operator's person-data export. */
export function exportDocument(person: Person, data: PersonData, exportedAt: Date): PersonDataDocument {
  return documentOf(person, data, exportedAt, (_table, row) => row.data);
}

/** The person's own copy: per-member columns of shared rows keep only the person's entry. */
export function selfServiceDocument(person: Person, data: PersonData, exportedAt: Date): PersonDataDocument {
  return documentOf(person, data, exportedAt, (table, row) => {
    const columns = PER_MEMBER_COLUMNS[table];
    if (!columns) return row.data;
    const out: Record<string, unknown> = { ...row.data };
    for (const column of columns) {
      if (column in out)
        out[column] = ownEntryOnly(out[column], person.userId, `${column} of ${table} row ${row.rowKey}`);
    }
    return out;
  });
}

/** JSON columns keyed by member id whose other entries are the partner's own information. */
const PER_MEMBER_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  pairs: ['emails'],
  meetings: ['memberTimes', 'checkIns'],
};

function documentOf(
  person: Person,
  data: PersonData,
  exportedAt: Date,
  columnsOf: (table: string, row: Row) => Readonly<Record<string, unknown>>,
): PersonDataDocument {
  const plain = (table: string, rows: readonly Row[]) =>
    rows.map((r) => ({ partitionKey: r.partitionKey, rowKey: r.rowKey, ...columnsOf(table, r) }));
  return {
    tenantId: person.tenantId,
    userId: person.userId,
    exportedAt: exportedAt.toISOString(),
    tables: {
      conversations: plain('conversations', [...data.conversations, ...data.sharedConversations]),
      access: plain('access', data.access),
      memberships: plain('memberships', data.memberships),
      participants: plain('participants', data.participants),
      pairs: plain('pairs', data.pairs),
      agreements: plain('agreements', data.agreements),
      meetings: plain('meetings', data.meetings),
      learnings: plain('learnings', data.learnings),
      evaluations: plain('evaluations', data.evaluations),
      programmes: data.programmes.map((p) => ({ id: p.id, name: p.name, roles: p.roles })),
    },
  };
}

/**
 * A JSON object column reduced to the person's key. A column that is not a
 * JSON object is a damaged row: the request stops rather than hand out
 * something that cannot be told apart.
 */
function ownEntryOnly(raw: unknown, userId: string, where: string): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const parsed: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${where} is not a JSON object`);
  }
  const own = (parsed as Record<string, unknown>)[userId];
  return JSON.stringify(own === undefined ? {} : { [userId]: own });
}
