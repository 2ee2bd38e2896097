/**
 * Proactive messages for programme work: the channel announcement (posted
 * and kept current) and personal messages. A person Polku has never talked
 * to gets a new 1:1 conversation, created from the programme's team roster.
 * Every send goes through the stored conversation references, so any server
 * instance can do it.
 */
import {
  type Activity,
  CardFactory,
  type CloudAdapter,
  type ConversationReference,
  MessageFactory,
  type TeamsChannelAccount,
  TeamsInfo,
  type TurnContext,
} from 'botbuilder';
import type { Agreement } from '../domain/agreement/agreementTypes';
import { PolkuError } from '../domain/errors';
import type { PairSuggestion, Reason } from '../domain/matching/matchTypes';
import { memberIds, type Pair } from '../domain/programme/pair';
import type { Programme } from '../domain/programme/programme';
import type { Volunteer } from '../domain/programme/volunteer';
import { type Locale, resolveLocale } from '../i18n/locale';
import { explainSuggestion, tagLabel } from '../i18n/reasonText';
import { errorForLog, type Logger } from '../logging';
import type { AgreementNotifier } from '../services/agreements/agreementPorts';
import type { ProgrammeNotifier, VolunteerCounts } from '../services/programmes/ports';
import type { AdaptiveCard } from './cards/adaptiveCard';
import { agreementInForceCard } from './cards/agreementInForceCard';
import { announcementCard } from './cards/announcementCard';
import { pairIntroductionCard } from './cards/pairIntroductionCard';
import { pairRequestCard } from './cards/pairRequestCard';
import { signUpConfirmationCard } from './cards/signUpConfirmationCard';
import { unpairedCard } from './cards/unpairedCard';
import { RECIPIENT_GONE, toSendError } from './connectorErrors';
import { type ConversationReferenceStore, scopeKeyFor } from './conversationReferences';
import type { SendPacer } from './sendPacer';

export interface ProactiveDeps {
  readonly adapter: CloudAdapter;
  /** Empty in local mode (no Bot Framework authentication). */
  readonly botAppId: string;
  readonly conversations: ConversationReferenceStore;
  readonly now: () => Date;
  readonly logger: Logger;
  /** Paces personal sends to Teams' limits; none in tests that do not care. */
  readonly pacer?: SendPacer;
}

export class ProactiveNotifier implements ProgrammeNotifier, AgreementNotifier {
  constructor(private readonly deps: ProactiveDeps) {}

  async postAnnouncement(
    programme: Programme,
    counts: VolunteerCounts,
  ): Promise<{ activityId: string; conversationId: string }> {
    const channel = await this.channelReference(programme);
    let activityId = '';
    await this.continueIn(channel, async (context) => {
      const card = announcementCard(programme, counts, this.deps.now(), programme.language);
      const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      activityId = sent?.id ?? '';
    });
    if (!activityId) throw new Error('the connector did not return an id for the announcement');
    return { activityId, conversationId: channel.conversation?.id ?? '' };
  }

  async updateAnnouncement(programme: Programme, counts: VolunteerCounts): Promise<void> {
    const posted = programme.announcement;
    if (!posted) return;
    await this.deps.pacer?.acquire(programme.tenantId, posted.conversationId);
    await this.putAnnouncement(programme, posted.activityId, counts);
  }

  async updateAnnouncementIfFree(
    programme: Programme,
    counts: () => Promise<VolunteerCounts>,
  ): Promise<boolean> {
    const posted = programme.announcement;
    if (!posted) return true;
    if (this.deps.pacer && !this.deps.pacer.tryAcquire(programme.tenantId, posted.conversationId))
      return false;
    await this.putAnnouncement(programme, posted.activityId, await counts());
    return true;
  }

  private async putAnnouncement(
    programme: Programme,
    activityId: string,
    counts: VolunteerCounts,
  ): Promise<void> {
    const channel = await this.channelReference(programme);
    await this.continueIn(channel, async (context) => {
      const card = announcementCard(programme, counts, this.deps.now(), programme.language);
      await context.updateActivity({
        id: activityId,
        type: 'message',
        attachments: [CardFactory.adaptiveCard(card)],
      } as Partial<Activity>);
    });
  }

