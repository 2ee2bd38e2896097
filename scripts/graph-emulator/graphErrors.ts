/**
 * Graph's error body, `{ error: { code, message, innerError: { request-id,
 * date, client-request-id } } }`, thrown from handlers as one exception type
 * so the server writes every failure the same way Graph does.
 */

export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export interface GraphErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly innerError: {
      readonly 'request-id': string;
      readonly date: string;
      readonly 'client-request-id'?: string;
    };
  };
}

/** Graph writes the date without a zone designator and without fractions ("2019-03-05T12:36:46"). */
export function graphErrorBody(
  code: string,
  message: string,
  requestId: string,
  now: Date,
  clientRequestId?: string,
): GraphErrorBody {
  return {
    error: {
      code,
      message,
      innerError: {
        'request-id': requestId,
        date: now.toISOString().slice(0, 19),
        ...(clientRequestId ? { 'client-request-id': clientRequestId } : {}),
      },
    },
  };
}

export const invalidRequest = (message: string) => new GraphHttpError(400, 'ErrorInvalidRequest', message);

export const itemNotFound = () =>
  new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');

export const invalidUser = (user: string) =>
  new GraphHttpError(404, 'ErrorInvalidUser', `The requested user '${user}' is invalid.`);

export const mailboxNotEnabled = () =>
  new GraphHttpError(
    404,
    'MailboxNotEnabledForRESTAPI',
    'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
  );

export const zoneNotSupported = (zone: string) =>
  new GraphHttpError(
    400,
    'TimeZoneNotSupportedException',
    `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${zone}'.`,
  );
