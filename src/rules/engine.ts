import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ALL_RULES, RuleCatalogue } from './catalogue';
import { evaluate } from './evaluate';
import { Finding } from './finding';
import { INVALID_INPUT } from './input/invalid-input';
import { manifestsDigest } from './manifests-digest';
import { INVALID_SUPPRESSION_ID } from './meta/invalid-suppression';
import { ClusterModel, ManifestObject } from './model';
import { formatFinding, RuleReport } from './report';
import { Severity } from './severity';
import { isValidSuppressionReason, MIN_SUPPRESSION_REASON_LENGTH } from './suppression-reason';
import { AppContext, ContextKey } from '../core/app-context';
import { SUPPRESSION_ANNOTATION_PREFIX } from '../core/manifest-contract';

/** Suffix of the JSON report file written next to the app's output directory on every synth. */
export const REPORT_FILE_NAME = 'cdk8s-gateways-report.json';

/**
 * Where the report goes by default: beside the output directory, never in it (`dist` -> `dist.cdk8s-gateways-report.json`),
 * because GitOps tools read every `.json` file of a manifest folder as a manifest (Argo CD directory applications).
 */
export function defaultReportFile(outdir: string): string {
  const absolute = path.resolve(outdir);
  return path.join(path.dirname(absolute), `${path.basename(absolute)}.${REPORT_FILE_NAME}`);
}

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

/** The app's engine, in the app context (created, and hooked into the root's validation, on first use). */
const RULE_ENGINE = new ContextKey<RuleEngine>('rule engine', (context) => RuleEngine._create(context));

/** A suppression annotation put on an object's JSON for the rules to read; kept only where it suppressed a finding. */
interface PendingSuppression {
  readonly apiObject: ApiObject;
  readonly json: any;
  readonly ruleId: string;
  readonly reason: string;
  /** Whether the object had no annotations before, so removing ours must remove the empty map too. */
  readonly createdAnnotations: boolean;
}

/** Puts the suppressions of one object into its JSON (where the rules read them) without touching the object yet. */
function offerSuppressions(apiObject: ApiObject, json: any, suppressions: Map<string, string>): PendingSuppression[] {
  json.metadata = json.metadata ?? {};
  const createdAnnotations = json.metadata.annotations === undefined;
  json.metadata.annotations = json.metadata.annotations ?? {};
  const pending: PendingSuppression[] = [];
  for (const [ruleId, reason] of suppressions) {
    const key = SUPPRESSION_ANNOTATION_PREFIX + ruleId;
    // An annotation written by hand on the object stays as it is.
    if (json.metadata.annotations[key] !== undefined) continue;
    json.metadata.annotations[key] = reason;
    pending.push({ apiObject, json, ruleId, reason, createdAnnotations });
  }
  return pending;
}

/**
 * Keeps a suppression annotation only on the objects where it suppressed a finding of its rule: an exception is
 * recorded where it applies, not on every object of the scope. Kept ones are also written to the object itself, so
 * the YAML cdk8s writes carries them.
 */
function settleSuppressions(pending: PendingSuppression[], report: RuleReport): void {
  if (pending.length === 0) return;
  const used = new Set(report.suppressed.map((f) => `${f.constructPath}\u0000${f.ruleId}`));
  for (const { apiObject, json, ruleId, reason, createdAnnotations } of pending) {
    const key = SUPPRESSION_ANNOTATION_PREFIX + ruleId;
    if (used.has(`${apiObject.node.path}\u0000${ruleId}`)) {
      apiObject.metadata.addAnnotation(key, reason);
      continue;
    }
    delete json.metadata.annotations[key];
    if (createdAnnotations && Object.keys(json.metadata.annotations).length === 0) delete json.metadata.annotations;
  }
}

/**
 * Runs the rule catalogue over the whole app at synth time (one engine per app).
 *
 * It hooks into cdk8s validation on the app root, so `app.synth()`, `app.synthYaml()` and
 * `Testing.synth()` all run it. Every finding of the app is collected before synthesis fails.
 */
export class RuleEngine {
  /** The engine of the app that `scope` belongs to; created on first use. */
  public static of(scope: IConstruct): RuleEngine {
    return AppContext.of(scope).get(RULE_ENGINE);
  }

  /** @internal the app context creates the engine; users get it with `RuleEngine.of`. */
  public static _create(context: AppContext): RuleEngine {
    return new RuleEngine(context);
  }

  /**
   * Whether the rules run at synth.
   * @default true
   */
  public enabled = true;

