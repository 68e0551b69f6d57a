// Import rules for the three packages, checked by `npm run check:deps` (the first step of `npm test`).
// Type-only imports count: a cycle through `import type` still ties two modules' designs together.
const SERVER = '^packages/reference-server/src/';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Import cycles make load order matter and hide which module owns a rule: move the shared part into a leaf module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-through-index',
      severity: 'error',
      comment: 'A service domain uses another domain only through its index.ts (its public API), never its files.',
      from: { path: `${SERVER}services/([^/]+)/` },
      to: { path: `${SERVER}services/[^/]+/`, pathNot: [`${SERVER}services/$1/`, '/index\\.ts$'] },
    },
    {
      name: 'outside-through-index',
      severity: 'error',
      comment: 'Routes, middleware, seed and the process entry use a service domain only through its index.ts.',
      from: { path: SERVER, pathNot: `${SERVER}services/[^/]+/` },
      to: { path: `${SERVER}services/[^/]+/`, pathNot: '/index\\.ts$' },
    },
    {
      name: 'services-without-http-layer',
      severity: 'error',
      comment:
        'Services hold no Express types and never reach up into api/: data flows route -> service -> repository.',
      from: { path: `${SERVER}(services|store)/` },
      to: { path: [`${SERVER}api/`, '(^|/)node_modules/(express|@types/express)/'] },
    },
    {
      name: 'store-below-services',
      severity: 'error',
      comment: 'Repositories (store/) sit below the services: they never import one.',
      from: { path: `${SERVER}store/` },
      to: { path: `${SERVER}services/` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^packages/[^/]+/dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['shoptag-source', 'import', 'types', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
