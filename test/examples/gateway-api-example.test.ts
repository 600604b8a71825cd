/**
 * examples/gateway-api (Envoy Gateway) and examples/traefik-migration (one Traefik, both APIs): each synthesizes
 * clean: every object valid against Kubernetes 1.28 and the CRD schemas including their CEL rules (synthApp),
 * Polaris danger 0, Pod Security `restricted` for every pod template (EnvoyProxy's included), no CG-GWAPI finding,
 * and the key objects are there.
 */
import { Testing } from 'cdk8s';
import { build as buildGatewayApi, TENANTS } from '../../examples/gateway-api/main';
import { build as buildTraefikMigration } from '../../examples/traefik-migration/main';
import { lintObjects } from '../util/manifests';
import { polarisDangerFindings } from '../util/polaris';
import { ofKind, synthApp } from '../util/synth';

const GW = 'gateway.networking.k8s.io';

/**
 * Pod Security Standards `restricted` (v1.28) violations of one pod spec: host namespaces and ports, privileged,
 * hostPath, non-root, privilege escalation, capabilities (drop ALL, add only NET_BIND_SERVICE) and seccomp.
 */
function restrictedViolations(where: string, pod: any): string[] {
  const out: string[] = [];
  if (pod.hostNetwork || pod.hostPID || pod.hostIPC) out.push(`${where}: host namespaces`);
  for (const v of pod.volumes ?? []) if (v.hostPath) out.push(`${where}: hostPath volume ${v.name}`);
  const podSc = pod.securityContext ?? {};
  for (const c of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
    const sc = c.securityContext ?? {};
    const at = `${where} container ${c.name}`;
    if (sc.privileged) out.push(`${at}: privileged`);
    if ((c.ports ?? []).some((p: any) => p.hostPort)) out.push(`${at}: hostPort`);
    if ((sc.runAsNonRoot ?? podSc.runAsNonRoot) !== true) out.push(`${at}: runAsNonRoot not true`);
    if ((sc.runAsUser ?? podSc.runAsUser) === 0) out.push(`${at}: runAsUser 0`);
    if (sc.allowPrivilegeEscalation !== false) out.push(`${at}: allowPrivilegeEscalation not false`);
    if (!(sc.capabilities?.drop ?? []).includes('ALL')) out.push(`${at}: capabilities not dropping ALL`);
    if ((sc.capabilities?.add ?? []).some((cap: string) => cap !== 'NET_BIND_SERVICE')) out.push(`${at}: adds ${sc.capabilities.add}`);
    const seccomp = sc.seccompProfile?.type ?? podSc.seccompProfile?.type;
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') out.push(`${at}: seccompProfile ${seccomp}`);
  }
  return out;
}

/** Every pod spec of the output: workloads' templates, and the EnvoyProxy's Envoy Deployment (its pod and container). */
function podSpecs(objs: any[]): Array<[string, any]> {
  const specs: Array<[string, any]> = [];
  for (const o of objs) {
    const template = o.spec?.template?.spec ?? o.spec?.jobTemplate?.spec?.template?.spec;
    if (template) specs.push([`${o.kind} ${o.metadata.namespace}/${o.metadata.name}`, template]);
    if (o.kind === 'EnvoyProxy') {
      // Envoy Gateway merges these over its own defaults (facts: dataPlane.defaultSecurityContext); judged as emitted.
      const d = o.spec?.provider?.kubernetes?.envoyDeployment ?? {};
      specs.push([`EnvoyProxy ${o.metadata.namespace}/${o.metadata.name}`, {
        securityContext: d.pod?.securityContext,
        containers: [{ name: 'envoy', securityContext: d.container?.securityContext }],
      }]);
    }
  }
  return specs;
}

