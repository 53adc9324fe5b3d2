import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers, as folders: what each may import. A Lambda bundle must never carry CDK code (lib/), the CDK app
 * never handler code (lambdas/); the catalog and the contracts are read by both, so they import neither.
 */
const FORBIDDEN: Record<string, readonly string[]> = {
  'lambdas/': ['lib/', 'local/', 'scripts/', 'training/', 'bench/', 'test/'],
  'lambdas/domain/': [
    'lambdas/adapters/',
    'lambdas/wiring/',
    'lambdas/handlers/',
    'lambdas/http/',
    'lambdas/runtime/',
  ],
  'lib/': ['lambdas/', 'local/', 'scripts/', 'training/'],
  'catalog/': ['lib/', 'lambdas/', 'local/', 'scripts/', 'training/'],
  'contracts/': ['lib/', 'lambdas/', 'catalog/', 'local/', 'scripts/', 'training/'],
};

const root = path.resolve(import.meta.dirname, '../..');
const IMPORT = /(?:from\s+|import\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|js|mjs)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/** Every relative import in the layer's files, as a path from the project root. */
function importsOf(dir: string): { file: string; target: string }[] {
  return sourceFiles(dir).flatMap((file) =>
    [...readFileSync(path.join(root, file), 'utf8').matchAll(IMPORT)].map((match) => ({
      file,
      target: path.relative(root, path.resolve(root, path.dirname(file), match[1]!)),
    })),
  );
}

/** The first import cycle among the folder's modules (type imports too), as the files around it; none: []. */
function firstCycle(dir: string): string[] {
  const graph = new Map<string, string[]>();
  for (const { file, target } of importsOf(dir)) {
    const resolved = [`${target}.ts`, `${target}/index.ts`].find((candidate) =>
      existsSync(path.join(root, candidate)),
    );
    graph.set(file, [...(graph.get(file) ?? []), ...(resolved ? [resolved] : [])]);
  }
  const done = new Set<string>();
  const visit = (file: string, trail: string[]): string[] => {
    if (trail.includes(file)) return [...trail.slice(trail.indexOf(file)), file];
    if (done.has(file)) return [];
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next, [...trail, file]);
      if (cycle.length > 0) return cycle;
    }
    done.add(file);
    return [];
  };
  for (const file of graph.keys()) {
    const cycle = visit(file, []);
    if (cycle.length > 0) return cycle;
  }
  return [];
}

describe('layers', () => {
  for (const [layer, forbidden] of Object.entries(FORBIDDEN)) {
    it(`${layer} imports none of ${forbidden.join(', ')}`, () => {
      const offending = importsOf(layer)
        .filter(({ target }) => forbidden.some((folder) => `${target}/`.startsWith(folder)))
        .map(({ file, target }) => `${file} imports ${target}`);
      expect(offending).toEqual([]);
    });
  }

  it('has no import cycle in lambdas/ (the domain kernel holds what several contexts share)', () => {
    expect(firstCycle('lambdas')).toEqual([]);
  });

  it('the domain kernel imports only itself', () => {
    const outside = importsOf('lambdas/domain/kernel')
      .filter(({ target }) => !target.startsWith('lambdas/domain/kernel/'))
      .map(({ file, target }) => `${file} imports ${target}`);
    expect(outside).toEqual([]);
  });

  it('finds imports (the scan itself works)', () => {
    expect(importsOf('lambdas/handlers').some(({ target }) => target.startsWith('lambdas/domain/'))).toBe(
      true,
    );
    expect(importsOf('lib').some(({ target }) => target.startsWith('catalog/'))).toBe(true);
  });
});
