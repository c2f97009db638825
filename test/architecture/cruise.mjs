// Runs dependency-cruiser's API on src/ and media/ with the rules in .dependency-cruiser.js and
// prints the violations as JSON. NOTE: through the API rather than the `depcruise` CLI, whose
// start-up refuses node 20 (this project's engine) although the analysis itself runs on it.
import { createRequire } from 'node:module';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const require = createRequire(import.meta.url);
const config = require('../../.dependency-cruiser.js');
const result = await cruise(['src', 'media'], { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden } }, undefined, {
  tsConfig: extractTSConfig('tsconfig.json'),
});
const violations = result.output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to, cycle: v.cycle?.map((c) => c.name ?? c) }));
process.stdout.write(JSON.stringify({ modules: result.output.summary.totalCruised, violations }, null, 1));
