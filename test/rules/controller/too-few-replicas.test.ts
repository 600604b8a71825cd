import { controllerDeployment, deployment, findingsOf, hpa, INGRESS_NGINX_IMAGE, lintObjects, pdb, ruleIds, singleFinding } from '../../util/manifests';

const ID = 'CG-CONTROLLER-001';
const NS = 'ingress-system';
const controllerPdb = () => pdb({ name: 'ingress-controller', namespace: NS, selector: { 'app.kubernetes.io/name': 'ingress-controller' } });

describe(`${ID} too few controller replicas`, () => {
  it('accepts a controller Deployment with 2 replicas', () => {
    // GIVEN the controller builder (2 replicas)
    const report = lintObjects([controllerDeployment(), controllerPdb()]);
    // THEN
    expect(ruleIds(report)).not.toContain(ID);
  });

  it('rejects a controller Deployment with replicas 1', () => {
    // GIVEN a controller (by the gateways.cdk8s.io/ingress-class label) with one replica
    const report = lintObjects([controllerDeployment({ replicas: 1 }), controllerPdb()]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Deployment', namespace: NS, name: 'ingress-controller', field: 'spec.replicas', value: '1' });
    expect(f.message).toContain('1 replica: one node drain or crash drops all traffic of this class');
  });

  it('rejects a controller Deployment without replicas (defaults to 1)', () => {
    // GIVEN replicas unset
    const dep = controllerDeployment({ override: { spec: { replicas: undefined } } });
    // WHEN
    const f = singleFinding(lintObjects([dep, controllerPdb()]), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.replicas', value: '(unset)' });
    expect(f.message).toContain('1 replica');
  });

  it('detects the controller by the ingress-nginx image, without the class label', () => {
    // GIVEN a plain Deployment running ingress-nginx with one replica
    const dep = deployment({ name: 'nginx-controller', namespace: NS, image: INGRESS_NGINX_IMAGE, replicas: 1 });
    // WHEN
    const f = singleFinding(lintObjects([dep, pdb({ namespace: NS, selector: { app: 'nginx-controller' } })]), ID);
    // THEN
    expect(f).toMatchObject({ name: 'nginx-controller', field: 'spec.replicas', value: '1' });
  });

  it('detects the controller by the gateways.cdk8s.io/ingress-class label, whatever the image', () => {
    // GIVEN a custom image labelled as serving class "internal"
    const dep = deployment({ name: 'edge', image: 'registry.example.com/edge-proxy:2.0.0', podLabels: { 'app': 'edge', 'gateways.cdk8s.io/ingress-class': 'internal' }, replicas: 1 });
    // THEN
    expect(singleFinding(lintObjects([dep, pdb({ selector: { app: 'edge' } })]), ID)).toMatchObject({ name: 'edge', field: 'spec.replicas' });
  });

  it('ignores an ordinary Deployment with one replica', () => {
    // GIVEN an application Deployment with replicas 1
    const report = lintObjects([deployment({ replicas: 1 })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects an autoscaler whose minReplicas is 1, on the autoscaler', () => {
    // GIVEN a 2-replica controller whose HPA may scale it to 1
    const objs = [controllerDeployment(), controllerPdb(), hpa({ namespace: NS, target: 'ingress-controller', minReplicas: 1 })];
    // WHEN
    const f = singleFinding(lintObjects(objs), ID);
    // THEN
    expect(f).toMatchObject({ kind: 'HorizontalPodAutoscaler', namespace: NS, name: 'ingress-controller', field: 'spec.minReplicas', value: '1' });
    expect(f.message).toContain('the autoscaler may scale Deployment ingress-system/ingress-controller down to 1 replica');
  });

  it('rejects an autoscaler without minReplicas (defaults to 1)', () => {
    // GIVEN minReplicas unset
    const objs = [controllerDeployment(), controllerPdb(), hpa({ namespace: NS, target: 'ingress-controller', minReplicas: null })];
    // THEN
    expect(singleFinding(lintObjects(objs), ID)).toMatchObject({ kind: 'HorizontalPodAutoscaler', value: '1' });
  });

  it('accepts an autoscaler with minReplicas 2, even when the Deployment says 1', () => {
    // GIVEN replicas 1 but an HPA with minReplicas 2 that owns the replica count
    const objs = [controllerDeployment({ replicas: 1 }), controllerPdb(), hpa({ namespace: NS, target: 'ingress-controller', minReplicas: 2 })];
    // THEN
    expect(findingsOf(lintObjects(objs), ID)).toEqual([]);
  });

  it('ignores an autoscaler in another namespace', () => {
    // GIVEN a good HPA in the wrong namespace
    const objs = [controllerDeployment({ replicas: 1 }), controllerPdb(), hpa({ namespace: 'default', target: 'ingress-controller', minReplicas: 3 })];
    // THEN the Deployment's own replica count applies
    expect(singleFinding(lintObjects(objs), ID)).toMatchObject({ kind: 'Deployment', field: 'spec.replicas' });
  });

  it('ignores DaemonSets (one pod per node)', () => {
    // GIVEN a controller DaemonSet
    const dep = controllerDeployment();
    const ds = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: dep.metadata, spec: { selector: dep.spec.selector, template: dep.spec.template } };
    // THEN
    expect(findingsOf(lintObjects([ds, controllerPdb()]), ID)).toEqual([]);
  });
});