  /**
   * Where the JSON report is written on every synth: absolute, or relative to the app's outdir.
   * Set to an empty string to write no report. The default keeps it out of the manifest folder, which GitOps tools
   * read as manifests.
   * @default - beside the app's outdir: `<outdir>.cdk8s-gateways-report.json` (for `dist`, `dist.cdk8s-gateways-report.json`)
   */
  public reportFile?: string;

  private readonly externalClasses = new Set<string>();
  private readonly externalSecrets = new Set<string>();
  private readonly suppressions: SuppressionEntry[] = [];
  /** The report of the synth in progress: cdk8s validates the whole app once per chart, and nothing changes in between. */
  private synthReport?: RuleReport;

  private readonly root: IConstruct;

  private constructor(private readonly context: AppContext) {
    this.root = context.root;
    // Registered after the context's own validation, which renders the routes: the rules read the rendered app.
    this.root.node.addValidation({ validate: () => this.validateForSynth() });
    // Evaluated once per App.synth(), which validates the app once and then once per chart it writes: cost linear in
    // the app size, warnings printed once. The report is dropped when synth returns.
    context.onSynthEnd(() => this.synthReport = undefined);
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

  /** Runs every rule now over the app as it is, and returns the report (suppressed findings included). */
  public run(): RuleReport {
    // Per-route objects exist only once the app is rendered (idempotent; synth has rendered already).
    this.context.render();
    const { invalid: suppressionFindings, byObject: suppressionsByObject } = this.collectSuppressions();
    const objects: ManifestObject[] = [];
    const pending: PendingSuppression[] = [];
    for (const construct of this.root.node.findAll()) {
      if (!ApiObject.isApiObject(construct)) continue;
      const json = construct.toJson();
      // cdk8s writes the JSON the rules read instead of serializing every object a second time.
      this.context.reuseJsonDuringSynth(construct, json);
      const suppressions = suppressionsByObject.get(construct);
      if (suppressions) pending.push(...offerSuppressions(construct, json, suppressions));
      objects.push(new ManifestObject(json, { constructPath: construct.node.path }));
    }
    const model = new ClusterModel(objects, this.externalClasses, this.externalSecrets);
    // Input findings last: some are only found while objects resolve their lazy values above.
    const report = evaluate(model, ALL_RULES, [...this.inputFindings(), ...suppressionFindings], { crashAsFinding: true });
    settleSuppressions(pending, report);
    report.manifestsDigest = manifestsDigest(objects);
    return report;
  }

  private inputFindings(): Finding[] {
    const seen = new Set<string>();
    // Lazy values may be resolved more than once; report each mistake once.
    const unique = this.context.inputErrors.filter(({ scope, field, message }) => {
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

  /**
   * Checks every suppression; returns findings for invalid ones, and the valid ones by the objects below their scope
   * (a later suppression of the same rule overrides an earlier one's reason).
   */
  private collectSuppressions(): { invalid: Finding[]; byObject: Map<ApiObject, Map<string, string>> } {
    const invalid: Finding[] = [];
    const byObject = new Map<ApiObject, Map<string, string>>();
    for (const { scope, ruleId, reason } of this.suppressions) {
      const problem = !RuleCatalogue.has(ruleId)
        ? `suppression names an unknown rule "${ruleId}"; see RuleCatalogue.all() or the README rules table`
        : !isValidSuppressionReason(reason)
          ? `suppression of ${ruleId} needs a reason of at least ${MIN_SUPPRESSION_REASON_LENGTH} characters (got ${JSON.stringify(reason)})`
          : undefined;
      if (problem) {
        invalid.push({
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
        if (!ApiObject.isApiObject(construct)) continue;
        let rules = byObject.get(construct);
        if (!rules) byObject.set(construct, rules = new Map());
        rules.set(ruleId, reason.trim());
      }
    }
    return { invalid, byObject };
  }

  /** Writes the JSON report and prints warnings: once per synth, however many charts cdk8s validates. */
  private publish(report: RuleReport): void {
    const reportFile = this.reportFile ?? (this.root instanceof App ? defaultReportFile(this.root.outdir) : '');
    if (reportFile && this.root instanceof App) {
      const file = path.resolve(this.root.outdir, reportFile);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(report.toJson(), undefined, 2) + '\n');
    }
    if (report.warnings.length > 0) {
      process.stderr.write(`cdk8s-gateways: ${report.warnings.length} warning(s)\n${report.format(report.warnings)}\n`);
    }
  }

  private validateForSynth(): string[] {
    if (!this.enabled) return [];
    let report = this.context.inSynth ? this.synthReport : undefined;
    if (!report) {
      report = this.run();
      this.publish(report);
      if (this.context.inSynth) this.synthReport = report;
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
