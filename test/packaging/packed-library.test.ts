import * as fs from 'fs';
import * as path from 'path';
import { Yaml } from 'cdk8s';
import { installPacked, packLibrary, PackedTarball, runSmoke, SmokeResult, tempDir } from '../../scripts/packed-library';
import { assertValidManifests } from '../schema-validator';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The CRD bindings of src/imports/ that some library source imports. */
function importedBindings(): string[] {
  const sources: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'imports') walk(full);
      else if (entry.isFile() && entry.name.endsWith('.ts')) sources.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(REPO_ROOT, 'src'));
  return fs.readdirSync(path.join(REPO_ROOT, 'src', 'imports')).map((f) => f.replace(/\.ts$/, ''))
    .filter((name) => sources.some((text) => text.includes(`imports/${name}'`))).sort();
}

describe('the npm package', () => {
  let tarball: PackedTarball;
  let project: string;
  beforeAll(() => {
    const dir = tempDir('cg-pack-');
    tarball = packLibrary(dir);
    project = path.join(dir, 'project');
  }, 120_000);

  it('ships the compiled library, its bin, jsii assembly, docs and report schema', () => {
    // GIVEN the tarball's file list
    // THEN what a user needs is in it
    expect(tarball.files).toEqual(expect.arrayContaining([
      'package.json', 'README.md', 'LICENSE', 'API.md', '.jsii', 'docs/report-schema.json',
      'lib/index.js', 'lib/index.d.ts', 'lib/cli/main.js', 'lib/plugin/validation-plugin.js', 'lib/imports/cert-manager.io.js',
      'node_modules/yaml/package.json',
    ]));
  });

  it('ships no sources, tests, examples, scripts, benchmarks, CI files or unused CRD bindings', () => {
    // GIVEN the tarball's file list
    // THEN nothing but lib/, the bundled yaml and the listed files
    const topLevel = [...new Set(tarball.files.map((f) => f.split('/')[0]))].sort();
    expect(topLevel).toEqual(['.jsii', 'API.md', 'LICENSE', 'README.md', 'docs', 'lib', 'node_modules', 'package.json']);
    expect(tarball.files.filter((f) => f.startsWith('docs/'))).toEqual(['docs/report-schema.json']);
    expect(tarball.files.filter((f) => f.startsWith('lib/') && !f.endsWith('.js') && !f.endsWith('.d.ts'))).toEqual([]);
    // the bundled dependencies (package.json bundledDependencies) and what they need, nothing else
    const bundled = ['yaml', 'js-yaml', 'argparse'];
    expect(tarball.files.filter((f) => f.startsWith('node_modules/') && !bundled.some((b) => f.startsWith(`node_modules/${b}/`)))).toEqual([]);
    // AND of the 2.4 MB of CRD bindings, only those the library imports (today cert-manager's)
    const shipped = new Set(tarball.files.filter((f) => f.startsWith('lib/imports/')).map((f) => path.basename(f).replace(/\.(js|d\.ts)$/, '')));
    expect([...shipped].sort()).toEqual(importedBindings());
    expect(shipped.has('cert-manager.io')).toBe(true);
    expect(shipped.has('gateway.networking.k8s.io')).toBe(false);
  });

  it('every module the packed library requires by relative path is in the package', () => {
    // GIVEN every relative require of every packed lib/**/*.js, read from this build
    const shipped = new Set(tarball.files);
    const missing: string[] = [];
    for (const file of tarball.files.filter((f) => f.startsWith('lib/') && f.endsWith('.js'))) {
      const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
      for (const [, spec] of text.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
        const candidates = [target, `${target}.js`, `${target}/index.js`, `${target}.json`];
        if (!candidates.some((c) => shipped.has(c))) missing.push(`${file} -> ${spec}`);
      }
    }
    // THEN none is missing (a binding newly imported under src/ needs `npx projen` to update the files list)
    expect(missing).toEqual([]);
  });

  describe('installed into a fresh project with its peer dependencies', () => {
    let smoke: SmokeResult;
    let lint: { status: number | null; output: string };
    beforeAll(() => {
      installPacked(tarball.file, project);
      ({ smoke, lint } = runSmoke(process.execPath, project));
    }, 300_000);

    it('synthesizes an app, with the report beside the output directory', () => {
      // GIVEN smoke.js: a public gateway with Let's Encrypt staging, a compliant workload and a route
      // THEN it synthesized YAML only, valid against the Kubernetes and CRD schemas
      expect(smoke.files).toEqual(['ingress.k8s.yaml', 'web.k8s.yaml']);
      expect(smoke.report).toBe(true);
      assertValidManifests(smoke.files.flatMap((f) => Yaml.load(path.join(project, 'dist', f))));
    });

    it('runs the validation plugin from the installed package', () => {
      // THEN the plugin passed and did not repeat the warning the app printed (CG-CONTROLLER-003, retired nginx)
      expect(smoke.plugin).toEqual({ status: 'success', metadata: { 'errors': '0', 'warnings': '1', 'suppressed': '0', 'printed by the app (not repeated)': '1' } });
      expect(smoke.violations).toEqual([]);
    });

    it('runs the cdk8s-gateways lint bin from the installed package', () => {
      // THEN it reads the output and exits 0 with the warning
      expect(lint.output).toContain('CG-CONTROLLER-003 [warning]');
      expect(lint.output).toContain('0 errors, 1 warning');
      expect(lint.status).toBe(0);
    });
  });
});
