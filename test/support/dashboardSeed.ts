/**
 * What the dashboard reads beyond pairs and sign-ups — goals in force,
 * meetings with check-ins, a checkpoint, evaluations, learnings — written
 * straight through Polku's own stores into the test's Azurite tables, for
 * the stories the flows that make them are not needed for.
 */
import { TableClient } from '@azure/data-tables';
import type { Meeting } from '../../bot/src/domain/meetings/meeting';
import { meetingTransactionId } from '../../bot/src/domain/meetings/meeting';
import type { Evaluation } from '../../bot/src/domain/rhythm/evaluation';
import type { Learning } from '../../bot/src/domain/rhythm/learning';
import { TableEvaluationStore } from '../../bot/src/store/evaluationStore';
import { TableLearningStore } from '../../bot/src/store/learningStore';
import { TableMeetingStore } from '../../bot/src/store/meetingStore';
import { TablePairStore } from '../../bot/src/store/pairStore';
import { TABLE_NAMES } from '../../bot/src/store/tables';

export class DashboardSeed {
  readonly pairs: TablePairStore;
  readonly meetings: TableMeetingStore;
  readonly learnings: TableLearningStore;
  readonly evaluations: TableEvaluationStore;
  private readonly pairTable: TableClient;

  constructor(connectionString: string, tablePrefix: string) {
    const client = (name: string) =>
      TableClient.fromConnectionString(connectionString, `${tablePrefix}${name}`, {
        allowInsecureConnection: true,
      });
    this.pairTable = client(TABLE_NAMES.pairs);
    this.pairs = new TablePairStore(this.pairTable);
    this.meetings = new TableMeetingStore(client(TABLE_NAMES.meetings));
    this.learnings = new TableLearningStore(client(TABLE_NAMES.learnings));
    this.evaluations = new TableEvaluationStore(client(TABLE_NAMES.evaluations));
  }

  /** The agreement in force as the agreement service records it on the pair row. */
  async goalsInForce(programmeId: string, pairId: string, goals: readonly string[]): Promise<void> {
    await this.pairs.updateAgreement(programmeId, pairId, {
      status: 'in-force',
      goals,
      version: 1,
      cadenceWeeks: 4,
      meetingMinutes: 60,
    });
  }

  /** Backdates when the pair was formed (the attention rules count from it). */
  async formedAt(programmeId: string, pairId: string, at: Date): Promise<void> {
    await this.pairTable.upsertEntity(
      { partitionKey: programmeId, rowKey: pairId, formedAt: at.toISOString() },
      'Merge',
    );
  }

  async meeting(
    programmeId: string,
    pairId: string,
    ids: { tenantId: string; mentorId: string },
    number: number,
    start: Date,
    met: boolean,
  ): Promise<void> {
    const m: Meeting = {
      pairId,
      programmeId,
      tenantId: ids.tenantId,
      number,
      start: start.getTime(),
      end: start.getTime() + 3_600_000,
      status: 'booked',
      organizerId: ids.mentorId,
      transactionId: meetingTransactionId(pairId, number),
      joinUrl: `https://teams.microsoft.com/l/meetup-join/${pairId}-${number}`,
      bookedBy: ids.mentorId,
      updatedAt: new Date(Math.min(start.getTime(), Date.now())).toISOString(),
      ...(met ? { checkIns: { [ids.mentorId]: 'met' as const } } : {}),
    };
    await this.meetings.create(m);
  }

  async evaluation(e: Evaluation): Promise<void> {
    await this.evaluations.create(e);
  }

  async learning(l: Learning): Promise<void> {
    await this.learnings.create(l);
  }
}
