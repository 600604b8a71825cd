/** What the parent (synth-bench.ts) and each measured child process (child.ts) agree on. */

export const VARIANTS = ['rules-on', 'rules-off', 'plain', 'kplus', 'user-path', 'user-plain', 'user-json-yaml', 'gwapi-path', 'gwapi-plain'] as const;
export type Variant = typeof VARIANTS[number];

/** What a run measures without `--variants` or `--user-path`: the original four. */
export const DEFAULT_VARIANTS: readonly Variant[] = ['rules-on', 'rules-off', 'plain', 'kplus'];

/** What `--user-path` measures: the user path, its same-objects baselines, and rules on / (a) and (b) for comparison. */
export const USER_PATH_VARIANTS: readonly Variant[] = ['rules-on', 'plain', 'kplus', 'user-path', 'user-plain', 'user-json-yaml'];

/** The user path's variants (built from the user path's routes and its capture, see user-capture.ts). */
export const USER_VARIANTS: readonly Variant[] = ['user-path', 'user-plain', 'user-json-yaml'];

/** What `--gateway-api` measures (issue 15): the Gateway API user path and its same-objects baseline. */
export const GATEWAY_API_VARIANTS: readonly Variant[] = ['gwapi-path', 'gwapi-plain'];

export const VARIANT_LABELS: Record<Variant, string> = {
  'rules-on': 'rules on',
  'rules-off': 'rules off',
  'plain': 'baseline (a) plain ApiObjects',
  'kplus': 'baseline (b) cdk8s-plus',
  'user-path': 'user path (rules on)',
  'user-plain': 'baseline (a2) same objects, plain ApiObjects',
  'user-json-yaml': 'baseline (c) same objects, JSON to YAML',
  'gwapi-path': 'Gateway API user path (rules on)',
  'gwapi-plain': 'baseline (a3) same objects, plain ApiObjects',
};

/** Short names, for ratios. */
export const VARIANT_SHORT: Record<Variant, string> = {
  'rules-on': 'rules on',
  'rules-off': 'rules off',
  'plain': 'baseline (a)',
  'kplus': 'baseline (b)',
  'user-path': 'user path',
  'user-plain': 'baseline (a2)',
  'user-json-yaml': 'baseline (c)',
  'gwapi-path': 'Gateway API user path',
  'gwapi-plain': 'baseline (a3)',
};

/** Prefix of the stdout line that carries a child's result (the library prints warnings on stderr). */
export const RESULT_MARKER = 'BENCH_RESULT ';

/** Milliseconds by phase name, and how often each phase ran (`--breakdown`). */
export interface Breakdown {
  readonly ms: Record<string, number>;
  readonly calls: Record<string, number>;
  /** Anything the instrumentation could not time. */
  readonly notes: string[];
}

export interface ChildResult {
  readonly variant: Variant;
  readonly routes: number;
  /** ApiObjects synthesized. */
  readonly objects: number;
  readonly buildMs: number;
  readonly synthMs: number;
  readonly totalMs: number;
  /** User + system CPU time of build + synth: less sensitive than wall time to other load on the machine. */
  readonly cpuMs: number;
  /** RSS after loading modules and generating the route list, before building the app. */
  readonly startRssMB: number;
  /** `process.resourceUsage().maxRSS`: the process's peak. */
  readonly peakRssMB: number;
  readonly breakdown?: Breakdown;
}
