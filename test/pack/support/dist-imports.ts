// What a package's built JavaScript imports at run time, read from the files as installed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';

const IMPORT_SPECIFIERS = [
  /\bimport\s*(?:[\w*{}\s,$]+?\s*from\s*)?['"]([^'"\s]+)['"]/g,
  /\bexport\s*(?:[\w*{}\s,$]+?\s*from\s*)['"]([^'"\s]+)['"]/g,
  /\bimport\(\s*['"]([^'"\s]+)['"]\s*\)/g,
];

/** Every `.js` file under `dir`, as paths relative to it. */
export function jsFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return jsFiles(p, base);
    return name.endsWith('.js') ? [relative(base, p)] : [];
  });
}

/** The package a bare specifier names (`lit/decorators.js` → `lit`, `@lit/context` → `@lit/context`). */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const PACKAGE_SPECIFIER = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/\S*)?$/i;

const isBuiltin = (specifier: string) =>
  specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!);

/** Bare (package) specifiers a JavaScript file imports, statically or dynamically; builtins left out. */
export function bareImportsOf(code: string): string[] {
  const found = new Set<string>();
  for (const re of IMPORT_SPECIFIERS)
    for (const m of code.matchAll(re)) {
      const spec = m[1]!;
      if (PACKAGE_SPECIFIER.test(spec) && !isBuiltin(spec) && !/^[a-z]+:/.test(spec)) found.add(spec);
    }
  return [...found];
}

/** `{ file, specifier }` for every bare import under `dir` whose package is not in `declared`. */
export function undeclaredImports(dir: string, declared: Iterable<string>): { file: string; specifier: string }[] {
  const allowed = new Set(declared);
  return jsFiles(dir).flatMap((file) =>
    bareImportsOf(readFileSync(join(dir, file), 'utf8'))
      .filter((specifier) => !allowed.has(packageOf(specifier)))
      .map((specifier) => ({ file, specifier })),
  );
}
