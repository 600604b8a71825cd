/**
 * The Gateway API facts records (Envoy Gateway v1.9.0, Traefik v3.7.11's Gateway API provider, cert-manager v1.21.1)
 * checked against what this repository can see independently: the CRDs in ../shared/crds (field paths, plurals,
 * status subresources, served versions, the CEL rules that list target kinds) and the constants the Ingress side
 * already relies on. A typo in a path, label key, plural or kind fails here.
 */
import * as fs from 'fs';
import * as path from 'path';
import { load } from 'js-yaml';
import { policyRules } from '../../src/controllers/facts/controller-facts';
import { ENVOY_GATEWAY_1_9_0, envoyContainerPort } from '../../src/controllers/facts/envoy-gateway-1.9.0';
import { CERT_MANAGER_1_21_1_GATEWAY_API } from '../../src/controllers/facts/gateway-api-cert-manager-1.21.1';
import { GatewayApiImplementationFacts } from '../../src/controllers/facts/gateway-api-facts';
import { TRAEFIK_3_7_11_GATEWAY_API } from '../../src/controllers/facts/gateway-api-traefik-3.7.11';
import { TRAEFIK_3_7_11 } from '../../src/controllers/facts/traefik-3.7.11';
import { HTTP01_SOLVER_POD_LABELS, HTTP01_SOLVER_PORT, SHIM_CLUSTER_ISSUER, SHIM_ISSUER } from '../../src/core/manifest-contract';

const CRD_DIR = path.join(__dirname, '..', '..', '..', 'shared', 'crds');
const GW = 'gateway.networking.k8s.io';

const crdCache = new Map<string, any>();
function crd(file: string): any {
  if (!crdCache.has(file)) crdCache.set(file, load(fs.readFileSync(path.join(CRD_DIR, file), 'utf8')));
  return crdCache.get(file);
}

/** Every served Gateway API version as `group/version/Kind`, from the v1.6.1 standard-channel CRDs. */
function servedGatewayApiKinds(): Set<string> {
  const served = new Set<string>();
  for (const file of fs.readdirSync(CRD_DIR).filter((f) => f.startsWith(`${GW}_`))) {
    const doc = crd(file);
    for (const v of doc.spec.versions) if (v.served) served.add(`${doc.spec.group}/${v.name}/${doc.spec.names.kind}`);
  }
  return served;
}

function openApiSchema(file: string): any {
  const versions = crd(file).spec.versions;
  return (versions.find((v: any) => v.storage) ?? versions[0]).schema.openAPIV3Schema;
}

/** The schema node at a record's dotted path (`[]` steps into list items), or undefined when the CRD has no such field. */
function schemaAt(root: any, dotted: string): any {
  let node = root;
  for (const segment of dotted.split('.')) {
    const [, name, list] = /^([^[\]]+)(\[\])?$/.exec(segment) ?? [];
    node = node?.properties?.[name];
    if (list) node = node?.type === 'array' ? node.items : undefined;
  }
  return node;
}

