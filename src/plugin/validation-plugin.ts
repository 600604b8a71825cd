import { findingKey, findingsReportedByApp } from './app-report';
import { isValidationContext, ValidationContextLike, ValidationViolatingResource } from './contract';
import { groupManifests, outputDirectoryOf } from './manifest-groups';
import { PluginSettings, pluginSettings } from './plugin-settings';
import { evaluateManifests, formatInputError, MANIFEST_LEVEL_RULES, ManifestInputError, readManifestFile } from '../cli/manifests';
import { InvalidInputError } from '../core/input/input-error';
import { Finding } from '../rules/finding';
import { ManifestObject } from '../rules/model';

/**
 * Properties of the `cdk8s synth` validation plugin, given as `properties` in cdk8s.yaml.
 */
export interface GatewayValidationPluginProps {
  /**
   * IngressClasses that exist in the cluster but are not in the synthesized manifests,
   * such as a cloud provider's class. Ingresses may name them without a CG-INGRESS-004 finding.
   *
   * @default - no external classes
   */
  readonly externalIngressClasses?: string[];

  /**
   * TLS secrets that something outside the manifests provides (for example an external-secrets sync),
   * each as "namespace/name". Ingress TLS entries may name them without a CG-INGRESS-009 finding.
   *
   * @default - no external secrets
   */
  readonly externalTlsSecrets?: string[];

  /**
   * Which manifests are one cluster:
   * - `output`: everything `cdk8s synth` wrote.
   * - `folder`: each top-level folder of the output directory is a cluster of its own, with everything below it
   *   (manifests directly in the output directory are one more), so a GitOps repo with one folder per cluster gets
   *   no duplicate-object or cross-cluster findings between clusters. The output directory is the folder holding
   *   `construct-metadata.json`, or else the deepest folder holding every manifest.
   *
   * @default 'output'
   */
  readonly scope?: string;
  /**
   * The cluster's default IngressClass, when it is defined outside the manifests (by the platform team or
   * the cloud provider). Ingresses without a class then bind to it, without a CG-INGRESS-010 finding.
   *
   * @default - only an IngressClass in the manifests marked ingressclass.kubernetes.io/is-default-class
   */
  readonly defaultIngressClass?: string;
}

/**
 * A validation plugin for the cdk8s CLI: applies the manifest-level rules of this library to the
 * manifests `cdk8s synth` writes, including those of charts that do not use its constructs.
 *
 * Register it in cdk8s.yaml with the path of the installed package (cdk8s-cli loads a `./` path from disk; a
 * package name makes it `npm install` the plugin into its own cache on every new version, which needs the network):
 *
 * ```yaml
 * validations:
 *   - package: ./node_modules/cdk8s-gateways
 *     class: GatewayValidationPlugin
 *     version: 0.0.0         # not used for a path, but cdk8s-cli requires an exact version
 *     properties:
 *       externalIngressClasses: [alb]
 *       externalTlsSecrets: [shop/wildcard-tls]
 *       scope: folder        # one cluster per top-level folder of the output
 * ```
 *
 * Every unsuppressed finding becomes a violation, one per rule, except those the app's own RuleEngine already
 * printed in the same synth (found through its report), which are only counted. The report fails only when an
 * unsuppressed error-level finding exists; warnings are listed but pass. Suppressions are read from the
 * `suppress.gateways.cdk8s.io/<rule id>` annotations in the manifests.
 */
export class GatewayValidationPlugin {
  private readonly settings: PluginSettings;

  /**
   * @param props the `properties` of the cdk8s.yaml validation entry
   */
  constructor(props: GatewayValidationPluginProps = {}) {
    this.settings = pluginSettings({ ...props });
  }

  /**
   * Checks the manifests of `context` and completes `context.report`.
   *
   * @param context the `ValidationContext` the cdk8s CLI passes (from `cdk8s-cli/plugins`). It is typed
   * `any` because this library does not depend on cdk8s-cli and jsii cannot express its structural type;
   * it must provide `manifests` (file paths) and `report` (`addViolation` and `submit`), and may provide
   * `metadata` (construct paths by resource name) and `logger`.
   */
  public async validate(context: any): Promise<void> {
    if (!isValidationContext(context)) {
      throw new InvalidInputError('GatewayValidationPlugin.validate needs a cdk8s-cli ValidationContext (manifests, report.addViolation, report.submit)');
    }
    this.check(context);
  }

