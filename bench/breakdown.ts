/**
 * `--breakdown`: where synth time goes, by wrapping cdk8s and rule-engine internals with timers.
 *
 * Only loaded with `--breakdown` (the wrappers cost time and memory of their own, so the main table
 * never uses them). It reaches into private methods of `RuleEngine`, which is fine for a benchmark
 * and would be wrong anywhere else.
 */
import { ApiObject, App, Yaml } from 'cdk8s';
import { Breakdown } from './protocol';

export class Timers {
  public readonly ms: Record<string, number> = {};
  public readonly calls: Record<string, number> = {};

  public add(name: string, ms: number): void {
    this.ms[name] = (this.ms[name] ?? 0) + ms;
    this.calls[name] = (this.calls[name] ?? 0) + 1;
  }

  /** Replaces `target[method]` with a timed wrapper. */
  public wrap(target: any, method: string, name: string, around?: { before?: () => void; after?: () => void }): void {
    const original = target[method];
    const timers = this;
    target[method] = function (this: unknown, ...args: unknown[]) {
      around?.before?.();
      const start = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        timers.add(name, performance.now() - start);
        around?.after?.();
      }
    };
  }

  /** The timed phases, plus what they leave unexplained of build and synth. */
  public result(buildMs: number, synthMs: number): Breakdown {
    const ms: Record<string, number> = { ...this.ms, 'build (constructs)': buildMs, 'synth (total)': synthMs };
    const calls: Record<string, number> = { ...this.calls };
    const t = (name: string) => this.ms[name] ?? 0;
    // cdk8s validates the whole app and resolves dependencies once per chart (App._synthChart), plus once up front.
    ms['cdk8s: validate + dependency passes (rest of synth)'] = synthMs - t(CHART_TO_JSON) - t(YAML_SAVE) - t(ENGINE_RUN);
    if (this.ms[ENGINE_RUN] !== undefined) {
      // Every run() after the first is a cache hit that still walks the tree for its fingerprint.
      ms['engine: cache checks (run - evaluateApp - publish)'] = t(ENGINE_RUN) - t(EVALUATE_APP) - t(PUBLISH);
      ms['engine: model + rest of evaluateApp'] = t(EVALUATE_APP) - t(ENGINE_TO_JSON) - t(EVALUATE) - t(SUPPRESSIONS);
    }
    return { ms, calls };
  }
}

const CHART_TO_JSON = 'cdk8s: chart toJson pass';
const YAML_SAVE = 'cdk8s: YAML stringify + write';
const ENGINE_RUN = 'engine: run (total)';
const EVALUATE_APP = 'engine: evaluateApp';
const ENGINE_TO_JSON = 'engine: toJson pass';
const EVALUATE = 'engine: evaluate (all rules)';
const SUPPRESSIONS = 'engine: applySuppressions';
const PUBLISH = 'engine: publish report';

/** Phase for `toJson` calls: inside the rule engine, or cdk8s writing charts. */
let inEngine = false;

/**
 * Wraps every ApiObject's `toJson` (per instance, so overrides in typed bindings are included and
 * `super.toJson()` calls are not counted twice). Call after the app is built, before synth.
 */
export function instrumentObjects(app: App, timers: Timers): void {
  for (const construct of app.node.findAll()) {
    if (!ApiObject.isApiObject(construct)) continue;
    const object = construct as any;
    const toJson = object.toJson;
    object.toJson = function () {
      const start = performance.now();
      try {
        return toJson.call(object);
      } finally {
        timers.add(inEngine ? ENGINE_TO_JSON : CHART_TO_JSON, performance.now() - start);
      }
    };
  }
  timers.wrap(Yaml, 'save', YAML_SAVE);
}

/** Wraps the rule engine's phases and every rule (modules from the compiled `src/`, see child.ts). */
export function instrumentEngine(timers: Timers, modules: { engine: any; evaluate: any; catalogue: any }): void {
  const proto = modules.engine.RuleEngine.prototype;
  timers.wrap(proto, 'run', ENGINE_RUN);
  timers.wrap(proto, 'evaluateApp', EVALUATE_APP, { before: () => { inEngine = true; }, after: () => { inEngine = false; } });
  timers.wrap(proto, 'applySuppressions', SUPPRESSIONS);
  timers.wrap(proto, 'publish', PUBLISH);
  timers.wrap(modules.evaluate, 'evaluate', EVALUATE);
  for (const rule of modules.catalogue.ALL_RULES) timers.wrap(rule, 'check', `rule ${rule.id}`);
}