/** The kinds a policy CRD's CEL rule allows in `targetRefs[*].kind`. */
function celTargetKinds(file: string): string[] {
  const rules: any[] = openApiSchema(file).properties.spec['x-kubernetes-validations'];
  const rule = rules.find((r) => r.rule.includes('self.targetRefs.all(ref, ref.kind in'));
  return /ref\.kind in \[([^\]]*)\]/.exec(rule.rule)![1].split(',').map((k) => k.trim().replace(/'/g, ''));
}

const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

describe.each<[string, GatewayApiImplementationFacts]>([
  ['Envoy Gateway v1.9.0', ENVOY_GATEWAY_1_9_0],
  ['Traefik v3.7.11', TRAEFIK_3_7_11_GATEWAY_API],
])('%s Gateway API record', (_name, facts) => {
  it('names a controllerName that the GatewayClass CRD accepts', () => {
    // GIVEN the CRD's pattern for spec.controllerName
    const pattern = openApiSchema(`${GW}_gatewayclasses.yaml`).properties.spec.properties.controllerName.pattern;
    // THEN the record's value matches it
    expect(facts.controllerName.value).toMatch(new RegExp(pattern));
  });

  it('lists only kinds and versions that exist in the Gateway API CRDs, each with its source file', () => {
    // GIVEN every version the v1.6.1 CRDs define (served or not)
    const defined = new Set<string>();
    for (const file of fs.readdirSync(CRD_DIR).filter((f) => f.startsWith(`${GW}_`))) {
      const doc = crd(file);
      for (const v of doc.spec.versions) defined.add(`${doc.spec.group}/${v.name}/${doc.spec.names.kind}`);
    }
    // THEN each kind of the record is one of them, and says where it was read
    for (const kind of facts.kinds) {
      expect(defined).toContain(`${kind.apiVersion}/${kind.kind}`);
      expect(kind.from).toMatch(/\.go\b/);
    }
  });
});

describe('Envoy Gateway v1.9.0 facts', () => {
  const eg = ENVOY_GATEWAY_1_9_0;

  it('watches every kind the Gateway API output writes, in a version the v1.6.1 CRDs serve', () => {
    const served = servedGatewayApiKinds();
    const watched = new Map(eg.kinds.map((k) => [k.kind, k]));
    for (const kind of ['GatewayClass', 'Gateway', 'ListenerSet', 'HTTPRoute', 'GRPCRoute', 'ReferenceGrant', 'BackendTLSPolicy']) {
      expect(served).toContain(`${watched.get(kind)!.apiVersion}/${kind}`);
    }
  });

  it('names the EnvoyProxy by the CRD\'s group and kind, and the GatewayClass CRD can carry a namespaced parametersRef', () => {
    const envoyProxy = crd('gateway.envoyproxy.io_envoyproxies.yaml');
    const { group, kind, namespaceWhenOmitted } = eg.parametersRef.value;
    expect([group, kind]).toStrictEqual([envoyProxy.spec.group, envoyProxy.spec.names.kind]);
    expect(envoyProxy.spec.scope).toBe('Namespaced');
    // THEN a parametersRef can name the namespace, and must, since the controller otherwise reads "default"
    const parametersRef = schemaAt(openApiSchema(`${GW}_gatewayclasses.yaml`), 'spec.parametersRef');
    expect(Object.keys(parametersRef.properties).sort()).toStrictEqual(['group', 'kind', 'name', 'namespace']);
    expect(namespaceWhenOmitted).toBe('default');
    expect(schemaAt(openApiSchema(`${GW}_gateways.yaml`), 'spec.infrastructure.parametersRef')).toBeDefined();
  });

  it('puts only well-formed label keys on the proxies, owned by the Envoy Gateway group', () => {
    // GIVEN the proxy labels of the record
    const keys = Object.keys(eg.dataPlane.labels.value);
    // THEN every key is a valid label key, the owner labels use the CRDs' API group, and the app labels are the standard ones
    for (const key of [...keys, eg.dataPlane.gatewayNamespaceModeLabel.value]) expect(key).toMatch(LABEL_KEY);
    const group = crd('gateway.envoyproxy.io_envoyproxies.yaml').spec.group;
    expect(keys.filter((k) => k.startsWith(`${group}/`)).sort()).toStrictEqual([
      `${group}/owning-gateway-name`, `${group}/owning-gateway-namespace`,
    ]);
    expect(eg.dataPlane.labels.value).toMatchObject({
      'app.kubernetes.io/name': 'envoy', 'app.kubernetes.io/component': 'proxy', 'app.kubernetes.io/managed-by': 'envoy-gateway',
    });
    expect(eg.dataPlane.gatewayNamespaceModeLabel.value).toBe(`${GW}/gateway-name`);
  });

  it('maps privileged listener ports to unprivileged container ports unless the EnvoyProxy turns the shift off', () => {
    expect(envoyContainerPort(80)).toBe(10080);
    expect(envoyContainerPort(443)).toBe(10443);
    expect(envoyContainerPort(1023)).toBe(11023);
    expect(envoyContainerPort(1024)).toBe(1024);
    expect(envoyContainerPort(8443)).toBe(8443);
    expect(envoyContainerPort(443, true)).toBe(443);
    // AND the switch is a real EnvoyProxy field
    expect(schemaAt(openApiSchema('gateway.envoyproxy.io_envoyproxies.yaml'), eg.dataPlane.privilegedPortShift.value.disabledBy)?.type).toBe('boolean');
  });

  it('keeps the proxy\'s ports apart and its default container securityContext within Pod Security restricted', () => {
    const ports = Object.values(eg.dataPlane.ports).map((p) => p.value.port);
    expect(new Set(ports).size).toBe(ports.length);
    expect(ports.every((p) => p >= 1024)).toBe(true);
    const sc = eg.dataPlane.defaultSecurityContext.value as any;
    expect(sc).toMatchObject({ allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } });
    expect([sc.runAsUser, sc.runAsGroup]).toStrictEqual([eg.dataPlane.uid.value, eg.dataPlane.gid.value]);
  });

  it.each(Object.entries(ENVOY_GATEWAY_1_9_0.envoyProxyFields))('EnvoyProxy field for %s exists in the v1.9.0 CRD', (_setting, field) => {
    expect(schemaAt(openApiSchema('gateway.envoyproxy.io_envoyproxies.yaml'), field.path)).toBeDefined();
    expect(field.from).toMatch(/\.go\b/);
  });

  it.each([
    ['clientTraffic', 'gateway.envoyproxy.io_clienttrafficpolicies.yaml'],
    ['backendTraffic', 'gateway.envoyproxy.io_backendtrafficpolicies.yaml'],
    ['security', 'gateway.envoyproxy.io_securitypolicies.yaml'],
  ] as const)('%s policy: kind, target kinds and every option field match the CRD', (key, file) => {
    // GIVEN the record for one policy kind and its CRD
    const policy = eg.policies[key];
    // THEN the kind is the CRD's, the target kinds are the ones its CEL rule allows, and every field path exists
    expect(policy.kind).toBe(crd(file).spec.names.kind);
    expect(policy.targetKinds.value.slice().sort()).toStrictEqual(celTargetKinds(file).sort());
    const missing = Object.entries(policy.fields).filter(([, f]) => schemaAt(openApiSchema(file), f.path) === undefined).map(([name]) => name);
    expect(missing).toStrictEqual([]);
  });

  it('refuses a made-up field path (the path check can fail)', () => {
    expect(schemaAt(openApiSchema('gateway.envoyproxy.io_envoyproxies.yaml'), 'spec.provider.kubernetes.envoyPdb.minAvailable')).toBeUndefined();
    expect(schemaAt(openApiSchema('gateway.envoyproxy.io_backendtrafficpolicies.yaml'), 'spec.rateLimit.local.rules.limit')).toBeUndefined();
  });

  it('expresses per-client rate limits with a Distinct source CIDR, which the CRD offers', () => {
    const sourceCidr = schemaAt(openApiSchema('gateway.envoyproxy.io_backendtrafficpolicies.yaml'), eg.policies.backendTraffic.fields.perClientSelector.path);
    expect(sourceCidr.properties.type.enum).toContain('Distinct');
  });

  it('trusts proxies at a ClientTrafficPolicy path the CRD has, and validates client certificates with a standard Gateway field of a kind it reads', () => {
    // GIVEN the client address and frontend validation facts
    const trustedCidrs = schemaAt(openApiSchema('gateway.envoyproxy.io_clienttrafficpolicies.yaml'), 'spec.clientIPDetection.xForwardedFor.trustedCIDRs');
    const caRefs = schemaAt(openApiSchema(`${GW}_gateways.yaml`), 'spec.tls.frontend.default.validation.caCertificateRefs');
    // THEN both fields exist, and the CA kind the library writes (a Secret) is one Envoy Gateway reads, granted from the Gateway
    expect(eg.clientAddress.value.path.startsWith('spec.clientIPDetection.xForwardedFor.trustedCIDRs')).toBe(true);
    expect(trustedCidrs.type).toBe('array');
    expect(caRefs.type).toBe('array');
    expect(eg.frontendValidation.value).toMatchObject({ implemented: true, grantFrom: 'Gateway' });
    expect(eg.frontendValidation.value.refKinds).toContain('Secret');
  });
});