describe('examples/gateway-api (Envoy Gateway)', () => {
  let objs: any[];
  beforeAll(() => {
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    // synthApp: schema + CEL validation of every object, rule engine errors fail the synth
    objs = synthApp(buildGatewayApi(Testing.app()));
  });
  afterAll(() => jest.restoreAllMocks());

  it('has no Polaris danger finding and every pod within Pod Security restricted', () => {
    expect(polarisDangerFindings(objs)).toStrictEqual([]);
    expect(podSpecs(objs).flatMap(([where, pod]) => restrictedViolations(where, pod))).toStrictEqual([]);
  });

  it('has no CG-GWAPI finding when the output is linted as manifests', () => {
    const findings = lintObjects(objs).findings.filter((f) => f.ruleId.startsWith('CG-GWAPI-') && !f.suppressed);
    expect(findings.map((f) => `${f.ruleId} ${f.message}`)).toStrictEqual([]);
  });

  it('emits one GatewayClass per gateway, each with parametersRef to its EnvoyProxy', () => {
    const classes = ofKind(objs, 'GatewayClass');
    expect(classes.map((c) => [c.metadata.name, c.spec.controllerName]).sort()).toStrictEqual([
      ['internal-api', 'gateway.envoyproxy.io/gatewayclass-controller'],
      ['public-web', 'gateway.envoyproxy.io/gatewayclass-controller'],
    ]);
    const proxies = ofKind(objs, 'EnvoyProxy');
    for (const c of classes) {
      expect(c.spec.parametersRef).toMatchObject({ group: 'gateway.envoyproxy.io', kind: 'EnvoyProxy' });
      const proxy = proxies.find((p) => p.metadata.name === c.spec.parametersRef.name && p.metadata.namespace === c.spec.parametersRef.namespace);
      expect(proxy).toBeDefined();
      // The hardening the issue asks for: at least 2 replicas (autoscaler minimum) and a PodDisruptionBudget.
      expect(proxy.spec.provider.kubernetes.envoyHpa.minReplicas).toBeGreaterThanOrEqual(2);
      expect(proxy.spec.provider.kubernetes.envoyPDB).toBeDefined();
    }
  });

  it('serves tenant hosts over HTTPS from the tenants\' ListenerSets, and plain HTTP on the Gateway only to redirect', () => {
    // Every public route belongs to a tenant, so the Gateway itself keeps only the plain HTTP listener.
    const gateway = ofKind(objs, 'Gateway').find((g) => g.metadata.name === 'public-web');
    expect(gateway.spec.listeners.map((l: any) => [l.name, l.protocol, l.port])).toStrictEqual([['http', 'HTTP', 80]]);
    const httpsListeners = ofKind(objs, 'ListenerSet').filter((s) => s.spec.parentRef.name === 'public-web').flatMap((s) => s.spec.listeners);
    expect(httpsListeners.length).toBeGreaterThan(0);
    for (const l of httpsListeners) {
      expect([l.protocol, l.port, l.tls.mode]).toStrictEqual(['HTTPS', 443, 'Terminate']);
      expect(l.tls.certificateRefs.length).toBeGreaterThan(0);
    }
    // The only route on the HTTP listener redirects to HTTPS (cert-manager adds its solver routes at run time).
    const onHttp = ofKind(objs, 'HTTPRoute').filter((r) => r.spec.parentRefs.some((p: any) => p.name === 'public-web' && p.sectionName === 'http'));
    expect(onHttp).toHaveLength(1);
    expect(onHttp[0].spec.rules.every((r: any) => r.filters?.some((f: any) => f.type === 'RequestRedirect' && f.requestRedirect.scheme === 'https'))).toBe(true);
  });

  it('gives each tenant one ListenerSet per gateway it uses, with exactly the hosts it routes there, in its own namespace', () => {
    const sets = ofKind(objs, 'ListenerSet').map((s) => [s.metadata.namespace, s.spec.parentRef.name, s.spec.listeners.map((l: any) => l.hostname).sort()]);
    const expected = TENANTS.flatMap((t) => (['public', 'internal'] as const)
      .map((g) => [t.name, g === 'public' ? 'public-web' : 'internal-api', t.routes.filter((r) => r.gateway === g).map((r) => r.host).sort()])
      .filter(([, , hosts]) => hosts.length > 0));
    expect(sets.sort()).toStrictEqual(expected.sort());
  });

  it('emits an HTTPRoute per route, each in its tenant\'s namespace, and ReferenceGrants only for cross-namespace references', () => {
    // The tenants' routes (the redirect route has no hostnames).
    const routes = ofKind(objs, 'HTTPRoute').filter((r) => r.spec.hostnames !== undefined);
    const expected = TENANTS.flatMap((t) => t.routes.map((r) => [t.name, r.host])).sort();
    expect(routes.flatMap((r) => r.spec.hostnames.map((h: string) => [r.metadata.namespace, h])).sort()).toStrictEqual(expected);
    // A ReferenceGrant must permit something some object in another namespace refers to.
    const crossRefs = new Set<string>();
    for (const o of objs.filter((x) => x.apiVersion?.startsWith(`${GW}/`))) {
      const ns = o.metadata.namespace;
      for (const l of o.spec?.listeners ?? []) for (const c of l.tls?.certificateRefs ?? []) if (c.namespace && c.namespace !== ns) crossRefs.add(`${c.namespace}|${o.kind}|${ns}`);
      for (const rule of o.spec?.rules ?? []) for (const b of rule.backendRefs ?? []) if (b.namespace && b.namespace !== ns) crossRefs.add(`${b.namespace}|${o.kind}|${ns}`);
    }
    const grants = ofKind(objs, 'ReferenceGrant').flatMap((g) => g.spec.from.map((f: any) => `${g.metadata.namespace}|${f.kind}|${f.namespace}`));
    expect(new Set(grants)).toStrictEqual(crossRefs);
  });
});

