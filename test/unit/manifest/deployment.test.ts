// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${{VAR}} here is Teams Toolkit placeholder syntax, not a JS template
/**
 * No Bicep compiler or toolkit runs here, so these tests check what can be
 * checked offline: that the deployment files agree with each other. Every
 * `${{VAR}}` the toolkit will substitute must come from somewhere, and the
 * Bicep parameters file must match the template's parameters.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { findPlaceholders } from '../../../scripts/manifest/fillPlaceholders';
import { parseEnvText } from '../../../scripts/manifest/loadEnvFile';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

const bicep = read('infra/azure.bicep');
const parameters = JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, unknown> };
const teamsappYml = read('teamsapp.yml');
const devEnv = parseEnvText(read('env/.env.dev'));

/** Variables the toolkit provides itself or generates on the way. */
const TOOLKIT_BUILT_INS = ['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME'];
const GENERATED_BY_AAD_UPDATE = ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'];

const bicepOutputs = [...bicep.matchAll(/^output\s+(\w+)\s/gm)].map((m) => m[1]!);
const bicepParams = [...bicep.matchAll(/^param\s+(\w+)\s+\w+(\s*=)?/gm)].map((m) => ({
  name: m[1]!,
  required: m[2] === undefined,
}));
// `writeToEnvironmentFile:` blocks map an action output to an env variable name: "key: NAME".
const writtenByActions = [...teamsappYml.matchAll(/^\s+\w+:\s+([A-Z][A-Z0-9_]+)\s*$/gm)].map((m) => m[1]!);

describe('deployment files agree with each other', () => {
  it('every parameter in azure.parameters.json is declared in azure.bicep, and every required one is given', () => {
    const declared = bicepParams.map((p) => p.name);
    for (const name of Object.keys(parameters.parameters))
      assert.ok(declared.includes(name), `${name} is not a param`);
    for (const p of bicepParams.filter((p) => p.required)) {
      assert.ok(p.name in parameters.parameters, `required param ${p.name} has no value`);
    }
  });

  it('the secret reaches Bicep only through a @secure() parameter and a SECRET_ variable', () => {
    assert.match(bicep, /@secure\(\)\s*(@description\([^)]*\)\s*)?param graphClientSecret string/);
    assert.match(JSON.stringify(parameters), /"\$\{\{SECRET_AAD_APP_CLIENT_SECRET\}\}"/);
    assert.doesNotMatch(bicep, /output\s+\w+\s+string\s*=\s*graphClientSecret/);
  });

  it('every ${{VAR}} in the toolkit files is a built-in, written by an earlier action, a Bicep output or set in .env.dev', () => {
    const known = new Set([
      ...TOOLKIT_BUILT_INS,
      ...GENERATED_BY_AAD_UPDATE,
      ...writtenByActions,
      ...bicepOutputs,
      ...Object.keys(devEnv),
    ]);
    for (const file of [
      'teamsapp.yml',
      'infra/azure.parameters.json',
      'infra/aad.manifest.json',
      'manifest/manifest.json',
    ]) {
      for (const name of findPlaceholders(read(file)))
        assert.ok(known.has(name), `${file}: \${{${name}}} comes from nowhere`);
    }
  });

  it('provisioning fills every placeholder of the app manifest', () => {
    const provided = new Set([...writtenByActions, ...bicepOutputs]);
    const chosenByHand = ['APP_NAME_SUFFIX'];
    for (const name of findPlaceholders(read('manifest/manifest.json'))) {
      if (!chosenByHand.includes(name))
        assert.ok(provided.has(name), `${name} is not written by provisioning`);
    }
  });

  it('the web app gets every setting the server needs in Azure mode', () => {
    for (const setting of [
      'POLKU_MODE',
      'MICROSOFT_APP_ID',
      'MICROSOFT_APP_TENANT_ID',
      'MICROSOFT_APP_TYPE',
      'TABLES_ENDPOINT',
      'GRAPH_TENANT_ID',
      'GRAPH_CLIENT_ID',
      'GRAPH_CLIENT_SECRET',
      'AAD_APP_CLIENT_ID',
      'AAD_APP_ID_URI',
      'APPLICATIONINSIGHTS_CONNECTION_STRING',
    ]) {
      assert.match(bicep, new RegExp(`^\\s+${setting}: `, 'm'), `${setting} is not an app setting`);
    }
    assert.match(bicep, /GRAPH_CLIENT_SECRET: '@Microsoft\.KeyVault\(SecretUri=/);
    assert.match(bicep, /msaAppType: 'UserAssignedMSI'/);
  });

  it('the toolkit zips the same manifest the package script uses', () => {
    assert.match(teamsappYml, /manifestPath: \.\/manifest\/manifest\.json/);
    assert.match(teamsappYml, /outputZipPath: \.\/appPackage\/build\/polku-\$\{\{TEAMSFX_ENV\}\}\.zip/);
  });
});
