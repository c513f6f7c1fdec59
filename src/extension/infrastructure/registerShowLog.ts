// "PIM Groups: Show Log", the target of every error toast's "Show Log".
import { COMMANDS } from '../commandIds';
import { CommandRegistrar } from './commandRegistrar';
import { Log } from './log';

export function registerShowLog(commands: CommandRegistrar, log: Log): void {
  commands.register(COMMANDS.showLog, () => log.show());
}
