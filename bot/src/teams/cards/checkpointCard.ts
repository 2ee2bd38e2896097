/**
 * The checkpoint after the first phase: continue with a new phase, or
 * conclude. The card promises what the outcome messages keep: nobody is
 * told who chose what.
 */
import type { Pair } from '../../domain/programme/pair';
import type { Programme } from '../../domain/programme/programme';
import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import { type AdaptiveCard, card, execute, heading, paragraph } from './adaptiveCard';
import { pairContext } from './checkInCard';

type PairNames = Pick<Pair, 'id' | 'programmeId' | 'mentorId' | 'aktoriIds' | 'names'>;

export function checkpointCard(
  programme: Pick<Programme, 'name'>,
  pair: PairNames,
  locale: Locale,
): AdaptiveCard {
  const t = translator(locale);
  const data = { programmeId: pair.programmeId, pairId: pair.id };
  return card(
    [
      heading(t('checkpoint.title')),
      pairContext(programme, pair, locale),
      paragraph(t('checkpoint.question')),
      paragraph(t('checkpoint.private'), { subtle: true }),
    ],
    locale,
    [
      execute(
        t('checkpoint.continue'),
        'checkpoint.choose',
        { ...data, choice: 'continue' },
        { style: 'positive' },
      ),
      execute(t('checkpoint.conclude'), 'checkpoint.choose', { ...data, choice: 'conclude' }),
    ],
  );
}

/** After choosing: waiting for the others, or the outcome (the same words for everyone). */
export function checkpointOutcomeCard(
  programme: Pick<Programme, 'name'>,
  pair: PairNames,
  outcome: 'continued' | 'concluded' | undefined,
  locale: Locale,
): AdaptiveCard {
  const t = translator(locale);
  const context = pairContext(programme, pair, locale);
  if (outcome === 'continued') {
    return card(
      [heading(t('checkpoint.continued.title')), context, paragraph(t('checkpoint.continued.body'))],
      locale,
      [
        execute(t('checkpoint.openAgreement'), 'agreement.open', { pairId: pair.id }, { inputs: 'none' }),
        execute(t('checkpoint.book'), 'meeting.find', { pairId: pair.id }, { inputs: 'none' }),
      ],
    );
  }
  if (outcome === 'concluded') {
    return card(
      [heading(t('checkpoint.concluded.title')), context, paragraph(t('checkpoint.concluded.body'))],
      locale,
    );
  }
  return card([heading(t('checkpoint.title')), context, paragraph(t('checkpoint.waiting'))], locale);
}
