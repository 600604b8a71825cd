import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ALL_RULES, RuleCatalogue } from './catalogue';
import { evaluate, isValidSuppressionReason, MIN_SUPPRESSION_REASON_LENGTH } from './evaluate';
import { Finding } from './finding';
import { InputError, INVALID_INPUT } from './input/invalid-input';
import { INVALID_SUPPRESSION_ID } from './meta/invalid-suppression';
import { ClusterModel, ManifestObject } from './model';
import { formatFinding, RuleReport } from './report';
import { Severity } from './severity';
import { SUPPRESSION_ANNOTATION_PREFIX } from '../labels';

/** Default name of the JSON report written into the app's output directory on every synth. */
export const REPORT_FILE_NAME = 'cdk8s-gateways-report.json';

interface SuppressionEntry {
  readonly scope: IConstruct;
  readonly ruleId: string;
  readonly reason: string;
}

/** Thrown when error-level findings stop synthesis; its stack is the report, since a user mistake deserves no trace. */
class RuleViolationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SynthValidationError';
    this.stack = `${this.name}: ${message}`;
  }
}

const ENGINES = new WeakMap<IConstruct, RuleEngine>();

/**
 * Runs the rule catalogue over the whole app at synth time (one engine per app).
 *
 * It hooks into cdk8s validation on the app root, so `app.synth()`, `app.synthYaml()` and
 * `Testing.synth()` all run it. Every finding of the app is collected before synthesis fails.
 */
export class RuleEngine {
  /** The engine of the app that `scope` belongs to; created on first use. */
  public static of(scope: IConstruct): RuleEngine {
    const root = scope.node.root;
    let engine = ENGINES.get(root);
    if (!engine) {
      engine = new RuleEngine(root);
      ENGINES.set(root, engine);
    }
    return engine;
  }

  /**
   * Whether the rules run at synth.
   * @default true
   */
  public enabled = true;

  /**
   * Where the JSON report is written on every synth: absolute, or relative to the app's outdir.
   * Set to an empty string to write no report.
   * @default 'cdk8s-gateways-report.json' in the app's outdir
   */
  public reportFile: string = REPORT_FILE_NAME;

  private readonly externalClasses = new Set<string>();
  private readonly externalSecrets = new Set<string>();
  private readonly suppressions: SuppressionEntry[] = [];
  private readonly inputErrors: InputError[] = [];
  /** Objects whose toJson() answers from the rules' pass until the synth in progress ends. */
  private readonly reused: ApiObject[] = [];
  /** Nesting depth of App.synth()/synthYaml() calls in progress. */
  private synthDepth = 0;
  /** The report of the synth in progress: cdk8s validates the whole app once per chart, and nothing changes in between. */
  private synthReport?: RuleReport;

  private constructor(private readonly root: IConstruct) {
    root.node.addValidation({ validate: () => this.validateForSynth() });
    if (root instanceof App) this.scopeCacheToSynth(root);
  }

  /** Declares an IngressClass that exists in the cluster but is not defined in this app. */
  public declareExternalIngressClass(className: string): void {
    this.externalClasses.add(className);
  }

  /** Declares a TLS secret that something outside this app provides (for example an external-secrets sync). */
  public declareExternalTlsSecret(namespace: string, secretName: string): void {
    this.externalSecrets.add(`${namespace}/${secretName}`);
  }

  /** @internal */
  public _addSuppression(scope: IConstruct, ruleId: string, reason: string): void {
    this.suppressions.push({ scope, ruleId, reason });
  }

  /** @internal */
  public _addInputError(error: InputError): void {
    this.inputErrors.push(error);
  }

  /** Runs every rule now over the app as it is, and returns the report (suppressed findings included). */
  public run(): RuleReport {
    const suppressionFindings = this.applySuppressions();
    const objects: ManifestObject[] = [];
    for (const construct of this.root.node.findAll()) {
      if (!ApiObject.isApiObject(construct)) continue;
      const json = construct.toJson();
      if (this.synthDepth > 0) this.reuseDuringSynth(construct, json);
      objects.push(new ManifestObject(json, { constructPath: construct.node.path }));
    }
    const model = new ClusterModel(objects, this.externalClasses, this.externalSecrets);
    // Input findings last: some are only found while objects resolve their lazy values above.
    return evaluate(model, ALL_RULES, [...this.inputFindings(), ...suppressionFindings], { crashAsFinding: true });
  }

