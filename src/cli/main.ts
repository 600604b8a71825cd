#!/usr/bin/env node
import * as fs from 'fs';
import { runCli } from './cli';

// A reader that stops early (`cdk8s-gateways lint dist | head`) is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
});

// process.exitCode instead of process.exit(): exiting at once could cut off output still queued
// for a pipe (asynchronous on some platforms), and nothing else keeps the process alive.
process.exitCode = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => fs.readFileSync(0, 'utf-8'),
});
