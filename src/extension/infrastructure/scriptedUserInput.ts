// Answers prompts from a script, for host tests (vscode-azuretools' TestUserInput idea). An unexpected prompt,
// a prompt of the wrong kind, or a refused input fails loudly instead of hanging on a dialog nobody sees.
import { UserCancelledError } from './errors';
import { ConfirmOptions, InputOptions, PickItem, PickOptions, UserInput, promptText } from './userInput';

/**
 * One answer to the next prompt. `expect` (optional) is a substring that the prompt's title, placeholder,
 * prompt or message must contain.
 * - `{ pick: 'Intune RBAC' }` picks the item whose label is exactly that (or whose label starts with it);
 *   `{ pick: 2 }` picks by 0-based index.
 * - `{ input: 'my-group' }` types that value (it must pass the prompt's validation).
 * - `{ confirm: true }` presses the confirm button; `{ confirm: false }` declines (cancels).
 * - `{ cancel: true }` presses Escape on whatever prompt comes.
 */
export type ScriptedAnswer =
  | { pick: string | number; expect?: string }
  | { input: string; expect?: string }
  | { confirm: boolean; expect?: string }
  | { cancel: true; expect?: string };

export interface AskedPrompt {
  kind: 'pick' | 'input' | 'confirm';
  text: string;
  answer: string;
  /** A pick: the chosen item's description and detail lines, as the quick pick shows them. */
  shown?: string;
  /** A pick: every item's label and description ("Extend… — a later end"), in the order offered. */
  offered?: string[];
}

export class ScriptedUserInput implements UserInput {
  private readonly queue: ScriptedAnswer[];
  readonly asked: AskedPrompt[] = [];

  constructor(answers: readonly ScriptedAnswer[]) {
    this.queue = [...answers];
  }

  get remaining(): readonly ScriptedAnswer[] {
    return this.queue;
  }

  async pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<PickItem<T>> {
    const answer = this.next('pick', options);
    if (!('pick' in answer)) throw this.wrongKind('pick', options, answer);
    const wanted = answer.pick;
    const item =
      typeof wanted === 'number'
        ? items[wanted]
        : (items.find((i) => i.label === wanted) ?? items.find((i) => i.label.startsWith(wanted)));
    if (!item) {
      throw new Error(
        `Scripted pick "${wanted}" matches none of: ${items.map((i) => i.label).join(', ')} (prompt "${promptText('pick', options)}")`,
      );
    }
    this.record('pick', options, item.label, [item.description, item.detail].filter(Boolean).join(' · '));
    this.asked[this.asked.length - 1].offered = items.map((i) => [i.label, i.description].filter(Boolean).join(' — '));
    return item;
  }

  async input(options: InputOptions): Promise<string> {
    const answer = this.next('input', options);
    if (!('input' in answer)) throw this.wrongKind('input', options, answer);
    const refusal = await options.validate?.(answer.input);
    if (refusal)
      throw new Error(
        `Scripted input "${answer.input}" was refused by prompt "${promptText('input', options)}": ${refusal}`,
      );
    this.record('input', options, answer.input);
    return answer.input;
  }

  async confirm(options: ConfirmOptions): Promise<void> {
    const answer = this.next('confirm', options);
    if (!('confirm' in answer)) throw this.wrongKind('confirm', options, answer);
    this.record('confirm', options, String(answer.confirm));
    if (!answer.confirm) throw new UserCancelledError(options.message);
  }

  private next(kind: AskedPrompt['kind'], options: PickOptions | InputOptions | ConfirmOptions): ScriptedAnswer {
    const text = promptText(kind, options);
    const answer = this.queue.shift();
    if (!answer) throw new Error(`Unexpected ${kind} prompt "${text}": no scripted answer left`);
    if (answer.expect !== undefined && !text.includes(answer.expect)) {
      throw new Error(
        `Scripted answer expected a prompt containing "${answer.expect}" but got ${kind} prompt "${text}"`,
      );
    }
    if ('cancel' in answer) {
      this.asked.push({ kind, text, answer: 'cancel' });
      throw new UserCancelledError(text);
    }
    return answer;
  }

  private wrongKind(
    kind: AskedPrompt['kind'],
    options: PickOptions | InputOptions | ConfirmOptions,
    answer: ScriptedAnswer,
  ): Error {
    return new Error(
      `Scripted answer ${JSON.stringify(answer)} does not fit the ${kind} prompt "${promptText(kind, options)}"`,
    );
  }

  private record(
    kind: AskedPrompt['kind'],
    options: PickOptions | InputOptions | ConfirmOptions,
    answer: string,
    shown?: string,
  ): void {
    this.asked.push({ kind, text: promptText(kind, options), answer, ...(shown ? { shown } : {}) });
  }
}

/** The `ui` every feature receives: VS Code's prompts, or a script while a host test has set one. */
export class SwitchableUserInput implements UserInput {
  private script: ScriptedUserInput | undefined;

  constructor(private readonly real: UserInput) {}

  /** From now on, prompts are answered from `answers` (and fail when they run out) until `useRealPrompts()`. */
  useScript(answers: readonly ScriptedAnswer[]): ScriptedUserInput {
    this.script = new ScriptedUserInput(answers);
    return this.script;
  }

  useRealPrompts(): void {
    this.script = undefined;
  }

  get currentScript(): ScriptedUserInput | undefined {
    return this.script;
  }

  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<PickItem<T>> {
    return (this.script ?? this.real).pick(items, options);
  }

  input(options: InputOptions): Promise<string> {
    return (this.script ?? this.real).input(options);
  }

  confirm(options: ConfirmOptions): Promise<void> {
    return (this.script ?? this.real).confirm(options);
  }
}
