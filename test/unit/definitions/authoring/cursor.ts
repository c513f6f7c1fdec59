// Test helper: a document written with `|` where the cursor is → its lines and the cursor's position.
import { LinePosition } from '../../../../src/definitions/authoring/cursorContext';

export function withCursor(text: string): { lines: string[]; position: LinePosition } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('|'));
  if (line < 0) throw new Error('no | cursor in the text');
  const character = lines[line].indexOf('|');
  lines[line] = lines[line].replace('|', '');
  return { lines, position: { line, character } };
}
