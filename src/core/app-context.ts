import { ApiObject, App, Chart, DependencyGraph } from 'cdk8s';
import { IConstruct } from 'constructs';
import type { InputError } from './input/input-error';

/**
 * A typed slot of the app context, created on first use by `create`. Higher layers declare their own keys (the
 * route table, the rule engine, backend allowances), so this bottom layer stays free of their types.
 */
export class ContextKey<T> {
  constructor(
    /** Names the slot in messages and when debugging. */
    public readonly name: string,
    /** Creates the slot's value for one app; it may register a render step with `context.onRender`. */
    public readonly create: (context: AppContext) => T,
  ) {}
}

/**
 * The only per-app store of this library: every piece of state that spans an app (routes and gateways, isolated
 * namespaces, allowances, rejected props, the rule engine) lives in one `AppContext`, keyed by the app root.
 * No other module keeps a WeakMap or a static registry of its own.
 *
 * **Rendering, the one hook into cdk8s.** Constructs declare; they do not bind to each other while they are
 * constructed. Per-route objects (Ingress, Certificate, NetworkPolicy allowance) are created by render steps
 * (`onRender`), which run once the app is complete: cdk8s validates the app (root first) before it serializes any
 * chart in `App.synth()`, `App.synthYaml()` and `Chart.toJson()` (hence `Testing.synth`), and the context's
 * validation on the root is registered before any other, so it renders before the rules evaluate and before any
 * object is written. The rule engine also renders before a direct `run()`. Every step is idempotent: a second
 * synth, or a synth after more routes were declared, adds only what is missing. Objects created while rendering are
 * not validated by cdk8s itself (it lists the constructs before the root's validation runs); none of them has a
 * validation of its own, and the rules read them like every other object.
 *
 * **One shortcut, during `App.synth()` and `App.synthYaml()` only.** Both validate the app and resolve its
 * dependencies once, then serialize each chart with `chart.toJson()`, which in cdk8s 2.70 validates the whole app
 * and resolves its dependencies again, once per chart: O(charts x constructs), the largest cost of an app with a
 * chart per tenant. While one of these calls runs, charts of this app are serialized without repeating that work
 * (the same topology cdk8s uses, `DependencyGraph`); nothing can change the app in between. `Chart.toJson()`
 * outside them (`Testing.synth`) is untouched. For the same reason an object serialized once during the call (the
 * rules read every object) may answer later `toJson()` calls of that call with the same JSON
 * (`reuseJsonDuringSynth`): without it synth serializes every object twice. Every shortcut ends when the call
 * returns (`onSynthEnd`). This module is the only one that patches cdk8s.
 */
export class AppContext {
  /** The context of the app that `scope` belongs to; created on first use. */
  public static of(scope: IConstruct): AppContext {
    const root = scope.node.root;
    let context = CONTEXTS.get(root);
    if (!context) {
      context = new AppContext(root);
      CONTEXTS.set(root, context);
    }
    return context;
  }

  /** The props constructs rejected (CG-INPUT-001), in the order they were found. */
  public readonly inputErrors: InputError[] = [];
  private readonly slots = new Map<ContextKey<unknown>, unknown>();
  private readonly renderSteps: (() => void)[] = [];
  private readonly isolated = new Set<string>();
  private rendering = false;
  /** Nesting depth of `App.synth()` / `App.synthYaml()` calls in progress. */
  private synthDepth = 0;
  private readonly synthEndSteps: (() => void)[] = [];
  /** Objects whose `toJson()` answers with a stored JSON until the synth in progress ends. */
  private readonly reusedJson: ApiObject[] = [];

  private constructor(public readonly root: IConstruct) {
    root.node.addValidation({
      validate: () => {
        this.render();
        return [];
      },
    });
    if (root instanceof App) this.wrapSynth(root);
  }

