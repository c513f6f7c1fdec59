import * as assert from 'node:assert/strict';
import { propertiesOf, schemasAt } from '../../../../src/definitions/authoring/schemaAtPath';

// A schema that uses every construct the walk follows, with names that exist in no definition: nothing is hard-coded.
const SCHEMA = {
  type: 'object',
  properties: { shape: { enum: ['circle', 'square'] } },
  allOf: [
    {
      if: { properties: { shape: { const: 'circle' } }, required: ['shape'] },
      then: { properties: { radius: { $ref: '#/definitions/length' } } },
      else: { properties: { side: { $ref: '#/definitions/length', description: 'Own words win.' } } },
    },
  ],
  definitions: {
    length: { type: 'string', description: 'A length.' },
    style: {
      anyOf: [{ type: 'null' }, { type: 'object', properties: { colour: { type: 'string' } } }],
    },
  },
  patternProperties: { '^x-': { $ref: '#/definitions/style' } },
} as const;

const names = (path: string[], scalars: Record<string, string>) =>
  propertiesOf(SCHEMA, schemasAt(SCHEMA, path, scalars)).map((p) => p.name);

describe('definitions/authoring: the schema at a path', () => {
  it('decides if/then/else at the root from the root scalars', () => {
    assert.deepEqual(names([], { shape: 'circle' }), ['shape', 'radius']);
    assert.deepEqual(names([], { shape: 'square' }), ['shape', 'side']);
  });

  it('follows $ref, keeping the referring node’s own description', () => {
    const [side] = schemasAt(SCHEMA, ['side'], { shape: 'square' });
    assert.equal(side.description, 'Own words win.');
    assert.equal(side.type, 'string');
    const [radius] = schemasAt(SCHEMA, ['radius'], { shape: 'circle' });
    assert.equal(radius.description, 'A length.');
  });

  it('reads patternProperties and every anyOf branch', () => {
    assert.deepEqual(names(['x-border'], {}), ['colour']);
    assert.deepEqual(
      schemasAt(SCHEMA, ['x-border'], {}).map((s) => s.type),
      [undefined, 'null', 'object'],
    );
  });

  it('finds nothing under a key the schema does not know', () => {
    assert.deepEqual(schemasAt(SCHEMA, ['nope', 'deeper'], {}), []);
  });
});
