/**
 * The CEL validator runs the CRDs' x-kubernetes-validations rules the way the API server does. Known-good objects of
 * every Gateway API and Envoy Gateway kind the Gateway API output will emit pass schema and CEL; known-bad ones,
 * valid for the JSON schema, fail with the CRD's exact message, which proves the CEL step is what rejects them.
 */
import { isKubernetesIP } from './cel-functions';
import { createCelValidator } from './cel-validator';
import { createValidator } from '../schema-validator';

const validator = createValidator();
const cel = validator.cel;

const GW = 'gateway.networking.k8s.io';
const EG = 'gateway.envoyproxy.io';

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

const gateway = {
  apiVersion: `${GW}/v1`,
  kind: 'Gateway',
  metadata: { name: 'public-web', namespace: 'edge' },
  spec: {
    gatewayClassName: 'envoy-gateway',
    listeners: [
      { name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'Same' } } },
      {
        name: 'https-shop',
        hostname: 'shop.example.com',
        port: 443,
        protocol: 'HTTPS',
        tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'shop-example-com-tls' }] },
        allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { 'gateways.cdk8s.io/tenant': 'shop' } } } },
      },
    ],
  },
};

const httpRoute = {
  apiVersion: `${GW}/v1`,
  kind: 'HTTPRoute',
  metadata: { name: 'shop', namespace: 'shop' },
  spec: {
    parentRefs: [{ name: 'public-web', namespace: 'edge', sectionName: 'https-shop' }],
    hostnames: ['shop.example.com'],
    rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/api' } }], backendRefs: [{ name: 'api', port: 8080 }] }],
  },
};

const grpcRoute = {
  apiVersion: `${GW}/v1`,
  kind: 'GRPCRoute',
  metadata: { name: 'cart', namespace: 'shop' },
  spec: {
    parentRefs: [{ name: 'public-web', namespace: 'edge' }],
    hostnames: ['grpc.example.com'],
    rules: [{ matches: [{ method: { service: 'shop.v1.Cart', method: 'Get' } }], backendRefs: [{ name: 'cart', port: 9090 }] }],
  },
};

const listenerSet = {
  apiVersion: `${GW}/v1`,
  kind: 'ListenerSet',
  metadata: { name: 'shop', namespace: 'shop' },
  spec: {
    parentRef: { group: GW, kind: 'Gateway', name: 'public-web', namespace: 'edge' },
    listeners: [
      {
        name: 'https-shop',
        hostname: 'shop.example.com',
        port: 443,
        protocol: 'HTTPS',
        tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'shop-example-com-tls' }] },
      },
    ],
  },
};

const referenceGrant = {
  apiVersion: `${GW}/v1`,
  kind: 'ReferenceGrant',
  metadata: { name: 'edge-to-shop-secrets', namespace: 'shop' },
  spec: {
    from: [{ group: GW, kind: 'Gateway', namespace: 'edge' }],
    to: [{ group: '', kind: 'Secret', name: 'shop-example-com-tls' }],
  },
};

const backendTlsPolicy = {
  apiVersion: `${GW}/v1`,
  kind: 'BackendTLSPolicy',
  metadata: { name: 'api', namespace: 'shop' },
  spec: {
    targetRefs: [{ group: '', kind: 'Service', name: 'api' }],
    validation: { caCertificateRefs: [{ group: '', kind: 'ConfigMap', name: 'api-ca' }], hostname: 'api.shop.svc' },
  },
};

const gatewayClass = {
  apiVersion: `${GW}/v1`,
  kind: 'GatewayClass',
  metadata: { name: 'envoy-gateway' },
  spec: {
    controllerName: 'gateway.envoyproxy.io/gatewayclass-controller',
    parametersRef: { group: EG, kind: 'EnvoyProxy', name: 'hardened', namespace: 'envoy-gateway-system' },
  },
};