describe('Traefik v3.7.11 Gateway API provider facts', () => {
  const traefik = TRAEFIK_3_7_11_GATEWAY_API;
  const plurals = new Map<string, any>(fs.readdirSync(CRD_DIR).filter((f) => f.startsWith(`${GW}_`))
    .map((f) => [crd(f).spec.names.plural, crd(f)]));

  it('grants only Gateway API resources that exist, and status only where the CRD has a status subresource', () => {
    const gatewayRules = traefik.clusterRbac.filter((need) => need.apiGroups.includes(GW));
    for (const resource of gatewayRules.flatMap((need) => need.resources)) {
      const [plural, sub] = resource.split('/');
      expect(plurals.has(plural)).toBe(true);
      if (sub === 'status') {
        const versions = plurals.get(plural).spec.versions;
        expect(versions.some((v: any) => v.served && v.subresources?.status)).toBe(true);
      }
    }
  });

  it('lists and watches, and writes nothing but status (no get, create or delete)', () => {
    const rules = policyRules([...traefik.clusterRbac, ...traefik.crdProviderRbac]);
    for (const rule of rules) {
      const writes = rule.verbs.filter((v) => !['list', 'watch'].includes(v));
      if (writes.length) {
        expect(writes).toStrictEqual(['update']);
        expect(rule.resources!.every((r) => r.endsWith('/status'))).toBe(true);
      }
    }
  });

  it('needs every kind it always watches to be served by the v1.6.1 standard CRDs, and cannot read their TCPRoute', () => {
    // GIVEN the served versions of the standard channel
    const served = servedGatewayApiKinds();
    // THEN the kinds watched unconditionally are all served (else WaitForCacheSync never returns)
    for (const kind of traefik.kinds.filter((k) => k.watched === 'always')) expect(served).toContain(`${kind.apiVersion}/${kind.kind}`);
    // AND the experimental-channel TCPRoute it reads (v1alpha2) is not served by v1.6.1: the flag does not help there
    const tcp = traefik.kinds.find((k) => k.kind === 'TCPRoute')!;
    expect(tcp.watched).toBe(traefik.experimentalChannelFlag.value);
    expect(served).not.toContain(`${tcp.apiVersion}/TCPRoute`);
  });

  it('has no ListenerSet support: tenant ListenerSets need another implementation', () => {
    expect(traefik.kinds.map((k) => k.kind)).not.toContain('ListenerSet');
    expect(traefik.gatewayApiModule.value).toBe('v1.5.1');
  });

  it('references Middleware by the CRD\'s group and kind, and grants the CRD provider its plurals', () => {
    const middleware = crd('traefik.io_middlewares.yaml');
    const { group, kind } = traefik.middlewareFilter.value;
    expect([group, kind]).toStrictEqual([middleware.spec.group, middleware.spec.names.kind]);
    const traefikResources = traefik.crdProviderRbac.filter((n) => n.apiGroups.includes('traefik.io')).flatMap((n) => n.resources);
    expect(traefikResources).toContain(middleware.spec.names.plural);
    expect(traefikResources).toContain(crd('traefik.io_tlsoptions.yaml').spec.names.plural);
    // AND the Middleware filter needs the CRD provider's flag, which the record lists
    expect(traefik.flags.value).toContain('--providers.kubernetescrd');
  });

  it('adds provider flags next to the Ingress provider\'s without reusing any of them', () => {
    const ingressFlags = new Set(TRAEFIK_3_7_11.flags.map((f) => f.toLowerCase()));
    expect(traefik.flags.value.filter((f) => ingressFlags.has(f.toLowerCase()))).toStrictEqual([]);
    expect(traefik.flags.value.every((f) => /^--providers\.kubernetes(gateway|crd)(\.[a-z]+)*$/.test(f))).toBe(true);
    expect(traefik.flags.value).toContain(traefik.experimentalChannelFlag.value);
  });
});

