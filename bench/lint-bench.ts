/**
 * Lint benchmark: `cdk8s-gateways lint` on a generated GitOps repository (see lint-repo.ts), against two
 * baselines measured in the same run on the same files: (a) a plain parse with the yaml package (parseAllDocuments,
 * which is how lint read YAML before), and (b) lint's own YAML reader alone, without model or rules.
 * Each measurement runs in a fresh child process (lint-child.ts) on precompiled JavaScript; peak RSS is the child's.
 * It prints; it asserts nothing.
 *
 * With `--against <git revision>`, lint as of that revision runs too (its src/ from `git archive`, driven by this
 * bench's child), on a copy of the repository without the kustomization and Helm chart that older versions
 * refuse, next to the current lint on that same copy.
 *
 *   npx projen bench-lint                 10,000 routes (about 42,000 objects), median of 3
 *   ... bench/lint-bench.ts --routes 2000 --repeat 1 --against a0e84e9
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compileForChildren } from './compile';
import type { LintChildResult } from './lint-child';
import { writeLintRepo } from './lint-repo';
import { RESULT_MARKER } from './protocol';

const REPO_ROOT = path.resolve(__dirname, '..');

function option(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  if (i === -1) return fallback;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name}: "${argv[i + 1]}" is not a positive integer`);
  return n;
}

function stringOption(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i === -1) return undefined;
  if (argv[i + 1] === undefined) throw new Error(`${name} needs a value`);
  return argv[i + 1];
}

/** Compiles the lint child against src/ as of `revision`; returns its path. */
function compileRevision(revision: string, workDir: string): string {
  const root = path.join(workDir, 'against');
  fs.mkdirSync(root);
  const archive = spawnSync('git', ['-C', REPO_ROOT, 'archive', '--format=tar', revision, 'src'], { maxBuffer: 256 * 1024 * 1024 });
  if (archive.status !== 0) throw new Error(`git archive ${revision} failed: ${archive.stderr.toString()}`);
  const untar = spawnSync('tar', ['-x', '-C', root], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr.toString()}`);
  fs.cpSync(path.join(REPO_ROOT, 'bench'), path.join(root, 'bench'), { recursive: true });
  return path.join(path.dirname(compileForChildren(root, path.join(workDir, 'against-build'))), 'lint-child.js');
}

function runChild(childJs: string, mode: string, repo: string): LintChildResult & { wallMs: number } {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, [childJs, mode, repo], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // The compiled files live outside the repo; bare imports (yaml, cdk8s) resolve from its node_modules.
    env: { ...process.env, NODE_PATH: path.join(REPO_ROOT, 'node_modules') },
  });
  const wallMs = performance.now() - t0;
  const line = child.stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
  if (child.status !== 0 || !line) throw new Error(`${mode} child failed (exit ${child.status ?? child.signal}):\n${child.stderr.slice(-4000)}`);
  return { ...JSON.parse(line.slice(RESULT_MARKER.length)), wallMs };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main(): void {
  const argv = process.argv.slice(2);
  const routes = option(argv, '--routes', 10_000);
  const repeat = option(argv, '--repeat', 3);
  const against = stringOption(argv, '--against');
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-gateways-lint-bench-'));
  try {
    const childJs = path.join(path.dirname(compileForChildren(REPO_ROOT, path.join(workDir, 'build'))), 'lint-child.js');
    const repo = path.join(workDir, 'repo');
    fs.mkdirSync(repo);
    const stats = writeLintRepo(repo, routes);
    console.log(`repository: ${routes} routes, ${stats.objects} objects in ${stats.files} files, ${(stats.bytes / 1024 / 1024).toFixed(1)} MB`);

    type Row = { label: string; child: string; mode: string; repo: string; runs: Array<LintChildResult & { wallMs: number }> };
    const rows: Row[] = [
      { label: '(a) yaml package parse of the same files', child: childJs, mode: 'parse', repo, runs: [] },
      { label: "(b) lint's YAML reader alone", child: childJs, mode: 'read', repo, runs: [] },
      { label: 'lint --format json', child: childJs, mode: 'lint', repo, runs: [] },
    ];
    if (against) {
      const plainRepo = path.join(workDir, 'repo-objects-only');
      fs.mkdirSync(plainRepo);
      writeLintRepo(plainRepo, routes, false);
      const oldChild = compileRevision(against, workDir);
      rows.push(
        { label: `lint at ${against}, repository without kustomization and chart`, child: oldChild, mode: 'lint', repo: plainRepo, runs: [] },
        { label: 'lint now, same repository', child: childJs, mode: 'lint', repo: plainRepo, runs: [] },
      );
    }
    // Interleaved, so a slow spell on a shared machine hits every row.
    for (let i = 0; i < repeat; i++) for (const row of rows) row.runs.push(runChild(row.child, row.mode, row.repo));

    const summary = rows.map(({ label, runs }) => ({
      label,
      ms: median(runs.map((r) => r.ms)),
      wallMs: median(runs.map((r) => r.wallMs)),
      cpuMs: median(runs.map((r) => r.cpuMs)),
      peakRssMB: median(runs.map((r) => r.peakRssMB)),
      exitCode: runs[0].exitCode,
    }));
    const [parse, read, lint, old, now] = summary;
    console.log(`median of ${repeat}; time = in-process, wall = whole child including module loading`);
    console.log('| measurement | time | wall | CPU | peak RSS |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const s of summary) {
      console.log(`| ${s.label} (exit ${s.exitCode}) | ${(s.ms / 1000).toFixed(2)} s | ${(s.wallMs / 1000).toFixed(2)} s | ${(s.cpuMs / 1000).toFixed(2)} s | ${s.peakRssMB.toFixed(0)} MB |`);
    }
    const ratio = (base: typeof lint, name: string) => console.log(`lint / ${name}: time ${(lint.ms / base.ms).toFixed(2)}x, `
      + `CPU ${(lint.cpuMs / base.cpuMs).toFixed(2)}x, peak RSS ${(lint.peakRssMB / base.peakRssMB).toFixed(2)}x`);
    ratio(parse, '(a)');
    ratio(read, '(b)');
    if (old && now) {
      console.log(`lint at ${against} / lint now (same repository): time ${(old.ms / now.ms).toFixed(2)}x, `
        + `CPU ${(old.cpuMs / now.cpuMs).toFixed(2)}x, peak RSS ${(old.peakRssMB / now.peakRssMB).toFixed(2)}x`);
    }
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main();
