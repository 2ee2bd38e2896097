/**
 * A pair reaches an agreement in force in the local Teams client, end to end:
 * in-memory Azurite, the real server and two Microsoft 365 Agents Playgrounds
 * (one per member: mentor Aino, aktori Eveliina) driven in headless Chromium.
 *
 * What is not the point here is seeded over HTTP, as Teams would send it:
 * Polku installed in the team's channel and a programme created there
 * (invokes from the supervisor), both members signed up (signup.save invokes
 * from their own Playground's personal chat), and the pair formed by the
 * supervisor through the tab API. The Playgrounds open before that, so Polku
 * knows each personal chat (the Playground installs Polku there on opening)
 * and its confirmations and introductions land in the right Playground.
 *
 * Then each member finds the introduction in personal chat, starts the
 * agreement and walks its four steps; Eveliina writes her goal, Aino proposes
 * a change (45-minute meetings), Eveliina's Accept on her now stale card says
 * who changed it and shows the current version, both accept and get the
 * in-force card, "sopimus" shows it again, and the supervisor sees the goal
 * in force through the API while the server log holds none.
 *
 * The Playground renders a compact Input.ChoiceSet as a Fluent combobox (not
 * a <select>): it is opened and its option clicked. Required inputs get a
 * " *" after their label, so those are found by the label's start.
 *
 * Screenshots of every step: /tmp/pg-agreement-*.png.
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { AGREEMENT_STEPS, type AgreementStep } from '../../bot/src/domain/agreement/agreementTypes';
import { translator } from '../../bot/src/i18n/translate';
import { selectPlaygroundUser } from '../../scripts/playground/config';
import { requireChromium } from '../support/chromium';
import { COMPOSER, cardTitled, type Person, PlaygroundStack, SEEN } from '../support/playgroundPage';
import { seedPlaygroundPair } from '../support/playgroundSeed';

// Both members speak Finnish (fi-FI), and so does the programme.
const t = translator('fi');
const PROGRAMME = 'Asiakaspalvelun mentorointi';
const GOAL = 'Opin johtamaan asiakaspalvelun muutosta rauhallisesti';
const NUMBERED = AGREEMENT_STEPS.filter((s) => s !== 'review');

/** The subheading that says which step a card shows. */
function stepTitle(step: AgreementStep): string {
  if (step === 'review') return t('agreement.review.title');
  return t('agreement.step', {
    number: NUMBERED.indexOf(step) + 1,
    total: NUMBERED.length,
    name: t(`agreement.step.${step}`),
  });
}

/** The person's agreement walkthrough card (the introduction turns into it in place). */
function walkthrough(page: Page): Locator {
  return cardTitled(page, t('agreement.title'));
}

function button(scope: Locator, name: string): Locator {
  return scope.getByRole('button', { name, exact: true });
}

