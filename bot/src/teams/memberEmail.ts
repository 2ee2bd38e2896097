/**
 * The acting person's mailbox address, from the Teams roster (activities do
 * not carry it). Booking meetings needs it; a sign-up must not fail without
 * it, so a roster that does not answer is logged and the address left out.
 */
import { TeamsInfo, type TurnContext } from 'botbuilder';
import { errorForLog, type Logger } from '../logging';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

export async function memberEmail(context: TurnContext, logger: Logger): Promise<string | undefined> {
  const id = context.activity.from?.id;
  if (!id) return undefined;
  try {
    const member = await TeamsInfo.getMember(context, id);
    const address = member.email ?? member.userPrincipalName ?? '';
    return EMAIL.test(address) ? address.toLowerCase() : undefined;
  } catch (err) {
    logger.warn(
      { err: errorForLog(err) },
      'roster did not give the member’s address; meetings cannot be booked for them yet',
    );
    return undefined;
  }
}
