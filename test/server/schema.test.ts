import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hubSchemaSdl } from '../../src/server/schema';

describe('schema/schema.graphql', () => {
  it('is what the resolvers generate (run `npm run schema` after changing the API)', async () => {
    const checkedIn = readFileSync(join(__dirname, '../../schema/schema.graphql'), 'utf8');
    const generated = await hubSchemaSdl();
    if (checkedIn !== generated) {
      throw new Error('schema/schema.graphql is stale: run `npm run schema` and commit the result');
    }
    expect(generated).toContain('type Hospital');
  });
});
