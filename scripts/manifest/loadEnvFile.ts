/**
 * Reads the toolkit's env files (`env/.env.<env>` and the git-ignored
 * `env/.env.<env>.user` that holds SECRET_ values). The format is the dotenv
 * subset the Teams Toolkit writes: KEY=VALUE lines, `#` comments, optional
 * single or double quotes. No variable expansion: the toolkit does none either.
 */
import fs from 'node:fs';
import path from 'node:path';

export type EnvValues = Record<string, string>;

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;

/** Parses env file text; throws on a line that is neither blank, a comment nor KEY=VALUE. */
export function parseEnvText(text: string, source = 'env file'): EnvValues {
  const values: EnvValues = {};
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = LINE.exec(raw);
    if (!match) throw new Error(`${source}:${index + 1}: expected KEY=VALUE, got "${line}"`);
    values[match[1]!] = unquote(match[2]!);
  });
  return values;
}

function unquote(value: string): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
    const inner = value.slice(1, -1);
    return quote === '"' ? inner.replace(/\\n/g, '\n').replace(/\\"/g, '"') : inner;
  }
  // An unquoted value may carry a trailing comment: KEY=value # note
  return value.replace(/\s+#.*$/, '');
}

/** Reads one env file; `undefined` when it does not exist (the .user file is optional). */
export function loadEnvFile(file: string): EnvValues | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  return parseEnvText(text, path.basename(file));
}

export interface EnvironmentValues {
  readonly values: EnvValues;
  /** Files that were read, for messages. */
  readonly files: readonly string[];
}

/**
 * The values for one environment: `.env.<env>`, then `.env.<env>.user`, then
 * the process environment, later ones winning (dotenv's rule: what the shell
 * or CI sets explicitly is not overridden by a file).
 */
export function loadEnvironment(
  envName: string,
  envDir: string,
  processEnv: Readonly<Record<string, string | undefined>> = process.env,
): EnvironmentValues {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(envName)) {
    throw new Error(`"${envName}" is not an environment name (letters, digits, - and _ only)`);
  }
  const mainFile = path.join(envDir, `.env.${envName}`);
  const main = loadEnvFile(mainFile);
  if (!main) {
    throw new Error(
      `${path.relative(process.cwd(), mainFile) || mainFile} does not exist; is "${envName}" an environment?`,
    );
  }
  const userFile = path.join(envDir, `.env.${envName}.user`);
  const user = loadEnvFile(userFile);
  const values: EnvValues = { ...main, ...(user ?? {}) };
  for (const [key, value] of Object.entries(processEnv)) {
    if (value !== undefined && value !== '') values[key] = value;
  }
  return { values, files: user ? [mainFile, userFile] : [mainFile] };
}
