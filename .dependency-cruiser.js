/**
 * The layering of src/ (see README "Layout"): arrows point down. Domains use graphql/,
 * events/, auth/, db/; those never import a domain or server/ (the composition root), and
 * nothing imports server/ except the entry point. `npm test` runs this check.
 */
const domains = '^src/(consortium|roster|optimizer|booking|consult|referral|assessment|room|audit|notification)/';
const lower = '^src/(graphql|events|auth|db|i18n)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: modules that cannot be read (or loaded) one before the other.',
      from: { path: '^(src|media)/' },
      to: { circular: true },
    },
    {
      name: 'lower-layer-imports-domain',
      severity: 'error',
      comment: 'graphql/, events/, auth/ and db/ sit below the domains and must not import one (db/seed/ is the demo data, built from the domains).',
      from: { path: lower, pathNot: '^src/db/(seed/|seed-command\\.ts|entities\\.ts|migrations/|data-source\\.ts|generate-migration\\.ts)' },
      to: { path: domains },
    },
    {
      name: 'imports-composition-root',
      severity: 'error',
      comment: 'server/ is the composition root: only the entry point (and test code) may import it.',
      from: { path: '^src/', pathNot: '^src/(server/|main\\.ts)' },
      to: { path: '^src/server/' },
    },
    {
      name: 'optimizer-is-pure',
      severity: 'error',
      comment: 'The optimizer is a pure package: no database, no GraphQL, no domain.',
      from: { path: '^src/optimizer/' },
      to: { path: ['^src/(?!optimizer/|errors\.ts$)', 'node_modules/(typeorm|type-graphql|graphql|pg)/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/web/client/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
  },
};
