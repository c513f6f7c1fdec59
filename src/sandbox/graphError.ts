// A Graph error: thrown by handlers, turned into the service's envelope
// { error: { code, message, innerError: { date, request-id, client-request-id } } } by the server.

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, code = 'BadRequest') => new GraphError(400, code, message);
export const notFound = (message: string, code = 'Request_ResourceNotFound') => new GraphError(404, code, message);

/** innerError.date as the service writes it: seconds precision, no zone designator. */
export function errorDate(d: Date): string {
  return d.toISOString().slice(0, 19);
}

export function errorBody(
  status: number,
  code: string,
  message: string,
  date: Date,
  requestId: string,
  clientRequestId: string,
) {
  return {
    error: {
      code,
      message,
      innerError: { date: errorDate(date), 'request-id': requestId, 'client-request-id': clientRequestId },
    },
  };
}
