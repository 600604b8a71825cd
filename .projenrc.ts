import * as fs from 'fs';
import * as path from 'path';
import { cdk8s, javascript } from 'projen';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-gateways',
  description: 'Typed cdk8s constructs for ingress controllers, IngressClasses, routes, cert-manager TLS and tenant NetworkPolicies, with synth-time best-practice rules.',
  author: 'cdk8s-gateways maintainers',
  authorAddress: 'maintainers@cdk8s-gateways.dev',
  repositoryUrl: 'https://github.com/cdk8s-gateways/cdk8s-gateways.git',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  keywords: ['cdk8s', 'kubernetes', 'ingress', 'ingressclass', 'ingress-nginx', 'traefik', 'cert-manager', 'networkpolicy'],

  // engines: Node 20 still builds here; users run 22 and 24, which scripts/node-matrix.ts tests.
  minNodeVersion: '20.0.0',
  // Node 20 toolchain: typescript@latest (7.x) breaks ts-node and jsii.
  jsiiVersion: '~5.9.0',
  typescriptVersion: '~5.9.0',
  cdk8sVersion: '2.70.106',
  constructsVersion: '10.3.0',
  peerDeps: ['cdk8s-plus-28@^2.5.6'],
  // js-yaml reads manifests for lint and the plugin (about 10x faster than yaml on large repositories);
  // yaml stays for documents js-yaml refuses, so parse errors keep their wording.
  bundledDeps: ['yaml@^2.5.0', 'js-yaml@^4.1.0'],
  devDeps: [
    '@types/node@^20',
    '@types/js-yaml@^4.0.9',
    'cdk8s-plus-28@2.5.6',
    // Test-time schema validation (Kubernetes 1.28 + the CRDs in ../shared/crds).
    'ajv@^8.17.1',
    'ajv-formats@^3.0.1',
    // Test-time CEL: the CRDs' x-kubernetes-validations rules, which the API server enforces and JSON schema skips
    // (test/util/cel-validator.ts). @bufbuild/protobuf is its peer dependency.
    '@bufbuild/cel@^0.6.1',
    '@bufbuild/protobuf@^2.6.2',
    // Only for scripts/gen-k8s-schema.ts: 0.20.0 is generated from the Kubernetes release-1.28 OpenAPI;
    // ts-json-schema-generator 2.5+ needs Node 22.
    '@kubernetes/client-node@0.20.0',
    'ts-json-schema-generator@2.4.0',
    // Tests parse every alert and dashboard expression with the Prometheus project's own PromQL grammar.
    '@prometheus-io/lezer-promql@^0.315.0',
    '@lezer/lr@^1.4.2',
    '@lezer/highlight@^1.2.1',
    // The real cdk8s CLI: synthesizes examples/gitops-repo the way the README tells users to.
    'cdk8s-cli@2.207.60',
  ],
  bin: { 'cdk8s-gateways': 'lib/cli/main.js' },

  github: false,
  release: false,
  depsUpgrade: false,
  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // Jest's default (cores - 1) runs in band on the 2-core CI machine; two workers use both cores.
      maxWorkers: 2,
    },
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'bench', 'scripts'],
    // examples/gitops-repo is a user's project (its own tsconfig and dependencies); ts-node type-checks it at synth.
    ignorePatterns: ['src/imports/**', '*.js', '*.d.ts', 'node_modules/', 'examples/gitops-repo/**'],
  },
  gitignore: ['/dist/', '/.tmp/', '/dist.*', '/examples/gitops-repo/node_modules/', '/examples/gitops-repo/dist/'],
});

// Import structure (issue 14): no import cycles, and layer boundaries in src/. `import type` is not a cycle for
// import/no-cycle (types are erased), which is how IGateway and Route refer to each other. Rules read manifests
// only: they import src/core and the upstream facts records under src/controllers/facts (data modules that import
// nothing else of ours), never a construct module.
const constructFolders = ['gateways', 'tenancy', 'tls', 'monitoring', 'routing', 'renderers', 'network', 'workloads', 'plugin', 'cli'];
project.eslint?.addRules({
  'import/no-cycle': ['error', { ignoreExternal: true }],
  'import/no-restricted-paths': ['error', {
    zones: [
      {
        target: './src/core',
        from: './src',
        except: ['./core'],
        message: 'src/core is the bottom layer: it imports nothing else of this library.',
      },
      {
        // Gateways render routes and admit them into namespaces: the layers they build on never import them back.
        // Routes name their gateway by the IGateway interface, which lives with them (src/routing/gateway.ts).
        target: ['./src/routing', './src/renderers', './src/network', './src/tls', './src/controllers', './src/monitoring', './src/workloads'],
        from: './src/gateways',
        message: 'Layers below src/gateways do not import it: share values through src/core, or depend on the IGateway interface (src/routing/gateway.ts).',
      },
      {
        // A renderer turns the route model into objects; it never reaches up to the constructs that call it.
        target: './src/renderers',
        from: ['./src/tenancy', './src/monitoring', './src/tls', './src/network'],
        message: 'Renderers import the route model, controller profiles and src/core only.',
      },
      ...constructFolders.map((folder) => ({
        target: './src/rules',
        from: `./src/${folder}`,
        message: 'Rules read manifests, not constructs: share the code through src/core instead.',
      })),
      {
        target: './src/rules',
        from: './src/controllers',
        except: ['./facts'],
        message: 'Rules read manifests, not constructs: they may use the upstream facts in src/controllers/facts, nothing else of src/controllers.',
      },
      {
        target: './src/controllers/facts',
        from: './src',
        except: ['./controllers/facts', './core', './imports'],
        message: 'Upstream facts records are data: they import nothing of this library but each other, src/core and the CRD bindings.',
      },
      {
        target: ['./src/!(cli|plugin)/**', './src/*.ts'],
        from: './src/cli',
        message: 'Only the CLI imports src/cli.',
      },
      {
        target: './src/plugin',
        from: './src/cli',
        // The plugin reads and evaluates manifest files the way `lint` does (issue 14: a shared manifests module outside src/cli).
        except: ['./manifests.ts'],
        message: 'Only the CLI imports src/cli.',
      },
      {
        // src/index.ts is the package entry and exports the plugin.
        target: ['./src/!(plugin)/**', './src/!(index).ts'],
        from: './src/plugin',
        message: 'Only the package entry (src/index.ts) imports src/plugin.',
      },
    ],
  }],
});

