import {
  controllerDeployment, deployment, findingsOf, INGRESS_NGINX_IMAGE, ingress, ingressClass, lintObjects, Manifest, namespace,
  networkPolicy, pdb, ruleIds, service, shown, singleFinding,
} from '../../util/manifests';

const ID = 'CG-NETPOL-001';
const CONTROLLER_NS = 'ingress-system';
const APP_NS = 'apps';

/** Controller in ingress-system serving class nginx; app web (port "http" 8080) behind Service web:80 in apps. */
function cluster(...extra: Manifest[]): Manifest[] {
  return [
    ingressClass(),
    controllerDeployment(),
    pdb({ name: 'ingress-controller', namespace: CONTROLLER_NS, selector: { 'app.kubernetes.io/name': 'ingress-controller' } }),
    namespace({ name: APP_NS }),
    deployment({ namespace: APP_NS }),
    service({ namespace: APP_NS }),
    ingress({ namespace: APP_NS }),
    ...extra,
  ];
}

const defaultDeny = () => networkPolicy({ name: 'default-deny', namespace: APP_NS });

/** A policy admitting `from` peers to the web pods on `ports`. */
function allow(from: any[], ports?: any[], name = 'allow-ingress-controller'): Manifest {
  return networkPolicy({ name, namespace: APP_NS, podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from, ...(ports ? { ports } : {}) }] });
}

const controllerPeer = {
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': CONTROLLER_NS } },
  podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-controller' } },
};

