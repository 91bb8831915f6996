import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import semver from 'semver';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/run-cli.js';

const read = (path: string) => readFileSync(join(REPO, path), 'utf8');
const packageJson = JSON.parse(read('package.json')) as {
  license: string;
  engines: { node: string };
};

/** The Markdown people read: the README, the docs, the examples' READMEs, the release files. */
function markdownFiles(): string[] {
  const docs = readdirSync(join(REPO, 'docs')).filter((name) => name.endsWith('.md'));
  const examples = readdirSync(join(REPO, 'examples')).map((name) => `examples/${name}/README.md`);
  return [
    'README.md',
    'CHANGELOG.md',
    'SECURITY.md',
    ...docs.map((name) => `docs/${name}`),
    ...examples,
  ].filter((path) => existsSync(join(REPO, path)));
}

/** The code blocks of a Markdown file marked as shell. */
function shellLines(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/```(?:sh|bash)\n([\s\S]*?)```/g)];
  return blocks.flatMap((block) => block[1]!.split('\n'));
}

describe('examples tripped lint: `--json > report.json` in the root made npm run lint fail', () => {
  const written = [
    ...new Set(
      markdownFiles()
        .flatMap((file) => shellLines(read(file)))
        .flatMap((line) => [...line.matchAll(/(?:>|--html|--out)\s+([\w./-]+)/g)].map((m) => m[1]!))
        .filter((path) => !path.startsWith('/') && !path.startsWith('<')),
    ),
  ];

  it('finds the outputs the docs write', () => {
    expect(written).toEqual(expect.arrayContaining(['report.json', 'example-run']));
  });

  it('every file those commands write in the root is ignored by prettier and eslint', async () => {
    const eslint = new ESLint({ cwd: REPO });
    for (const path of written) {
      const bare = path.replace(/\/$/, '');
      const file = bare.includes('.') ? bare : `${bare}/sessions.jsonl`;
      const info = await prettier.getFileInfo(join(REPO, file), {
        ignorePath: [join(REPO, '.gitignore'), join(REPO, '.prettierignore')],
      });
      expect(info.ignored, `prettier checks ${file}`).toBe(true);
      const linted = (await eslint.isPathIgnored(join(REPO, file))) || !/\.[cm]?[jt]s$/.test(file);
      expect(linted, `eslint lints ${file}`).toBe(true);
    }
  });
});

describe("the examples' README pointed to a DESIGN.md that is not in the repository", () => {
  it.each(markdownFiles())(
    'every relative link of %s leads to a file of the repository',
    (file) => {
      const links = [...read(file).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
      const local = links.filter((link) => !/^(https?:|mailto:|#)/.test(link));
      const missing = local.filter(
        (link) => !existsSync(join(REPO, dirname(file), decodeURI(link.replace(/#.*$/, '')))),
      );
      expect(missing).toEqual([]);
    },
  );
});

describe('npm ci warned EBADENGINE on Node 20 (a dependency wanted Node >= 22)', () => {
  it('every package of the lock file accepts the lowest Node that package.json promises', () => {
    const floor = semver.minVersion(packageJson.engines.node)!;
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, { engines?: { node?: string } | string[] }>;
    };
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, meta]) => {
        const wanted = Array.isArray(meta.engines) ? undefined : meta.engines?.node;
        return wanted && !semver.satisfies(floor, wanted) ? [`${path} wants node ${wanted}`] : [];
      });
    expect(semver.major(floor)).toBe(20);
    expect(refusing).toEqual([]);
  });
});

describe('a release people can pin', () => {
  it('the LICENSE is the license package.json names', () => {
    expect(packageJson.license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License\n/);
  });

  it('action.yml is ready for the Marketplace: a name, a short description, branding', () => {
    const action = parse(read('action.yml')) as {
      name: string;
      description: string;
      branding: { icon: string; color: string };
      runs: { using: string };
    };
    expect(action.name).toBe('ab-verdict');
    expect(action.description.length).toBeGreaterThan(20);
    expect(action.description.length).toBeLessThanOrEqual(125);
    expect([
      'white',
      'black',
      'yellow',
      'blue',
      'green',
      'orange',
      'red',
      'purple',
      'gray-dark',
    ]).toContain(action.branding.color);
    expect(action.branding.icon).toMatch(/^[a-z-]+$/);
    expect(action.runs.using).toBe('node24');
  });

  it('the changelog follows Keep a Changelog, with the release to come on top', () => {
    const changelog = read('CHANGELOG.md');
    expect(changelog).toContain('[Keep a Changelog](https://keepachangelog.com/en/1.1.0/)');
    expect(changelog.match(/^## .*/m)?.[0]).toBe('## Unreleased');
    expect(relative(REPO, join(REPO, 'docs/releasing.md'))).toBe('docs/releasing.md');
    expect(read('docs/releasing.md')).toMatch(/git tag -fa v1 /);
  });
});
