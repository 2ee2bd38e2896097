import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEnvironment, parseEnvText } from '../../../scripts/manifest/loadEnvFile';

describe('loadEnvFile', () => {
  it('parses KEY=VALUE lines, comments, quotes and empty values', () => {
    const values = parseEnvText(
      [
        '# comment',
        '',
        'A=plain',
        'B="with spaces # not a comment"',
        "C='single'",
        'D=',
        'E=value # trailing comment',
        'export F=exported',
      ].join('\n'),
    );
    assert.deepEqual(values, {
      A: 'plain',
      B: 'with spaces # not a comment',
      C: 'single',
      D: '',
      E: 'value',
      F: 'exported',
    });
  });

  it('names the file and line of a malformed entry', () => {
    assert.throws(() => parseEnvText('A=1\nnot a pair', '.env.x'), /\.env\.x:2: expected KEY=VALUE/);
  });

  describe('loadEnvironment', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polku-env-'));
      fs.writeFileSync(path.join(dir, '.env.dev'), 'A=file\nB=file\nC=file\nSECRET_X=\n');
      fs.writeFileSync(path.join(dir, '.env.dev.user'), 'B=user\nSECRET_X=s3cret\n');
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('layers .env.<env>, then .env.<env>.user, then the process environment', () => {
      const { values, files } = loadEnvironment('dev', dir, { C: 'process', EMPTY_IN_PROCESS: '' });
      assert.equal(values.A, 'file');
      assert.equal(values.B, 'user');
      assert.equal(values.C, 'process');
      assert.equal(values.SECRET_X, 's3cret');
      assert.equal(values.EMPTY_IN_PROCESS, undefined);
      assert.equal(files.length, 2);
    });

    it('works without the optional .user file', () => {
      fs.rmSync(path.join(dir, '.env.dev.user'));
      assert.equal(loadEnvironment('dev', dir, {}).values.B, 'file');
    });

    it('refuses an unknown environment and a name that could escape the env folder', () => {
      assert.throws(() => loadEnvironment('prod', dir, {}), /\.env\.prod does not exist/);
      assert.throws(() => loadEnvironment('../etc', dir, {}), /not an environment name/);
    });
  });
});
