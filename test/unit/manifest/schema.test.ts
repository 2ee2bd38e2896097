import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseCommand } from '../../../bot/src/teams/commands';
import { checkLocalization, lookupKey } from '../../../scripts/manifest/checkLocalization';
import { encodeForJsonString, fillPlaceholders } from '../../../scripts/manifest/fillPlaceholders';
import { loadEnvironment } from '../../../scripts/manifest/loadEnvFile';
import {
  bundledSchemaPath,
  validateLocalization,
  validateManifest,
} from '../../../scripts/manifest/validateManifest';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const LANGUAGE_FILES = ['sv.json', 'en.json'];

/** A manifest or language file filled with the committed local values, parsed. */
function filledLocal(file: string): Record<string, unknown> {
  const { values } = loadEnvironment('local', path.join(ROOT, 'env'), {});
  const template = fs.readFileSync(path.join(ROOT, 'manifest', file), 'utf8');
  const { text, unfilled } = fillPlaceholders(template, values, {
    allowEmpty: ['APP_NAME_SUFFIX'],
    encode: encodeForJsonString,
  });
  assert.deepEqual(unfilled, [], `${file} has placeholders env/.env.local does not fill`);
  return JSON.parse(text) as Record<string, unknown>;
}

describe('Teams manifest against the official schema (offline)', function () {
  this.timeout(20000); // compiling the large schema takes a moment the first time

  it('uses a schema version of at least 1.19 that @microsoft/app-manifest bundles', () => {
    const manifest = filledLocal('manifest.json');
    const [major, minor] = String(manifest.manifestVersion).split('.').map(Number) as [number, number];
    assert.ok(
      major === 1 && minor >= 19,
      `manifestVersion ${String(manifest.manifestVersion)} is older than 1.19`,
    );
    assert.ok(fs.existsSync(bundledSchemaPath(String(manifest.$schema))));
  });

  it('the filled local manifest validates with zero errors', async () => {
    assert.deepEqual(await validateManifest(filledLocal('manifest.json')), []);
  });

  it('reports a broken manifest: every problem, not just the first', async () => {
    const broken = filledLocal('manifest.json');
    delete broken.developer;
    broken.accentColor = 'green';
    (broken.bots as { botId: string }[])[0]!.botId = 'not-a-guid';
    broken.unexpected = true;
    const errors = await validateManifest(broken);
    const text = errors.join('\n');
    assert.match(text, /developer/);
    assert.match(text, /accentColor/);
    assert.match(text, /botId/);
    assert.match(text, /additional properties/);
    assert.ok(errors.length >= 4, text);
  });

  it('insists manifestVersion matches the schema URL', async () => {
    const manifest = filledLocal('manifest.json');
    manifest.manifestVersion = '1.19';
    assert.ok((await validateManifest(manifest)).some((e) => /does not match/.test(e)));
  });

  for (const file of LANGUAGE_FILES) {
    it(`${file} validates against the Teams localization schema`, async () => {
      assert.deepEqual(await validateLocalization(filledLocal(file), file), []);
    });
  }

  it('a language file with an unknown key fails the localization schema', async () => {
    const strings = { ...filledLocal('en.json'), 'bots[0].unknown': 'x' };
    assert.notDeepEqual(await validateLocalization(strings, 'en.json'), []);
  });
});

describe('Teams manifest content', () => {
  const manifest = filledLocal('manifest.json');
  const languages = LANGUAGE_FILES.map((file) => ({ file, strings: filledLocal(file) }));

  it('the language files only use keys that exist in the manifest, and all the same keys', () => {
    assert.deepEqual(checkLocalization(manifest, languages), []);
  });

  it('flags a key that points at nothing and a file that lacks a key', () => {
    const [sv, en] = languages as [(typeof languages)[0], (typeof languages)[0]];
    const problems = checkLocalization(manifest, [
      { file: 'sv.json', strings: { ...sv.strings, 'bots[0].commandLists[2].commands[5].title': 'x' } },
      en,
    ]);
    assert.ok(
      problems.some((p) => /sv\.json: .*commands\[5\].* does not name a string/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /en\.json: .*commands\[5\].* is missing/.test(p)),
      problems.join('\n'),
    );
  });

  it('looks up localization keys in the manifest', () => {
    assert.equal(lookupKey(manifest, 'staticTabs[0].name'), 'Oma mentorointi');
    assert.equal(lookupKey(manifest, 'name.short'), 'Polku-local');
    assert.equal(lookupKey(manifest, 'bots[0].commandLists[9].commands[0].title'), undefined);
  });

  it('is Finnish by default, with Swedish and English files', () => {
    assert.deepEqual(manifest.localizationInfo, {
      defaultLanguageTag: 'fi',
      additionalLanguages: [
        { languageTag: 'sv', file: 'sv.json' },
        { languageTag: 'en', file: 'en.json' },
      ],
    });
    assert.match(JSON.stringify(manifest.description), /aktori/);
    assert.match(JSON.stringify(languages[0]!.strings), /adept/);
    assert.match(JSON.stringify(languages[1]!.strings), /mentee/);
  });

  it('offers in every scope and language only commands the bot understands', () => {
    type CommandList = { scopes: string[]; commands: { title: string }[] };
    const lists = (manifest.bots as { scopes: string[]; commandLists: CommandList[] }[])[0]!.commandLists;
    assert.deepEqual(lists.map((l) => l.scopes.join(',')).sort(), ['groupChat', 'personal', 'team']);
    for (const [i, list] of lists.entries()) {
      assert.ok(list.commands.length > 0);
      for (const [j, command] of list.commands.entries()) {
        const titles = [
          command.title,
          ...languages.map((l) => l.strings[`bots[0].commandLists[${i}].commands[${j}].title`]),
        ];
        for (const title of titles) {
          assert.equal(typeof title, 'string');
          assert.notEqual(
            parseCommand(title as string).name,
            'unknown',
            `the bot does not understand "${title}"`,
          );
        }
      }
    }
  });

  it('points the tabs at the server and SSO at the Entra app', () => {
    const staticTab = (manifest.staticTabs as Record<string, unknown>[])[0]!;
    assert.equal(staticTab.entityId, 'my-mentoring');
    assert.equal(staticTab.contentUrl, 'https://localhost:3978/tab/?view=me&host=teams');
    const configurable = (manifest.configurableTabs as Record<string, unknown>[])[0]!;
    assert.equal(configurable.configurationUrl, 'https://localhost:3978/tab/?view=configure&host=teams');
    assert.deepEqual(manifest.validDomains, ['localhost']);
    assert.deepEqual(manifest.webApplicationInfo, {
      id: '00000000-0000-0000-0000-0000000a11d0',
      resource: 'api://localhost/00000000-0000-0000-0000-0000000a11d0',
    });
  });
});
