import { Severity } from '../../../src/rules/severity';
import { controllerDeployment, deployment, findingsOf, INGRESS_NGINX_IMAGE, lintObjects, pdb, ruleIds, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-CONTROLLER-003';
const NS = 'ingress-system';
const controllerPdb = () => pdb({ name: 'ingress-controller', namespace: NS, selector: { 'app.kubernetes.io/name': 'ingress-controller' } });

describe(`${ID} retired controller`, () => {
  it('warns about ingress-nginx, mentioning its March 2026 retirement', () => {
    // GIVEN a controller Deployment running the ingress-nginx image
    const report = lintObjects([controllerDeployment({ image: INGRESS_NGINX_IMAGE }), controllerPdb()]);
    // WHEN / THEN a warning on the image field
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({
      severity: Severity.WARNING,
      kind: 'Deployment',
      name: 'ingress-controller',
      field: 'spec.template.spec.containers[0].image',
      value: shown(INGRESS_NGINX_IMAGE),
    });
    expect(f.message).toContain('retired upstream in March 2026');
    expect(f.message).toContain('alternatives: Traefik, HAProxy Ingress');
    // AND it is a warning only: nothing fails
    expect(report.warnings).toContainEqual(f);
    expect(report.errors).toEqual([]);
  });

  it.each([
    'registry.k8s.io/ingress-nginx/controller-chroot:v1.11.3',
    `registry.k8s.io/ingress-nginx/controller@sha256:${'0'.repeat(64)}`,
    'mirror.example.com/ingress-nginx/controller:v1.9.0',
  ])('recognizes the image %s', (image) => {
    // GIVEN a Deployment running some form of the ingress-nginx image, without the class label
    const report = lintObjects([deployment({ name: 'nginx', image }), pdb({ selector: { app: 'nginx' } })]);
    // THEN
    expect(singleFinding(report, ID).value).toBe(shown(image));
  });

  it('points at the controller container, not the first one', () => {
    // GIVEN a sidecar before the controller container
    const dep = controllerDeployment({ container: { name: 'sidecar', image: 'registry.example.com/log-shipper:3.2.1' } });
    const main = { ...dep.spec.template.spec.containers[0], name: 'controller', image: INGRESS_NGINX_IMAGE, ports: undefined };
    dep.spec.template.spec.containers.push(JSON.parse(JSON.stringify(main)));
    // WHEN
    const f = singleFinding(lintObjects([dep, controllerPdb()]), ID);
    // THEN
    expect(f.field).toBe('spec.template.spec.containers[1].image');
  });

  it('stays silent for Traefik', () => {
    // GIVEN the Traefik controller
    const report = lintObjects([controllerDeployment(), controllerPdb()]);
    // THEN
    expect(ruleIds(report)).not.toContain(ID);
  });

  it('stays silent for a labelled controller with an unknown image', () => {
    // GIVEN a class-labelled Deployment running a custom proxy
    const dep = controllerDeployment({ image: 'registry.example.com/edge-proxy:2.0.0' });
    // THEN
    expect(findingsOf(lintObjects([dep, controllerPdb()]), ID)).toEqual([]);
  });

  it('does not mistake an image that only contains "ingress-nginx" for the controller', () => {
    // GIVEN registry.example.com/ingress-nginx/defaultbackend
    const dep = deployment({ image: 'registry.example.com/ingress-nginx/custom-error-pages:1.0.0' });
    // THEN
    expect(findingsOf(lintObjects([dep]), ID)).toEqual([]);
  });
});