const envoyProxy = {
  apiVersion: `${EG}/v1alpha1`,
  kind: 'EnvoyProxy',
  metadata: { name: 'hardened', namespace: 'envoy-gateway-system' },
  spec: {
    provider: {
      type: 'Kubernetes',
      kubernetes: {
        envoyDeployment: {
          replicas: 2,
          container: {
            resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '512Mi' } },
            securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
          },
        },
        envoyPDB: { minAvailable: 1 },
        envoyHpa: { minReplicas: 2, maxReplicas: 6 },
        envoyService: { annotations: { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing' } },
      },
    },
  },
};

const clientTrafficPolicy = {
  apiVersion: `${EG}/v1alpha1`,
  kind: 'ClientTrafficPolicy',
  metadata: { name: 'public-web', namespace: 'edge' },
  spec: {
    targetRefs: [{ group: GW, kind: 'Gateway', name: 'public-web' }],
    connection: { bufferLimit: '32Ki' },
    tls: { clientValidation: { caCertificateRefs: [{ kind: 'ConfigMap', name: 'client-ca' }] } },
  },
};

const backendTrafficPolicy = {
  apiVersion: `${EG}/v1alpha1`,
  kind: 'BackendTrafficPolicy',
  metadata: { name: 'shop', namespace: 'shop' },
  spec: {
    targetRefs: [{ group: GW, kind: 'HTTPRoute', name: 'shop' }],
    rateLimit: {
      type: 'Local',
      local: { rules: [{ clientSelectors: [{ sourceCIDR: { type: 'Distinct', value: '0.0.0.0/0' } }], limit: { requests: 100, unit: 'Minute' } }] },
    },
    timeout: { http: { requestTimeout: '30s' }, tcp: { connectTimeout: '5s' } },
  },
};

const securityPolicy = {
  apiVersion: `${EG}/v1alpha1`,
  kind: 'SecurityPolicy',
  metadata: { name: 'shop', namespace: 'shop' },
  spec: {
    targetRefs: [{ group: GW, kind: 'HTTPRoute', name: 'shop' }],
    authorization: { defaultAction: 'Deny', rules: [{ action: 'Allow', principal: { clientCIDRs: ['10.0.0.0/8'] } }] },
  },
};

const GOOD: Array<[string, any]> = [
  ['Gateway', gateway], ['HTTPRoute', httpRoute], ['GRPCRoute', grpcRoute], ['ListenerSet', listenerSet],
  ['ReferenceGrant', referenceGrant], ['BackendTLSPolicy', backendTlsPolicy], ['GatewayClass', gatewayClass],
  ['EnvoyProxy', envoyProxy], ['ClientTrafficPolicy', clientTrafficPolicy], ['BackendTrafficPolicy', backendTrafficPolicy],
  ['SecurityPolicy', securityPolicy],
];

/** A known-bad object: a change to a known-good one that the JSON schema accepts and one CEL rule refuses. */
interface BadCase {
  readonly name: string;
  readonly object: any;
  readonly path: string;
  readonly message: string;
}

function bad(name: string, good: any, path: string, message: string, change: (o: any) => void): BadCase {
  const object = clone(good);
  change(object);
  return { name, object, path, message };
}

