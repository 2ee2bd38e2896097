/**
 * Builds the Teams app package for one environment:
 *
 *   npm run package -- --env local|dev
 *
 * reads env/.env.<env> (+ env/.env.<env>.user, + the process environment),
 * fills the `${{VAR}}` placeholders in manifest/manifest.json and the language
 * files, refuses to build while any placeholder has no value, validates the
 * result offline against the official Teams schemas, checks the icons, and
 * writes appPackage/build/polku-<env>.zip. Every problem is reported at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { checkColourIcon, checkOutlineIcon } from './manifest/checkIcons';
import { checkLocalization, type LanguageFile } from './manifest/checkLocalization';
import {
  encodeForJsonString,
  fillPlaceholders,
  findPlaceholders,
  hasPlaceholderResidue,
} from './manifest/fillPlaceholders';
import { loadEnvironment } from './manifest/loadEnvFile';
import { readZip } from './manifest/readZip';
import { validateLocalization, validateManifest } from './manifest/validateManifest';

/** Placeholders that may legitimately be empty (production has no name suffix). */
const MAY_BE_EMPTY = ['APP_NAME_SUFFIX'];
/** A fixed timestamp makes the zip byte-for-byte reproducible from the same inputs. */
const ZIP_MTIME = new Date('2024-01-01T00:00:00Z');

export class PackagingError extends Error {
  override name = 'PackagingError';
  constructor(
    readonly summary: string,
    readonly problems: readonly string[],
    readonly hint?: string,
  ) {
    super([summary, ...problems.map((p) => `  - ${p}`), ...(hint ? [hint] : [])].join('\n'));
  }
}

export interface PackageOptions {
  readonly env: string;
  /** Repository root; defaults to the parent of scripts/. */
  readonly rootDir?: string;
  /** Where the zip goes; defaults to <root>/appPackage/build. */
  readonly outDir?: string;
  /** Overrides the process environment (tests pass {} to see only the env files). */
  readonly processEnv?: Readonly<Record<string, string | undefined>>;
}

export interface PackageResult {
  readonly zipPath: string;
  readonly entries: readonly string[];
  readonly bytes: number;
  readonly manifest: Record<string, unknown>;
}

interface Template {
  readonly file: string;
  readonly text: string;
}

