import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Yaml } from 'cdk8s';
import { GITOPS_REPO, synthGitopsRepo } from '../../scripts/gitops-repo';
import { assertValidManifests } from '../schema-validator';

const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The code block that follows `<!-- gitops-repo/<file> -->` in the README. */
function readmeBlock(file: string): string {
  const marker = `<!-- gitops-repo/${file} -->`;
  const at = README.indexOf(marker);
  if (at === -1) throw new Error(`README.md has no ${marker}`);
  const match = /```[^\n]*\n([\s\S]*?)```/.exec(README.slice(at + marker.length));
  if (!match) throw new Error(`README.md has no code block after ${marker}`);
  return match[1];
}

describe('examples/gitops-repo, the README\'s "Getting started"', () => {
  it.each(['package.json', 'tsconfig.json', 'cdk8s.yaml', 'main.ts'])('%s is exactly what the README tells a user to write', (file) => {
    // GIVEN the example file and the README block for it
    // WHEN comparing
    // THEN they are the same text
    expect(fs.readFileSync(path.join(GITOPS_REPO, file), 'utf8')).toBe(readmeBlock(file));
  });

  it('cdk8s synth with the validation plugin passes, offline, and writes only manifests GitOps tools may read', () => {
    // GIVEN an empty output directory
    const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cg-gitops-')), 'dist');
    // WHEN running the real cdk8s CLI in examples/gitops-repo (upgrade check off: nothing asks the registry)
    const result = synthGitopsRepo(outdir);
    // THEN it succeeds, and the plugin ran from the local package path and passed
    expect(`${result.status}\n${result.stderr}`).toBe('0\n' + result.stderr);
    expect(result.stdout).toContain('Performing validations');
    expect(result.stdout).toMatch(/Status\s+│ success/);
    expect(result.stdout).toContain('Validations ended succesfully');
    expect(result.stdout).not.toContain('Installing validation plugin');
    // AND the warning the app printed is counted by the plugin, not printed a second time
    expect(result.stderr).toContain('warning CG-TLS-013');
    expect(result.stdout).toMatch(/printed by the app \(not repeated\)\s+│ 1/);
    expect(result.stdout).not.toContain('CG-TLS-013');
    // AND the output holds the manifests and cdk8s-cli's construct-metadata.json (which the README says to exclude
    //   from Argo CD and Flux); the report is beside the folder
    expect(fs.readdirSync(outdir).sort()).toEqual(['construct-metadata.json', 'ingress.k8s.yaml', 'web.k8s.yaml']);
    expect(fs.existsSync(`${outdir}.cdk8s-gateways-report.json`)).toBe(true);
    const objects = ['ingress.k8s.yaml', 'web.k8s.yaml'].flatMap((f) => Yaml.load(path.join(outdir, f)));
    assertValidManifests(objects);
    // AND first setups use Let's Encrypt staging, and the app's Deployment is the compliant one the README shows
    const issuer = objects.find((o) => o.kind === 'ClusterIssuer');
    expect(issuer.spec.acme.server).toBe('https://acme-staging-v02.api.letsencrypt.org/directory');
    const web = objects.find((o) => o.kind === 'Deployment' && o.metadata.namespace === 'web');
    expect(web.spec.template.spec.containers[0].securityContext).toMatchObject({ capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } });
  }, 300_000);
});
