/**
 * The npm package as users get it: `npm pack` this repo, install the tarball into a fresh project with its peer
 * dependencies (from npm's cache when they are there: `--prefer-offline`), and run a small app and the plugin with it.
 * Used by test/packaging/packed-library.test.ts (on this Node) and scripts/node-matrix.ts (on Node 22 and 24).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO_ROOT = path.resolve(__dirname, '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export interface PackedTarball {
  readonly file: string;
  /** Paths inside the package, as npm lists them (relative, `/`-separated). */
  readonly files: string[];
}

/** `npm pack` of this repo (lib/ must be built) into `destination`. */
export function packLibrary(destination: string): PackedTarball {
  if (!fs.existsSync(path.join(REPO_ROOT, 'lib', 'index.js'))) {
    throw new Error('lib/ is missing: run `npx projen compile` first');
  }
  const out = execFileSync(NPM, ['pack', '--json', '--pack-destination', destination], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [result] = JSON.parse(out);
  return { file: path.join(destination, result.filename), files: result.files.map((f: { path: string }) => f.path) };
}

/** The peer dependency versions this repo builds and tests with (pinned dev dependencies). */
function peerVersions(): { [name: string]: string } {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  return Object.fromEntries(Object.keys(pkg.peerDependencies).map((name) => [name, pkg.devDependencies[name]]));
}

/** A plain JavaScript app a user could write: a public gateway, a compliant workload, a route, then the plugin. */
const SMOKE_APP = `const fs = require('fs');
const path = require('path');
const { App, Chart } = require('cdk8s');
const kplus = require('cdk8s-plus-28');
const g = require('cdk8s-gateways');

const outdir = path.join(__dirname, 'dist');
fs.rmSync(outdir, { recursive: true, force: true });
const app = new App({ outdir });
const ingress = new Chart(app, 'ingress');
const issuer = new g.AcmeIssuer(ingress, 'LetsEncrypt', { server: g.AcmeServer.LETS_ENCRYPT_STAGING, email: 'platform@example.com' });
const gateway = new g.PublicWebGateway(ingress, 'PublicWeb', { className: 'public-web', controller: g.IngressController.nginx(), defaultClass: true, issuer });
const web = new Chart(app, 'web', { namespace: 'web' });
const deployment = new kplus.Deployment(web, 'Web', {
  replicas: 2,
  containers: [{ image: 'registry.example.com/web:1.4.2', portNumber: 8080, ...g.RestrictedWorkload.containerSettings() }],
});
const service = deployment.exposeViaService({ name: 'web', ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
new g.Route(web, 'WebRoute', { gateway, host: 'www.example.com', backend: g.RouteBackend.fromService(service), tlsSecretName: 'www-example-com-tls' });
app.synth();

// The plugin, constructed and called the way cdk8s-cli does.
const manifests = fs.readdirSync(outdir).filter((f) => f.endsWith('.yaml')).map((f) => path.join(outdir, f));
const violations = [];
let submitted;
new g.GatewayValidationPlugin({}).validate({
  manifests,
  report: { addViolation: (v) => violations.push(v.ruleName), submit: (status, metadata) => { submitted = { status, metadata }; } },
}).then(() => {
  console.log(JSON.stringify({ node: process.version, files: fs.readdirSync(outdir).sort(), report: fs.existsSync(outdir + '.cdk8s-gateways-report.json'), plugin: submitted, violations }));
});
`;

/** A fresh project in `dir` with the tarball and its peer dependencies installed, and smoke.js written. */
export function installPacked(tarball: string, dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'packed-library-smoke',
    private: true,
    dependencies: { 'cdk8s-gateways': `file:${tarball}`, ...peerVersions() },
  }, undefined, 2));
  fs.writeFileSync(path.join(dir, 'smoke.js'), SMOKE_APP);
  execFileSync(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock'], {
    cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface SmokeResult {
  readonly node: string;
  readonly files: string[];
  readonly report: boolean;
  readonly plugin: { status: string; metadata: { [key: string]: string } };
  readonly violations: string[];
}

/** Runs smoke.js and the `cdk8s-gateways lint` bin of the installed package with the given Node binary. */
export function runSmoke(node: string, dir: string): { smoke: SmokeResult; lint: { status: number | null; output: string } } {
  const smoke = spawnSync(node, [path.join(dir, 'smoke.js')], { cwd: dir, encoding: 'utf8' });
  if (smoke.status !== 0) throw new Error(`smoke.js failed on ${node} (exit ${smoke.status}):\n${smoke.stdout}${smoke.stderr}`);
  const lint = spawnSync(node, [path.join(dir, 'node_modules', 'cdk8s-gateways', 'lib', 'cli', 'main.js'), 'lint', path.join(dir, 'dist')], { cwd: dir, encoding: 'utf8' });
  return { smoke: JSON.parse(smoke.stdout.trim().split('\n').pop()!), lint: { status: lint.status, output: `${lint.stdout}${lint.stderr}` } };
}

/** A temporary folder for one run. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
