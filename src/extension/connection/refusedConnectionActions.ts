// A refused local connection in words a user can act on: which address, that the sandbox is not running, and the
// two ways forward ("Use the built-in sandbox", "Retry"). The engine reports it with a stable code at once.
import type { ErrorAction } from '../infrastructure/errors';
import { hasCode } from '../infrastructure/errors';
import type { ConnectionService } from './connectionService';

export const USE_BUILT_IN_SANDBOX = 'Use the built-in sandbox';
export const RETRY = 'Retry';

export function explainRefusedConnection(
  error: unknown,
  service: Pick<ConnectionService, 'current' | 'connectBuiltInSandbox'>,
  retry: () => unknown,
): { sentence: string; actions: ErrorAction[] } | undefined {
  if (!hasCode(error, 'PIM_CONNECTION_REFUSED')) return undefined;
  const origin = (error as { origin?: string }).origin ?? 'its address';
  const sandbox = service.current()?.kind === 'sandbox';
  const sentence = sandbox
    ? `The sandbox at ${origin} is not running (connection refused): start it again, or use the built-in sandbox.`
    : `Nothing is listening at ${origin} (connection refused): check pimGroups.graph.endpoint, or use the built-in sandbox.`;
  return {
    sentence,
    actions: [
      { title: USE_BUILT_IN_SANDBOX, run: () => service.connectBuiltInSandbox() },
      { title: RETRY, run: retry },
    ],
  };
}
