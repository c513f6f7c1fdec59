// UserInput on VS Code's quick pick, input box and message boxes. Escape becomes UserCancelledError.
import * as vscode from 'vscode';
import { UserCancelledError } from './errors';
import { ConfirmOptions, InputOptions, PickItem, PickOptions, UserInput } from './userInput';

export class VsCodeUserInput implements UserInput {
  async pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<PickItem<T>> {
    const picked = await vscode.window.showQuickPick(
      items.map((item) => ({ ...item })),
      {
        title: options.title,
        placeHolder: options.placeholder,
        matchOnDescription: true,
        matchOnDetail: true,
        ignoreFocusOut: true,
      },
    );
    if (!picked) throw new UserCancelledError(options.placeholder);
    return picked;
  }

  async input(options: InputOptions): Promise<string> {
    const value = await vscode.window.showInputBox({
      title: options.title,
      prompt: options.prompt,
      value: options.value,
      placeHolder: options.placeholder,
      validateInput: options.validate,
      ignoreFocusOut: true,
    });
    if (value === undefined) throw new UserCancelledError(options.prompt);
    return value;
  }

  async confirm(options: ConfirmOptions): Promise<void> {
    const answer = await vscode.window.showWarningMessage(
      options.message,
      { modal: options.modal ?? true, detail: options.detail },
      options.confirmLabel,
    );
    if (answer !== options.confirmLabel) throw new UserCancelledError(options.message);
  }
}
