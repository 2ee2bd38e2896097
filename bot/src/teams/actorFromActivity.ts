/** The acting person as Teams identified them: tenant and Entra object id come from Teams, never from card data. */
import type { Activity } from 'botbuilder';
import { PolkuError } from '../domain/errors';
import type { Actor } from '../services/actor';
import { turnInfo } from './turnContextInfo';

export function actorFrom(activity: Activity, localTenantId: string | undefined): Actor {
  const info = turnInfo(activity);
  const tenantId = info.tenantId ?? localTenantId;
  const userId = activity.from?.aadObjectId;
  if (!tenantId || !userId) {
    throw new PolkuError('unauthenticated', 'The activity does not say who is acting');
  }
  return { tenantId, userId, name: (activity.from?.name ?? '').slice(0, 120) };
}
