/**
 * One measurement, in its own process so peak RSS belongs to exactly one variant.
 *
 *   node child.js infra <routes> <file>                capture the gateways chart JSON (see infra.ts)
 *   node child.js user-capture <routes> <file>         capture the user path's objects (see user-capture.ts)
 *   node child.js gwapi-capture <routes> <file>        capture the Gateway API user path's objects (same module)
 *   node child.js <variant> <routes> <outdir> <input>  build + synth one variant, print one result line
 *
 * `<input>` is the infra capture for the original variants and the user-path capture for the `user-*` ones.
 *
 * Runs precompiled JavaScript (see compile.ts): ts-node would load the TypeScript compiler into the
 * process being measured. Variant modules are imported lazily, so a baseline never loads the library
 * (`.js` specifiers: what node16 resolution wants for dynamic imports; compile.ts turns them into require).
 */
import * as fs from 'fs';
import { ApiObject, App } from 'cdk8s';
import { Breakdown, ChildResult, RESULT_MARKER, Variant, VARIANTS } from './protocol';
import { buildGatewayApiRoutes, buildRoutes, buildUserRoutes, GatewayInfra, RouteSpec, UserPathCapture } from './workload';

/** Variants that build the user path's objects (from `buildUserRoutes`) rather than the original workload's. */
const isUserVariant = (variant: Variant) => variant.startsWith('user-');
/** Variants that build the Gateway API user path's objects (from `buildGatewayApiRoutes`). */
const isGatewayApiVariant = (variant: Variant) => variant.startsWith('gwapi-');

async function builder(variant: Variant, input: unknown): Promise<(app: App, routes: RouteSpec[]) => void> {
  const infra = input as GatewayInfra;
  switch (variant) {
    case 'rules-on':
    case 'rules-off': {
      const library = await import('./variants/library.js');
      return (app, routes) => library.build(app, routes, variant === 'rules-on');
    }
    case 'plain': {
      const plain = await import('./variants/plain.js');
      return (app, routes) => plain.build(app, routes, infra);
    }
    case 'kplus': {
      const kplus = await import('./variants/kplus.js');
      return (app, routes) => kplus.build(app, routes, infra);
    }
    case 'user-path': {
      const userPath = await import('./variants/user-path.js');
      return (app, routes) => userPath.build(app, routes, true);
    }
    case 'user-plain': {
      const userPlain = await import('./variants/user-plain.js');
      return (app) => userPlain.build(app, input as UserPathCapture);
    }
    case 'gwapi-path': {
      const gatewayApiPath = await import('./variants/gwapi-path.js');
      return (app, routes) => gatewayApiPath.build(app, routes, true);
    }
    case 'gwapi-plain': {
      // The same plain-ApiObject rebuild as (a2), from the Gateway API path's capture.
      const userPlain = await import('./variants/user-plain.js');
      return (app) => userPlain.build(app, input as UserPathCapture);
    }
    case 'user-json-yaml':
      throw new Error('user-json-yaml builds no app; see measureJsonYaml');
  }
}

/** Baseline (c): no constructs, so no build phase; "synth" is stringify + write. */
async function measureJsonYaml(routeCount: number, outdir: string, capture: UserPathCapture): Promise<ChildResult> {
  const jsonYaml = await import('./variants/user-json-yaml.js');
  const mb = (bytes: number) => bytes / 1024 / 1024;
  const startRssMB = mb(process.memoryUsage().rss);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const objects = jsonYaml.write(outdir, capture);
  const t1 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  return {
    variant: 'user-json-yaml',
    routes: routeCount,
    objects,
    buildMs: 0,
    synthMs: t1 - t0,
    totalMs: t1 - t0,
    cpuMs: (cpu.user + cpu.system) / 1000,
    startRssMB,
    peakRssMB: process.resourceUsage().maxRSS / 1024, // KB on Linux
  };
}

async function measure(variant: Variant, routeCount: number, outdir: string, inputFile: string, withBreakdown: boolean): Promise<ChildResult> {
  // The capture is read and parsed before the clock starts. The user path needs none: holding the capture of
  // what it is about to build would only add to its memory.
  const input: unknown = variant === 'user-path' || variant === 'gwapi-path' ? undefined : JSON.parse(fs.readFileSync(inputFile, 'utf8'));
  if (variant === 'user-json-yaml') return measureJsonYaml(routeCount, outdir, input as UserPathCapture);
  const build = await builder(variant, input);
  // Everything is loaded before the clock starts: module loading is not synthesis.
  const instrumentation = withBreakdown ? await import('./breakdown.js') : undefined;
  const routes = isGatewayApiVariant(variant)
    ? buildGatewayApiRoutes(routeCount)
    : isUserVariant(variant) ? buildUserRoutes(routeCount) : buildRoutes(routeCount);
  const mb = (bytes: number) => bytes / 1024 / 1024;
  const startRssMB = mb(process.memoryUsage().rss);

  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const app = new App({ outdir });
  build(app, routes);
  const t1 = performance.now();
  const cpuBuild = process.cpuUsage(cpu0);

  let breakdown: ((buildMs: number, synthMs: number) => Breakdown) | undefined;
  if (instrumentation) {
    const timers = new instrumentation.Timers();
    instrumentation.instrumentObjects(app, timers);
    if (variant === 'rules-on' || variant === 'user-path' || variant === 'gwapi-path') {
      instrumentation.instrumentEngine(timers, {
        engine: await import('../src/rules/engine.js'),
        evaluate: await import('../src/rules/evaluate.js'),
        catalogue: await import('../src/rules/catalogue.js'),
      });
    }
    breakdown = (buildMs, synthMs) => timers.result(buildMs, synthMs);
  }

  const t2 = performance.now();
  const cpu2 = process.cpuUsage();
  app.synth();
  const t3 = performance.now();
  const cpuSynth = process.cpuUsage(cpu2); // excludes the instrumentation set-up between build and synth

  return {
    variant,
    routes: routeCount,
    objects: app.node.findAll().filter((c) => ApiObject.isApiObject(c)).length,
    buildMs: t1 - t0,
    synthMs: t3 - t2,
    totalMs: t1 - t0 + (t3 - t2),
    cpuMs: (cpuBuild.user + cpuBuild.system + cpuSynth.user + cpuSynth.system) / 1000,
    startRssMB,
    peakRssMB: process.resourceUsage().maxRSS / 1024, // KB on Linux
    breakdown: breakdown?.(t1 - t0, t3 - t2),
  };
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'infra') {
    const { captureGatewayInfra } = await import('./infra.js');
    fs.writeFileSync(argv[2], JSON.stringify(captureGatewayInfra(buildRoutes(Number(argv[1])))));
    return;
  }
  if (argv[0] === 'user-capture') {
    const { captureUserPath } = await import('./user-capture.js');
    fs.writeFileSync(argv[2], JSON.stringify(captureUserPath(buildUserRoutes(Number(argv[1])))));
    return;
  }
  if (argv[0] === 'gwapi-capture') {
    const { captureGatewayApiPath } = await import('./user-capture.js');
    fs.writeFileSync(argv[2], JSON.stringify(captureGatewayApiPath(buildGatewayApiRoutes(Number(argv[1])))));
    return;
  }
  const [variant, routes, outdir, inputFile, flag] = argv;
  if (!VARIANTS.includes(variant as Variant)) throw new Error(`unknown variant "${variant}"; expected one of ${VARIANTS.join(', ')}`);
  const result = await measure(variant as Variant, Number(routes), outdir, inputFile, flag === '--breakdown');
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`);
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
