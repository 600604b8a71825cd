/**
 * Synthesizes every chart of an app (running the rule engine, which throws on error findings) and
 * schema-checks every object against Kubernetes 1.28 + the cert-manager CRDs before returning it.
 */
import { App, Testing } from 'cdk8s';
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
