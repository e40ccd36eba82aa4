/**
 * Docker cannot run here, so these check the Dockerfile against the project it builds:
 * the CMD starts what `npm run build` emits, the stages install what they should, and
 * .dockerignore keeps out what must not go into an image.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..', '..');
const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
/** Instructions with continuation lines joined and comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));
const stages = splitStages(instructions);
const runtime = stages[stages.length - 1] ?? [];

function splitStages(lines: string[]): string[][] {
  const result: string[][] = [];
  for (const line of lines) {
    if (/^FROM\s/i.test(line)) result.push([line]);
    else result[result.length - 1]?.push(line);
  }
  return result;
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(root, file), 'utf8'));
}

/** Where `tsc -p tsconfig.build.json` writes the compiled form of `source`. */
function compiledPathOf(source: string): string {
  const build = readJson('tsconfig.build.json') as { extends?: string; compilerOptions?: object };
  const base = build.extends ? (readJson(build.extends) as { compilerOptions?: object }) : {};
  const options = { ...base.compilerOptions, ...build.compilerOptions } as {
    outDir?: string;
    rootDir?: string;
  };
  const relative = path.relative(options.rootDir ?? '.', source).replace(/\.ts$/, '.js');
  return path.posix.join(options.outDir ?? '.', relative.split(path.sep).join('/'));
}

describe('Dockerfile', () => {
  it('starts the compiled bot entry point that npm run build produces', () => {
    const cmd = runtime.find((line) => line.startsWith('CMD'));
    expect(cmd).toBeDefined();
    const [binary, entry] = JSON.parse((cmd as string).slice(3).trim()) as string[];
    expect(binary).toBe('node');
    expect(existsSync(path.join(root, 'bot', 'main.ts'))).toBe(true);
    expect(entry).toBe(compiledPathOf('bot/main.ts'));
    const scripts = (readJson('package.json') as { scripts: Record<string, string> }).scripts;
    expect(scripts.build).toContain('tsconfig.build.json');
  });

  it('builds with the lock file and ships production dependencies only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const build = stages[0] ?? [];
    expect(build).toEqual(expect.arrayContaining([expect.stringMatching(/^RUN npm ci\b/)]));
    expect(build.some((line) => /^RUN npm run build\b/.test(line))).toBe(true);
    const installs = stages.flat().filter((line) => /npm ci --omit=dev/.test(line));
    expect(installs).toHaveLength(1);
    expect(runtime.some((line) => /COPY --from=\w+ .*\/app\/node_modules/.test(line))).toBe(true);
    expect(runtime.some((line) => /COPY --from=build .*\/app\/dist/.test(line))).toBe(true);
    expect(runtime.some((line) => /npm ci(?! --omit=dev)/.test(line))).toBe(false);
  });

  it('uses one Node 20 base image for every stage, so the native sqlite module fits', () => {
    const base = /^ARG NODE_IMAGE=(\S+)/m.exec(dockerfile)?.[1];
    expect(base).toMatch(/^node:20[-.]/);
    for (const stage of stages) expect(stage[0]).toMatch(/^FROM \$\{NODE_IMAGE\}/);
    const sqlite = (readJson('package.json') as { dependencies: Record<string, string> })
      .dependencies['better-sqlite3'];
    expect(sqlite).toMatch(/^\^?12\./);
  });

  it('runs as a non-root user in production mode with a health check on /healthz', () => {
    expect(runtime.some((line) => /^USER (node|\d{3,})$/.test(line))).toBe(true);
    expect(runtime.some((line) => /^ENV .*NODE_ENV=production/.test(line))).toBe(true);
    const healthcheck = runtime.find((line) => line.startsWith('HEALTHCHECK'));
    expect(healthcheck).toContain('/healthz');
  });

  it('copies only files that exist and that .dockerignore lets through', () => {
    const ignored = readFileSync(path.join(root, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('!'));
    const sources = instructions
      .filter((line) => /^COPY\s/.test(line) && !/--from=/.test(line))
      .flatMap((line) =>
        line
          .replace(/--chown=\S+/, '')
          .split(/\s+/)
          .slice(1, -1),
      );
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect({ source, exists: existsSync(path.join(root, source)) }).toEqual({
        source,
        exists: true,
      });
      expect(ignored).not.toContain(source);
    }
  });
});

describe('.dockerignore', () => {
  it('keeps secrets, local data and installed modules out of the build context', () => {
    const lines = readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['.env', 'node_modules', 'data', 'dist', '.git']) {
      expect(lines).toContain(entry);
    }
  });
});