  private inputFindings(): Finding[] {
    const seen = new Set<string>();
    // Lazy values may be resolved more than once; report each mistake once.
    const unique = this.inputErrors.filter(({ scope, field, message }) => {
      const key = `${scope.node.path}\u0000${field}\u0000${message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return unique.map(({ scope, field, value, message }) => ({
      ruleId: INVALID_INPUT.id,
      severity: INVALID_INPUT.severity,
      message,
      fix: INVALID_INPUT.fix,
      constructPath: scope.node.path,
      field,
      value,
      suppressed: false,
    }));
  }

  /** Writes valid suppressions as annotations on every object below their scope; returns findings for invalid ones. */
  private applySuppressions(): Finding[] {
    const findings: Finding[] = [];
    for (const { scope, ruleId, reason } of this.suppressions) {
      const problem = !RuleCatalogue.has(ruleId)
        ? `suppression names an unknown rule "${ruleId}"; see RuleCatalogue.all() or the README rules table`
        : !isValidSuppressionReason(reason)
          ? `suppression of ${ruleId} needs a reason of at least ${MIN_SUPPRESSION_REASON_LENGTH} characters (got ${JSON.stringify(reason)})`
          : undefined;
      if (problem) {
        findings.push({
          ruleId: INVALID_SUPPRESSION_ID,
          severity: Severity.ERROR,
          message: problem,
          fix: 'Suppressions.of(construct).add("<rule id>", "<why this risk is accepted>")',
          constructPath: scope.node.path,
          field: 'Suppressions.add',
          value: JSON.stringify({ ruleId, reason }),
          suppressed: false,
        });
        continue;
      }
      for (const construct of scope.node.findAll()) {
        if (ApiObject.isApiObject(construct)) construct.metadata.addAnnotation(SUPPRESSION_ANNOTATION_PREFIX + ruleId, reason.trim());
      }
    }
    return findings;
  }

  /** Writes the JSON report and prints warnings: once per synth, however many charts cdk8s validates. */
  private publish(report: RuleReport): void {
    if (this.reportFile && this.root instanceof App) {
      const file = path.resolve(this.root.outdir, this.reportFile);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(report.toJson(), undefined, 2) + '\n');
    }
    if (report.warnings.length > 0) {
      process.stderr.write(`cdk8s-gateways: ${report.warnings.length} warning(s)\n${report.format(report.warnings)}\n`);
    }
  }

  /**
   * App.synth() validates the whole app once, then again for every chart it writes. Evaluating once per synth
   * keeps the cost linear in the app size and prints warnings once; the report is dropped when synth returns.
   */
  private scopeCacheToSynth(app: App): void {
    for (const method of ['synth', 'synthYaml'] as const) {
      const original = app[method] as (...args: unknown[]) => unknown;
      Object.defineProperty(app, method, {
        configurable: true,
        writable: true,
        value: (...args: unknown[]) => {
          this.synthDepth++;
          try {
            return original.apply(app, args);
          } finally {
            if (--this.synthDepth === 0) this.endSynth();
          }
        },
      });
    }
  }

  /**
   * Serializing 40,000 objects twice (rules, then cdk8s writing charts) costs a second of synth and keeps two copies
   * alive. Within one App.synth() nothing changes the objects after validation, so cdk8s may reuse the JSON the
   * rules read; the shortcut is removed as soon as synth returns.
   */
  private reuseDuringSynth(apiObject: ApiObject, json: any): void {
    Object.defineProperty(apiObject, 'toJson', { configurable: true, writable: true, value: () => json });
    this.reused.push(apiObject);
  }

  private endSynth(): void {
    this.synthReport = undefined;
    for (const apiObject of this.reused) delete (apiObject as { toJson?: unknown }).toJson;
    this.reused.length = 0;
  }

  private validateForSynth(): string[] {
    if (!this.enabled) return [];
    let report = this.synthDepth > 0 ? this.synthReport : undefined;
    if (!report) {
      report = this.run();
      this.publish(report);
      if (this.synthDepth > 0) this.synthReport = report;
    }
    const errors = report.errors;
    if (errors.length > 0) {
      const summary = `cdk8s-gateways: synth stopped by ${errors.length} error(s)`
        + ` (${report.warnings.length} warning(s), ${report.suppressed.length} suppressed)`;
      throw new RuleViolationError(`${summary}\n${errors.map(formatFinding).join('\n')}\n`);
    }
    return [];
  }
}
