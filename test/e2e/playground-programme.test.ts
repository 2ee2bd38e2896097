/**
 * A programme's start in the local Teams client, end to end: in-memory
 * Azurite, the real server and two Microsoft 365 Agents Playgrounds driven in
 * headless Chromium like people would. Sanna (supervisor) creates a programme
 * with "@Polku ohjelma" in the demo team's channel, announces it, and joins
 * as mentor from the announcement; Eveliina (aktori) joins from the
 * announcement in her own Playground; the supervisor pairs them through the
 * tab API, and each of them finds the introduction in their personal chat.
 *
 * The Playground plays one current user, and each instance keeps its own
 * chats and channel in memory. Polku keeps one reference per channel: the
 * last instance that spoke in it. So the announcement Sanna posts lands in her
 * Playground only; once Eveliina has opened the channel in hers, Sanna posts
 * it again from the tab API (POST /programmes/:id/announce), as a supervisor
 * can, and Eveliina volunteers from that card.
 *
 * Screenshots of every step: /tmp/pg-programme-*.png.
 */
import assert from 'node:assert/strict';
import {
  DEMO_BOT_NAME,
  DEMO_CHANNEL_ID,
  DEMO_CHANNEL_NAME,
  DEMO_TEAM_NAME,
} from '../../bot/src/devsupport/demoOrganisation';
import { PROGRAMME_LIMITS } from '../../bot/src/domain/programme/parseProgrammeSettings';
import { translator } from '../../bot/src/i18n/translate';
import { languageName, tagLabel } from '../../bot/src/i18n/wording';
import { selectPlaygroundUser } from '../../scripts/playground/config';
import { requireChromium } from '../support/chromium';
import {
  COMPOSER,
  card,
  openPersonalChat,
  type Person,
  PlaygroundStack,
  SEEN,
} from '../support/playgroundPage';

// Both demo users speak Finnish (fi-FI), and the programme's language is Finnish.
const t = translator('fi');
const PROGRAMME = 'Asiakaspalvelun mentorointi';
const AREAS = ['Asiakaskokemus', 'Palvelumuotoilu'] as const;
const TOPIC = tagLabel(`area:${AREAS[0]}`, 'fi');
const FINNISH = languageName('fi');

/** A date n days from today as the Playground's date picker reads typed text (en-US, local time). */
function pickerDate(daysFromToday: number): string {
  return new Date(Date.now() + daysFromToday * 86_400_000).toLocaleDateString('en-US', {
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  });
}

