/**
 * The parts of the cdk8s CLI validation plugin contract (`cdk8s-cli/plugins`, `lib/plugins/validation.d.ts`)
 * this plugin uses, declared structurally so the library does not depend on cdk8s-cli.
 *
 * How the CLI runs a plugin (cdk8s-cli 2.x, `lib/plugins/_manager.js` and `validation.js`):
 * it requires the package named in cdk8s.yaml `validations[].package`, constructs
 * `new module[class](properties ?? {})`, then awaits `validate(context)` and reads `context.report.success`,
 * which throws unless the plugin called `report.submit(status)`. (The JSDoc of `Validation.validate`
 * mentions `report.pass()` and `report.fail()`; no such methods exist.)
 *
 * Not exported from the package: the public `validate` method takes `any`.
 */

export type ValidationReportStatus = 'success' | 'failure';

export interface ValidationViolatingResource {
  /** `metadata.name`; the CLI looks the construct path up in `context.metadata` by this name. */
  readonly resourceName: string;
  /** Paths of the offending fields in the resource. */
  readonly locations: readonly string[];
  readonly manifestPath: string;
  /** Ignored by cdk8s-cli 2.x, which fills it from `context.metadata`; set for other hosts and for tests. */
  readonly constructPath?: string;
}

export interface ValidationViolation {
  readonly ruleName: string;
  /** Shown as "Recommendation:" in the report. The contract has no description or severity field. */
  readonly recommendation: string;
  /** Shown as "How to fix:". */
  readonly fix: string;
  readonly violatingResources: readonly ValidationViolatingResource[];
}

export interface ValidationReportLike {
  /** Throws once the report was submitted. */
  addViolation(violation: ValidationViolation): void;
  /** Completes the report; `metadata` is printed in the summary table. */
  submit(status: ValidationReportStatus, metadata?: { readonly [key: string]: string }): void;
}

export interface ValidationContextLike {
  /** Paths of the synthesized YAML files. */
  readonly manifests: readonly string[];
  /** Construct paths by resource `metadata.name` (cdk8s writes `construct-metadata.json` keyed by name). */
  readonly metadata?: { readonly [resourceName: string]: { readonly path: string } | undefined };
  readonly report: ValidationReportLike;
  readonly logger?: { log(message: string): void };
}

/** True when `value` has what `validate` needs from a cdk8s-cli `ValidationContext`. */
export function isValidationContext(value: unknown): value is ValidationContextLike {
  const ctx = value as Partial<ValidationContextLike> | undefined;
  return typeof ctx === 'object' && ctx !== null
    && Array.isArray(ctx.manifests) && ctx.manifests.every((m) => typeof m === 'string')
    && typeof ctx.report?.addViolation === 'function' && typeof ctx.report?.submit === 'function';
}
