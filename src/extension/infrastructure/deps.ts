// What every feature's register function receives: the log, the prompts and the command wrapper.
import { CommandRegistrar } from './commandRegistrar';
import { Log } from './log';
import { UserInput } from './userInput';

export interface ExtensionDeps {
  log: Log;
  ui: UserInput;
  commands: CommandRegistrar;
}