describe(`${ID} unreachable backend`, () => {
  it('rejects a backend isolated by a default-deny policy', () => {
    // GIVEN a default-deny ingress policy in the backend namespace and nothing admitting the controller
    const report = lintObjects(cluster(defaultDeny()));
    // WHEN / THEN the Ingress backend is reported with the policy, Service, class, controller namespace and target port
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({
      kind: 'Ingress',
      namespace: APP_NS,
      name: 'web',
      field: 'spec.rules[0].http.paths[0].backend.service',
      value: shown({ name: 'web', port: { number: 80 } }),
    });
    expect(f.message).toContain('NetworkPolicy default-deny isolates the pods of Service web');
    expect(f.message).toContain(`none admits the "nginx" controller (namespace ${CONTROLLER_NS}) on port 8080`);
  });

  it('accepts an allowance from the controller namespace and pod labels on the target port', () => {
    // GIVEN default-deny plus a policy admitting the controller pods on TCP 8080
    const report = lintObjects(cluster(defaultDeny(), allow([controllerPeer], [{ protocol: 'TCP', port: 8080 }])));
    // THEN
    expect(ruleIds(report)).not.toContain(ID);
  });

  it('accepts an allowance on the named target port', () => {
    // GIVEN the allowance names port "http"
    const report = lintObjects(cluster(defaultDeny(), allow([controllerPeer], [{ protocol: 'TCP', port: 'http' }])));
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts an allowance on a port range that covers the target port', () => {
    // GIVEN ports 8000-8999
    const report = lintObjects(cluster(defaultDeny(), allow([controllerPeer], [{ protocol: 'TCP', port: 8000, endPort: 8999 }])));
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('resolves a named target port per pod, so a canary listening on another number must be admitted too', () => {
    // GIVEN Service web → targetPort "http": 8080 on the web pods, 9090 on the canary pods, and the controller admitted on 8080 only
    const canary = deployment({ name: 'web-canary', namespace: APP_NS, podLabels: { app: 'web', track: 'canary' }, ports: [{ name: 'http', containerPort: 9090 }] });
    const report = lintObjects(cluster(canary, defaultDeny(), allow([controllerPeer], [{ protocol: 'TCP', port: 8080 }])));
    // THEN the canary's port is reported
    expect(singleFinding(report, ID).message).toContain('on port 9090');
    // AND an allowance by port name admits both
    expect(findingsOf(lintObjects(cluster(canary, defaultDeny(), allow([controllerPeer], [{ port: 'http' }]))), ID)).toEqual([]);
  });

  it('rejects an allowance on the wrong port', () => {
    // GIVEN the controller admitted on 9090 only (the backend listens on 8080)
    const report = lintObjects(cluster(defaultDeny(), allow([controllerPeer], [{ protocol: 'TCP', port: 9090 }])));
    // THEN
    const f = singleFinding(report, ID);
    expect(f.message).toContain('NetworkPolicy default-deny, allow-ingress-controller isolates the pods of Service web');
    expect(f.message).toContain('on port 8080');
  });

  it('rejects an allowance for the Service port instead of the target port', () => {
    // GIVEN the controller admitted on 80 (the Service port), not 8080 (the pod port)
    const report = lintObjects(cluster(defaultDeny(), allow([controllerPeer], [{ protocol: 'TCP', port: 80 }])));
    // THEN
    expect(singleFinding(report, ID).field).toBe('spec.rules[0].http.paths[0].backend.service');
  });

  it('rejects an allowance for UDP only (the controller connects over TCP)', () => {
    // GIVEN the right peer and port, but protocol UDP
    const report = lintObjects(cluster(defaultDeny(), allow([controllerPeer], [{ protocol: 'UDP', port: 8080 }])));
    // THEN
    expect(singleFinding(report, ID).message).toContain('on port 8080');
  });

  it('resolves a numeric targetPort to the container port name for a named allowance', () => {
    // GIVEN Service port "http" 80 → targetPort 8080 (container port "http"), the backend by port name, and an allowance for "http"
    const objs = cluster(defaultDeny(), allow([controllerPeer], [{ port: 'http' }])).map((o) => {
      if (o.kind === 'Service') return service({ namespace: APP_NS, ports: [{ name: 'http', port: 80, targetPort: 8080 }] });
      if (o.kind === 'Ingress') return ingress({ namespace: APP_NS, paths: [{ port: 'http' }] });
      return o;
    });
    // THEN
    expect(findingsOf(lintObjects(objs), ID)).toEqual([]);
  });

  it('does not guess a target when the backend names a port the Service lacks', () => {
    // GIVEN a backend on Service port 8081, which Service web does not have
    const objs = cluster(defaultDeny()).map((o) => (o.kind === 'Ingress' ? ingress({ namespace: APP_NS, paths: [{ port: 8081 }] }) : o));
    // THEN no reachability finding with a made-up port
    expect(findingsOf(lintObjects(objs), ID)).toEqual([]);
  });

  it('rejects an allowance whose pod selector does not match the controller pods', () => {
    // GIVEN the right namespace, the wrong pods
    const peer = { ...controllerPeer, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } } };
    const report = lintObjects(cluster(defaultDeny(), allow([peer], [{ port: 8080 }])));
    // THEN
    expect(findingsOf(report, ID)).toHaveLength(1);
  });

  it('rejects a pod-selector-only peer, which admits only pods of the policy namespace', () => {
    // GIVEN from: [{ podSelector }] without namespaceSelector
    const report = lintObjects(cluster(defaultDeny(), allow([{ podSelector: controllerPeer.podSelector }], [{ port: 8080 }])));
    // THEN
    expect(findingsOf(report, ID)).toHaveLength(1);
  });

  it('accepts a namespace selected by the labels of its Namespace manifest', () => {
    // GIVEN Namespace ingress-system labelled team=platform, and an allowance for that label
    const ns = namespace({ name: CONTROLLER_NS, labels: { team: 'platform' } });
    const peer = { namespaceSelector: { matchLabels: { team: 'platform' } } };
    // WHEN
    const report = lintObjects(cluster(ns, defaultDeny(), allow([peer], [{ port: 8080 }])));
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts a rule that admits everyone', () => {
    // GIVEN ingress: [{}] (any source, any port)
    const open = networkPolicy({ name: 'allow-all', namespace: APP_NS, ingress: [{}] });
    // THEN
    expect(findingsOf(lintObjects(cluster(defaultDeny(), open)), ID)).toEqual([]);
  });

  it('stays silent without NetworkPolicies', () => {
    expect(findingsOf(lintObjects(cluster()), ID)).toEqual([]);
  });

  it('stays silent for an egress-only policy', () => {
    // GIVEN a policy that restricts only egress
    const egress = networkPolicy({ name: 'egress-only', namespace: APP_NS, policyTypes: ['Egress'], egress: [] });
    // THEN
    expect(findingsOf(lintObjects(cluster(egress)), ID)).toEqual([]);
  });

  it('stays silent when the policy selects other pods', () => {
    // GIVEN a deny policy for the database pods only
    const db = networkPolicy({ name: 'deny-db', namespace: APP_NS, podSelector: { matchLabels: { app: 'db' } } });
    // THEN
    expect(findingsOf(lintObjects(cluster(db)), ID)).toEqual([]);
  });

  it('stays silent when the policy is in another namespace', () => {
    // GIVEN default-deny in "other"
    const other = networkPolicy({ name: 'default-deny', namespace: 'other' });
    // THEN
    expect(findingsOf(lintObjects(cluster(other)), ID)).toEqual([]);
  });

  it('stays silent for a class whose controller is not in the manifests', () => {
    // GIVEN the Ingress on an external cloud class
    const objs = cluster(defaultDeny()).map((o) => (o.kind === 'Ingress' ? ingress({ namespace: APP_NS, className: 'alb' }) : o));
    // THEN
    expect(findingsOf(lintObjects(objs, { externalClasses: ['alb'] }), ID)).toEqual([]);
  });

  it('finds an ingress-nginx controller by its --ingress-class argument', () => {
    // GIVEN an unlabelled ingress-nginx Deployment serving class nginx by flag
    const controller = deployment({
      name: 'ingress-nginx-controller',
      namespace: 'ingress-nginx',
      image: INGRESS_NGINX_IMAGE,
      args: ['/nginx-ingress-controller', '--ingress-class=nginx'],
    });
    const objs = cluster(defaultDeny()).filter((o) => o.metadata.namespace !== CONTROLLER_NS).concat(controller);
    // WHEN
    const f = singleFinding(lintObjects(objs), ID);
    // THEN the controller namespace comes from that Deployment
    expect(f.message).toContain('controller (namespace ingress-nginx) on port 8080');
  });

  it('finds the controller by --controller-class matching the IngressClass controller value', () => {
    // GIVEN the controller flag --controller-class=k8s.io/ingress-nginx, and an allowance for its namespace
    const controller = deployment({
      name: 'ingress-nginx-controller',
      namespace: 'ingress-nginx',
      image: INGRESS_NGINX_IMAGE,
      args: ['/nginx-ingress-controller', '--controller-class=k8s.io/ingress-nginx'],
    });
    const peer = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } };
    const objs = cluster(defaultDeny(), allow([peer], [{ port: 'http' }])).filter((o) => o.metadata.namespace !== CONTROLLER_NS).concat(controller);
    // THEN
    expect(findingsOf(lintObjects(objs), ID)).toEqual([]);
  });
});

