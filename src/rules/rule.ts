import { ClusterModel, ManifestObject } from './model';
import { RuleInfo } from './rule-info';


/** What a rule reports about one object. */
export interface Violation {
  readonly object: ManifestObject;
  /** JSON path of the offending field, for example `spec.rules[0].host`. */
  readonly field: string;
  /** The value received. */
  readonly value: unknown;
  /** What is wrong and what would be accepted. */
  readonly message: string;
}

/** A rule: its description plus a check over the whole model. */
export interface Rule extends RuleInfo {
  /** Kinds the rule reads, so the engine serializes only what some rule needs. */
  readonly kinds: readonly string[];
  check(model: ClusterModel, report: (violation: Violation) => void): void;
}

/** Declares a rule; one call per file under `src/rules/<area>/`. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Formats a received value for messages: strings quoted, objects as compact JSON. */
export function show(value: unknown): string {
  if (value === undefined) return '(unset)';
  return JSON.stringify(value);
}
