import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * The `compilerOptions` of `@tsconfig/strictest` 2.0.8 (its `tsconfig.json`, written out here rather than
 * installed: the test needs the flags, not the package), plus `allowJs` and `verbatimModuleSyntax` as issue 13
 * asks. `strict` implies `useUnknownInCatchVariables`, `strictNullChecks` and the rest of the strict family.
 * No `@types/node`: the output must be Web-standard.
 */
export const STRICTEST_COMPILER_OPTIONS = {
  // @tsconfig/strictest 2.0.8
  strict: true,
  allowUnusedLabels: false,
  allowUnreachableCode: false,
  exactOptionalPropertyTypes: true,
  noFallthroughCasesInSwitch: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noPropertyAccessFromIndexSignature: true,
  noUncheckedIndexedAccess: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  isolatedModules: true,
  checkJs: true,
  esModuleInterop: true,
  skipLibCheck: true,
  forceConsistentCasingInFileNames: true,
  // issue 13
  allowJs: true,
  verbatimModuleSyntax: true,
  target: 'ES2022',
  lib: ['ES2023', 'DOM'],
  types: [],
  noEmit: true,
};

/** The two module settings a user's project is likely to have. */
export const MODULE_SETTINGS = {
  NodeNext: { module: 'NodeNext', moduleResolution: 'NodeNext' },
  Bundler: { module: 'ESNext', moduleResolution: 'Bundler' },
} as const;

export type ModuleSetting = keyof typeof MODULE_SETTINGS;

function format(d: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  if (!d.file || d.start === undefined) return `TS${d.code} ${message}`;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return `${d.file.fileName}:${line + 1}:${character + 1} TS${d.code} ${message}`;
}

/**
 * Writes `<dir>/tsconfig.json` with the strictest flags and the module setting, including every file under
 * `dir` as a user's project would. Returns its path, for `tsc -p`.
 */
export function writeStrictestConfig(dir: string, setting: ModuleSetting): string {
  const configPath = join(dir, 'tsconfig.json');
  const config = {
    compilerOptions: { ...STRICTEST_COMPILER_OPTIONS, ...MODULE_SETTINGS[setting] },
    include: ['**/*'],
  };
  writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);
  return configPath;
}

/**
 * Writes `<dir>/tsconfig.json` (see `writeStrictestConfig`), then type-checks it in process the way `tsc -p`
 * does. Returns the diagnostics.
 */
export function typecheckStrictest(dir: string, setting: ModuleSetting): string[] {
  const configPath = writeStrictestConfig(dir, setting);
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(format(d));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  if (parsed.errors.length > 0) return parsed.errors.map(format);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  return ts.getPreEmitDiagnostics(program).map(format);
}
