/**
 * Agreements in Azure Tables, one partition per pair: RK "current" holds the
 * live state (ETag-guarded), RK "v00001"… one row per version with who
 * proposed and who accepted it. A change writes both in one transaction.
 */
import type { TableClient } from '@azure/data-tables';
import type { Agreement } from '../domain/agreement/agreementTypes';
import type { AgreementRepository, AgreementVersion } from '../services/agreements/agreementPorts';
import type { Versioned } from '../services/programmes/ports';
import { type EntityData, TableRepository } from './tableRepository';

interface AgreementEntity extends EntityData {
  kind: string;
  version: number;
  state: string | undefined;
  terms: string | undefined;
  proposedBy: string | undefined;
  at: string | undefined;
  acceptedBy: string | undefined;
}

const CURRENT = 'current';
const versionKey = (v: number) => `v${String(v).padStart(5, '0')}`;

export class TableAgreementStore implements AgreementRepository {
  private readonly repo: TableRepository<AgreementEntity>;

  constructor(client: TableClient) {
    this.repo = new TableRepository<AgreementEntity>(client, 'Agreement');
  }

  async find(pairId: string): Promise<Versioned<Agreement> | undefined> {
    const row = await this.repo.find(pairId, CURRENT);
    return row ? { value: JSON.parse(row.data.state ?? '{}') as Agreement, etag: row.etag } : undefined;
  }

  async create(a: Agreement, startedBy: { by: string; at: string }): Promise<Versioned<Agreement>> {
    const etags = await this.repo.transact(a.pairId, [
      { kind: 'insert', rowKey: CURRENT, data: currentRow(a) },
      { kind: 'upsert', rowKey: versionKey(a.version), data: versionRow(a, startedBy) },
    ]);
    return { value: a, etag: etags[CURRENT] ?? '' };
  }

  async save(a: Agreement, etag: string, actor: { by: string; at: string }): Promise<Versioned<Agreement>> {
    const etags = await this.repo.transact(a.pairId, [
      { kind: 'replace', rowKey: CURRENT, data: currentRow(a), etag },
      { kind: 'upsert', rowKey: versionKey(a.version), data: versionRow(a, actor) },
    ]);
    return { value: a, etag: etags[CURRENT] ?? '' };
  }

  async versions(pairId: string): Promise<AgreementVersion[]> {
    const out: AgreementVersion[] = [];
    for await (const row of this.repo.listAll(pairId)) {
      if (row.data.kind !== 'version') continue;
      out.push({
        version: row.data.version,
        terms: JSON.parse(row.data.terms ?? '{}') as Agreement['terms'],
        proposedBy: row.data.proposedBy ?? '',
        at: row.data.at ?? '',
        acceptedBy: JSON.parse(row.data.acceptedBy ?? '{}') as Record<string, string>,
      });
    }
    return out;
  }
}

function currentRow(a: Agreement): AgreementEntity {
  return {
    kind: 'current',
    version: a.version,
    state: JSON.stringify(a),
    terms: undefined,
    proposedBy: undefined,
    at: undefined,
    acceptedBy: undefined,
  };
}

/** The version row as of now: its terms, who proposed it and who has accepted exactly this version. */
function versionRow(a: Agreement, fallback: { by: string; at: string }): AgreementEntity {
  const acceptedBy = Object.fromEntries(
    Object.entries(a.acceptances)
      .filter(([, acc]) => acc.version === a.version)
      .map(([member, acc]) => [member, acc.at]),
  );
  return {
    kind: 'version',
    version: a.version,
    state: undefined,
    terms: JSON.stringify(a.terms),
    // The version's proposer is whoever made it; version 1 was started by Polku for the pair.
    proposedBy: a.lastChange?.version === a.version ? a.lastChange.by : fallback.by,
    at: a.lastChange?.version === a.version ? a.lastChange.at : fallback.at,
    acceptedBy: JSON.stringify(acceptedBy),
  };
}
