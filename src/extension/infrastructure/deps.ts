// What every feature's register function receives: the log, the prompts, the command wrapper and the connection
// to a tenant (or the sandbox).
import type { Connections } from '../connection/connection';
import { CommandRegistrar } from './commandRegistrar';
import { Log } from './log';
import { UserInput } from './userInput';

export interface ExtensionDeps {
  log: Log;
  ui: UserInput;
  commands: CommandRegistrar;
  connections: Connections;
}
