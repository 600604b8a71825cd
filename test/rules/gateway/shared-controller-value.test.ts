import {
  controllerDeployment, findingsOf, INGRESS_NGINX_IMAGE, ingressClass, lintObjects, pdb, singleFinding, TRAEFIK_IMAGE,
} from '../../util/manifests';

const ID = 'CG-GATEWAY-001';

/** An nginx Deployment in its own namespace, labelled for class `className`, with a PDB. */
function nginxFor(className: string) {
  const namespace = `ingress-${className}`;
  return [
    controllerDeployment({ className, namespace, image: INGRESS_NGINX_IMAGE }),
    pdb({ name: 'ingress-controller', namespace, selector: { 'app.kubernetes.io/name': 'ingress-controller' } }),
  ];
}

/** A Traefik Deployment that selects class `className` by name (no class label). */
function traefikFor(className: string) {
  const namespace = `ingress-${className}`;
  return [
    controllerDeployment({
      namespace, image: TRAEFIK_IMAGE, podLabels: { 'app.kubernetes.io/name': 'traefik' }, args: [`--providers.kubernetesingress.ingressclass=${className}`],
    }),
    pdb({ name: 'ingress-controller', namespace, selector: { 'app.kubernetes.io/name': 'traefik' } }),
  ];
}

describe(`${ID} IngressClasses sharing a controller value across controllers`, () => {
  it('accepts two classes with distinct controller values', () => {
    // GIVEN classes a and b, each with its own nginx value and controller
    const report = lintObjects([
      ingressClass({ name: 'a', controller: 'k8s.io/ingress-nginx/a' }), ...nginxFor('a'),
      ingressClass({ name: 'b', controller: 'k8s.io/ingress-nginx/b' }), ...nginxFor('b'),
    ]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts Traefik classes sharing traefik.io/ingress-controller, each instance selecting its class by name', () => {
    // GIVEN two Traefik classes and two Traefik instances
    const report = lintObjects([
      ingressClass({ name: 'a', controller: 'traefik.io/ingress-controller' }), ...traefikFor('a'),
      ingressClass({ name: 'b', controller: 'traefik.io/ingress-controller' }), ...traefikFor('b'),
    ]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts cloud classes sharing a value (no workload in the cluster)', () => {
    // GIVEN two ALB classes
    const report = lintObjects([
      ingressClass({ name: 'public', controller: 'ingress.k8s.aws/alb' }),
      ingressClass({ name: 'internal', controller: 'ingress.k8s.aws/alb' }),
    ]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects two classes with one nginx value served by two nginx controllers, naming both classes', () => {
    // GIVEN classes a and b, both "k8s.io/ingress-nginx", each with its own nginx Deployment
    const report = lintObjects([
      ingressClass({ name: 'a', controller: 'k8s.io/ingress-nginx' }), ...nginxFor('a'),
      ingressClass({ name: 'b', controller: 'k8s.io/ingress-nginx' }), ...nginxFor('b'),
    ]);
    // THEN the second class is reported
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'IngressClass', name: 'b', field: 'spec.controller', value: JSON.stringify('k8s.io/ingress-nginx'), documentIndex: 3 });
    expect(f.message).toContain('IngressClass b (test.yaml:3) and IngressClass a (test.yaml:0) both have controller "k8s.io/ingress-nginx"');
    expect(f.message).toContain('Deployment ingress-a/ingress-controller, Deployment ingress-b/ingress-controller');
  });
});
