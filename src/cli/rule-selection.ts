import { Rule } from '../rules/rule';

/**
 * Which rules `lint` applies: a named rule set, narrowed by `--only` and `--skip`. Each selector is a rule ID
 * (`CG-INGRESS-009`) or an area, the ID without its number (`CG-POD`).
 */

/** Named rule sets. `all` is the default. */
export const RULE_SETS: Readonly<Record<string, { readonly description: string; readonly excludesAreas: readonly string[] }>> = {
  all: { description: 'every manifest-level rule (the default)', excludesAreas: [] },
  ingress: {
    description: 'the ingress layer: everything but the generic workload rules (CG-POD: Pod Security, resources, image tags, ports)',
    excludesAreas: ['CG-POD'],
  },
};

export interface RuleSelection {
  /** @default 'all' */
  readonly ruleSet?: string;
  /** Selectors a rule must match one of; when given, they pick from every rule and the set is ignored. */
  readonly only?: readonly string[];
  /** Selectors of rules to leave out. */
  readonly skip?: readonly string[];
}

/** The area of a rule ID: `CG-POD-003` → `CG-POD`. */
export function areaOf(ruleId: string): string {
  return ruleId.replace(/-\d+$/, '');
}

function matches(rule: Rule, selector: string): boolean {
  return rule.id === selector || areaOf(rule.id) === selector;
}

/** The selected rules in catalogue order, or an error naming the selector that matches no rule. */
export function selectRules(rules: readonly Rule[], selection: RuleSelection): { rules: Rule[] } | { error: string } {
  const setName = selection.ruleSet ?? 'all';
  const set = Object.prototype.hasOwnProperty.call(RULE_SETS, setName) ? RULE_SETS[setName] : undefined;
  if (!set) return { error: `--rules must be one of ${Object.keys(RULE_SETS).join(', ')} (got "${setName}")` };
  for (const selector of [...(selection.only ?? []), ...(selection.skip ?? [])]) {
    if (!rules.some((rule) => matches(rule, selector))) {
      const areas = [...new Set(rules.map((r) => areaOf(r.id)))].join(', ');
      return { error: `"${selector}" is neither a rule ID nor an area of the lint rules (areas: ${areas})` };
    }
  }
  const only = selection.only ?? [];
  const skip = selection.skip ?? [];
  return {
    // --only names rules explicitly, so it picks from every rule rather than from the set.
    rules: rules.filter((rule) => (only.length > 0 ? only.some((s) => matches(rule, s)) : !set.excludesAreas.includes(areaOf(rule.id)))
      && !skip.some((s) => matches(rule, s))),
  };
}
