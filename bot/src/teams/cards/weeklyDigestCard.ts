/**
 * The weekly digest to a programme's supervisors: how many, how far, and
 * which pairs may need a word — by name and reason, never by content.
 */
import type { AttentionFlag } from '../../domain/dashboard/attention';
import type { KeyFigures } from '../../domain/dashboard/buildDashboard';
import type { MessageKey } from '../../i18n/en';
import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import { joinList } from '../../i18n/wording';
import { type AdaptiveCard, card, factSet, heading, paragraph, plain, subheading } from './adaptiveCard';

export interface DigestPair {
  readonly names: readonly string[];
  readonly attention: readonly AttentionFlag[];
}

/** At most this many pairs are listed; the dashboard has the rest. */
export const DIGEST_MAX_PAIRS = 15;

const FLAG_KEYS: Readonly<Record<AttentionFlag, MessageKey>> = {
  'no-agreement': 'digest.flag.noAgreement',
  'no-meeting-booked': 'digest.flag.noMeeting',
  'checkpoint-waiting': 'digest.flag.checkpoint',
};

export function weeklyDigestCard(
  programmeName: string,
  figures: KeyFigures,
  attention: readonly DigestPair[],
  locale: Locale,
): AdaptiveCard {
  const t = translator(locale);
  const body = [
    heading(t('digest.title', { programme: plain(programmeName) })),
    factSet([
      [t('digest.volunteers'), t('digest.volunteers.value', figures.volunteers)],
      [
        t('digest.pairs'),
        t('digest.pairs.value', { total: figures.pairs.total, active: figures.pairs.active }),
      ],
      [t('digest.agreements'), String(figures.agreementsInForce)],
      [t('digest.meetings'), t('digest.meetings.value', figures.meetings)],
      [t('digest.checkpoints'), t('digest.checkpoints.value', figures.checkpoints)],
    ]),
  ];
  if (attention.length === 0) {
    body.push(paragraph(t('digest.allWell')));
  } else {
    body.push(subheading(t('digest.attention', { count: attention.length })));
    for (const p of attention.slice(0, DIGEST_MAX_PAIRS)) {
      const reasons = p.attention.map((f) => t(FLAG_KEYS[f]));
      body.push(paragraph(`**${joinList(p.names.map(plain), locale)}**: ${joinList(reasons, locale)}`));
    }
    if (attention.length > DIGEST_MAX_PAIRS) {
      body.push(
        paragraph(t('digest.more', { count: attention.length - DIGEST_MAX_PAIRS }), { subtle: true }),
      );
    }
  }
  body.push(paragraph(t('digest.confidential'), { subtle: true }));
  return card(body, locale);
}
