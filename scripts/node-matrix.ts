/**
 * The Node versions users run (22 and 24; this machine builds on 20): on each, synthesize every example and
 * examples/gitops-repo (through the real cdk8s CLI, whose app child process runs on the same Node), then load the
 * packed library from a fresh install and run an app, the plugin and the lint bin with it.
 * Each Node comes from the npm registry as the `node` package (`npx -y node@22`), cached by npm after the first run.
 * Needs lib/ (run after compile). Prints how long each step took.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as path from 'path';
import { installPacked, packLibrary, runSmoke, tempDir } from './packed-library';

const REPO_ROOT = path.resolve(__dirname, '..');
const NODE_MAJORS = ['22', '24'];
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** The path of a Node binary of the given major version, installed by npx into its cache. */
function nodeBinary(major: string): string {
  return execFileSync(NPX, ['-y', `node@${major}`, '-p', 'process.execPath'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

const started = Date.now();
let failures = 0;

let t = Date.now();
const dir = tempDir('cg-node-matrix-');
const tarball = packLibrary(dir);
const project = path.join(dir, 'project');
installPacked(tarball.file, project);
console.log(`node-matrix: packed and installed ${path.basename(tarball.file)} (${seconds(t)})`);

for (const major of NODE_MAJORS) {
  t = Date.now();
  const node = nodeBinary(major);
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  if (!version.startsWith(`v${major}.`)) throw new Error(`npx -y node@${major} gave ${version}`);
  console.log(`node-matrix: Node ${version} at ${node} (${seconds(t)})`);

  t = Date.now();
  // The examples' synth (ts-node) and cdk8s-cli's app child run on this Node: its folder comes first on the PATH.
  const env = { ...process.env, PATH: [path.dirname(node), process.env.PATH ?? ''].join(path.delimiter) };
  const tsNode = path.join(REPO_ROOT, 'node_modules', 'ts-node', 'dist', 'bin.js');
  const synth = spawnSync(node, [tsNode, '--project', 'test/tsconfig.json', 'scripts/synth-examples.ts'], { cwd: REPO_ROOT, env, encoding: 'utf8' });
  if (synth.status === 0) {
    console.log(`node-matrix: Node ${version}: examples and gitops-repo synthesized (${seconds(t)})`);
  } else {
    failures++;
    console.error(`node-matrix: Node ${version}: synth-examples failed (exit ${synth.status ?? synth.signal}):\n${synth.stdout}${synth.stderr}`);
  }

  t = Date.now();
  try {
    const { smoke, lint } = runSmoke(node, project);
    const problems = [
      ...(smoke.node === version ? [] : [`ran on ${smoke.node}`]),
      ...(smoke.plugin?.status === 'success' ? [] : [`plugin status ${JSON.stringify(smoke.plugin)}`]),
      ...(smoke.files.join(',') === 'ingress.k8s.yaml,web.k8s.yaml' ? [] : [`output ${smoke.files.join(',')}`]),
      ...(lint.status === 0 ? [] : [`lint exited ${lint.status}: ${lint.output}`]),
    ];
    if (problems.length > 0) throw new Error(problems.join('; '));
    console.log(`node-matrix: Node ${version}: packed library installed, app synthesized, plugin and lint passed (${seconds(t)})`);
  } catch (err) {
    failures++;
    console.error(`node-matrix: Node ${version}: packed library smoke test failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

console.log(`node-matrix: ${failures === 0 ? 'passed' : `${failures} failure(s)`} on Node ${NODE_MAJORS.join(' and ')} in ${seconds(started)}`);
if (failures > 0) process.exit(1);
