// Runs dependency-cruiser's API on src/ and media/ with the rules in .dependency-cruiser.js and
// prints the violations as JSON. NOTE: through the API rather than the `depcruise` CLI, whose
// start-up refuses node 20 (this project's engine) although the analysis itself runs on it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const require = createRequire(import.meta.url);
const config = require('../../.dependency-cruiser.js');
// `node cruise.mjs [dir]`: the tree to check, src/ and media/ of the working directory by default.
const tsconfig = new URL('../../tsconfig.json', import.meta.url).pathname;
if (process.argv[2]) process.chdir(process.argv[2]);
const result = await cruise(['src', 'media'].filter((d) => existsSync(d)), { ...config.options, tsConfig: { fileName: tsconfig }, validate: true, ruleSet: { forbidden: config.forbidden } }, undefined, {
  tsConfig: extractTSConfig(tsconfig),
});
const violations = result.output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to, cycle: v.cycle?.map((c) => c.name ?? c) }));
process.stdout.write(JSON.stringify({ modules: result.output.summary.totalCruised, violations }, null, 1));