const BAD: BadCase[] = [
  bad('a Gateway with two listeners of the same name', gateway, '.spec.listeners', 'Listener name must be unique within the Gateway',
    (o) => { o.spec.listeners[1].name = 'http'; }),
  bad('a Gateway whose two listeners share port, protocol and hostname', gateway, '.spec.listeners',
    'Combination of port, protocol and hostname must be unique for each listener',
    (o) => { o.spec.listeners.push({ ...clone(o.spec.listeners[1]), name: 'https-shop-2' }); }),
  bad('a Gateway with tls on an HTTP listener', gateway, '.spec.listeners', 'tls must not be specified for protocols [\'HTTP\', \'TCP\', \'UDP\']',
    (o) => { o.spec.listeners[0].tls = { mode: 'Terminate', certificateRefs: [{ name: 'x' }] }; }),
  bad('an HTTPRoute PathPrefix match that does not start with /', httpRoute, '.spec.rules[0].matches[0].path',
    'value must be an absolute path and start with \'/\' when type one of [\'Exact\', \'PathPrefix\']',
    (o) => { o.spec.rules[0].matches[0].path.value = 'api'; }),
  bad('an HTTPRoute with both a RequestRedirect and a URLRewrite filter', httpRoute, '.spec.rules[0].filters',
    'May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both',
    (o) => {
      delete o.spec.rules[0].backendRefs;
      o.spec.rules[0].filters = [
        { type: 'RequestRedirect', requestRedirect: { scheme: 'https' } },
        { type: 'URLRewrite', urlRewrite: { hostname: 'internal.example.com' } },
      ];
    }),
  // The method match type defaults to Exact: the rule only fails once the API server's default is applied.
  bad('a GRPCRoute method match with neither service nor method', grpcRoute, '.spec.rules[0].matches[0].method',
    'One or both of \'service\' or \'method\' must be specified', (o) => { o.spec.rules[0].matches[0].method = {}; }),
  bad('a ListenerSet with two listeners of the same name', listenerSet, '.spec.listeners', 'Listener name must be unique within the Gateway',
    (o) => { o.spec.listeners.push({ ...clone(o.spec.listeners[0]), hostname: 'www.shop.example.com' }); }),
  bad('a BackendTLSPolicy with both CA certificate refs and well-known CAs', backendTlsPolicy, '.spec.validation',
    'must not contain both CACertificateRefs and WellKnownCACertificates', (o) => { o.spec.validation.wellKnownCACertificates = 'System'; }),
  bad('an EnvoyProxy that merges both gateways and backends', envoyProxy, '.spec', 'mergeGateways and mergeBackends cannot both be enabled',
    (o) => { o.spec.mergeGateways = true; o.spec.mergeBackends = {}; }),
  bad('a ClientTrafficPolicy with both targetRef and targetRefs', clientTrafficPolicy, '.spec', 'either targetRef or targetRefs must be used',
    (o) => { o.spec.targetRef = { group: GW, kind: 'Gateway', name: 'public-web' }; }),
  bad('a ClientTrafficPolicy attached to an HTTPRoute', clientTrafficPolicy, '.spec',
    'this policy can only have a targetRefs[*].kind of Gateway or ListenerSet', (o) => { o.spec.targetRefs[0].kind = 'HTTPRoute'; }),
  bad('a BackendTrafficPolicy local rate limit with an empty client selector', backendTrafficPolicy,
    '.spec.rateLimit.local.rules[0].clientSelectors[0]', 'at least one of headers, methods, path, sourceCIDR or queryParams must be specified',
    (o) => { o.spec.rateLimit.local.rules[0].clientSelectors = [{}]; }),
  bad('a SecurityPolicy authorization rule whose principal names no client', securityPolicy, '.spec.authorization.rules[0].principal',
    'at least one of clientCIDRs, jwt, headers, or clientIPGeoLocations must be specified',
    (o) => { o.spec.authorization.rules[0].principal = {}; }),
];

