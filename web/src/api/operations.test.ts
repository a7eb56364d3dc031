import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ALL_OPERATIONS } from './operations';

// The service's schema, one file per feature, straight from the repository: an operation that a
// schema change breaks fails here.
const dir = join(__dirname, '../../../graphql-schema');
const sdl = readdirSync(dir)
  .filter((f) => f.endsWith('.graphqls'))
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8'))
  .join('\n');
const schema = buildSchema(sdl);

describe('operations', () => {
  for (const op of ALL_OPERATIONS) {
    it(`${op.name} is valid against graphql-schema/`, () => {
      const doc = parse(op.document);
      const errors = validate(schema, doc).map((e) => e.message);
      expect(errors).toEqual([]);
      const names = doc.definitions.flatMap((d) => (d.kind === 'OperationDefinition' && d.name ? [d.name.value] : []));
      expect(names).toEqual([op.name]);
    });
  }
});
