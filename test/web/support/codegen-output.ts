// Run as its own process (node -r @swc-node/register): prints what `npm run codegen` would
// write, as JSON, without writing it. (Jest cannot load the codegen CLI's ES-module parts.)
import { generate } from '@graphql-codegen/cli';
import config from '../../../src/web/app/codegen';

generate({ ...config, silent: true }, false).then(
  (files) => process.stdout.write(JSON.stringify((files as { filename: string; content: string }[]).map(({ filename, content }) => ({ filename, content })))),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