describe(`${ID} unreachable backend: the controller's egress`, () => {
  const CONTROLLER_SELECTOR = { matchLabels: { 'app.kubernetes.io/name': 'ingress-controller' } };
  const appPods = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': APP_NS } }, podSelector: { matchLabels: { app: 'web' } } };

  /** An egress policy on the controller pods with the given rules. */
  const controllerEgress = (egress: any[], policyTypes: string[] | undefined = ['Egress']): Manifest => networkPolicy({
    name: 'controller-egress',
    namespace: CONTROLLER_NS,
    podSelector: CONTROLLER_SELECTOR,
    policyTypes,
    egress,
    ...(policyTypes === undefined ? { override: { spec: { policyTypes: undefined } } } : {}),
  });

  it('rejects a controller whose egress policy does not let it out to the backend', () => {
    // GIVEN the controller may only reach DNS
    const dnsOnly = [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }], ports: [{ protocol: 'UDP', port: 53 }] }];
    const report = lintObjects(cluster(controllerEgress(dnsOnly)));
    // WHEN
    const f = singleFinding(report, ID);
    // THEN the Ingress backend is reported, naming the egress policy, the controller, the Service, its namespace and the target port
    expect(f).toMatchObject({ kind: 'Ingress', namespace: APP_NS, field: 'spec.rules[0].http.paths[0].backend.service' });
    expect(f.message).toBe(`NetworkPolicy ${CONTROLLER_NS}/controller-egress restricts the egress of the "nginx" controller (Deployment ${CONTROLLER_NS}/ingress-controller), `
      + `and none lets it reach the pods of Service web in namespace ${APP_NS} on port 8080`);
  });

  it('accepts egress to the backend namespace and pods on the target port', () => {
    // GIVEN egress to app=web in apps on 8080
    const report = lintObjects(cluster(controllerEgress([{ to: [appPods], ports: [{ protocol: 'TCP', port: 8080 }] }])));
    // THEN
    expect(findingsOf(report, ID)).toStrictEqual([]);
  });

  it('accepts egress to the whole backend namespace on any port', () => {
    // GIVEN egress to namespace apps, no ports
    const report = lintObjects(cluster(controllerEgress([{ to: [{ namespaceSelector: appPods.namespaceSelector }] }])));
    // THEN
    expect(findingsOf(report, ID)).toStrictEqual([]);
  });

  it('rejects egress on the Service port instead of the target port', () => {
    // GIVEN egress to app=web on 80 (the Service port; the controller connects to the pod on 8080)
    const report = lintObjects(cluster(controllerEgress([{ to: [appPods], ports: [{ protocol: 'TCP', port: 80 }] }])));
    // THEN
    expect(singleFinding(report, ID).message).toContain('on port 8080');
  });

  it('rejects egress to other pods of the backend namespace', () => {
    // GIVEN egress to app=db only
    const db = { ...appPods, podSelector: { matchLabels: { app: 'db' } } };
    const report = lintObjects(cluster(controllerEgress([{ to: [db], ports: [{ port: 8080 }] }])));
    // THEN
    expect(findingsOf(report, ID)).toHaveLength(1);
  });

  it('does not count an ipBlock as reaching pods', () => {
    // GIVEN egress to 0.0.0.0/0 on 8080
    const report = lintObjects(cluster(controllerEgress([{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 8080 }] }])));
    // THEN
    expect(findingsOf(report, ID)).toHaveLength(1);
  });

  it('treats a policy without policyTypes as restricting egress when it has egress rules, as the API server does', () => {
    // GIVEN no policyTypes and an egress rule to DNS only
    const report = lintObjects(cluster(controllerEgress([{ ports: [{ protocol: 'UDP', port: 53 }] }], undefined)));
    // THEN
    expect(findingsOf(report, ID)).toHaveLength(1);
  });

  it('reports the backend side first and only once when both sides block', () => {
    // GIVEN default-deny at the backend and DNS-only egress at the controller
    const report = lintObjects(cluster(defaultDeny(), controllerEgress([{ ports: [{ protocol: 'UDP', port: 53 }] }])));
    // THEN
    expect(singleFinding(report, ID).message).toContain('NetworkPolicy default-deny isolates the pods of Service web');
  });

  it('accepts egress to a namespace selected by its labels, and rejects egress to another namespace by name', () => {
    // GIVEN Namespace apps labelled team=shop; one policy allowing team=shop, another allowing namespace "other" by name
    const ns = namespace({ name: APP_NS, labels: { team: 'shop' } });
    const byLabel = controllerEgress([{ to: [{ namespaceSelector: { matchLabels: { team: 'shop' } } }], ports: [{ port: 8080 }] }]);
    const toOther = controllerEgress([{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'other' } } }], ports: [{ port: 8080 }] }]);
    const withLabels = (policy: Manifest) => cluster(policy).map((o) => (o.kind === 'Namespace' && o.metadata.name === APP_NS ? ns : o));
    // THEN
    expect(findingsOf(lintObjects(withLabels(byLabel)), ID)).toStrictEqual([]);
    expect(findingsOf(lintObjects(withLabels(toOther)), ID)).toHaveLength(1);
  });

  it('stays silent when the controller egress policy selects other pods', () => {
    // GIVEN an egress policy for other pods of the controller namespace
    const other = networkPolicy({ name: 'other', namespace: CONTROLLER_NS, podSelector: { matchLabels: { app: 'other' } }, policyTypes: ['Egress'], egress: [] });
    // THEN
    expect(findingsOf(lintObjects(cluster(other)), ID)).toStrictEqual([]);
  });
});