// What the npm package ships: the compiled library, its jsii assembly and docs. No sources, tests, examples (they
// import ../../src), scripts or benchmarks, and only the CRD bindings the library imports.
const unusedBindings = unimportedCrdBindings();
project.package.addField('files', [
  'lib/**/*.js',
  'lib/**/*.d.ts',
  ...unusedBindings.flatMap((name) => [`!lib/imports/${name}.js`, `!lib/imports/${name}.d.ts`]),
  '.jsii',
  'API.md',
  'docs/report-schema.json',
]);

// The README's main command: synthesize every example into dist/<example>/, and the GitOps repo of the README's
// "Getting started" with the real cdk8s CLI against this repo's build (hence the compile first).
project.addTask('synth-examples', {
  description: 'Synthesize every example under examples/ into dist/<example>/, and examples/gitops-repo with the cdk8s CLI',
  steps: [
    { spawn: 'compile' },
    { exec: 'ts-node --project test/tsconfig.json scripts/synth-examples.ts' },
  ],
});

project.addTask('route-options-table', {
  description: 'Regenerate the route option x controller table in README.md from the controller profiles',
  exec: 'ts-node --project test/tsconfig.json scripts/route-options-table.ts',
});

// Users run Node 22 and 24; this machine builds on 20.
project.addTask('node-matrix', {
  description: 'On Node 22 and 24: synthesize the examples and the GitOps repo, and install and load the packed library',
  exec: 'ts-node --project test/tsconfig.json scripts/node-matrix.ts',
});

// The README's test command: jsii compile, docs, jest, eslint, then prove the committed generated docs are current.
project.addTask('check', {
  description: 'Compile with jsii, run jest and eslint, synthesize and load the library on Node 22 and 24, and fail when API.md or a README table is stale',
  steps: [
    { spawn: 'default' },
    { spawn: 'pre-compile' },
    { spawn: 'compile' },
    { spawn: 'post-compile' },
    { spawn: 'test' },
    { exec: 'ts-node --project test/tsconfig.json scripts/rules-table.ts --check' },
    { exec: 'ts-node --project test/tsconfig.json scripts/route-options-table.ts --check' },
    { spawn: 'node-matrix' },
    { exec: 'git diff --exit-code -- API.md || (echo "API.md is out of date: run npx projen build and commit it" && exit 1)' },
  ],
});

project.addTask('rules-table', {
  description: 'Regenerate the rules table in README.md from the rule catalogue',
  exec: 'ts-node --project test/tsconfig.json scripts/rules-table.ts',
});

project.addTask('gen-k8s-schema', {
  description: 'Regenerate test/schemas/k8s-1.28.schema.json (commit the output)',
  exec: 'ts-node --project test/tsconfig.json scripts/gen-k8s-schema.ts',
});

project.addTask('import-crds', {
  description: 'Regenerate the committed CRD bindings in src/imports/ from ../shared/crds/',
  exec: 'bash scripts/import-crds.sh',
});

project.addTask('bench', {
  description: 'Benchmark synth time and peak memory at 1k, 5k and 10k routes against two baselines',
  exec: 'ts-node --project test/tsconfig.json bench/synth-bench.ts',
});

project.addTask('bench-lint', {
  description: 'Benchmark cdk8s-gateways lint on a generated 10,000-route repository against a plain YAML parse of the same files',
  exec: 'ts-node --project test/tsconfig.json bench/lint-bench.ts',
});

project.synth();

/** CRD bindings in src/imports/ that no library source imports: left out of the package. */
function unimportedCrdBindings(): string[] {
  const bindings = fs.readdirSync('src/imports').filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
  const sources: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && full !== path.join('src', 'imports')) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.ts')) sources.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk('src');
  return bindings.filter((name) => !sources.some((text) => text.includes(`imports/${name}'`)));
}