  async confirmSignUp(programme: Programme, volunteer: Volunteer): Promise<void> {
    await this.sendPersonal(programme, volunteer.userId, (locale) =>
      signUpConfirmationCard(programme, volunteer, locale),
    );
  }

  async introducePair(programme: Programme, pair: Pair): Promise<{ unreachable: readonly string[] }> {
    const unreachable: string[] = [];
    for (const userId of memberIds(pair)) {
      try {
        await this.sendPersonal(programme, userId, (locale) =>
          pairIntroductionCard(programme, pair, userId, locale),
        );
      } catch (err) {
        this.deps.logger.warn(
          { err: errorForLog(err), pairId: pair.id },
          'could not introduce a pair member',
        );
        unreachable.push(userId);
      }
    }
    return { unreachable };
  }

  async askToConfirmPair(
    programme: Programme,
    requester: Volunteer,
    suggestion: PairSuggestion,
    names: Readonly<Record<string, string>>,
  ): Promise<void> {
    await Promise.all(
      programme.owners.map((ownerId) =>
        this.sendPersonal(programme, ownerId, (locale) =>
          pairRequestCard(
            programme,
            {
              requesterName: requester.name,
              mentorId: suggestion.mentorId,
              aktoriIds: suggestion.aktoriIds,
              names,
              explanation: explainSuggestion(suggestion.reasons as Reason[], locale, (tag) =>
                tagLabel(tag, locale),
              ),
            },
            locale,
          ),
        ),
      ),
    );
  }

  async agreementInForce(programme: Programme, pair: Pair, agreement: Agreement): Promise<void> {
    await Promise.all(
      memberIds(pair).map((userId) =>
        this.sendPersonal(programme, userId, (locale) =>
          agreementInForceCard(agreement, programme, pair.names, userId, locale),
        ).catch((err: unknown) =>
          this.deps.logger.warn(
            { err: errorForLog(err), pairId: pair.id },
            'could not confirm the agreement to a member',
          ),
        ),
      ),
    );
  }

  async tellUnpaired(programme: Programme, volunteer: Volunteer): Promise<void> {
    await this.sendPersonal(programme, volunteer.userId, (locale) =>
      unpairedCard(programme, volunteer, locale),
    );
  }

  /** Sends to the person's 1:1 chat, creating it from the programme's team roster when Polku has none yet. */
  async sendPersonal(
    programme: Programme,
    userId: string,
    build: (locale: Locale) => AdaptiveCard,
  ): Promise<void> {
    await this.personal(programme, userId, build, 'wait');
  }

  /**
   * As sendPersonal, but only if Teams' pace lets the message go now; false,
   * and nothing sent, if it would have to wait (the caller leaves it to the
   * scheduler rather than hold a click's answer).
   */
  async trySendPersonal(
    programme: Programme,
    userId: string,
    build: (locale: Locale) => AdaptiveCard,
  ): Promise<boolean> {
    return this.personal(programme, userId, build, 'now-or-not');
  }

  private async personal(
    programme: Programme,
    userId: string,
    build: (locale: Locale) => AdaptiveCard,
    pace: 'wait' | 'now-or-not',
  ): Promise<boolean> {
    const scopeKey = scopeKeyFor('personal', '', userId);
    const stored = await this.deps.conversations.get(programme.tenantId, scopeKey);
    if (stored?.deadAt) {
      throw new PolkuError('forbidden', 'The person has blocked Polku or removed it', {
        code: RECIPIENT_GONE,
      });
    }
    try {
      const conversationKey = stored?.conversationId ?? `new:${userId}`;
      if (pace === 'wait') await this.deps.pacer?.acquire(programme.tenantId, conversationKey);
      else if (this.deps.pacer && !this.deps.pacer.tryAcquire(programme.tenantId, conversationKey))
        return false;
      if (stored) {
        await this.continueIn(stored.reference, async (context) => {
          await sendCard(context, build(resolveLocale(stored.locale ?? programme.language)));
        });
        return true;
      }
      await this.createPersonal(programme, userId, build);
      return true;
    } catch (err) {
      const mapped = toSendError(err);
      if (stored && mapped instanceof PolkuError && mapped.code === RECIPIENT_GONE) {
        await this.deps.conversations.markDead(programme.tenantId, scopeKey, this.deps.now().toISOString());
      }
      throw mapped;
    }
  }