describe('examples/traefik-migration (one Traefik, both APIs)', () => {
  let objs: any[];
  beforeAll(() => {
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    objs = synthApp(buildTraefikMigration(Testing.app()));
  });
  afterAll(() => jest.restoreAllMocks());

  it('serves every route both as an Ingress and as an HTTPRoute, from one Traefik deployment', () => {
    const ingressHosts = ofKind(objs, 'Ingress').flatMap((i) => i.spec.rules.map((r: any) => `${r.host}${r.http.paths[0].path}`)).sort();
    const routeHosts = ofKind(objs, 'HTTPRoute')
      .filter((r) => r.spec.hostnames !== undefined) // not the HTTPS redirect
      .flatMap((r) => r.spec.hostnames.flatMap((h: string) => r.spec.rules.map((rule: any) => `${h}${rule.matches?.[0]?.path?.value ?? '/'}`))).sort();
    expect(routeHosts).toStrictEqual(ingressHosts);
    const deployments = ofKind(objs, 'Deployment').filter((d) => d.metadata.labels?.['app.kubernetes.io/name'] === 'traefik');
    expect(deployments).toHaveLength(1);
    const args: string[] = deployments[0].spec.template.spec.containers[0].args;
    expect(args).toEqual(expect.arrayContaining(['--providers.kubernetesingress=true', '--providers.kubernetesgateway=true']));
  });

  it('labels its GatewayClass for its Traefik, and listens on the entry point ports without ListenerSets', () => {
    const gatewayClass = ofKind(objs, 'GatewayClass')[0];
    expect(gatewayClass.spec.controllerName).toBe('traefik.io/gateway-controller');
    expect(gatewayClass.metadata.labels).toMatchObject({ 'gateways.cdk8s.io/gateway-class': 'public-web' });
    const ports = ofKind(objs, 'Gateway')[0].spec.listeners.map((l: any) => l.port);
    expect(ports.every((p: number) => p === 8000 || p === 8443)).toBe(true);
    expect(ofKind(objs, 'ListenerSet')).toStrictEqual([]);
  });

  it('has no Polaris danger, Pod Security restricted or CG-GWAPI finding', () => {
    expect(polarisDangerFindings(objs)).toStrictEqual([]);
    expect(podSpecs(objs).flatMap(([where, pod]) => restrictedViolations(where, pod))).toStrictEqual([]);
    expect(lintObjects(objs).findings.filter((f) => f.ruleId.startsWith('CG-GWAPI-') && !f.suppressed).map((f) => f.ruleId)).toStrictEqual([]);
  });
});
