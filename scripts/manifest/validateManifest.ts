/**
 * Offline validation against the official Teams JSON schemas that
 * @microsoft/app-manifest bundles (v1.0 to v1.30). We resolve the schema file
 * ourselves instead of letting the library fall back to a download: packaging
 * must work, and fail the same way, with no network.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type AppManifest, AppManifestUtils } from '@microsoft/app-manifest';

type JsonSchema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];

const SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/(teams\/[^/]+\/[^/]+\.json)$/i;

function bundledSchemaDir(): string {
  const packageJson = require.resolve('@microsoft/app-manifest/package.json');
  return path.join(path.dirname(packageJson), 'build', 'json-schemas');
}

/** Maps a `$schema` URL to the file bundled in @microsoft/app-manifest; throws when it is not bundled. */
export function bundledSchemaPath(schemaUrl: string): string {
  const match = SCHEMA_URL.exec(schemaUrl);
  if (!match) throw new Error(`$schema "${schemaUrl}" is not a Teams schema URL on developer.microsoft.com`);
  const file = path.join(bundledSchemaDir(), ...match[1]!.split('/'));
  if (!fs.existsSync(file)) {
    throw new Error(
      `$schema "${schemaUrl}" is not bundled with @microsoft/app-manifest (looked for ${file})`,
    );
  }
  return file;
}

/**
 * Loads a bundled schema, with the escape clean-up the library applies to its
 * own copies, plus one fix: every published Localization schema has patterns
 * like `activities.activityTypes\[...\b]\.description` whose closing bracket is
 * not escaped. That is legal in a plain RegExp but a syntax error under the
 * `u` flag Ajv compiles with, so the library cannot validate any language
 * file as shipped. Escaping that bracket keeps the meaning the authors intended.
 */
export function loadBundledSchema(schemaUrl: string): JsonSchema {
  const raw = fs.readFileSync(bundledSchemaPath(schemaUrl), 'utf8');
  const cleaned = raw
    .replace(/\\a/g, '\\u0007')
    .replace(/\\v/g, '\\u000b')
    .replaceAll('\\\\b]', '\\\\b\\\\]');
  return JSON.parse(cleaned) as JsonSchema;
}

function schemaUrlOf(document: unknown, what: string): string {
  const url = (document as { $schema?: unknown } | null)?.$schema;
  if (typeof url !== 'string') throw new Error(`${what} has no "$schema" URL to validate against`);
  return url;
}

/**
 * Validates a filled manifest (or a localization file) against the schema its
 * `$schema` names. Returns the errors as readable lines; empty means valid.
 */
export async function validateAgainstBundledSchema(document: unknown, what = 'manifest'): Promise<string[]> {
  const schema = loadBundledSchema(schemaUrlOf(document, what));
  return AppManifestUtils.validateAgainstSchema(document as AppManifest, schema);
}

/** Validates a Teams app manifest; also insists that manifestVersion matches the schema it names. */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  const errors = await validateAgainstBundledSchema(manifest, 'manifest.json');
  const url = schemaUrlOf(manifest, 'manifest.json');
  const version = (manifest as { manifestVersion?: unknown }).manifestVersion;
  const urlVersion = /\/teams\/v([^/]+)\//.exec(url)?.[1];
  if (urlVersion && urlVersion !== 'DevPreview' && version !== urlVersion) {
    errors.push(`manifestVersion "${String(version)}" does not match the $schema version ${urlVersion}`);
  }
  return errors;
}

/** Validates a localization file (sv.json, en.json) against the Teams localization schema it names. */
export function validateLocalization(strings: unknown, file: string): Promise<string[]> {
  return validateAgainstBundledSchema(strings, file);
}
