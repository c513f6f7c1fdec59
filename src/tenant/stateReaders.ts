// The reader loads groups, policies, schedules and principals itself. What membership grants elsewhere is read by
// readers that the bindings layer registers here when it loads, so this layer names no binding kind.
import type { GraphTransport } from '../graph/transport';
import type { ActualState, ReadScope } from './actualState';

export interface StateReader {
  /** Adds its part to `state` (whose groups are already looked up) when `scope` asks for it. */
  read(t: GraphTransport, scope: ReadScope, state: ActualState, signal?: AbortSignal): Promise<void>;
}

const readers: StateReader[] = [];

export function registerStateReader(reader: StateReader): void {
  if (!readers.includes(reader)) readers.push(reader);
}

/** Every registered reader; a scope that asks for bindings with none registered is a programming error. */
export function stateReadersFor(scope: ReadScope): readonly StateReader[] {
  if (scope.bindings?.kinds.length && !readers.length)
    throw new Error('The read scope asks for bindings, but no binding reader is registered (import src/bindings).');
  return readers;
}
