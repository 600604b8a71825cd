/**
 * Transpiles `src/` and `bench/` to CommonJS in a temp directory, once per run, so the measured child
 * processes run plain JavaScript: neither compile time nor the TypeScript compiler's memory counts.
 * Type checking is not needed here: `npx projen bench` runs this file through type-checking ts-node,
 * and the library is type-checked by its own build.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const COMPILER_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  experimentalDecorators: true,
};

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [file] : [];
  });
}

/** Writes `<outDir>/src/**.js` and `<outDir>/bench/**.js`; returns the path of the compiled child entry point. */
export function compileForChildren(repoRoot: string, outDir: string): string {
  for (const dir of ['src', 'bench']) {
    for (const file of tsFiles(path.join(repoRoot, dir))) {
      const { outputText, diagnostics } = ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: COMPILER_OPTIONS, fileName: file, reportDiagnostics: true });
      if (diagnostics?.length) throw new Error(`cannot transpile ${file}: ${ts.flattenDiagnosticMessageText(diagnostics[0].messageText, '\n')}`);
      const target = path.join(outDir, path.relative(repoRoot, file)).replace(/\.ts$/, '.js');
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, outputText);
    }
  }
  return path.join(outDir, 'bench', 'child.js');
}
