/**
 * Synthesizes every example under examples/<name>/main.ts into dist/<name>/.
 * Each example exports `build(app)`, and optionally `appProps` (for example an output layout) that the App is
 * created with; the output directory is always dist/<name>/. A failing example stops the run with its findings.
 * An example with a cdk8s.yaml is a user's project (examples/gitops-repo): it runs through the real cdk8s CLI.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { synthGitopsRepo } from './gitops-repo';

const root = path.resolve(__dirname, '..');
const examplesDir = path.join(root, 'examples');
const distDir = path.join(root, 'dist');

const names = fs.readdirSync(examplesDir)
  .filter((name) => fs.existsSync(path.join(examplesDir, name, 'main.ts')))
  .filter((name) => !fs.existsSync(path.join(examplesDir, name, 'cdk8s.yaml')))
  .sort();

let failed = 0;
for (const name of names) {
  const outdir = path.join(distDir, name);
  fs.rmSync(outdir, { recursive: true, force: true });
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const example = require(path.join(examplesDir, name, 'main.ts'));
    const app: App = example.build(new App({ ...(example.appProps ?? {}), outdir }));
    app.synth();
    const files = fs.readdirSync(outdir).sort();
    console.log(`synthesized examples/${name} -> dist/${name}/ (${files.join(', ')})`);
  } catch (err) {
    failed++;
    console.error(`examples/${name} failed:\n${err instanceof Error ? err.message : String(err)}`);
  }
}
{
  const outdir = path.join(distDir, 'gitops-repo');
  const result = synthGitopsRepo(outdir);
  if (result.status === 0) {
    console.log(`synthesized examples/gitops-repo with cdk8s synth (Node ${process.version}) -> dist/gitops-repo/ (${fs.readdirSync(outdir).sort().join(', ')})`);
  } else {
    failed++;
    console.error(`examples/gitops-repo: cdk8s synth exited with ${result.status ?? result.signal}:\n${result.stdout}${result.stderr}${result.error ?? ''}`);
  }
}
if (failed > 0) process.exit(1);
