/**
 * Synth benchmark: build + synth time and peak memory of an app with N routes (100 tenants, two
 * gateways; per route an Ingress with TLS, its Certificate, a NetworkPolicy allowance and a Service),
 * written four ways from the same route list:
 *
 *   rules on      this library, RuleEngine enabled (the default)
 *   rules off     this library, RuleEngine.of(app).enabled = false
 *   baseline (a)  the same JSON as plain cdk8s ApiObjects, no validation
 *   baseline (b)  the same app by hand with cdk8s-plus-28 constructs
 *
 * and, with --user-path (issue 14), the path users take, which that workload makes lighter by writing each
 * Certificate and NetworkPolicy by hand:
 *
 *   user path      one PublicWebGateway + AcmeIssuer, 100 Tenants, per route an L1 Service and
 *                  tenant.addRoute(...) with a TLS secret (the library adds Ingress, Certificate, allowance)
 *   baseline (a2)  exactly the objects the user path synthesizes (captured once per size in a separate
 *                  process), as plain cdk8s ApiObjects in the same charts
 *   baseline (c)   the same objects written with the `yaml` package, no constructs (stringify + write)
 *
 * (b) is not rebuilt for the user path: cdk8s-plus would need the Tenant's objects written by hand too;
 * user path / (b) is printed against the original workload's (b), a different object set, as approximate.
 *
 * Each measurement runs in a fresh child process (see child.ts), so its peak RSS is its own.
 * It prints; it asserts nothing.
 *
 *   npx projen bench                       1,000 / 5,000 / 10,000 routes
 *   ... bench/synth-bench.ts --quick        200 routes, one run, with --check (smoke run)
 *   ... bench/synth-bench.ts --user-path   the user path, its baselines, and rules on, (a), (b) for comparison
 *   ... bench/synth-bench.ts --gateway-api the Gateway API user path (Envoy Gateway, tenants' ListenerSets) and its
 *            same-objects baseline (a3)
 *   options: --sizes 1000,5000  --repeat N (median of N runs; default 3)  --json  --variants rules-on,plain
 *            (all: rules-on, rules-off, plain, kplus, user-path, user-plain, user-json-yaml, gwapi-path, gwapi-plain)
 *            --check (baseline (a) and the library, and (a2), (c) and the user path, synthesize identical YAML)  --breakdown (timed phases
 *            and rules, from one extra instrumented run per variant)  --profile (CPU profile of rules on,
 *            and keeps the temp directory with the .cpuprofile)  --keep (leave the temp directory)
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { compileForChildren } from './compile';
import { hotFunctions, HotFunction } from './profile';
import {
  Breakdown, ChildResult, DEFAULT_VARIANTS, GATEWAY_API_VARIANTS, RESULT_MARKER, USER_PATH_VARIANTS, USER_VARIANTS, Variant, VARIANT_LABELS,
  VARIANT_SHORT, VARIANTS,
} from './protocol';

const REPO_ROOT = path.resolve(__dirname, '..');
const TENANTS = 100; // mirrors workload.ts, which the parent does not load

/** The targets, defined at 10,000 routes. */
const TARGET_ROUTES = 10_000;
const MAX_TIME_VS_PLAIN = 1.25;
const MAX_TIME_VS_KPLUS = 0.5;
const MAX_PEAK_MB = 500;
/** Linear: the cost per route at the largest size at most this multiple of the cost per route at the smallest. */
const MAX_PER_ROUTE_GROWTH = 1.25;

interface Options {
  sizes: number[];
  repeat: number;
  variants: Variant[];
  json: boolean;
  check: boolean;
  breakdown: boolean;
  profile: boolean;
  keep: boolean;
}

