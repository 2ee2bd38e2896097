/**
 * A person's own data, for the person (GDPR article 15): the bot's "my data"
 * command and GET /api/v1/me/data. The person is always the actor Teams or
 * the sign-in token proved; nothing the client sends names anyone else.
 *
 * Erasure is not offered here on purpose: it also rewrites shared rows (the
 * partner's pair, programmes the person runs) and cannot be undone, so an
 * admin runs it with `npm run person-data -- delete` (docs/admin-guide.md).
 */
import type { Actor } from '../actor';
import type { Person, PersonData } from './collectPersonData';
import { type PersonDataDocument, selfServiceDocument } from './personDataExport';

export interface PersonDataServiceDeps {
  /** Finds every row about the person (collectPersonData over the tables). */
  readonly collect: (person: Person) => Promise<PersonData>;
  readonly now: () => Date;
}

/** How many of each kind Polku holds: what the bot's card shows before the person downloads the file. */
export interface PersonDataSummary {
  readonly programmesManaged: number;
  readonly signUps: number;
  readonly pairs: number;
  readonly agreementVersions: number;
  readonly meetings: number;
  readonly conversations: number;
}

export class PersonDataService {
  constructor(private readonly deps: PersonDataServiceDeps) {}

  async mine(actor: Actor): Promise<{ document: PersonDataDocument; summary: PersonDataSummary }> {
    const person = { tenantId: actor.tenantId, userId: actor.userId };
    const data = await this.deps.collect(person);
    return { document: selfServiceDocument(person, data, this.deps.now()), summary: summarise(data) };
  }
}

function summarise(data: PersonData): PersonDataSummary {
  return {
    programmesManaged: data.programmes.length,
    signUps: data.participants.length,
    pairs: data.pairs.length,
    agreementVersions: data.agreements.filter((r) => r.rowKey !== 'current').length,
    meetings: data.meetings.length,
    conversations: data.conversations.length + data.sharedConversations.length,
  };
}
