import * as assert from 'node:assert/strict';
import { UserCancelledError } from '../../../../src/extension/infrastructure/errors';
import { ScriptedUserInput, SwitchableUserInput } from '../../../../src/extension/infrastructure/scriptedUserInput';
import { UserInput } from '../../../../src/extension/infrastructure/userInput';

const items = [
  { label: 'Intune RBAC', description: 'intune-rbac', value: 'intune' },
  { label: 'Azure resource access', value: 'azure' },
];

describe('extension: scripted prompts for host tests', () => {
  it('answers pick, input and confirm prompts in order and records them', async () => {
    const ui = new ScriptedUserInput([{ pick: 'Azure resource access' }, { input: 'contractors' }, { confirm: true }]);
    assert.equal((await ui.pick(items, { placeholder: 'What is the group for?' })).value, 'azure');
    assert.equal(await ui.input({ prompt: 'Name' }), 'contractors');
    await ui.confirm({ message: 'Replace it?', confirmLabel: 'Replace' });
    assert.deepEqual(
      ui.asked.map((a) => `${a.kind}:${a.answer}`),
      ['pick:Azure resource access', 'input:contractors', 'confirm:true'],
    );
    assert.deepEqual(ui.remaining, []);
  });

  it('picks by index or by the start of a label', async () => {
    const ui = new ScriptedUserInput([{ pick: 1 }, { pick: 'Intune' }]);
    assert.equal((await ui.pick(items, { placeholder: 'p' })).value, 'azure');
    assert.equal((await ui.pick(items, { placeholder: 'p' })).value, 'intune');
  });

  it('presses Escape with { cancel: true } and declines with { confirm: false }', async () => {
    const ui = new ScriptedUserInput([{ cancel: true }, { confirm: false }]);
    await assert.rejects(ui.input({ prompt: 'Name' }), UserCancelledError);
    await assert.rejects(ui.confirm({ message: 'Replace it?', confirmLabel: 'Replace' }), UserCancelledError);
  });

  it('fails loudly on a prompt nobody scripted', async () => {
    const ui = new ScriptedUserInput([]);
    await assert.rejects(
      ui.input({ prompt: 'Name of the definition' }),
      /Unexpected input prompt "Name of the definition"/,
    );
  });

  it('fails when the answer is for another kind of prompt or another prompt', async () => {
    await assert.rejects(
      new ScriptedUserInput([{ input: 'x' }]).pick(items, { placeholder: 'p' }),
      /does not fit the pick prompt/,
    );
    await assert.rejects(
      new ScriptedUserInput([{ input: 'x', expect: 'Name' }]).input({ prompt: 'Ticket number' }),
      /expected a prompt containing "Name"/,
    );
    await assert.rejects(
      new ScriptedUserInput([{ pick: 'Teams' }]).pick(items, { placeholder: 'p' }),
      /matches none of/,
    );
  });

  it("refuses a scripted input that the prompt's validation refuses", async () => {
    const ui = new ScriptedUserInput([{ input: 'Bad Name' }]);
    await assert.rejects(
      ui.input({ prompt: 'Name', validate: (v) => (/^[a-z-]+$/.test(v) ? undefined : 'Use lowercase letters') }),
      /refused.*Use lowercase letters/,
    );
  });

  it('switches between the real prompts and a script', async () => {
    const calls: string[] = [];
    const real: UserInput = {
      pick: async (list) => {
        calls.push('real pick');
        return list[0];
      },
      input: async () => {
        calls.push('real input');
        return 'typed';
      },
      confirm: async () => {
        calls.push('real confirm');
      },
    };
    const ui = new SwitchableUserInput(real);
    assert.equal(await ui.input({ prompt: 'Name' }), 'typed');
    ui.useScript([{ input: 'scripted' }]);
    assert.equal(await ui.input({ prompt: 'Name' }), 'scripted');
    await assert.rejects(ui.input({ prompt: 'Name' }), /no scripted answer left/);
    ui.useRealPrompts();
    assert.equal(await ui.input({ prompt: 'Name' }), 'typed');
    assert.deepEqual(calls, ['real input', 'real input']);
  });
});
