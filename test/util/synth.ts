/**
 * Synthesizes every chart of an app (running the rule engine, which throws on error findings) and
 * schema-checks every object against Kubernetes 1.28 + the cert-manager CRDs before returning it.
 */
import { App, Testing } from 'cdk8s';
import { IConstruct } from 'constructs';
import { RuleEngine } from '../../src/rules/engine';
import { assertValidManifests } from '../schema-validator';

/** All objects of all charts, in chart order, after asserting they are schema-valid. */
export function synthApp(app: App): any[] {
  const objs = app.charts.flatMap((chart) => Testing.synth(chart));
  assertValidManifests(objs);
  return objs;
}

/** The objects of one kind. */
export function ofKind(objs: any[], kind: string): any[] {
  return objs.filter((o) => o.kind === kind);
}

/**
 * The CG-INPUT-001 findings of an app (props its constructs rejected), as `{ constructPath, field, value, message }`
 * with `value` JSON-encoded.
 */
export function inputErrors(scope: IConstruct): Array<{ constructPath?: string; field?: string; value?: string; message: string }> {
  return RuleEngine.of(scope).run().errors
    .filter((f) => f.ruleId === 'CG-INPUT-001')
    .map(({ constructPath, field, value, message }) => ({ constructPath, field, value, message }));
}