  private async createPersonal(
    programme: Programme,
    userId: string,
    build: (locale: Locale) => AdaptiveCard,
  ): Promise<void> {
    const channel = await this.channelReference(programme);
    await this.continueIn(channel, async (context) => {
      const member = await this.rosterMember(context, userId);
      // The new chat's callback runs as a turn too: its errors are carried out the same way.
      const inner: { failed: boolean; error?: unknown } = { failed: false };
      await this.deps.adapter.createConversationAsync(
        this.deps.botAppId,
        'msteams',
        channel.serviceUrl ?? '',
        '',
        {
          isGroup: false,
          bot: channel.bot ?? { id: '', name: 'Polku' },
          members: [member],
          tenantId: programme.tenantId,
          channelData: { tenant: { id: programme.tenantId } },
        } as Parameters<CloudAdapter['createConversationAsync']>[4],
        async (personal) => {
          const reference = personal.activity.conversation?.id
            ? ({ ...personalReference(channel, personal, member) } as Partial<ConversationReference>)
            : undefined;
          if (reference) {
            await this.deps.conversations.save({
              tenantId: programme.tenantId,
              scopeKey: scopeKeyFor('personal', '', userId),
              kind: 'personal',
              conversationId: reference.conversation?.id ?? '',
              serviceUrl: channel.serviceUrl ?? '',
              userAadObjectId: userId,
              reference,
              updatedAt: this.deps.now().toISOString(),
            });
          }
          try {
            await sendCard(personal, build(programme.language));
          } catch (err) {
            inner.failed = true;
            inner.error = err;
          }
        },
      );
      if (inner.failed) throw inner.error;
    });
  }

  /** Posts a new card to the programme's channel, in the programme's language (a shared learning, say). */
  async postToChannel(programme: Programme, build: (locale: Locale) => AdaptiveCard): Promise<void> {
    const channel = await this.channelReference(programme);
    await this.continueIn(channel, async (context) => {
      await sendCard(context, build(programme.language));
    });
  }

  /**
   * continueConversationAsync hands an error thrown in its callback to the
   * adapter's turn error handler, which logs it and carries on. A proactive
   * send has to fail to its caller (the scheduler retries a 429, gives up on a
   * 403), so the error is carried out of the callback here.
   */
  private async continueIn(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const outcome: { failed: boolean; error?: unknown } = { failed: false };
    await this.deps.adapter.continueConversationAsync(this.deps.botAppId, reference, async (context) => {
      try {
        await logic(context);
      } catch (err) {
        outcome.failed = true;
        outcome.error = err;
      }
    });
    if (outcome.failed) throw outcome.error;
  }

  private async rosterMember(context: TurnContext, userId: string): Promise<TeamsChannelAccount> {
    try {
      return await TeamsInfo.getMember(context, userId);
    } catch (err) {
      throw new PolkuError('not_found', `The person is not a member of the programme's team`, { cause: err });
    }
  }

  private async channelReference(
    programme: Programme,
  ): Promise<Partial<ConversationReference> & { serviceUrl?: string }> {
    if (!programme.channel)
      throw new PolkuError('not_found', 'The programme has no channel', { code: 'no_channel' });
    const stored = await this.deps.conversations.get(
      programme.tenantId,
      scopeKeyFor('channel', programme.channel.channelId),
    );
    if (!stored) {
      throw new PolkuError('not_found', 'Polku has not been added to the programme’s team', {
        code: 'not_in_team',
      });
    }
    return { ...stored.reference, serviceUrl: stored.serviceUrl };
  }
}

function personalReference(
  channel: Partial<ConversationReference>,
  personal: TurnContext,
  member: TeamsChannelAccount,
): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl: channel.serviceUrl,
    bot: channel.bot,
    user: { id: member.id, name: member.name, aadObjectId: member.aadObjectId },
    conversation: {
      id: personal.activity.conversation.id,
      conversationType: 'personal',
      isGroup: false,
      tenantId: channel.conversation?.tenantId,
      name: '',
    },
  };
}

async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}