describe('CEL validation of Gateway API and Envoy Gateway objects', () => {
  it.each(GOOD)('accepts a known-good %s (schema and CEL)', (_kind, object) => {
    // GIVEN an object as the Gateway API output will write it
    // WHEN it is validated like every synthesized object
    const errors = validator.validateObject(object);
    // THEN neither the schema nor any CEL rule objects
    expect(errors).toStrictEqual([]);
  });

  it.each(BAD.map((c) => [c.name, c] as const))('rejects %s with the CRD\'s CEL message', (_name, badCase) => {
    // GIVEN a known-good object changed in one place the JSON schema allows
    // WHEN its CEL rules are evaluated
    const failures = cel.failures(badCase.object);
    // THEN exactly the one rule fails, at the path it is declared on, with its message and the object's reference
    expect(failures.map((f) => [f.path, f.message])).toStrictEqual([[badCase.path, badCase.message]]);
    const { apiVersion, kind, metadata } = badCase.object;
    expect(failures[0].objectRef).toBe(`${apiVersion}/${kind} ${metadata.namespace ? `${metadata.namespace}/` : ''}${metadata.name}`);
    // AND the validator every test uses reports it, and nothing else
    expect(validator.validateObject(badCase.object)).toStrictEqual([
      `${badCase.path}: ${badCase.message} (CEL rule: ${failures[0].rule})`,
    ]);
  });

  it('makes assertValidManifests fail on a CEL violation', () => {
    // GIVEN a Gateway with two listeners of the same name
    const duplicate = BAD[0].object;
    // THEN the assertion every synth test calls throws with the object and the rule's message
    expect(() => validator.assertValidManifests([duplicate])).toThrow(
      /Gateway edge\/public-web:\n\s+\.spec\.listeners: Listener name must be unique within the Gateway/);
  });

  it('refuses an IP address as a TLSRoute hostname through the Kubernetes isIP() function', () => {
    // GIVEN a TLSRoute whose hostname is an IPv4 address
    const tlsRoute = {
      apiVersion: `${GW}/v1`,
      kind: 'TLSRoute',
      metadata: { name: 'db', namespace: 'shop' },
      spec: { parentRefs: [{ name: 'public-web', namespace: 'edge' }], hostnames: ['10.0.0.1'], rules: [{ backendRefs: [{ name: 'db', port: 5432 }] }] },
    };
    // THEN the rule that calls isIP() fails
    expect(cel.failures(tlsRoute).map((f) => f.message)).toContain('Hostnames cannot contain an IP');
    // AND a DNS name passes it
    tlsRoute.spec.hostnames = ['db.example.com'];
    expect(cel.failures(tlsRoute)).toStrictEqual([]);
  });
});

describe('isIP() with the Kubernetes IP library\'s semantics', () => {
  it.each([
    ['10.0.0.1', true], ['255.255.255.255', true], ['2001:db8::1', true], ['::1', true], ['::', true],
    ['010.0.0.1', false], ['256.0.0.1', false], ['1.2.3', false], ['fe80::1%eth0', false], ['::ffff:10.0.0.1', false],
    ['example.com', false], ['', false], ['[::1]', false],
  ])('isIP(%j) is %s', (text, expected) => {
    expect(isKubernetesIP(text)).toBe(expected);
  });
});

describe('the CEL rule inventory', () => {
  const counts = cel.countRules();
  const total = counts.reduce((sum, c) => sum + c.compiled, 0);
  const summary = counts.map((c) => `${c.kind}=${c.compiled}`).join(', ');

  it(`compiles every CEL rule of the shared CRDs (${total} rules: ${summary})`, () => {
    // THEN no rule is left out for a missing function or a parse error
    expect(counts.flatMap((c) => c.uncompiled.map((u) => `${c.kind} ${u.schemaPath}: ${u.error}`))).toStrictEqual([]);
    // AND the kinds the Gateway API output writes all carry rules
    const byKind = new Map(counts.map((c) => [c.kind, c]));
    for (const kind of ['Gateway', 'HTTPRoute', 'GRPCRoute', 'ListenerSet', 'BackendTLSPolicy']) {
      expect(byKind.get(`${GW}/v1/${kind}`)?.compiled).toBeGreaterThan(0);
    }
    for (const kind of ['EnvoyProxy', 'ClientTrafficPolicy', 'BackendTrafficPolicy', 'SecurityPolicy']) {
      expect(byKind.get(`${EG}/v1alpha1/${kind}`)?.compiled).toBeGreaterThan(0);
    }
  });

  it('skips only transition rules (oldSelf): GatewayClass controllerName immutability', () => {
    // THEN the only skipped rules are GatewayClass's, which compare with the previous object
    expect(counts.filter((c) => c.transitionSkipped > 0).map((c) => [c.kind, c.transitionSkipped])).toStrictEqual([
      [`${GW}/v1/GatewayClass`, 1], [`${GW}/v1beta1/GatewayClass`, 1],
    ]);
  });
});

