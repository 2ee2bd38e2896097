/**
 * Learnings on cards: proposing one, the partner's approve/decline card,
 * what each member is told afterwards, and the card a supervisor posts to
 * the programme's channel. A learning's text is what people typed: always
 * plain() in TextBlocks. The channel card names neither the pair nor who
 * proposed it; the pair agreed to share the learning, not themselves.
 */
import type { Pair } from '../../domain/programme/pair';
import type { Programme } from '../../domain/programme/programme';
import { LEARNING_MAX_LENGTH, type Learning } from '../../domain/rhythm/learning';
import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import { joinList } from '../../i18n/wording';
import { type AdaptiveCard, card, execute, heading, notice, paragraph, plain } from './adaptiveCard';
import { pairContext } from './checkInCard';

type PairNames = Pick<Pair, 'id' | 'programmeId' | 'mentorId' | 'aktoriIds' | 'names'>;

/** A pair the person can propose for; the value names programme and pair. */
export interface LearningPairOption {
  readonly programmeId: string;
  readonly pairId: string;
  readonly programmeName: string;
  readonly partnerNames: readonly string[];
}

export function learningPairValue(o: Pick<LearningPairOption, 'programmeId' | 'pairId'>): string {
  return `${o.programmeId}|${o.pairId}`;
}

/** The form: a text box, and which pair when the person has several. */
export function learningProposeCard(
  pairs: readonly LearningPairOption[],
  locale: Locale,
  options: { readonly problem?: string; readonly draft?: string } = {},
): AdaptiveCard {
  const t = translator(locale);
  const [only] = pairs;
  const choose = pairs.length > 1 || !only;
  return card(
    [
      heading(t('learning.propose.title')),
      paragraph(t('learning.propose.intro')),
      ...(options.problem ? [notice(options.problem)] : []),
      ...(choose
        ? [
            {
              type: 'Input.ChoiceSet',
              id: 'pair',
              label: t('learning.propose.pair'),
              isRequired: true,
              errorMessage: t('learning.propose.pair.error'),
              choices: pairs.map((p) => ({
                title: `${p.programmeName} · ${joinList(p.partnerNames, locale)}`,
                value: learningPairValue(p),
              })),
            },
          ]
        : []),
      {
        type: 'Input.Text',
        id: 'learning',
        label: t('learning.propose.text'),
        placeholder: t('learning.propose.placeholder'),
        isMultiline: true,
        isRequired: true,
        maxLength: LEARNING_MAX_LENGTH,
        errorMessage: t('learning.propose.text.error', { max: LEARNING_MAX_LENGTH }),
        ...(options.draft ? { value: options.draft } : {}),
      },
      paragraph(t('learning.propose.approval'), { subtle: true }),
    ],
    locale,
    [
      execute(
        t('learning.propose.send'),
        'learning.propose',
        choose || !only ? {} : { programmeId: only.programmeId, pairId: only.pairId },
        { style: 'positive' },
      ),
    ],
  );
}

/** To the proposer: sent for approval (or already waiting for it). */
export function learningProposedCard(
  learning: Pick<Learning, 'text' | 'status'>,
  partnerNames: readonly string[],
  locale: Locale,
): AdaptiveCard {
  const t = translator(locale);
  const names = joinList(partnerNames.map(plain), locale);
  const key =
    learning.status === 'approved' ? 'learning.proposed.approved' : ('learning.proposed.waiting' as const);
  return card(
    [heading(t('learning.proposed.title')), paragraph(plain(learning.text)), paragraph(t(key, { names }))],
    locale,
  );
}

/** To a partner: approve or decline sharing this text. */
export function learningApprovalCard(
  programme: Pick<Programme, 'name'>,
  pair: PairNames,
  learning: Pick<Learning, 'id' | 'programmeId' | 'text' | 'proposedBy'>,
  locale: Locale,
): AdaptiveCard {
  const t = translator(locale);
  const data = { programmeId: learning.programmeId, learningId: learning.id };
  return card(
    [
      heading(t('learning.approve.title', { name: plain(pair.names[learning.proposedBy] ?? '') })),
      pairContext(programme, pair, locale),
      paragraph(plain(learning.text)),
      paragraph(t('learning.approve.rule'), { subtle: true }),
    ],
    locale,
    [
      execute(t('learning.approve'), 'learning.approve', data, { style: 'positive', inputs: 'none' }),
      execute(t('learning.decline'), 'learning.decline', data, { inputs: 'none' }),
    ],
  );
}

export type LearningState = 'waiting' | 'shared' | 'withdrawn' | 'declined';

/** What a member sees after answering, or when told what became of a learning. */
export function learningStateCard(
  learning: Pick<Learning, 'text'>,
  state: LearningState,
  locale: Locale,
): AdaptiveCard {
  const t = translator(locale);
  return card(
    [
      heading(t(`learning.state.${state}.title`)),
      paragraph(plain(learning.text)),
      paragraph(t(`learning.state.${state}`)),
    ],
    locale,
  );
}

/** Posted to the programme's channel by a supervisor, in the programme's language. */
export function learningChannelCard(
  programme: Pick<Programme, 'name'>,
  learning: Pick<Learning, 'text'>,
  locale: Locale,
): AdaptiveCard {
  const t = translator(locale);
  return card(
    [
      heading(t('learning.channel.title')),
      paragraph(t('learning.channel.programme', { programme: plain(programme.name) }), { subtle: true }),
      paragraph(plain(learning.text)),
      paragraph(t('learning.channel.note'), { subtle: true }),
    ],
    locale,
  );
}
