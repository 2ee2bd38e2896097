/**
 * Cross-checks the language files against the manifest. The localization
 * schema only knows which key *patterns* are legal; it cannot tell that
 * `bots[0].commandLists[2].commands[1].title` points at nothing in our
 * manifest, and Teams silently ignores such a key. We refuse it instead.
 */

/** Looks up a localization key such as `bots[0].commandLists[1].commands[0].title` in the manifest. */
export function lookupKey(manifest: unknown, key: string): unknown {
  let node: unknown = manifest;
  for (const part of key.split('.')) {
    const match = /^([A-Za-z0-9_$]+)((?:\[\d+\])*)$/.exec(part);
    if (!match) return undefined;
    node = (node as Record<string, unknown> | undefined)?.[match[1]!];
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) {
      if (!Array.isArray(node)) return undefined;
      node = node[Number(index[1])];
    }
  }
  return node;
}

export interface LanguageFile {
  readonly file: string;
  readonly strings: Readonly<Record<string, unknown>>;
}

/**
 * Problems with the language files: keys that name nothing in the manifest,
 * localizable strings the manifest has but a language file lacks, files the
 * manifest's localizationInfo does not list (or lists but we do not have).
 */
export function checkLocalization(manifest: unknown, languages: readonly LanguageFile[]): string[] {
  const problems: string[] = [];
  const keysPerFile = languages.map(({ file, strings }) => {
    const keys = Object.keys(strings).filter((k) => k !== '$schema');
    for (const key of keys) {
      if (typeof lookupKey(manifest, key) !== 'string') {
        problems.push(`${file}: "${key}" does not name a string in manifest.json`);
      }
    }
    return { file, keys: new Set(keys) };
  });

  // Every file should translate the same strings, so no language falls back to Finnish in places.
  const union = new Set(keysPerFile.flatMap(({ keys }) => [...keys]));
  for (const { file, keys } of keysPerFile) {
    for (const key of union) if (!keys.has(key)) problems.push(`${file}: "${key}" is missing`);
  }

  const listed =
    (
      manifest as { localizationInfo?: { additionalLanguages?: { file?: string }[] } }
    ).localizationInfo?.additionalLanguages?.map((l) => l.file) ?? [];
  const present = languages.map((l) => l.file);
  for (const file of listed)
    if (file && !present.includes(file)) problems.push(`manifest lists ${file}, which is missing`);
  for (const file of present)
    if (!listed.includes(file)) problems.push(`${file} is not listed in localizationInfo`);
  return problems;
}
