import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hubSchemaSdl } from './schema';

/** `npm run schema`: regenerates schema/schema.graphql from the resolvers. */
hubSchemaSdl().then((sdl) => {
  const path = resolve(__dirname, '../../schema/schema.graphql');
  writeFileSync(path, sdl);
  console.log(`wrote ${path}`);
});