describe('cert-manager v1.21.1 Gateway API facts', () => {
  const cm = CERT_MANAGER_1_21_1_GATEWAY_API;

  it('reads the same issuer annotations on a Gateway as the Ingress side writes', () => {
    expect(cm.triggerAnnotations.value.slice().sort()).toStrictEqual([SHIM_CLUSTER_ISSUER, SHIM_ISSUER].sort());
    expect(cm.listenerSetInherits.value).toEqual(expect.arrayContaining(cm.triggerAnnotations.value));
    for (const key of [...cm.certificateAnnotations.value, ...Object.values(cm.parentRefAnnotations.value)]) expect(key).toMatch(LABEL_KEY);
  });

  it('starts HTTP-01 solvers with the labels and port the NetworkPolicies already admit', () => {
    expect(cm.solverCreates.value.labels).toMatchObject(HTTP01_SOLVER_POD_LABELS);
    expect(cm.solverCreates.value.servicePort).toBe(HTTP01_SOLVER_PORT);
  });

  it.each(['cert-manager.io_issuers.yaml', 'cert-manager.io_clusterissuers.yaml'])('names solver fields that exist in %s', (file) => {
    const missing = Object.entries(cm.solverFields).filter(([, f]) => schemaAt(openApiSchema(file), f.path) === undefined).map(([name]) => name);
    expect(missing).toStrictEqual([]);
  });

  it('needs the Gateway flag and the ListenerSets gate (off by default) for ListenerSets', () => {
    const { gateways, listenerSets } = cm.enable.value;
    expect(listenerSets.flags).toEqual(expect.arrayContaining(gateways.flags));
    expect(listenerSets.featureGateDefault).toBe(false);
    expect(gateways.featureGateDefault).toBe(true);
    expect(cm.watches.value).toContain(`${GW}/v1 ListenerSet`);
  });
});
