/**
 * Shared helpers of the controller profile tests (traefik, haproxy, aws-alb, azure-application-gateway, gce,
 * multi-controller): synthesis with schema validation, RBAC rules as comparable sets, and quiet stderr.
 */
import { App, Chart, Testing } from 'cdk8s';
import { IIngressController, IngressClassGateway, IngressClassGatewayProps } from '../../src';
import { assertValidManifests } from '../schema-validator';

/** Silences the rule engine's warning summary on stderr for the tests of one file. */
export function quietStderr(): void {
  let stderr: jest.SpyInstance;
  beforeEach(() => {
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => stderr.mockRestore());
}

export interface SynthOptions {
  /**
   * Kinds to leave out of schema validation, each with the reason (kinds with neither a Kubernetes 1.28 schema
   * nor a CRD in ../shared/crds). Everything else is validated.
   */
  readonly unvalidatedKinds?: { [kind: string]: string };
}

/** Synthesizes every chart (running the rule engine, which throws on errors) and schema-validates the objects. */
export function synth(app: App, options: SynthOptions = {}): any[] {
  const objs = app.charts.flatMap((chart) => Testing.synth(chart));
  const skip = new Set(Object.keys(options.unvalidatedKinds ?? {}));
  assertValidManifests(objs.filter((o) => !skip.has(o.kind)));
  return objs;
}

export function ofKind(objs: any[], kind: string): any[] {
  return objs.filter((o) => o.kind === kind);
}

export function single(objs: any[], kind: string): any {
  const found = ofKind(objs, kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, got ${found.length}`);
  return found[0];
}

/** The only container of the only Deployment. */
export function controllerContainer(objs: any[]): any {
  const deployment = single(objs, 'Deployment');
  expect(deployment.spec.template.spec.containers).toHaveLength(1);
  return deployment.spec.template.spec.containers[0];
}

export interface GatewayApp {
  readonly app: App;
  readonly chart: Chart;
  readonly gateway: IngressClassGateway;
}

/** An app with chart `ingress` holding one gateway of class `className` served by `controller`. */
export function gatewayApp(controller: IIngressController, props: Partial<IngressClassGatewayProps> = {}, className = 'edge'): GatewayApp {
  const app = Testing.app();
  const chart = new Chart(app, 'ingress');
  const gateway = new IngressClassGateway(chart, 'Gateway', { className, controller, ...props });
  return { app, chart, gateway };
}

/** PolicyRules as sorted "apiGroup|resource|verb|resourceName" tuples (resourceName '' when unrestricted). */
export function tuples(rules: any[]): string[] {
  const out = new Set<string>();
  for (const rule of rules ?? []) {
    for (const group of rule.apiGroups ?? []) {
      for (const resource of rule.resources ?? []) {
        for (const verb of rule.verbs ?? []) {
          const names: string[] = rule.resourceNames?.length ? rule.resourceNames : [''];
          for (const name of names) out.add(`${group}|${resource}|${verb}|${name}`);
        }
      }
    }
  }
  return [...out].sort();
}

export function expand(groups: string[], resources: string[], verbs: string[], resourceNames: string[] = ['']): string[] {
  return groups.flatMap((g) => resources.flatMap((r) => verbs.flatMap((v) => resourceNames.map((n) => `${g}|${r}|${v}|${n}`))));
}

/** `(kind, namespace, name)` of every object, for collision checks. */
export function identities(objs: any[]): string[] {
  return objs.map((o) => `${o.apiVersion.split('/').slice(0, -1).join('/')}|${o.kind}|${o.metadata.namespace ?? ''}|${o.metadata.name}`);
}
