// What every feature's register function receives: the log, the prompts, the command wrapper and the connection
// to a tenant (or the sandbox), and the one event that says the tenant changed.
import type { Connections } from './connection';
import type { TenantChanges } from './tenantChanges';
import { CommandRegistrar } from '../infrastructure/commandRegistrar';
import { Log } from '../infrastructure/log';
import { UserInput } from '../infrastructure/userInput';

export interface ExtensionDeps {
  log: Log;
  ui: UserInput;
  commands: CommandRegistrar;
  connections: Connections;
  /** The one refresh path: writers announce tenant writes, views listen. */
  tenant: TenantChanges;
}
