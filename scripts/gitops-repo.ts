/**
 * Synthesizes examples/gitops-repo, the project the README's "Getting started" tells a user to create, the way the
 * user does: with the real cdk8s CLI, its cdk8s.yaml and the validation plugin, against this repo's build (lib/).
 *
 * The example's files stay exactly what a user writes. The one difference is where `cdk8s-gateways` comes from:
 * instead of `npm install` (this package is not on the registry as this build), examples/gitops-repo/node_modules/
 * cdk8s-gateways is a symlink to this repo, so no network is needed. Everything else resolves from this repo's
 * node_modules (cdk8s, cdk8s-plus-28, constructs, ts-node, typescript, cdk8s-cli).
 */
import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const GITOPS_REPO = path.join(REPO_ROOT, 'examples', 'gitops-repo');

/** Links examples/gitops-repo/node_modules/cdk8s-gateways to this repo, as `npm install` would install it. */
export function linkLibrary(): void {
  if (!fs.existsSync(path.join(REPO_ROOT, 'lib', 'index.js'))) {
    throw new Error('lib/ is missing: run `npx projen compile` first (examples/gitops-repo uses the built library, as users do)');
  }
  const link = path.join(GITOPS_REPO, 'node_modules', 'cdk8s-gateways');
  fs.mkdirSync(path.dirname(link), { recursive: true });
  const target = path.relative(path.dirname(link), REPO_ROOT);
  let current: string | undefined;
  try {
    current = fs.readlinkSync(link);
  } catch {
    current = undefined;
  }
  if (current === target) return;
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync(target, link, 'dir');
}

/**
 * Runs `cdk8s synth --output <outdir>` in examples/gitops-repo with the Node running this script (so a Node version
 * matrix covers the CLI and the app), the upgrade check off (it would ask the registry), and this repo's
 * node_modules/.bin on the PATH, where a user's project has its own.
 */
export function synthGitopsRepo(outdir: string): SpawnSyncReturns<string> {
  linkLibrary();
  const cli = path.join(REPO_ROOT, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');
  return spawnSync(process.execPath, [cli, 'synth', '--output', outdir], {
    cwd: GITOPS_REPO,
    encoding: 'utf8',
    env: {
      ...process.env,
      CDK8S_CHECK_UPGRADE: 'false',
      PATH: [path.dirname(process.execPath), path.join(REPO_ROOT, 'node_modules', '.bin'), process.env.PATH ?? ''].join(path.delimiter),
    },
  });
}
