import { evaluateManifests, parseManifests } from '../../../src/cli/manifests';
import { controllerDeployment, findingsOf, ingress, ingressClass, INGRESS_NGINX_IMAGE, lintObjects, ruleIds, singleFinding } from '../../util/manifests';

const ID = 'CG-INGRESS-010';

describe(`${ID} Ingress without class and no default class`, () => {
  it('accepts an Ingress that names its class', () => {
    // GIVEN IngressClass nginx (not default) and an Ingress on it
    const report = lintObjects([ingressClass(), ingress({ className: 'nginx' })]);
    // THEN
    expect(ruleIds(report)).not.toContain(ID);
  });

  it('accepts an Ingress without a class when one IngressClass is the default', () => {
    // GIVEN a default class and an Ingress naming none
    const report = lintObjects([ingressClass({ isDefault: true }), ingress({ className: null })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts an Ingress bound by the legacy annotation (GKE)', () => {
    // GIVEN an Ingress with kubernetes.io/ingress.class: gce and no class field
    const report = lintObjects([ingress({ className: null, annotations: { 'kubernetes.io/ingress.class': 'gce' } })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects an Ingress without a class when no class is the default, listing the available classes', () => {
    // GIVEN classes nginx and traefik (defined), alb (external), and an Ingress naming none
    const objs = [ingressClass({ name: 'traefik', controller: 'traefik.io/ingress-controller' }), ingressClass({ name: 'nginx' }), ingress({ className: null })];
    // WHEN
    const report = lintObjects(objs, { externalClasses: ['alb'] });
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Ingress', name: 'web', field: 'spec.ingressClassName', value: '(unset)', documentIndex: 2 });
    expect(f.message).toContain('available classes: alb, nginx, traefik');
  });

  it('says "(none)" when no class exists at all', () => {
    // GIVEN no IngressClass anywhere
    const f = singleFinding(lintObjects([ingress({ className: null })]), ID);
    // THEN
    expect(f.message).toContain('available classes: (none)');
  });
});

describe(`${ID}: the default class or a class-less controller defined outside the Ingress`, () => {
  const classes = () => [ingressClass({ name: 'traefik', controller: 'traefik.io/ingress-controller' })];

  it('accepts a class-less Ingress when the default class is declared (lint --default-class, plugin defaultIngressClass)', () => {
    // GIVEN no default IngressClass in the manifests, and the cluster default declared as traefik
    const report = lintObjects([...classes(), ingress({ className: null })], { defaultClass: 'traefik' });
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts a class-less Ingress when a Traefik in the manifests has no class filter', () => {
    // GIVEN Traefik with the kubernetesingress provider and no --providers.kubernetesingress.ingressclass
    const traefik = controllerDeployment({ args: ['--providers.kubernetesingress', '--entrypoints.web.address=:8000'] });
    const report = lintObjects([...classes(), traefik, ingress({ className: null })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('still rejects it when that Traefik filters by class (the neighbour that does not serve class-less Ingresses)', () => {
    // GIVEN the same Traefik with --providers.kubernetesingress.ingressclass=traefik
    const traefik = controllerDeployment({ args: ['--providers.kubernetesingress', '--providers.kubernetesingress.ingressclass=traefik'] });
    const report = lintObjects([...classes(), traefik, ingress({ className: null })]);
    // THEN
    expect(singleFinding(report, ID).message).toContain('no controller here serves class-less Ingresses');
  });

  it.each([['--watch-ingress-without-class=true'], ['--watch-ingress-without-class']])('accepts it when ingress-nginx runs with %s', (flag) => {
    // GIVEN an ingress-nginx controller watching Ingresses without class
    const nginx = controllerDeployment({ image: INGRESS_NGINX_IMAGE, args: ['/nginx-ingress-controller', flag] });
    const report = lintObjects([ingressClass(), nginx, ingress({ className: null })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects it when ingress-nginx runs with --watch-ingress-without-class=false', () => {
    // GIVEN the flag turned off explicitly
    const nginx = controllerDeployment({ image: INGRESS_NGINX_IMAGE, args: ['/nginx-ingress-controller', '--watch-ingress-without-class=false'] });
    const report = lintObjects([ingressClass(), nginx, ingress({ className: null })]);
    // THEN
    expect(findingsOf(report, ID)).toHaveLength(1);
  });

  it('accepts a class-less Ingress with GKE annotations (GKE serves Ingresses without class)', () => {
    // GIVEN an Ingress reserving a GKE global static IP
    const report = lintObjects([ingress({ className: null, annotations: { 'kubernetes.io/ingress.global-static-ip-name': 'web-ip' } })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('reads ingressClassName: null (after lint reads it) as no class at all, not as a class named "null"', () => {
    // GIVEN YAML with an explicit null class
    const { objects } = parseManifests('apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: web }\nspec:\n  ingressClassName: null\n'
      + '  rules: [{ host: a.example.com, http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] } }]\n', 'n.yaml');
    const { report } = evaluateManifests(objects, new Set(), new Set());
    // THEN it is reported as class-less (CG-INGRESS-010), never as an undefined class "null" (CG-INGRESS-004)
    expect(report!.findings.map((f) => f.ruleId)).toContain(ID);
    expect(report!.findings.map((f) => f.ruleId)).not.toContain('CG-INGRESS-004');
  });
});