describe('Agents Playground: a programme from channel to pairs (Chromium)', function () {
  this.timeout(120000);
  // Screenshots /tmp/pg-programme-NN-*.png; the stack's work directory polku-pg-programme-*.
  const stack = new PlaygroundStack('pg-programme');
  let sanna: Person;
  let eveliina: Person;
  let programmeId = '';

  /**
   * Shows the team's mentoring channel. The first visit installs Polku there
   * (installationUpdate + conversationUpdate, logged as "… 200" in the
   * Playground's log panel) and resolves once the server has answered.
   */
  const openChannel = async ({ page }: Person, firstVisit: boolean) => {
    const installed = firstVisit
      ? page.waitForResponse(
          (r) =>
            r.request().method() === 'POST' &&
            decodeURIComponent(r.url()).endsWith(`/_debug/conversation/${DEMO_CHANNEL_ID}/installation`),
          SEEN,
        )
      : undefined;
    await page.getByText(DEMO_CHANNEL_NAME, { exact: true }).click();
    await page.getByText('Start a new post', { exact: true }).waitFor(SEEN);
    if (!installed) return;
    assert.equal((await installed).status(), 200);
    // One installationUpdate for the personal chat, one for the channel.
    await page
      .getByText(/installationUpdate\s+200/)
      .nth(1)
      .waitFor(SEEN);
  };

  /** Presses a join button on the announcement; Polku answers beside the card and sends the form to the 1:1 chat. */
  const join = async (person: Person, role: 'mentor' | 'aktori') => {
    const { page } = person;
    const button = t(role === 'mentor' ? 'announce.join.mentor' : 'announce.join.aktori');
    const announcement = card(page, PROGRAMME).filter({ has: page.getByRole('button', { name: button }) });
    await announcement.getByRole('button', { name: button }).click();
    // The invoke's answer is a message (application/vnd.microsoft.activity.message): a banner on the card.
    await page.getByText(t('signup.formSentToChat')).waitFor(SEEN);
    await stack.screenshot(page, `${role}-join-banner`, announcement);
  };

  /** Fills and saves the sign-up form in the person's personal chat. */
  const signUp = async (person: Person, role: 'mentor' | 'aktori', unit: string) => {
    const { page } = person;
    await openPersonalChat(person);
    const title = t(role === 'mentor' ? 'signupForm.title.mentor' : 'signupForm.title.aktori', {
      programme: PROGRAMME,
    });
    const form = card(page, title);
    await form.waitFor(SEEN);
    await form.getByRole('checkbox', { name: TOPIC }).check();
    await form.getByLabel(t('signupForm.unit')).fill(unit);
    await form.getByRole('checkbox', { name: FINNISH }).check();
    if (role === 'mentor') assert.equal(await form.getByLabel(t('signupForm.capacity')).inputValue(), '1');
    const save = form.getByRole('button', { name: t('signupForm.save.new'), exact: true });
    await stack.screenshot(page, `${role}-form`, save);
    await save.click();

    // The form becomes the confirmation, in place: what they said, what happens next, and no second message.
    const confirmation = card(page, t('confirm.new.title'));
    await confirmation.waitFor(SEEN);
    await confirmation
      .getByText(
        t(role === 'mentor' ? 'confirm.new.mentor' : 'confirm.new.aktori', {
          programme: PROGRAMME,
        }),
      )
      .waitFor();
    await confirmation.getByText(unit, { exact: true }).waitFor();
    assert.equal(await card(page, title).count(), 0, 'the form was replaced');
    assert.equal(await card(page, t('confirm.new.title')).count(), 1, 'one confirmation, not two');
    await stack.screenshot(page, `${role}-signed-up`, confirmation);
  };

  before(async function () {
    requireChromium(this);
    // Each opens in its own Playground (own port, own config) and is welcomed in personal chat.
    [sanna, eveliina] = (await stack.start([
      selectPlaygroundUser('Sanna'),
      selectPlaygroundUser('Eveliina'),
    ])) as [Person, Person];
  });

  afterEach(async function () {
    await stack.diagnose(this);
  });

  after(async () => {
    await stack.stop();
  });

  it('answers "@Polku ohjelma" in the channel with the programme form', async () => {
    const { page } = sanna;
    await openChannel(sanna, true);
    // Polku welcomed the team in the channel when it was installed there.
    await card(page, t('welcome.title')).filter({ hasText: DEMO_TEAM_NAME }).waitFor(SEEN);

    // A new post that @mentions Polku (Teams sends channel messages to a bot only when it is mentioned).
    const newPost = page
      .locator('[role="group"]')
      .filter({ has: page.getByRole('button', { name: 'Post', exact: true }) });
    const composer = newPost.locator(COMPOSER);
    await composer.click();
    await composer.pressSequentially(`@${DEMO_BOT_NAME.slice(0, 3)}`);
    await page.locator('#typeahead-menu').getByRole('menuitem', { name: DEMO_BOT_NAME }).click();
    await composer.pressSequentially(' ohjelma');
    await newPost.getByRole('button', { name: 'Post', exact: true }).click();

    const form = card(page, t('programmeForm.title'));
    await form.waitFor(SEEN);
    // The Playground's log panel: what it sent to the bot, with the mention as Teams writes it.
    await page.getByText(new RegExp(`message\\s+200\\s+<at>${DEMO_BOT_NAME}</at> ohjelma`)).waitFor();
    await stack.screenshot(page, 'form', form);
  });

  it('creates a cohort programme from the form; the card turns into its summary', async () => {
    const { page } = sanna;
    const form = card(page, t('programmeForm.title'));
    await form.getByLabel(t('field.name')).fill(PROGRAMME);
    await form.getByLabel(t('programmeForm.description')).fill('Kokeneet kollegat tukevat uusia.');
    await form.getByRole('radio', { name: t('programmeForm.mode.cohort') }).check();
    for (const [label, days] of [
      [t('programmeForm.startDate'), 30],
      [t('programmeForm.endDate'), 400],
      [t('programmeForm.signUpDeadline'), 14],
    ] as const) {
      const input = form.getByLabel(label);
      await input.fill(pickerDate(days));
      await input.press('Tab');
    }
    await form.getByRole('checkbox', { name: t('programmeForm.aim.strengthen') }).check();
    await form.getByRole('checkbox', { name: t('programmeForm.aim.develop') }).check();
    await form
      .getByLabel(t('programmeForm.competenceAreas', { max: PROGRAMME_LIMITS.competenceAreas }))
      .fill(AREAS.join(', '));
    await stack.screenshot(
      page,
      'form-filled',
      form.getByRole('button', { name: t('programmeForm.create') }),
    );
    await form.getByRole('button', { name: t('programmeForm.create') }).click();

    // Action.Execute: the Playground sends an adaptiveCard/action invoke and shows the answer in place.
    const created = card(page, t('created.title', { programme: PROGRAMME }));
    await created.waitFor(SEEN);
    await created.getByText(t('created.next')).waitFor();
    await created.getByText(`${AREAS[0]} ja ${AREAS[1]}`).waitFor();
    assert.equal(await card(page, t('programmeForm.title')).count(), 0, 'the form was replaced');
    await stack.screenshot(page, 'created', created);

    const mine = (await stack.api(sanna.user, 'GET', '/programmes')) as {
      items: Array<{ id: string; name: string; role: string }>;
    };
    assert.deepEqual(
      mine.items.map((i) => [i.name, i.role]),
      [[PROGRAMME, 'owner']],
    );
    programmeId = mine.items[0]!.id;
  });

  it('announces it in the channel with join buttons', async () => {
    const { page } = sanna;
    const created = card(page, t('created.title', { programme: PROGRAMME }));
    await created.getByRole('button', { name: t('created.announce') }).click();
    await created.getByText(t('created.announced')).waitFor(SEEN);
    assert.equal(await created.getByRole('button', { name: t('created.announce') }).count(), 0);

    const announcement = card(page, PROGRAMME).filter({ hasText: t('announce.what.title') });
    await announcement.waitFor(SEEN);
    await announcement.getByText(t('counts.none')).waitFor();
    await announcement.getByRole('button', { name: t('announce.join.mentor') }).waitFor();
    await announcement.getByRole('button', { name: t('announce.join.aktori') }).waitFor();
    await stack.screenshot(page, 'announced', announcement);
  });

  it('Sanna joins as mentor from the announcement and signs up in her personal chat', async () => {
    await join(sanna, 'mentor');
    await signUp(sanna, 'mentor', 'Asiakaspalvelu');

    // The announcement's counts were updated in place.
    const { page } = sanna;
    await openChannel(sanna, false);
    const counts = t('counts.some', {
      mentors: t('counts.mentors.one', { count: 1 }),
      aktoris: t('counts.aktoris.other', { count: 0 }),
    });
    const announcement = card(page, PROGRAMME).filter({ hasText: t('announce.what.title') });
    await announcement.getByText(counts).waitFor(SEEN);
    await stack.screenshot(page, 'announcement-counts', announcement);
  });

  it('Eveliina joins as aktori from the announcement in her Playground', async () => {
    await openChannel(eveliina, true);
    // Her Playground's channel is her own: the supervisor posts the announcement again from the tab.
    await stack.api(sanna.user, 'POST', `/programmes/${programmeId}/announce`, {});
    const { page } = eveliina;
    const counts = t('counts.some', {
      mentors: t('counts.mentors.one', { count: 1 }),
      aktoris: t('counts.aktoris.other', { count: 0 }),
    });
    await card(page, PROGRAMME).filter({ hasText: counts }).waitFor(SEEN);
    await join(eveliina, 'aktori');
    await signUp(eveliina, 'aktori', 'Myynti');
  });

  it('pairs them through the tab API, and each finds the introduction in personal chat', async () => {
    const { suggestions } = (await stack.api(
      sanna.user,
      'GET',
      `/programmes/${programmeId}/suggestions`,
    )) as {
      suggestions: Array<{ mentorId: string; aktoriIds: string[] }>;
    };
    assert.deepEqual(
      suggestions.map((s) => [s.mentorId, s.aktoriIds]),
      [[sanna.user.aadObjectId, [eveliina.user.aadObjectId]]],
    );
    const { results } = (await stack.api(sanna.user, 'POST', `/programmes/${programmeId}/pairs`, {
      pairs: suggestions.map((s) => ({ mentorId: s.mentorId, aktoriIds: s.aktoriIds })),
      tellUnpaired: true,
    })) as { results: Array<{ status: string; unreachable?: string[] }> };
    assert.deepEqual(
      results.map((r) => [r.status, r.unreachable]),
      [['formed', []]],
    );

    const intros = [
      {
        person: sanna,
        text: t('intro.pair.toMentor', { programme: PROGRAMME, aktori: eveliina.user.name }),
        tip: t('intro.tip.mentor'),
      },
      {
        person: eveliina,
        text: t('intro.pair.toAktori', { programme: PROGRAMME, mentor: sanna.user.name }),
        tip: t('intro.tip.aktori'),
      },
    ];
    for (const { person, text, tip } of intros) {
      const { page } = person;
      await openPersonalChat(person);
      const intro = card(page, t('intro.title.pair'));
      await intro.waitFor(SEEN);
      await intro.getByText(text).waitFor();
      await intro.getByText(tip).waitFor();
      await stack.screenshot(page, `intro-${person.user.givenName.toLowerCase()}`, intro);
    }
    stack.assertLoopbackOnly();
  });

  it('refuses a withdrawal once paired, on the card the person pressed', async () => {
    const { page } = eveliina;
    const confirmation = card(page, t('confirm.new.title'));
    await confirmation.getByRole('button', { name: t('signup.withdraw') }).click();
    const refused = card(page, t('signup.alreadyPaired'));
    await refused.waitFor(SEEN);
    await stack.screenshot(page, 'withdraw-refused', refused);

    // The whole story went through without the server warning about anything (a failed send, a lost update).
    assert.deepEqual(stack.problems(), []);
  });
});
