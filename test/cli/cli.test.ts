import * as fs from 'fs';
import * as path from 'path';
import { runCli, usage } from '../../src/cli/cli';

const FIXTURES = path.relative(process.cwd(), path.join(__dirname, '..', 'fixtures', 'lint'));

function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
  return { code, stdout, stderr };
}

describe('cdk8s-gateways command dispatch', () => {
  test('lint receives the arguments after its name', () => {
    // GIVEN the lint command and a clean folder
    // WHEN running the command line
    const run = cli('lint', path.join(FIXTURES, 'clean'), '--format', 'json');

    // THEN lint ran with the options
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary).toEqual({ errors: 0, warnings: 0, suppressed: 0 });
  });

  test('lint exit codes pass through', () => {
    // GIVEN a file with error-level findings
    // WHEN linting it through the command line
    const run = cli('lint', path.join(FIXTURES, 'violations.yaml'));

    // THEN the exit code is lint's
    expect(run.code).toBe(1);
  });

  test.each([['--help'], ['-h'], ['help']])('%s prints the command list on stdout: exit code 0', (flag) => {
    // GIVEN a help request
    // WHEN running the command line
    const run = cli(flag);

    // THEN the command list is printed
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(usage());
    expect(run.stdout).toContain('  lint  Check Kubernetes YAML manifests');
  });

  test('no command prints the usage on stderr: exit code 2', () => {
    // GIVEN no arguments
    // WHEN running the command line
    const run = cli();

    // THEN it is a usage error
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(usage());
  });

  test('an unknown command is a usage error: exit code 2', () => {
    // GIVEN a command that does not exist (also one named like an Object.prototype member)
    // WHEN running the command line
    const run = cli('check', 'dist');
    const proto = cli('toString');

    // THEN it is named in the error
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cdk8s-gateways: unknown command "check"\n\nUsage: cdk8s-gateways <command>/);
    expect(proto.code).toBe(2);
  });
});

describe('cdk8s-gateways --version', () => {
  test.each([['--version'], ['lint', '--version']])('%j prints the package version: exit code 0', (...args) => {
    // GIVEN the package.json of this checkout
    const version = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf-8')).version;
    // WHEN asking for the version
    const run = cli(...args);
    // THEN it is printed on stdout
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`cdk8s-gateways ${version}\n`);
  });
});
