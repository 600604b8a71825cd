import { CliIo, EXIT_OK, EXIT_USAGE } from './io';
import { runLint } from './lint';
import { packageVersion } from './version';

interface Command {
  /** One line for the command list. */
  readonly summary: string;
  /** Runs the command with the arguments after its name; returns the exit code. */
  run(argv: readonly string[], io: CliIo): number;
}

/** Every subcommand of `cdk8s-gateways`. Add a command: write `run<Name>` in its own file, then list it here. */
const COMMANDS: Record<string, Command> = {
  lint: { summary: 'Check Kubernetes YAML manifests against the manifest-level rules', run: runLint },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const commands = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`).join('\n');
  return `Usage: cdk8s-gateways <command> [options]

Commands:
${commands}

Run "cdk8s-gateways <command> --help" for the options of a command,
and "cdk8s-gateways --version" for the version.
`;
}

/** The `cdk8s-gateways` command line: dispatches `argv[0]` to its command and returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(usage());
    return EXIT_USAGE;
  }
  if (name === '-h' || name === '--help' || name === 'help') {
    io.stdout(usage());
    return EXIT_OK;
  }
  if (name === '-v' || name === '--version' || name === 'version') {
    io.stdout(`cdk8s-gateways ${packageVersion()}\n`);
    return EXIT_OK;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`cdk8s-gateways: unknown command "${name}"\n\n${usage()}`);
    return EXIT_USAGE;
  }
  return command.run(rest, io);
}
