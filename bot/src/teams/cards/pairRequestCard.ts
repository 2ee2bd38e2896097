import type { Programme } from '../../domain/programme/programme';
import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import { joinList } from '../../i18n/wording';
import { type AdaptiveCard, card, execute, heading, paragraph, plain } from './adaptiveCard';

export interface PairProposalView {
  readonly requesterName: string;
  readonly mentorId: string;
  readonly aktoriIds: readonly string[];
  readonly names: Readonly<Record<string, string>>;
  /** Plain words on why these people fit, already in the recipient's language. */
  readonly explanation: string;
}

/**
 * To a non-stop programme's supervisor: someone asked for a pair and Polku
 * suggests one. Confirming forms it exactly as the tab's confirmation does.
 */
export function pairRequestCard(
  programme: Programme,
  proposal: PairProposalView,
  locale: Locale,
): AdaptiveCard {
  const t = translator(locale);
  const name = (id: string) => plain(proposal.names[id] ?? '');
  const data = { programmeId: programme.id, mentorId: proposal.mentorId, aktoriIds: proposal.aktoriIds };
  return card(
    [
      heading(t('pairConfirm.title', { name: plain(proposal.requesterName) })),
      paragraph(t('pairConfirm.body', { programme: plain(programme.name) })),
      paragraph(
        t('pairConfirm.pair', {
          mentor: name(proposal.mentorId),
          aktoriLabel: t('pairConfirm.aktoriLabel'),
          aktoris: joinList(proposal.aktoriIds.map(name), locale),
        }),
      ),
      paragraph(plain(proposal.explanation), { subtle: true }),
    ],
    locale,
    [
      execute(t('pairConfirm.confirm'), 'pair.confirm', data, { style: 'positive' }),
      execute(t('pairConfirm.decline'), 'pair.decline', { programmeId: programme.id }),
    ],
  );
}
