/**
 * Which programme a channel tab is about. A tab saved by the configuration
 * page names its programme in the content URL (see channelTabConfig); a tab
 * saved without one (before that, or when the person could not be signed in
 * while configuring) is matched to the programme announced in its channel.
 */
import type { ApiClient } from '../api/client';
import { hrefOf } from '../routing/route';

export interface ManagedProgramme {
  readonly id: string;
  readonly name: string;
  /** Announced in (or created for) the channel the tab is in. */
  readonly inThisChannel: boolean;
}

/**
 * The programmes the person runs (owner or coordinator: only they see a dashboard), those of this
 * channel first. One read per managed programme: a person runs a handful, not hundreds.
 */
export async function managedProgrammes(
  api: ApiClient,
  channelId: string | undefined,
): Promise<ManagedProgramme[]> {
  const mine = (await api.programmes()).filter((p) => p.role === 'owner' || p.role === 'coordinator');
  const details = await Promise.all(mine.map((p) => api.programme(p.id)));
  return details
    .map((d) => ({
      id: d.programme.id,
      name: d.programme.name,
      inThisChannel: channelId !== undefined && sameChannel(d.programme.channel?.channelId, channelId),
    }))
    .sort((a, b) => Number(b.inThisChannel) - Number(a.inThisChannel));
}

/** The one programme of this channel that the person runs, or undefined when there is none or several. */
export async function programmeOfChannel(api: ApiClient, channelId: string): Promise<string | undefined> {
  const here = (await managedProgrammes(api, channelId)).filter((p) => p.inThisChannel);
  return here.length === 1 ? here[0]?.id : undefined;
}

/** Teams may add ";messageid=…" to a channel's conversation id; the channel is the part before it. */
function sameChannel(stored: string | undefined, channelId: string): boolean {
  return stored !== undefined && stored.split(';')[0] === channelId.split(';')[0];
}

/**
 * A channel tab saved without its programme: lands on the dashboard of the one programme of this channel
 * that the person runs. Replaces the empty hash, so Back does not return to a page that redirects again.
 */
export async function landOnChannelProgramme(api: ApiClient, channelId: string): Promise<void> {
  // When the lookup fails, the tab shows the programmes instead, and that page reports the failure itself.
  const id = await programmeOfChannel(api, channelId).catch(() => undefined);
  if (id && !window.location.hash) window.location.replace(hrefOf({ kind: 'dashboard', id }));
}