function parseArgs(argv: string[]): Options {
  // Three runs by default: on a shared 2-core machine single runs of the same variant differ by 20%+.
  const options: Options = {
    sizes: [1000, 5000, 10000], repeat: 3, variants: [...DEFAULT_VARIANTS], json: false, check: false, breakdown: false, profile: false, keep: false,
  };
  const value = (i: number) => {
    if (argv[i + 1] === undefined) throw new Error(`${argv[i]} needs a value`);
    return argv[i + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    switch (argv[i]) {
      case '--quick': options.sizes = [200]; options.repeat = 1; options.check = true; break;
      case '--sizes': options.sizes = value(i).split(',').map((s) => positive(s, '--sizes')); i++; break;
      case '--repeat': options.repeat = positive(value(i), '--repeat'); i++; break;
      case '--variants': options.variants = value(i).split(',').map(variantOf); i++; break;
      case '--user-path': options.variants = [...USER_PATH_VARIANTS]; break;
      case '--gateway-api': options.variants = [...GATEWAY_API_VARIANTS]; break;
      case '--json': options.json = true; break;
      case '--check': options.check = true; break;
      case '--breakdown': options.breakdown = true; break;
      case '--profile': options.profile = true; options.keep = true; break; // keep the .cpuprofile
      case '--keep': options.keep = true; break;
      default: throw new Error(`unknown option ${argv[i]}; see the header of bench/synth-bench.ts`);
    }
  }
  return options;
}

function positive(text: string, option: string): number {
  const n = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${option}: "${text}" is not a positive integer`);
  return n;
}

function variantOf(text: string): Variant {
  if (!(VARIANTS as readonly string[]).includes(text)) throw new Error(`unknown variant "${text}"; expected ${VARIANTS.join(', ')}`);
  return text as Variant;
}

/** Runs one child; returns its result, or throws with its stderr. */
function runChild(childJs: string, args: string[], nodeFlags: string[] = []): ChildResult | undefined {
  const child = spawnSync(process.execPath, [...nodeFlags, childJs, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // The compiled files live outside the repo; bare imports (cdk8s, ...) resolve from its node_modules.
    env: { ...process.env, NODE_PATH: path.join(REPO_ROOT, 'node_modules') },
  });
  if (child.status !== 0) {
    throw new Error(`child ${args.slice(0, 2).join(' ')} failed (exit ${child.status ?? child.signal}):\n${child.stderr.slice(-4000)}`);
  }
  const line = child.stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
  return line ? JSON.parse(line.slice(RESULT_MARKER.length)) : undefined;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median of each measurement over the repeats (runs of one variant and size). */
function summarize(runs: ChildResult[]): ChildResult {
  return {
    ...runs[0],
    buildMs: median(runs.map((r) => r.buildMs)),
    synthMs: median(runs.map((r) => r.synthMs)),
    totalMs: median(runs.map((r) => r.totalMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    startRssMB: median(runs.map((r) => r.startRssMB)),
    peakRssMB: median(runs.map((r) => r.peakRssMB)),
  };
}

interface Target {
  readonly name: string;
  readonly value: number;
  readonly limit: number;
  readonly unit: 'x' | 'MB';
  readonly pass: boolean;
}

interface SizeResult {
  readonly routes: number;
  readonly results: Partial<Record<Variant, ChildResult>>;
  readonly runs: Partial<Record<Variant, ChildResult[]>>;
  readonly targets: Target[];
  readonly check?: string[];
  /** The pairs `--check` compared. */
  readonly checked?: string[];
  readonly breakdown?: Partial<Record<Variant, Breakdown>>;
  readonly profile?: { file: string; hot: HotFunction[] };
}

function targetsOf(results: Partial<Record<Variant, ChildResult>>): Target[] {
  const targets: Target[] = [];
  const user = results['user-path'];
  const userPlain = results['user-plain'];
  if (user && userPlain) {
    const value = user.totalMs / userPlain.totalMs;
    targets.push({ name: 'user path / baseline (a2) time', value, limit: MAX_TIME_VS_PLAIN, unit: 'x', pass: value <= MAX_TIME_VS_PLAIN });
  }
  if (user) targets.push({ name: 'user path peak memory', value: user.peakRssMB, limit: MAX_PEAK_MB, unit: 'MB', pass: user.peakRssMB < MAX_PEAK_MB });
  const gatewayApi = results['gwapi-path'];
  const gatewayApiPlain = results['gwapi-plain'];
  if (gatewayApi && gatewayApiPlain) {
    const value = gatewayApi.totalMs / gatewayApiPlain.totalMs;
    targets.push({ name: 'Gateway API user path / baseline (a3) time', value, limit: MAX_TIME_VS_PLAIN, unit: 'x', pass: value <= MAX_TIME_VS_PLAIN });
  }
  if (gatewayApi) {
    targets.push({ name: 'Gateway API user path peak memory', value: gatewayApi.peakRssMB, limit: MAX_PEAK_MB, unit: 'MB', pass: gatewayApi.peakRssMB < MAX_PEAK_MB });
  }
  const on = results['rules-on'];
  if (!on) return targets;
  const ratio = (base: Variant, limit: number) => {
    const b = results[base];
    if (b) targets.push({ name: `rules on / ${VARIANT_SHORT[base]} time`, value: on.totalMs / b.totalMs, limit, unit: 'x', pass: on.totalMs / b.totalMs <= limit });
  };
  ratio('plain', MAX_TIME_VS_PLAIN);
  ratio('kplus', MAX_TIME_VS_KPLUS);
  targets.push({ name: 'rules on peak memory', value: on.peakRssMB, limit: MAX_PEAK_MB, unit: 'MB', pass: on.peakRssMB < MAX_PEAK_MB });
  return targets;
}

/** Compares the YAML two variants wrote, chart file by chart file, ignoring document order. */
function compareOutputs(a: string, b: string, label: string): string[] {
  const charts = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.k8s.yaml')).sort();
  const problems: string[] = [];
  const filesA = charts(a);
  const filesB = charts(b);
  if (filesA.join() !== filesB.join()) return [`${label}: different chart files (${filesA.length} vs ${filesB.length})`];
  for (const file of filesA) {
    const docs = (dir: string) => fs.readFileSync(path.join(dir, file), 'utf8').split(/^---\n/m).sort();
    const docsA = docs(a);
    const docsB = docs(b);
    const i = docsA.findIndex((doc, j) => doc !== docsB[j]);
    if (docsA.length === docsB.length && i >= 0 && sameObjects(docsA, docsB)) {
      // A JSON patch (the library's HTTPRoute spec) keeps its insertion key order, where a rebuilt object's keys come out sorted.
      problems.push(`${label}: ${file}: same objects, key order differs (not a failure)`);
      continue;
    }
    if (docsA.length !== docsB.length || i >= 0) {
      problems.push(`${label}: ${file} differs (${docsA.length} vs ${docsB.length} documents)${i >= 0 ? `\n${firstDifference(docsA[i], docsB[i])}` : ''}`);
    }
  }
  return problems;
}

/** Whether two lists of YAML documents hold the same objects, whatever the order of documents and of keys. */
function sameObjects(a: string[], b: string[]): boolean {
  const canonical = (docs: string[]) => docs.map((doc) => JSON.stringify(sortKeys(YAML.parse(doc)))).sort();
  const ca = canonical(a);
  const cb = canonical(b);
  return ca.every((doc, i) => doc === cb[i]);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
}

/** The first differing line of two YAML documents, with a little context. */
function firstDifference(a: string, b: string): string {
  const linesA = a.split('\n');
  const linesB = b.split('\n');
  const at = linesA.findIndex((line, i) => line !== linesB[i]);
  const from = Math.max(0, at - 3);
  const excerpt = (lines: string[]) => lines.slice(from, at + 2).map((l) => `    ${l}`).join('\n');
  return `  first difference at line ${at + 1}:\n${excerpt(linesA)}\n  vs\n${excerpt(linesB)}`;
}

function runSize(routes: number, options: Options, childJs: string, workDir: string): SizeResult {
  // The baselines' controller objects, as the library writes them for this route list.
  const infraFile = path.join(workDir, `gateway-infra-${routes}.json`);
  const original = (v: Variant) => !USER_VARIANTS.includes(v) && !GATEWAY_API_VARIANTS.includes(v);
  if (options.variants.some(original)) runChild(childJs, ['infra', String(routes), infraFile]);
  // The user path's objects, for baselines (a2) and (c): captured before any timed run.
  const userFile = path.join(workDir, `user-path-${routes}.json`);
  if (options.variants.some((v) => USER_VARIANTS.includes(v))) {
    log(`  ${routes} routes: capturing the user path's objects`);
    runChild(childJs, ['user-capture', String(routes), userFile]);
  }
  // The Gateway API path's objects, for baseline (a3).
  const gatewayApiFile = path.join(workDir, `gwapi-path-${routes}.json`);
  if (options.variants.some((v) => GATEWAY_API_VARIANTS.includes(v))) {
    log(`  ${routes} routes: capturing the Gateway API user path's objects`);
    runChild(childJs, ['gwapi-capture', String(routes), gatewayApiFile]);
  }
  const inputOf = (variant: Variant) => {
    if (GATEWAY_API_VARIANTS.includes(variant)) return gatewayApiFile;
    return USER_VARIANTS.includes(variant) ? userFile : infraFile;
  };

  const runs: Partial<Record<Variant, ChildResult[]>> = {};
  const outdirs: Partial<Record<Variant, string>> = {};
  for (let r = 0; r < options.repeat; r++) {
    // Rotate the order each repeat, so drift (thermal, other load on the machine) does not favour one variant.
    const order = options.variants.map((_, i) => options.variants[(i + r) % options.variants.length]);
    for (const variant of order) {
      const outdir = path.join(workDir, `out-${routes}-${variant}-${r}`);
      log(`  ${routes} routes: ${VARIANT_LABELS[variant]} (run ${r + 1}/${options.repeat})`);
      const result = runChild(childJs, [variant, String(routes), outdir, inputOf(variant)])!;
      (runs[variant] ??= []).push(result);
      if (r === 0 && options.check) outdirs[variant] = outdir;
      else fs.rmSync(outdir, { recursive: true, force: true });
    }
  }
  const results: Partial<Record<Variant, ChildResult>> = {};
  for (const variant of options.variants) results[variant] = summarize(runs[variant]!);

  let check: string[] | undefined;
  let checked: string[] | undefined;
  if (options.check) {
    check = [];
    checked = [];
    const compare = (a: Variant, b: Variant, label: string) => {
      const dirA = outdirs[a];
      const dirB = outdirs[b];
      if (!dirA || !dirB) return;
      check!.push(...compareOutputs(dirA, dirB, label));
      checked!.push(label);
    };
    // Baseline (a) must emit exactly what the library emits, or the comparison measures different work.
    compare('rules-off', 'plain', 'rules off vs plain');
    compare('rules-on', 'rules-off', 'rules on vs rules off');
    // (a2) and (c) must write what the user path writes (rules on; the capture ran with rules off).
    compare('user-path', 'user-plain', 'user path vs (a2)');
    compare('user-path', 'user-json-yaml', 'user path vs (c)');
    compare('gwapi-path', 'gwapi-plain', 'Gateway API user path vs (a3)');
    for (const dir of Object.values(outdirs)) fs.rmSync(dir, { recursive: true, force: true });
  }

  let breakdown: Partial<Record<Variant, Breakdown>> | undefined;
  if (options.breakdown) {
    breakdown = {};
    // Baseline (c) has no constructs to instrument.
    for (const variant of options.variants.filter((v) => v !== 'user-json-yaml')) {
      log(`  ${routes} routes: ${VARIANT_LABELS[variant]} (instrumented run)`);
      const outdir = path.join(workDir, `out-${routes}-${variant}-breakdown`);
      breakdown[variant] = runChild(childJs, [variant, String(routes), outdir, inputOf(variant), '--breakdown'])!.breakdown;
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  }

  let profile: SizeResult['profile'];
  if (options.profile && options.variants.includes('rules-on')) {
    log(`  ${routes} routes: rules on (CPU profile)`);
    const profileDir = path.join(workDir, `profile-${routes}`);
    const outdir = path.join(workDir, `out-${routes}-profile`);
    runChild(childJs, ['rules-on', String(routes), outdir, infraFile], ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
    fs.rmSync(outdir, { recursive: true, force: true });
    const file = path.join(profileDir, fs.readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'))!);
    profile = { file, hot: hotFunctions(file, REPO_ROOT) };
  }

  return { routes, results, runs, targets: targetsOf(results), check, checked, breakdown, profile };
}

/** Which source was measured: others may be changing src/ while the benchmark runs. */
function sourceRevision(): string {
  const git = (...args: string[]) => spawnSync('git', ['-C', REPO_ROOT, ...args], { encoding: 'utf8' }).stdout?.trim() ?? '';
  const head = git('rev-parse', '--short', 'HEAD') || 'unknown';
  const dirty = git('status', '--porcelain', '--', 'src').split('\n').filter(Boolean).length;
  return dirty ? `${head} + ${dirty} uncommitted change(s) in src/` : head;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

// ---- printing ---------------------------------------------------------------------------------------

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(rows: string[][], rightAligned: (col: number) => boolean): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) => row.map((cell, c) => (rightAligned(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd()).join('\n');
}

function printSize(size: SizeResult, options: Options): void {
  const { routes, results } = size;
  const plain = results.plain;
  const kplus = results.kplus;
  const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}x` : '-');
  const original = options.variants.filter((v) => !USER_VARIANTS.includes(v) && !GATEWAY_API_VARIANTS.includes(v));
  const rows = [['variant', 'objects', 'build ms', 'synth ms', 'total ms', 'vs (a)', 'vs (b)', 'CPU ms', 'CPU vs (a)', 'start RSS MB', 'peak RSS MB']];
  for (const variant of original) {
    const r = results[variant]!;
    rows.push([
      VARIANT_LABELS[variant], fmt(r.objects), fmt(r.buildMs), fmt(r.synthMs), fmt(r.totalMs),
      ratio(r.totalMs, plain?.totalMs), ratio(r.totalMs, kplus?.totalMs), fmt(r.cpuMs), ratio(r.cpuMs, plain?.cpuMs),
      fmt(r.startRssMB, 1), fmt(r.peakRssMB, 1),
    ]);
  }
  const runsNote = options.repeat > 1 ? `median of ${options.repeat} runs` : '1 run';
  if (original.length > 0) {
    console.log(`\n== ${fmt(routes)} routes, ${TENANTS} tenants, 2 gateways`
      + ` (${runsNote}; total = build + synth wall time; "vs" = ratio of totals)`);
    console.log(table(rows, (c) => c > 0));
  }
  printUserPath(size, options, ratio);
  printGatewayApiPath(size, options, ratio);

  const on = results['rules-on'];
  const off = results['rules-off'];
  if (on && off) {
    const signed = (n: number) => `${n >= 0 ? '+' : ''}${fmt(n)}`;
    console.log(`rules engine cost (rules on - rules off): ${signed(on.totalMs - off.totalMs)} ms total, ${signed(on.synthMs - off.synthMs)} ms synth, ${signed(on.cpuMs - off.cpuMs)} ms CPU`);
  }
  if (size.targets.length) {
    const where = routes === TARGET_ROUTES ? `targets at ${fmt(TARGET_ROUTES)} routes:` : `targets (defined at ${fmt(TARGET_ROUTES)} routes; shown for reference):`;
    console.log(where);
    console.log(table(size.targets.map((t) => [
      `  ${t.name}`,
      t.unit === 'x' ? `${t.value.toFixed(2)}x` : `${fmt(t.value, 1)} MB`,
      t.unit === 'x' ? `<= ${t.limit.toFixed(2)}x` : `< ${t.limit} MB`,
      t.pass ? 'PASS' : 'FAIL',
    ]), (c) => c === 1 || c === 2));
  }
  if (size.check) {
    const pairs = size.checked?.length ? size.checked.join(', ') : 'nothing to compare among these variants';
    const failures = size.check.filter((p) => !p.endsWith('(not a failure)'));
    const reordered = size.check.length - failures.length;
    console.log(failures.length === 0
      ? (reordered > 0 ? `check: same objects (${pairs}); identical YAML but in ${reordered} file(s), whose keys come in another order` : `check: identical YAML (${pairs})`)
      : `check FAILED:\n${failures.join('\n')}`);
    // Not a performance assertion: a failed check means the baselines no longer measure the same work.
    if (failures.length > 0) process.exitCode = 1;
  }
  if (size.breakdown) printBreakdown(size.breakdown);
  if (size.profile) {
    console.log(`\nCPU profile of rules on (self time, whole process): ${size.profile.file}`);
    console.log(table(size.profile.hot.map((h) => [`  ${fmt(h.selfMs)} ms`, `${(h.share * 100).toFixed(1)}%`, h.name, h.where]), (c) => c < 2));
  }
}

/** The user path against its same-objects baselines (a2) and (c), with rules on / (a) of the original workload beside it. */
function printUserPath(size: SizeResult, options: Options, ratio: (a: number, b: number | undefined) => string): void {
  const { routes, results } = size;
  const user = options.variants.filter((v) => USER_VARIANTS.includes(v));
  if (user.length === 0) return;
  const a2 = results['user-plain'];
  const c = results['user-json-yaml'];
  const b = results.kplus;
  const rows = [['variant', 'objects', 'build ms', 'synth ms', 'total ms', 'vs (a2)', 'vs (c)', 'vs (b) approx.', 'CPU ms', 'CPU vs (a2)', 'start RSS MB', 'peak RSS MB']];
  for (const variant of user) {
    const r = results[variant]!;
    rows.push([
      VARIANT_LABELS[variant], fmt(r.objects), fmt(r.buildMs), fmt(r.synthMs), fmt(r.totalMs),
      ratio(r.totalMs, a2?.totalMs), ratio(r.totalMs, c?.totalMs), ratio(r.totalMs, b?.totalMs), fmt(r.cpuMs), ratio(r.cpuMs, a2?.cpuMs),
      fmt(r.startRssMB, 1), fmt(r.peakRssMB, 1),
    ]);
  }
  console.log(`\n== user path (issue 14): ${fmt(routes)} routes, ${TENANTS} Tenants, 1 PublicWebGateway + AcmeIssuer`
    + ` (${options.repeat > 1 ? `median of ${options.repeat} runs` : '1 run'}; (a2) and (c) emit exactly the user path's objects;`
    + ' "vs (b) approx." is against the original workload\'s cdk8s-plus app, a different object set)');
  console.log(table(rows, (col) => col > 0));
  const on = results['rules-on'];
  const plain = results.plain;
  if (on && plain) {
    console.log(`for comparison, the original workload: rules on / (a) ${ratio(on.totalMs, plain.totalMs)} time, ${ratio(on.cpuMs, plain.cpuMs)} CPU, peak ${fmt(on.peakRssMB, 1)} MB`);
  }
}

function printGatewayApiPath(size: SizeResult, options: Options, ratio: (a: number, b: number | undefined) => string): void {
  const { routes, results } = size;
  const variants = options.variants.filter((v) => GATEWAY_API_VARIANTS.includes(v));
  if (variants.length === 0) return;
  const a3 = results['gwapi-plain'];
  const rows = [['variant', 'objects', 'build ms', 'synth ms', 'total ms', 'vs (a3)', 'CPU ms', 'CPU vs (a3)', 'start RSS MB', 'peak RSS MB']];
  for (const variant of variants) {
    const r = results[variant]!;
    rows.push([
      VARIANT_LABELS[variant], fmt(r.objects), fmt(r.buildMs), fmt(r.synthMs), fmt(r.totalMs),
      ratio(r.totalMs, a3?.totalMs), fmt(r.cpuMs), ratio(r.cpuMs, a3?.cpuMs), fmt(r.startRssMB, 1), fmt(r.peakRssMB, 1),
    ]);
  }
  console.log(`\n== Gateway API user path (issue 15): ${fmt(routes)} routes, ${TENANTS} Tenants with their ListenerSets, 1 PublicWebGateway on `
    + `Envoy Gateway + AcmeIssuer (${options.repeat > 1 ? `median of ${options.repeat} runs` : '1 run'}; (a3) emits exactly the Gateway API path's objects)`);
  console.log(table(rows, (col) => col > 0));
}

interface Linearity {
  readonly variant: Variant;
  /** Total ms per route at each size, smallest size first. */
  readonly msPerRoute: Array<{ routes: number; ms: number }>;
  /** ms per route at the largest size / at the smallest. */
  readonly growth: number;
}

function linearityOf(sizes: SizeResult[], options: Options): Linearity[] {
  if (sizes.length < 2) return [];
  const ordered = [...sizes].sort((x, y) => x.routes - y.routes);
  return options.variants.map((variant) => {
    const msPerRoute = ordered.map((s) => ({ routes: s.routes, ms: s.results[variant]!.totalMs / s.routes }));
    return { variant, msPerRoute, growth: msPerRoute[msPerRoute.length - 1].ms / msPerRoute[0].ms };
  });
}

function printLinearity(linearity: Linearity[]): void {
  if (linearity.length === 0) return;
  const sizes = linearity[0].msPerRoute.map((m) => m.routes);
  const first = sizes[0];
  const last = sizes[sizes.length - 1];
  const rows = [['variant', ...sizes.map((n) => `ms/route at ${fmt(n)}`), `${fmt(last)} / ${fmt(first)}`, 'linear']];
  for (const l of linearity) {
    rows.push([
      VARIANT_LABELS[l.variant], ...l.msPerRoute.map((m) => m.ms.toFixed(3)), `${l.growth.toFixed(2)}x`,
      l.growth <= MAX_PER_ROUTE_GROWTH ? 'yes' : 'NO',
    ]);
  }
  console.log(`\nlinearity (total ms per route; linear = the cost per route at ${fmt(last)} at most ${MAX_PER_ROUTE_GROWTH.toFixed(2)}x that at ${fmt(first)}):`);
  console.log(table(rows, (c) => c > 0));
}

function printBreakdown(breakdown: Partial<Record<Variant, Breakdown>>): void {
  const variants = (Object.keys(breakdown) as Variant[]);
  const names = [...new Set(Object.values(breakdown).flatMap((b) => Object.keys(b!.ms)))]
    .sort((a, b) => phaseOrder(a) - phaseOrder(b) || a.localeCompare(b));
  const rows = [['phase (instrumented run; calls in brackets)', ...variants.map((v) => VARIANT_SHORT[v])]];
  // Rules that take no measurable time would only bury the ones that do.
  const negligible = (name: string) => name.startsWith('rule ') && Object.values(breakdown).every((b) => (b!.ms[name] ?? 0) < 1);
  const hidden = names.filter(negligible).length;
  for (const name of names.filter((n) => !negligible(n))) {
    rows.push([name, ...variants.map((v) => {
      const b = breakdown[v]!;
      if (b.ms[name] === undefined) return '';
      return b.calls[name] === undefined ? `${fmt(b.ms[name])} ms` : `${fmt(b.ms[name])} ms [${fmt(b.calls[name])}]`;
    })]);
  }
  console.log('\nbreakdown (ms, cumulative over [calls]; rows without calls are derived; the wrappers add overhead of their own):');
  console.log(table(rows, (c) => c > 0));
  if (hidden) console.log(`  (${hidden} rules under 1 ms not shown)`);
  for (const note of new Set(Object.values(breakdown).flatMap((b) => b!.notes))) console.log(`  note: ${note}`);
}

function phaseOrder(name: string): number {
  const order = ['build', 'synth', 'cdk8s', 'engine: validation hook', 'engine: run', 'engine', 'rule'];
  return order.findIndex((prefix) => name.startsWith(prefix));
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-gateways-bench-'));
  try {
    const revision = sourceRevision(); // read when compiling, which is the source the children run
    log(`compiling src/ and bench/ (${revision}) into ${workDir}`);
    const childJs = compileForChildren(REPO_ROOT, path.join(workDir, 'build'));

    const sizes: SizeResult[] = [];
    for (const routes of options.sizes) {
      const size = runSize(routes, options, childJs, workDir);
      sizes.push(size);
      if (!options.json) printSize(size, options);
    }
    const linearity = linearityOf(sizes, options);
    if (!options.json) printLinearity(linearity);
    if (options.json) {
      console.log(JSON.stringify({
        revision,
        node: process.version,
        platform: `${os.platform()} ${os.arch()}`,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        tenants: TENANTS,
        repeat: options.repeat,
        targets: {
          routes: TARGET_ROUTES,
          maxTimeVsPlain: MAX_TIME_VS_PLAIN,
          maxTimeVsKplus: MAX_TIME_VS_KPLUS,
          maxPeakMB: MAX_PEAK_MB,
          maxPerRouteGrowth: MAX_PER_ROUTE_GROWTH,
        },
        sizes,
        linearity,
      }, undefined, 2));
    } else {
      console.log(`\nsource ${revision}; node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'};`
        + ' peak RSS = process.resourceUsage().maxRSS of each child');
    }
  } finally {
    if (options.keep) log(`kept ${workDir}`);
    else fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main();
