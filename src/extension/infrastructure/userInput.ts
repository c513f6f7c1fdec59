// Prompts behind an interface: commands call ui.pick / ui.input / ui.confirm and read straight through, because
// every prompt throws UserCancelledError on Escape. VS Code's implementation is vscodeUserInput.ts; host tests
// script answers with scriptedUserInput.ts. Pure: no `vscode`.

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
}

export interface PickOptions {
  title?: string;
  placeholder: string;
}

export interface InputOptions {
  title?: string;
  prompt: string;
  value?: string;
  placeholder?: string;
  /** Returns a message when the value is refused, undefined when it is accepted. */
  validate?(value: string): string | undefined | Promise<string | undefined>;
}

export interface ConfirmOptions {
  message: string;
  detail?: string;
  /** The label of the button that confirms ("Replace", "Apply"); anything else cancels. */
  confirmLabel: string;
  modal?: boolean;
}

export interface UserInput {
  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<PickItem<T>>;
  input(options: InputOptions): Promise<string>;
  /** Resolves when the user confirms; throws UserCancelledError otherwise. */
  confirm(options: ConfirmOptions): Promise<void>;
}

/** The words a prompt shows, used to check a scripted answer went to the prompt the test expected. */
export function promptText(
  kind: 'pick' | 'input' | 'confirm',
  options: PickOptions | InputOptions | ConfirmOptions,
): string {
  if (kind === 'pick') {
    const o = options as PickOptions;
    return [o.title, o.placeholder].filter(Boolean).join(' - ');
  }
  if (kind === 'input') {
    const o = options as InputOptions;
    return [o.title, o.prompt].filter(Boolean).join(' - ');
  }
  const o = options as ConfirmOptions;
  return [o.message, o.detail].filter(Boolean).join(' - ');
}
