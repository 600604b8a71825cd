/**
 * `--breakdown`: where synth time goes, by wrapping cdk8s and rule-engine internals with timers.
 *
 * Only loaded with `--breakdown` (the wrappers cost time and memory of their own, so the main table
 * never uses them). It reaches into private methods of `RuleEngine`, which is fine for a benchmark
 * and would be wrong anywhere else.
 */
import { ApiObject, App, Yaml } from 'cdk8s';
import { Breakdown } from './protocol';

const CHART_TO_JSON = 'cdk8s: chart toJson pass';
const YAML_SAVE = 'cdk8s: YAML stringify + write';
const ENGINE_HOOK = 'engine: validation hook (total)';
const ENGINE_RUN = 'engine: run';
const ENGINE_TO_JSON = 'engine: toJson pass';
const EVALUATE = 'engine: evaluate (all rules)';
const SUPPRESSIONS = 'engine: applySuppressions';
const PUBLISH = 'engine: publish report';

export class Timers {
  public readonly ms: Record<string, number> = {};
  public readonly calls: Record<string, number> = {};
  public readonly notes: string[] = [];

  public add(name: string, ms: number): void {
    this.ms[name] = (this.ms[name] ?? 0) + ms;
    this.calls[name] = (this.calls[name] ?? 0) + 1;
  }

  /** Replaces `target[method]` with a timed wrapper; false when there is no such method (the engine changed shape). */
  public wrap(target: any, method: string, name: string, around?: { before?: () => void; after?: () => void }): boolean {
    const original = target[method];
    if (typeof original !== 'function') return false;
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
    return true;
  }

  /** The timed phases, plus what they leave unexplained of build and synth. */
  public result(buildMs: number, synthMs: number): Breakdown {
    const ms: Record<string, number> = { ...this.ms, 'build (constructs)': buildMs, 'synth (total)': synthMs };
    const calls: Record<string, number> = { ...this.calls };
    // Per-kind rows only for the kinds there are many of; the ~20 controller objects go into one row.
    for (const phase of [CHART_TO_JSON, ENGINE_TO_JSON]) {
      for (const name of Object.keys(ms).filter((n) => n.startsWith(`${phase}: `) && calls[n] < 50)) {
        const other = `${phase}: other kinds`;
        ms[other] = (ms[other] ?? 0) + ms[name];
        calls[other] = (calls[other] ?? 0) + calls[name];
        delete ms[name];
        delete calls[name];
      }
    }
    const t = (name: string) => this.ms[name] ?? 0;
    const engineTotal = this.ms[ENGINE_HOOK] ?? t(ENGINE_RUN);
    // cdk8s validates the whole app and resolves dependencies once up front and again for every chart (App._synthChart).
    ms['cdk8s: validate + dependency passes (rest of synth)'] = synthMs - t(CHART_TO_JSON) - t(YAML_SAVE) - engineTotal;
    if (this.ms[ENGINE_HOOK] !== undefined) ms['engine: hook minus run + publish (cache hits)'] = t(ENGINE_HOOK) - t(ENGINE_RUN) - t(PUBLISH);
    if (this.ms[ENGINE_RUN] !== undefined) ms['engine: model + rest of run'] = t(ENGINE_RUN) - t(ENGINE_TO_JSON) - t(EVALUATE) - t(SUPPRESSIONS);
    return { ms, calls, notes: this.notes };
  }
}

/** Depth of engine evaluation in progress: `toJson` calls inside it are the engine's own serialization pass. */
let engineDepth = 0;

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
        const ms = performance.now() - start;
        const phase = engineDepth > 0 ? ENGINE_TO_JSON : CHART_TO_JSON;
        timers.add(phase, ms);
        timers.add(`${phase}: ${object.kind}`, ms); // per kind: which bindings are expensive
      }
    };
  }
  timers.wrap(Yaml, 'save', YAML_SAVE);
}

/**
 * Wraps the rule engine's phases and every rule (modules from the compiled `src/`, see child.ts).
 * Method names follow src/rules/engine.ts; missing ones become notes in the output, not failures.
 */
export function instrumentEngine(timers: Timers, modules: { engine: any; evaluate: any; catalogue: any }): void {
  const proto = modules.engine.RuleEngine.prototype;
  const evaluating = { before: () => { engineDepth++; }, after: () => { engineDepth--; } };
  const targets: Array<[any, string, string, typeof evaluating?]> = [
    [proto, 'validateForSynth', ENGINE_HOOK],
    [proto, 'run', ENGINE_RUN, evaluating],
    [proto, 'applySuppressions', SUPPRESSIONS],
    [proto, 'publish', PUBLISH],
    [modules.evaluate, 'evaluate', EVALUATE],
  ];
  for (const [target, method, name, around] of targets) {
    if (!timers.wrap(target, method, name, around)) timers.notes.push(`not timed: ${method}() is gone from the engine; update bench/breakdown.ts`);
  }
  for (const rule of modules.catalogue.ALL_RULES) timers.wrap(rule, 'check', `rule ${rule.id}`);
}