describe('the CEL walker on a synthetic CRD', () => {
  const crd = {
    kind: 'CustomResourceDefinition',
    spec: {
      group: 'test.cdk8s.io',
      names: { kind: 'Widget' },
      versions: [{
        name: 'v1',
        served: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                'type': 'object',
                'x-kubernetes-validations': [
                  { rule: 'self.replicas <= self.max', messageExpression: '"replicas " + string(self.replicas) + " above " + string(self.max)', fieldPath: '.replicas', reason: 'FieldValueInvalid' },
                  { rule: 'self.replicas >= oldSelf.replicas', message: 'may not shrink' },
                  { rule: 'self.ratio < 1.0' },
                  { rule: 'self.__namespace__ != "kube-system"', message: 'reserved word escaped' },
                ],
                'properties': {
                  replicas: { type: 'integer' },
                  max: { type: 'integer', default: 3 },
                  ratio: { type: 'number' },
                  namespace: { type: 'string' },
                  size: { 'type': 'string', 'x-kubernetes-validations': [{ rule: 'quantity(self).isGreaterThan(quantity("1Gi"))' }] },
                  caBundle: { 'type': 'string', 'format': 'byte', 'x-kubernetes-validations': [{ rule: 'size(self) == 3', message: 'not three bytes' }] },
                  labels: { type: 'object', additionalProperties: { 'type': 'string', 'x-kubernetes-validations': [{ rule: 'self.size() <= 3', message: 'label value too long' }] } },
                },
              },
            },
          },
        },
      }],
    },
  };
  const widgets = createCelValidator([crd]);
  const widget = (spec: object) => ({ apiVersion: 'test.cdk8s.io/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { ratio: 0.5, namespace: 'apps', ...spec } });

  it('reports the messageExpression result at the rule\'s fieldPath with its reason, after applying the default', () => {
    // GIVEN 5 replicas and no max (the schema defaults max to 3)
    const failures = widgets.failures(widget({ replicas: 5 }));
    // THEN the message is computed from self, and the path is the rule's fieldPath below the node
    expect(failures).toStrictEqual([{
      objectRef: 'test.cdk8s.io/v1/Widget w',
      path: '.spec.replicas',
      message: 'replicas 5 above 3',
      reason: 'FieldValueInvalid',
      rule: 'self.replicas <= self.max',
    }]);
  });

  it('passes when every rule holds, and falls back to "failed rule" without a message', () => {
    expect(widgets.failures(widget({ replicas: 2 }))).toStrictEqual([]);
    expect(widgets.validateObject(widget({ replicas: 2, ratio: 1.5 }))).toStrictEqual(['.spec: failed rule: self.ratio < 1.0 (CEL rule: self.ratio < 1.0)']);
  });

  it('reaches a property named after a CEL reserved word as __name__, and evaluates rules on map values', () => {
    const failures = widgets.failures(widget({ replicas: 1, namespace: 'kube-system', labels: { ok: 'abc', tooLong: 'abcd' } }));
    expect(failures.map((f) => [f.path, f.message])).toStrictEqual([
      ['.spec.labels.tooLong', 'label value too long'],
      ['.spec', 'reserved word escaped'],
    ]);
  });

  it('reads a format: byte field as bytes, as the API server does', () => {
    // GIVEN base64 of three bytes (four characters)
    expect(widgets.failures(widget({ replicas: 1, caBundle: 'AQID' }))).toStrictEqual([]);
    // THEN four bytes fail the size rule
    expect(widgets.failures(widget({ replicas: 1, caBundle: 'AQIDBA==' })).map((f) => f.message)).toStrictEqual(['not three bytes']);
  });

  it('reports a missing field as an evaluation error, not a pass', () => {
    expect(widgets.failures(widget({})).map((f) => f.message)).toStrictEqual(['evaluation error: field not found: replicas']);
  });

  it('skips the transition rule and lists the rule whose function it lacks', () => {
    expect(widgets.countRules()).toStrictEqual([{
      kind: 'test.cdk8s.io/v1/Widget',
      compiled: 5,
      transitionSkipped: 1,
      uncompiled: [{ schemaPath: '.spec.size', rule: 'quantity(self).isGreaterThan(quantity("1Gi"))', error: 'no implementation of isGreaterThan, quantity in the CEL environment' }],
    }]);
  });
});