  /** The value of `key` for this app, created on first use. */
  public get<T>(key: ContextKey<T>): T {
    if (!this.slots.has(key)) this.slots.set(key, key.create(this));
    return this.slots.get(key) as T;
  }

  /** Adds a step to every render, after the steps added before it. The step must be idempotent. */
  public onRender(step: () => void): void {
    this.renderSteps.push(step);
  }

  /** Runs every render step (see the class comment); a step that renders again from inside a render is ignored. */
  public render(): void {
    if (this.rendering) return;
    this.rendering = true;
    try {
      // A step may add a later one (a slot created while rendering); the loop picks it up.
      for (let i = 0; i < this.renderSteps.length; i++) this.renderSteps[i]();
    } finally {
      this.rendering = false;
    }
  }

  /** Whether an `App.synth()` or `App.synthYaml()` of this app is in progress. */
  public get inSynth(): boolean {
    return this.synthDepth > 0;
  }

  /** Adds a step run when the outermost `App.synth()` / `App.synthYaml()` in progress returns (or throws). */
  public onSynthEnd(step: () => void): void {
    this.synthEndSteps.push(step);
  }

  /**
   * During the synth in progress, `apiObject.toJson()` returns `json` (already serialized by the caller) instead of
   * serializing the object again; undone when the synth ends. Outside a synth it does nothing.
   */
  public reuseJsonDuringSynth(apiObject: ApiObject, json: any): void {
    if (!this.inSynth) return;
    Object.defineProperty(apiObject, 'toJson', { configurable: true, writable: true, value: () => json });
    this.reusedJson.push(apiObject);
  }

  /** Records a rejected prop (see `rejectInput`). */
  public recordInputError(error: InputError): void {
    this.inputErrors.push(error);
  }

  /** Declares that the pods of `namespace` are isolated by a default-deny NetworkPolicy. */
  public declareIsolatedNamespace(namespace: string): void {
    this.isolated.add(namespace);
  }

  /**
   * Wraps `app.synth` and `app.synthYaml`: while one runs, charts of `app` are serialized without revalidating the
   * app per chart, and when the outermost returns, the synth-end steps run and reused JSON is dropped.
   */
  private wrapSynth(app: App): void {
    for (const method of ['synth', 'synthYaml'] as const) {
      const original = app[method] as (...args: unknown[]) => unknown;
      Object.defineProperty(app, method, {
        configurable: true,
        writable: true,
        value: (...args: unknown[]) => {
          const serializer = App as unknown as ChartSerializer;
          const perChart = serializer._synthChart;
          serializer._synthChart = (chart: Chart) => (App.of(chart) === app ? chartObjects(chart).map((o) => o.toJson()) : perChart.call(App, chart));
          this.synthDepth++;
          try {
            return original.apply(app, args);
          } finally {
            serializer._synthChart = perChart;
            if (--this.synthDepth === 0) this.endSynth();
          }
        },
      });
    }
  }

  private endSynth(): void {
    for (const apiObject of this.reusedJson) delete (apiObject as { toJson?: unknown }).toJson;
    this.reusedJson.length = 0;
    for (const step of this.synthEndSteps) step();
  }

  /** Whether `namespace` has been declared isolated. */
  public isIsolated(namespace: string): boolean {
    return this.isolated.has(namespace);
  }

  /** Every isolated namespace, sorted. */
  public get isolatedNamespaces(): string[] {
    return [...this.isolated].sort();
  }
}

const CONTEXTS = new WeakMap<IConstruct, AppContext>();

/** cdk8s's internal per-chart serializer, which `Chart.toJson()` calls (see the class comment). */
interface ChartSerializer {
  _synthChart(chart: Chart): any[];
}

/** The objects of one chart in cdk8s's order (its `chartToKube`): dependencies first, each in its closest chart only. */
function chartObjects(chart: Chart): ApiObject[] {
  return new DependencyGraph(chart.node).topology()
    .filter((c): c is ApiObject => c instanceof ApiObject && Chart.of(c) === chart);
}
