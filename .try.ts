import { runCli } from './src/cli/cli';
const io = { stdout: (s: string) => process.stdout.write(s), stderr: (s: string) => process.stderr.write('ERR> ' + s) };
const code = runCli(process.argv.slice(2), io);
console.log('exit', code);