  private check(context: ValidationContextLike): void {
    const groups = groupManifests(context.manifests, this.settings.scope === 'folder' ? 'folder' : 'output');
    const objectsByGroup: ManifestObject[][] = [];
    const inputErrors: ManifestInputError[] = [];
    for (const group of groups) {
      const objects: ManifestObject[] = [];
      for (const manifest of group.manifests) {
        const result = readManifestFile(manifest);
        inputErrors.push(...result.errors);
        objects.push(...result.objects);
      }
      objectsByGroup.push(objects);
    }
    if (inputErrors.length > 0) {
      const messages = inputErrors.map(formatInputError);
      for (const message of messages) context.logger?.log(`cdk8s-gateways: ${message}`);
      context.report.submit('failure', { 'unreadable manifests': messages.join('; ') });
      return;
    }

    const findings: Finding[] = [];
    for (const objects of objectsByGroup) {
      const { report, failure } = evaluateManifests(objects, this.settings.externalIngressClasses, this.settings.externalTlsSecrets, {
        defaultIngressClass: this.settings.defaultIngressClass,
      });
      if (failure !== undefined) {
        context.logger?.log(`cdk8s-gateways: ${failure}`);
        context.report.submit('failure', { 'rule failure': failure });
        return;
      }
      findings.push(...report.findings);
    }
    this.submit(context, findings, groups.map((g) => g.folder), objectsByGroup.flat());
  }

  private submit(context: ValidationContextLike, findings: Finding[], folders: string[], objects: ManifestObject[]): void {
    const open = findings.filter((f) => !f.suppressed);
    const errors = open.filter((f) => f.severity === 'error');
    const printedByApp = findingsReportedByApp([outputDirectoryOf(context.manifests), ...folders], objects);
    const toPrint = open.filter((f) => !printedByApp.has(findingKey(f)));
    const paths = new ConstructPaths(objects, context.metadata);

    const byRule = new Map<string, Finding[]>();
    for (const finding of toPrint) {
      const list = byRule.get(finding.ruleId);
      if (list) list.push(finding);
      else byRule.set(finding.ruleId, [finding]);
    }
    for (const rule of MANIFEST_LEVEL_RULES) {
      const ruleFindings = byRule.get(rule.id);
      if (!ruleFindings) continue;
      context.report.addViolation({
        ruleName: rule.id,
        recommendation: [`[${rule.severity}] ${rule.description}`, ...ruleFindings.map(detail)].join('\n    '),
        fix: rule.fix,
        violatingResources: resourcesOf(ruleFindings, paths),
      });
    }
    const alreadyPrinted = open.length - toPrint.length;
    context.report.submit(errors.length > 0 ? 'failure' : 'success', {
      errors: String(errors.length),
      warnings: String(open.length - errors.length),
      suppressed: String(findings.length - open.length),
      ...(alreadyPrinted > 0 ? { 'printed by the app (not repeated)': String(alreadyPrinted) } : {}),
      ...(this.settings.scope === 'folder' ? { clusters: String(folders.length) } : {}),
    });
  }
}

/**
 * cdk8s keys construct metadata by `metadata.name` only, and cdk8s-cli looks the construct path of a violating
 * resource up by `resourceName`. A name that several objects share (a Deployment and its ConfigMap) would point at
 * whichever object cdk8s wrote last, so such objects are named `Kind/namespace/name`: no construct path, never a wrong one.
 */
class ConstructPaths {
  private readonly shared = new Set<string>();

  constructor(objects: readonly ManifestObject[], private readonly metadata: ValidationContextLike['metadata']) {
    const seen = new Set<string>();
    for (const object of objects) {
      if (seen.has(object.name)) this.shared.add(object.name);
      seen.add(object.name);
    }
  }

  /** The name to report the object under, and its construct path when it is certain. */
  public resolve(f: Finding): { resourceName: string; constructPath?: string } {
    const name = f.name ?? '';
    if (this.shared.has(name)) {
      return { resourceName: f.namespace === undefined ? `${f.kind}/${name}` : `${f.kind}/${f.namespace}/${name}` };
    }
    const constructPath = this.metadata?.[name]?.path;
    return constructPath === undefined ? { resourceName: name } : { resourceName: name, constructPath };
  }
}

/** One finding under its rule's recommendation: which object, which field, what is wrong. */
function detail(f: Finding): string {
  const object = f.namespace === undefined ? `${f.kind}/${f.name}` : `${f.kind}/${f.namespace}/${f.name}`;
  const subject = f.field ? `${f.field}${f.value !== undefined ? ` = ${f.value}` : ''}: ` : '';
  return `- ${object}: ${subject}${f.message}`;
}

/** One violating resource per object, with the paths of every offending field of that object. */
function resourcesOf(findings: Finding[], paths: ConstructPaths): ValidationViolatingResource[] {
  const byObject = new Map<string, { resource: ValidationViolatingResource; locations: string[] }>();
  for (const f of findings) {
    const key = [f.file, f.documentIndex, f.apiVersion, f.kind, f.namespace, f.name].join('\u0000');
    let entry = byObject.get(key);
    if (!entry) {
      const locations: string[] = [];
      entry = { locations, resource: { ...paths.resolve(f), manifestPath: f.file ?? '', locations } };
      byObject.set(key, entry);
    }
    if (f.field !== undefined && !entry.locations.includes(f.field)) entry.locations.push(f.field);
  }
  return [...byObject.values()].map((e) => e.resource);
}