describe('Agents Playground: a pair reaches an agreement in force (Chromium)', function () {
  this.timeout(120000);
  const stack = new PlaygroundStack('pg-agreement');
  const sanna = selectPlaygroundUser('Sanna');
  let aino: Person;
  let eveliina: Person;
  let programmeId = '';
  let pairId = '';

  /** Presses Next on the step the card shows and waits for the next step. */
  const next = async ({ page }: Person, from: AgreementStep, to: AgreementStep) => {
    const steps = walkthrough(page);
    await steps.getByText(stepTitle(from), { exact: true }).waitFor(SEEN);
    await button(steps, t('agreement.next')).click();
    await steps.getByText(stepTitle(to), { exact: true }).waitFor(SEEN);
  };

  /** Ticks the confidentiality statement and presses Accept on the review. */
  const accept = async ({ page }: Person) => {
    const review = walkthrough(page);
    await review.getByRole('checkbox', { name: t('agreement.review.confidentiality') }).check();
    await button(review, t('agreement.review.accept')).click();
  };

  before(async function () {
    requireChromium(this);
    [aino, eveliina] = (await stack.start([
      selectPlaygroundUser('Aino'),
      selectPlaygroundUser('Eveliina'),
    ])) as [Person, Person];
    ({ programmeId, pairId } = await seedPlaygroundPair(stack, {
      supervisor: sanna,
      mentor: aino,
      aktori: eveliina,
      programmeName: PROGRAMME,
    }));
  });

  afterEach(async function () {
    await stack.diagnose(this);
  });

  after(async () => {
    await stack.stop();
  });

  it('each member finds the introduction in personal chat and starts the agreement at its first step', async () => {
    const intros = [
      { person: aino, text: t('intro.pair.toMentor', { programme: PROGRAMME, aktori: eveliina.user.name }) },
      { person: eveliina, text: t('intro.pair.toAktori', { programme: PROGRAMME, mentor: aino.user.name }) },
    ];
    for (const { person, text } of intros) {
      const { page } = person;
      const intro = cardTitled(page, t('intro.title.pair'));
      await intro.waitFor(SEEN);
      await intro.getByText(text).waitFor();
      const name = person.user.givenName.toLowerCase();
      await stack.screenshot(page, `intro-${name}`, intro);

      await button(intro, t('intro.startAgreement')).click();
      const steps = walkthrough(page);
      await steps.getByText(stepTitle('duration'), { exact: true }).waitFor(SEEN);
      assert.equal(
        await cardTitled(page, t('intro.title.pair')).count(),
        0,
        'the introduction turned into it',
      );
      assert.equal(await button(steps, t('agreement.back')).count(), 0, 'no Back on the first step');
      await stack.screenshot(page, `duration-${name}`, steps);
    }
  });

  it('Eveliina walks the four steps, writes her goal and reaches the review', async () => {
    const { page } = eveliina;
    await next(eveliina, 'duration', 'rules');
    await next(eveliina, 'rules', 'confidentiality');
    await next(eveliina, 'confidentiality', 'goals');
    const goals = walkthrough(page);
    await goals.getByText(t('agreement.goals.supervisor')).waitFor();
    await goals.getByLabel(t('agreement.goals.goal1')).fill(GOAL);
    await stack.screenshot(page, 'goals-eveliina', goals);
    await next(eveliina, 'goals', 'review');

    const review = walkthrough(page);
    await review.getByText(t('agreement.review.version', { version: 2 }), { exact: true }).waitFor();
    await review.getByText(GOAL, { exact: true }).waitFor();
    await review.getByText(t('programmeForm.minutes', { minutes: 60 }), { exact: true }).waitFor();
    await stack.screenshot(page, 'review-eveliina-v2', review);
  });

  it('Aino walks to the review, sees the goal, and proposes 45-minute meetings', async () => {
    const { page } = aino;
    await next(aino, 'duration', 'rules');
    await next(aino, 'rules', 'confidentiality');
    await next(aino, 'confidentiality', 'goals');
    const steps = walkthrough(page);
    assert.equal(await steps.getByLabel(t('agreement.goals.goal1')).inputValue(), GOAL);
    await next(aino, 'goals', 'review');
    await steps.getByText(t('agreement.review.version', { version: 2 }), { exact: true }).waitFor();

    await button(steps, t('agreement.review.change')).click();
    await steps.getByText(stepTitle('duration'), { exact: true }).waitFor(SEEN);
    await next(aino, 'duration', 'rules');
    // A compact choice set is a Fluent combobox here: open it, pick the option from its listbox.
    const minutes = steps.getByRole('combobox', { name: t('agreement.rules.minutes') });
    assert.equal(await minutes.inputValue(), t('programmeForm.minutes', { minutes: 60 }));
    await minutes.click();
    await page
      .getByRole('option', { name: t('programmeForm.minutes', { minutes: 45 }), exact: true })
      .click();
    assert.equal(await minutes.inputValue(), t('programmeForm.minutes', { minutes: 45 }));
    await stack.screenshot(page, 'rules-aino-45', steps);
    await next(aino, 'rules', 'confidentiality');
    await next(aino, 'confidentiality', 'goals');
    await next(aino, 'goals', 'review');
    await steps.getByText(t('agreement.review.version', { version: 3 }), { exact: true }).waitFor();
    await steps.getByText(t('programmeForm.minutes', { minutes: 45 }), { exact: true }).waitFor();
    await stack.screenshot(page, 'review-aino-v3', steps);
  });

  it('Eveliina’s review is stale: Accept there says Aino changed it and shows the current version', async () => {
    const { page } = eveliina;
    await accept(eveliina);
    const review = walkthrough(page);
    await review.getByText(t('agreement.stale', { name: aino.user.name })).waitFor(SEEN);
    await review.getByText(t('agreement.review.version', { version: 3 }), { exact: true }).waitFor();
    await review.getByText(t('programmeForm.minutes', { minutes: 45 }), { exact: true }).waitFor();
    // Nothing was accepted from the stale card.
    await review.getByText(t('agreement.review.nobody'), { exact: true }).waitFor();
    await stack.screenshot(page, 'stale-eveliina', review);
  });

  it('both accept with the confidentiality statement; each gets the in-force card', async () => {
    await accept(eveliina);
    const waiting = walkthrough(eveliina.page);
    await waiting
      .getByText(t('agreement.review.youAccepted', { names: aino.user.name }), { exact: true })
      .waitFor(SEEN);
    await stack.screenshot(eveliina.page, 'accepted-eveliina', waiting);

    await accept(aino);
    for (const person of [aino, eveliina]) {
      const { page } = person;
      const inForce = cardTitled(page, t('agreement.inForce.title'));
      await inForce.first().waitFor(SEEN);
      await inForce.first().getByText(GOAL, { exact: true }).waitFor();
      await inForce
        .first()
        .getByText(t('programmeForm.minutes', { minutes: 45 }), { exact: true })
        .waitFor();
      await stack.screenshot(page, `in-force-${person.user.givenName.toLowerCase()}`, inForce.last());
    }
    // Aino's card turned into the in-force card in place, and Polku told both of them in personal chat.
    assert.equal(await walkthrough(aino.page).count(), 0, 'the walkthrough became the in-force card');
    await cardTitled(aino.page, t('agreement.inForce.title')).nth(1).waitFor(SEEN);
  });

  it('"sopimus" in personal chat answers with the agreement in force', async () => {
    const { page } = eveliina;
    const inForce = cardTitled(page, t('agreement.inForce.title'));
    const before = await inForce.count();
    const composer = page.locator(COMPOSER);
    await composer.click();
    await composer.pressSequentially('sopimus');
    await composer.press('Enter');
    await inForce.nth(before).waitFor(SEEN);
    await inForce.nth(before).getByText(GOAL, { exact: true }).waitFor();
    await button(inForce.nth(before), t('agreement.inForce.reopen')).waitFor();
    await stack.screenshot(page, 'command-eveliina', inForce.nth(before));
  });

  it('the supervisor sees the pair’s goal in force through the API; the server log holds no goal', async () => {
    const { items } = (await stack.api(sanna, 'GET', `/programmes/${programmeId}/pairs`)) as {
      items: Array<{ id: string; agreement: { status: string; goals: string[] } }>;
    };
    const pair = items.find((p) => p.id === pairId);
    assert.deepEqual(pair?.agreement.status, 'in-force');
    assert.deepEqual(pair?.agreement.goals, [GOAL]);

    assert.ok(!stack.server!.logs().includes(GOAL), 'the goal never reaches the log');
    assert.deepEqual(stack.problems(), []);
    stack.assertLoopbackOnly();
  });
});
