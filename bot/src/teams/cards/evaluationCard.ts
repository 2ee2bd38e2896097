/**
 * The final evaluation, one card per member: competence and dialogue skills
 * (1–5), whether the goals were reached, whether they would recommend
 * mentoring, and how what was learnt should be shared further. A refused
 * answer comes back on the same card with the problem named and the
 * person's choices kept.
 */
import type { Pair } from '../../domain/programme/pair';
import type { Programme } from '../../domain/programme/programme';
import { GOALS_REACHED, RATINGS, SHARE_CHANNELS } from '../../domain/rhythm/evaluation';
import { YES_NO } from '../../domain/rhythm/parseEvaluation';
import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import {
  type AdaptiveCard,
  type CardElement,
  card,
  execute,
  heading,
  notice,
  paragraph,
} from './adaptiveCard';
import { pairContext } from './checkInCard';

type PairNames = Pick<Pair, 'id' | 'programmeId' | 'mentorId' | 'aktoriIds' | 'names'>;

export function evaluationCard(
  programme: Pick<Programme, 'name'>,
  pair: PairNames,
  locale: Locale,
  options: { readonly problem?: string; readonly draft?: Readonly<Record<string, unknown>> } = {},
): AdaptiveCard {
  const t = translator(locale);
  const kept = (id: string, allowed: readonly string[]): Record<string, string> => {
    const v = options.draft?.[id];
    return typeof v === 'string' && allowed.includes(v) ? { value: v } : {};
  };
  const keptList = (id: string, allowed: readonly string[]): Record<string, string> => {
    const v = options.draft?.[id];
    if (typeof v !== 'string') return {};
    const items = v.split(',').filter((s) => allowed.includes(s));
    return items.length > 0 ? { value: items.join(',') } : {};
  };
  const ratings = RATINGS.map(String);
  const rating = (id: 'competence' | 'dialogue'): CardElement => ({
    type: 'Input.ChoiceSet',
    id,
    label: t(`evaluation.${id}`),
    style: 'expanded',
    isRequired: true,
    errorMessage: t('evaluation.required'),
    choices: RATINGS.map((r) => ({ title: t(`evaluation.rating.${r}`), value: String(r) })),
    ...kept(id, ratings),
  });
  return card(
    [
      heading(t('evaluation.title')),
      pairContext(programme, pair, locale),
      paragraph(t('evaluation.intro')),
      ...(options.problem ? [notice(options.problem)] : []),
      rating('competence'),
      rating('dialogue'),
      {
        type: 'Input.ChoiceSet',
        id: 'goalsReached',
        label: t('evaluation.goalsReached'),
        style: 'expanded',
        isRequired: true,
        errorMessage: t('evaluation.required'),
        choices: GOALS_REACHED.map((g) => ({ title: t(`evaluation.goalsReached.${g}`), value: g })),
        ...kept('goalsReached', GOALS_REACHED),
      },
      {
        type: 'Input.ChoiceSet',
        id: 'wouldRecommend',
        label: t('evaluation.wouldRecommend'),
        style: 'expanded',
        isRequired: true,
        errorMessage: t('evaluation.required'),
        choices: YES_NO.map((v) => ({ title: t(`evaluation.${v}`), value: v })),
        ...kept('wouldRecommend', YES_NO),
      },
      {
        type: 'Input.ChoiceSet',
        id: 'shareVia',
        label: t('evaluation.shareVia'),
        style: 'expanded',
        isMultiSelect: true,
        choices: SHARE_CHANNELS.map((c) => ({ title: t(`evaluation.shareVia.${c}`), value: c })),
        ...keptList('shareVia', SHARE_CHANNELS),
      },
      paragraph(t('evaluation.private'), { subtle: true }),
    ],
    locale,
    [
      execute(
        t('evaluation.submit'),
        'evaluation.submit',
        { programmeId: pair.programmeId, pairId: pair.id },
        { style: 'positive' },
      ),
    ],
  );
}

/** After submitting: thanks, or that an answer was already received (nothing changed). */
export function evaluationReceivedCard(result: 'received' | 'already', locale: Locale): AdaptiveCard {
  const t = translator(locale);
  return card(
    [
      heading(t('evaluation.title')),
      paragraph(t(result === 'received' ? 'evaluation.thanks' : 'evaluation.already')),
    ],
    locale,
  );
}
