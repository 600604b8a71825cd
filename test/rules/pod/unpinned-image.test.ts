import { deployment, findingsOf, lintObjects, ruleIds, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-POD-003';
const FIELD = 'spec.template.spec.containers[0].image';
const DIGEST = `sha256:${'a1b2c3d4'.repeat(8)}`;

describe(`${ID} unpinned image`, () => {
  it.each([
    'registry.example.com/team/web:1.4.2',
    'nginx:1.27.2',
    'registry.example.com:5000/app:1.0',
    `registry.example.com/app@${DIGEST}`,
    `registry.example.com/app:1.0@${DIGEST}`,
  ])('accepts %s', (image) => {
    // GIVEN an image pinned by tag and/or digest
    const report = lintObjects([deployment({ image })]);
    // THEN
    expect(ruleIds(report)).not.toContain(ID);
  });

  it('rejects an image without a tag', () => {
    // GIVEN image "nginx"
    const f = singleFinding(lintObjects([deployment({ image: 'nginx' })]), ID);
    // THEN
    expect(f).toMatchObject({ kind: 'Deployment', field: FIELD, value: shown('nginx') });
    expect(f.message).toContain('an image without a tag means latest');
  });

  it('rejects the latest tag', () => {
    // GIVEN image "registry.example.com/web:latest"
    const f = singleFinding(lintObjects([deployment({ image: 'registry.example.com/web:latest' })]), ID);
    // THEN
    expect(f).toMatchObject({ field: FIELD, value: shown('registry.example.com/web:latest') });
    expect(f.message).toContain('the latest tag changes under you');
  });

  it('rejects a registry port without a tag (host:5000/app)', () => {
    // GIVEN image "host:5000/app": the colon belongs to the registry, not a tag
    const f = singleFinding(lintObjects([deployment({ image: 'host:5000/app' })]), ID);
    // THEN
    expect(f).toMatchObject({ field: FIELD, value: shown('host:5000/app') });
    expect(f.message).toContain('without a tag');
  });

  it('rejects a container without an image', () => {
    // GIVEN a container with no image field
    const dep = deployment({ container: { image: undefined } });
    // WHEN
    const f = singleFinding(lintObjects([dep]), ID);
    // THEN
    expect(f).toMatchObject({ field: FIELD, value: '(unset)' });
    expect(f.message).toContain('container "web" has no image');
  });

  it('checks init containers', () => {
    // GIVEN an init container on latest
    const dep = deployment();
    dep.spec.template.spec.initContainers = [{ ...dep.spec.template.spec.containers[0], name: 'init', image: 'busybox:latest', ports: undefined }];
    // THEN
    expect(findingsOf(lintObjects([JSON.parse(JSON.stringify(dep))]), ID).map((f) => f.field)).toEqual(['spec.template.spec.initContainers[0].image']);
  });
});
