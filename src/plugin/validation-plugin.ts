import { isValidationContext, ValidationContextLike, ValidationViolatingResource } from './contract';
import { checkSecretReference, evaluateManifests, formatInputError, MANIFEST_LEVEL_RULES, ManifestInputError, readManifestFile } from '../cli/manifests';
import { Finding } from '../rules/finding';
import { InvalidInputError } from '../rules/input/invalid-input';
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
 * Register it in cdk8s.yaml:
 *
 * ```yaml
 * validations:
 *   - package: cdk8s-gateways
 *     version: 1.2.3          # an exact version
 *     class: GatewayValidationPlugin
 *     properties:
 *       externalIngressClasses: [alb]
 *       externalTlsSecrets: [shop/wildcard-tls]
 * ```
 *
 * Every unsuppressed finding becomes a violation, one per rule. The report fails only when an
 * unsuppressed error-level finding exists; warnings are listed but pass. Suppressions are read
 * from the `suppress.gateways.cdk8s.io/<rule id>` annotations in the manifests.
 */
export class GatewayValidationPlugin {
  private readonly externalIngressClasses: ReadonlySet<string>;
  private readonly externalTlsSecrets: ReadonlySet<string>;
  private readonly defaultIngressClass?: string;

  /**
   * @param props the `properties` of the cdk8s.yaml validation entry
   */
  constructor(props: GatewayValidationPluginProps = {}) {
    // The CLI passes cdk8s.yaml content as it is, so check what TypeScript would have checked.
    const classes = stringList(props.externalIngressClasses, 'externalIngressClasses');
    const secrets = stringList(props.externalTlsSecrets, 'externalTlsSecrets');
    for (const secret of secrets) {
      const reason = checkSecretReference(secret);
      if (reason) throw new InvalidInputError(`GatewayValidationPlugin: externalTlsSecrets: ${reason}`);
    }
    this.externalIngressClasses = new Set(classes);
    this.externalTlsSecrets = new Set(secrets);
    const defaultClass: unknown = props.defaultIngressClass;
    if (defaultClass !== undefined && (typeof defaultClass !== 'string' || defaultClass.trim() === '')) {
      throw new InvalidInputError(`GatewayValidationPlugin: defaultIngressClass must be a non-empty IngressClass name (got ${JSON.stringify(defaultClass)})`);
    }
    this.defaultIngressClass = defaultClass;
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
    const objects: ManifestObject[] = [];
    const inputErrors: ManifestInputError[] = [];
    for (const manifest of context.manifests) {
      const result = readManifestFile(manifest);
      inputErrors.push(...result.errors);
      for (const object of result.objects) {
        const constructPath = context.metadata?.[object.name]?.path;
        objects.push(constructPath === undefined ? object : new ManifestObject(object.json, { ...object.origin, constructPath }));
      }
    }
    if (inputErrors.length > 0) {
      const messages = inputErrors.map(formatInputError);
      for (const message of messages) context.logger?.log(`cdk8s-gateways: ${message}`);
      context.report.submit('failure', { 'unreadable manifests': messages.join('; ') });
      return;
    }

    const { report, failure } = evaluateManifests(objects, this.externalIngressClasses, this.externalTlsSecrets, {
      defaultIngressClass: this.defaultIngressClass,
    });
    if (failure !== undefined) {
      context.logger?.log(`cdk8s-gateways: ${failure}`);
      context.report.submit('failure', { 'rule failure': failure });
      return;
    }
    const byRule = new Map<string, Finding[]>();
    for (const finding of [...report.errors, ...report.warnings]) {
      const list = byRule.get(finding.ruleId);
      if (list) list.push(finding);
      else byRule.set(finding.ruleId, [finding]);
    }
    for (const rule of MANIFEST_LEVEL_RULES) {
      const findings = byRule.get(rule.id);
      if (!findings) continue;
      context.report.addViolation({
        ruleName: rule.id,
        recommendation: [`[${rule.severity}] ${rule.description}`, ...findings.map(detail)].join('\n    '),
        fix: rule.fix,
        violatingResources: resourcesOf(findings),
      });
    }
    context.report.submit(report.errors.length > 0 ? 'failure' : 'success', {
      errors: String(report.errors.length),
      warnings: String(report.warnings.length),
      suppressed: String(report.suppressed.length),
    });
  }
}

/** One finding under its rule's recommendation: which object, which field, what is wrong. */
function detail(f: Finding): string {
  const object = f.namespace === undefined ? `${f.kind}/${f.name}` : `${f.kind}/${f.namespace}/${f.name}`;
  const subject = f.field ? `${f.field}${f.value !== undefined ? ` = ${f.value}` : ''}: ` : '';
  return `- ${object}: ${subject}${f.message}`;
}

/** One violating resource per object, with the paths of every offending field of that object. */
function resourcesOf(findings: Finding[]): ValidationViolatingResource[] {
  const byObject = new Map<string, { resource: ValidationViolatingResource; locations: string[] }>();
  for (const f of findings) {
    const key = [f.file, f.documentIndex, f.apiVersion, f.kind, f.namespace, f.name].join('\u0000');
    let entry = byObject.get(key);
    if (!entry) {
      const locations: string[] = [];
      entry = {
        locations,
        resource: { resourceName: f.name ?? '', manifestPath: f.file ?? '', locations, ...(f.constructPath ? { constructPath: f.constructPath } : {}) },
      };
      byObject.set(key, entry);
    }
    if (f.field !== undefined && !entry.locations.includes(f.field)) entry.locations.push(f.field);
  }
  return [...byObject.values()].map((e) => e.resource);
}

function stringList(value: unknown, property: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim() !== '')) {
    throw new InvalidInputError(`GatewayValidationPlugin: ${property} must be a list of non-empty strings (got ${JSON.stringify(value)})`);
  }
  return value;
}
