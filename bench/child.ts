/**
 * One measurement, in its own process so peak RSS belongs to exactly one variant.
 *
 *   node child.js infra <routes> <file>                capture the gateways chart JSON (see infra.ts)
 *   node child.js <variant> <routes> <outdir> <infra>  build + synth one variant, print one result line
 *
 * Runs precompiled JavaScript (see compile.ts): ts-node would load the TypeScript compiler into the
 * process being measured. Variant modules are imported lazily, so a baseline never loads the library
 * (`.js` specifiers: what node16 resolution wants for dynamic imports; compile.ts turns them into require).
 */
import * as fs from 'fs';
import { ApiObject, App } from 'cdk8s';
import { Breakdown, ChildResult, RESULT_MARKER, Variant, VARIANTS } from './protocol';
import { buildRoutes, GatewayInfra, RouteSpec } from './workload';

async function builder(variant: Variant, infra: GatewayInfra): Promise<(app: App, routes: RouteSpec[]) => void> {
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
  }
}

async function measure(variant: Variant, routeCount: number, outdir: string, infraFile: string, withBreakdown: boolean): Promise<ChildResult> {
  const infra: GatewayInfra = JSON.parse(fs.readFileSync(infraFile, 'utf8'));
  const build = await builder(variant, infra);
  // Everything is loaded before the clock starts: module loading is not synthesis.
  const instrumentation = withBreakdown ? await import('./breakdown.js') : undefined;
  const routes = buildRoutes(routeCount);
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
    if (variant === 'rules-on') {
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
  const [variant, routes, outdir, infraFile, flag] = argv;
  if (!VARIANTS.includes(variant as Variant)) throw new Error(`unknown variant "${variant}"; expected one of ${VARIANTS.join(', ')}`);
  const result = await measure(variant as Variant, Number(routes), outdir, infraFile, flag === '--breakdown');
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`);
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
