// "PIM Groups: Show Log", the target of every error toast's "Show Log".
import { COMMANDS } from '../commandIds';
import { ExtensionDeps } from './deps';

export function registerShowLog(deps: ExtensionDeps): void {
  deps.commands.register(COMMANDS.showLog, () => deps.log.show());
}
