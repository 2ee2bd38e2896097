import assert from 'node:assert/strict';
import { zoneName } from '../../../bot/src/i18n/wording';

describe('time zones as people say them', () => {
  it('names a zone in each language, the same for Stockholm and Berlin (one clock)', () => {
    assert.equal(zoneName('Europe/Helsinki', 'fi'), 'Itä-Euroopan aika');
    assert.equal(zoneName('Europe/Helsinki', 'en'), 'Eastern European Time');
    assert.equal(zoneName('Europe/Stockholm', 'sv'), zoneName('Europe/Berlin', 'sv'));
  });

  it('falls back to the id for a zone Intl does not know', () => {
    assert.equal(zoneName('Mars/Olympus_Mons', 'en'), 'Mars/Olympus_Mons');
  });
});