export async function packageApp(options: PackageOptions): Promise<PackageResult> {
  const root = options.rootDir ?? path.resolve(__dirname, '..');
  const manifestDir = path.join(root, 'manifest');
  const outDir = options.outDir ?? path.join(root, 'appPackage', 'build');
  let environment: ReturnType<typeof loadEnvironment>;
  try {
    environment = loadEnvironment(options.env, path.join(root, 'env'), options.processEnv);
  } catch (err) {
    throw new PackagingError(`Cannot package Polku for environment "${options.env}":`, [
      (err as Error).message,
    ]);
  }
  const { values, files: envFiles } = environment;
  const relative = (p: string) => path.relative(root, p) || p;

  // The template manifest is valid JSON as it stands, so it can tell us which files belong in the package.
  const manifestTemplate = readTemplate(manifestDir, 'manifest.json');
  const shape = JSON.parse(manifestTemplate.text) as ManifestShape;
  const languageFiles = (shape.localizationInfo?.additionalLanguages ?? []).map((l) => l.file);
  const iconFiles = [shape.icons.color, shape.icons.outline];
  const templates = [manifestTemplate, ...languageFiles.map((f) => readTemplate(manifestDir, f))];

  // 1. Fill placeholders; refuse while any has no value, naming each one and where it is used.
  const usedIn = new Map<string, string[]>();
  const filled = new Map<string, string>();
  const secretProblems: string[] = [];
  for (const { file, text } of templates) {
    for (const name of findPlaceholders(text)) {
      if (name.startsWith('SECRET_'))
        secretProblems.push(`${file} uses \${{${name}}}: secrets never go into an app package`);
    }
    const result = fillPlaceholders(text, values, { allowEmpty: MAY_BE_EMPTY, encode: encodeForJsonString });
    for (const name of result.unfilled) usedIn.set(name, [...(usedIn.get(name) ?? []), file]);
    filled.set(file, result.text);
  }
  if (secretProblems.length > 0) throw new PackagingError('Refusing to package Polku:', secretProblems);
  if (usedIn.size > 0) {
    const width = Math.max(...[...usedIn.keys()].map((n) => n.length)) + 5;
    throw new PackagingError(
      `Cannot package Polku for environment "${options.env}": ${usedIn.size} placeholder(s) have no value:`,
      [...usedIn].map(([name, where]) => `${`\${{${name}}}`.padEnd(width)}  used in ${where.join(', ')}`),
      `Values come from ${envFiles.map(relative).join(', ')} and the process environment.\n` +
        (options.env === 'local'
          ? 'env/.env.local is committed with working values; restore it from git.'
          : `Provision the environment first (teamsapp provision --env ${options.env}) or fill the values by hand; see docs/admin-guide.md.`),
    );
  }

  // 2. Parse and validate everything; collect every problem before giving up.
  const problems: string[] = [];
  const parsed = new Map<string, unknown>();
  for (const [file, text] of filled) {
    if (hasPlaceholderResidue(text))
      problems.push(`${file} still contains "\${{" (a malformed placeholder?)`);
    try {
      parsed.set(file, JSON.parse(text));
    } catch (err) {
      problems.push(`${file} is not valid JSON after filling placeholders: ${(err as Error).message}`);
    }
  }
  const manifest = parsed.get('manifest.json') as Record<string, unknown> | undefined;
  if (manifest) {
    for (const e of await validateManifest(manifest)) problems.push(`manifest.json: ${e}`);
    const languages: LanguageFile[] = [];
    for (const file of languageFiles) {
      const strings = parsed.get(file);
      if (strings === undefined) continue;
      for (const e of await validateLocalization(strings, file)) problems.push(`${file}: ${e}`);
      languages.push({ file, strings: strings as Record<string, unknown> });
    }
    problems.push(...checkLocalization(manifest, languages));
  }
  const icons = new Map<string, Buffer>();
  for (const file of iconFiles) {
    const full = path.join(manifestDir, file);
    if (!fs.existsSync(full)) {
      problems.push(`${file} is missing (run: npx tsx scripts/make-icons.ts)`);
      continue;
    }
    icons.set(file, fs.readFileSync(full));
  }
  const colour = icons.get(shape.icons.color);
  const outline = icons.get(shape.icons.outline);
  if (colour) problems.push(...checkColourIcon(colour, shape.icons.color));
  if (outline) problems.push(...checkOutlineIcon(outline, shape.icons.outline));
  if (problems.length > 0 || !manifest) {
    throw new PackagingError(`The Polku app package for "${options.env}" does not validate:`, problems);
  }

  // 3. Zip: manifest first, as the Teams samples do; the icons and language files beside it.
  const contents: [string, Buffer][] = [
    ['manifest.json', Buffer.from(filled.get('manifest.json')!, 'utf8')],
    ...iconFiles.map((f): [string, Buffer] => [f, icons.get(f)!]),
    ...languageFiles.map((f): [string, Buffer] => [f, Buffer.from(filled.get(f)!, 'utf8')]),
  ];
  fs.mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `polku-${options.env}.zip`);
  await writeZip(zipPath, contents);

  // 4. Read the zip back: what we ship is what we checked.
  const zipped = fs.readFileSync(zipPath);
  const entries = readZip(zipped);
  for (const [name, data] of contents) {
    const entry = entries.find((e) => e.name === name);
    if (!entry?.read().equals(data)) throw new Error(`${relative(zipPath)}: ${name} did not survive zipping`);
  }
  return { zipPath, entries: entries.map((e) => e.name), bytes: zipped.length, manifest };
}

interface ManifestShape {
  icons: { color: string; outline: string };
  localizationInfo?: { additionalLanguages?: { file: string }[] };
}

function readTemplate(dir: string, file: string): Template {
  if (path.basename(file) !== file)
    throw new PackagingError('Refusing to package Polku:', [`"${file}" must sit beside manifest.json`]);
  return { file, text: fs.readFileSync(path.join(dir, file), 'utf8') };
}

/** Writes via a temporary file so a failed run never leaves a half-written package behind. */
async function writeZip(zipPath: string, contents: readonly [string, Buffer][]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of contents) zip.addBuffer(data, name, { mtime: ZIP_MTIME, mode: 0o100644 });
  zip.end();
  const temporary = `${zipPath}.${process.pid}.tmp`;
  try {
    await new Promise<void>((resolve, reject) => {
      const out = fs.createWriteStream(temporary);
      zip.outputStream.on('error', reject).pipe(out);
      out.on('error', reject).on('close', resolve);
    });
    fs.renameSync(temporary, zipPath);
  } catch (err) {
    fs.rmSync(temporary, { force: true });
    throw err;
  }
}

export function parseArgs(argv: readonly string[]): { env: string } {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--env') {
      const env = argv[i + 1];
      if (env && !env.startsWith('-')) return { env };
    } else if (arg.startsWith('--env=') && arg.length > 6) {
      return { env: arg.slice(6) };
    }
  }
  throw new PackagingError('Usage: npm run package -- --env <local|dev|...>', ['no --env given']);
}

async function main(): Promise<void> {
  try {
    const { env } = parseArgs(process.argv.slice(2));
    const result = await packageApp({ env });
    const where = path.relative(process.cwd(), result.zipPath) || result.zipPath;
    console.log(`Packaged ${where} (${result.bytes} bytes): ${result.entries.join(', ')}`);
  } catch (err) {
    console.error(err instanceof PackagingError ? err.message : err);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
