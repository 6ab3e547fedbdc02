// The wizard: every journey from the start page to its answer (axe on every page on the way),
// Back and browser history, changing an answer, deep links and reloads, resuming, the error
// summary, keyboard-only use, reflow, and copying the summary. Driven by roles, labels and text.
import { test, expect, expectAccessible, hasHorizontalOverflow } from './fixtures.mjs';
import {
  EN, START_TITLE, CHECK_TITLE, RESULT_TITLE, JOURNEY_TITLES, SC001, expectResultShows, expectContactBy, windowText,
  h1, backLink, continueButton, currentQuestion, questionGroup, optionRadio, optionLabel, zoneLabel,
  slotLabel, durationText, instantText, answer, answerAll, shownFor, pressContinue, seeResult, resultFacts,
  checkRows, proposalNotes, journeyUrl, HELP_KIND_OF, withHelpKind,
  dateText,
} from './wizard-helpers.mjs';

test.use({ locale: 'en-GB', timezoneId: 'America/Los_Angeles' });

const LA = 'America/Los_Angeles';

/** The answer text "Check your answers" shows for an answer. */
function answerText(question, value) {
  if (EN.q[question].options) return optionLabel(question, value);
  if (question === 'time_zone') return zoneLabel(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(String(value))) return dateText(value);
  return String(value);
}

// One walk per journey. Answers are listed in the order the journey asks them; `facts` are
// result rows (term → definition) that must be shown.
// The "depends on the plan" steps: the plans that include Premier-level services and the others,
// each list as the page writes it ("“Premier” or “Unified Core” or …").
const PREMIER_UNIFIED = ['premier', 'unified_core', 'unified_advanced', 'unified_performance', 'unified_enterprise'];
const OTHER_PLANS = ['subscription', 'prodirect', 'enhanced', 'none'];
const plansText = (plans) => plans.map((p) => EN.q.plan.options[p]).join(EN.page.step_or);
const nextSteps = (page) => page.getByRole('region', { name: EN.page.steps_title }).getByRole('listitem');

const WALKS = [
  {
    journey: 'open-request', now: SC001.now, answers: SC001.answers,
    facts: {
      'Where to go': slotLabel('route', 'ppac'),
      'What your plan covers': slotLabel('coverage', 'covered'),
      'Who can file': slotLabel('filer', 'admin'),
      'Recommended severity': slotLabel('severity', 'b'),
      'Initial response target': `${durationText(240)} (${slotLabel('clock', 'business_hours')})`,
      'Language right now': slotLabel('language_now', 'english'),
    },
    contactBy: ['2025-02-04T14:00:00-08:00', LA],
  },
  {
    // A Unified customer who cannot tell which Enterprise Agreement enrollment the plan was
    // bought for: the coverage depends on it, the severity is still stated, no response time.
    journey: 'open-request', now: SC001.now, title: 'not sure which EA enrollment',
    answers: {
      product: 'ce_app', help_kind: 'problem', issue: 'break_fix', preview: 'ga', plan: 'unified_core',
      role: 'admin', ea_enrollment: 'not_sure', impact: 'critical', region: 'north_america',
      time_zone: 'America/Los_Angeles', language: 'english',
    },
    facts: {
      'Where to go': slotLabel('route', 'ppac'),
      'What your plan covers': slotLabel('coverage', 'depends_on_enrollment'),
      'Recommended severity': slotLabel('severity', 'critical'),
    },
  },
  {
    // SC-010: a private preview is not covered; the engineering contact handles it.
    journey: 'coverage', now: '2025-02-05T10:00:00Z',
    answers: { product: 'ce_app', issue: 'break_fix', preview: 'private', plan: 'premier' },
    facts: {
      'Where to go': slotLabel('route', 'engineering_contact'),
      'What your plan covers': slotLabel('coverage', 'not_covered'),
    },
  },
  {
    journey: 'compare-plans', now: '2025-02-05T10:00:00Z',
    answers: { product: 'ce_app', plan: 'prodirect', impact: 'moderate' },
    facts: {
      'Where to go': slotLabel('route', 'ppac'),
      'Recommended severity': slotLabel('severity', 'b'),
      'Initial response target': `${durationText(120)} (${slotLabel('clock', 'business_hours')})`,
    },
    async extra(page) {
      await page.locator('summary').filter({ hasText: EN.result.matrix_caption }).click();
      const table = page.getByRole('table', { name: EN.result.matrix_caption });
      await expect(table).toBeVisible();
      for (const impact of ['critical', 'moderate', 'minimal']) {
        await expect(table.getByRole('columnheader', { name: optionLabel('impact', impact), exact: true })).toBeVisible();
      }
      const mine = table.getByRole('row', { name: `${optionLabel('plan', 'prodirect')} ${EN.result.your_plan}` });
      await expect(mine.getByRole('cell').nth(1))
        .toHaveText(`${slotLabel('severity', 'b')}: ${durationText(120)} (${slotLabel('clock', 'business_hours')})`);
      const premier = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: optionLabel('plan', 'premier'), exact: true }) });
      await expect(premier.getByRole('cell').nth(1))
        .toContainText(`${slotLabel('severity', 'b')}: ${durationText(120)} (${slotLabel('clock', 'around_the_clock')})`);
    },
  },
  {
    journey: 'language-hours', now: '2025-02-04T10:00:00-08:00',
    answers: { impact: 'moderate', region: 'north_america', time_zone: LA, language: 'english' },
    facts: { 'Language right now': slotLabel('language_now', 'english') },
    async extra(page) {
      const clock = page.getByRole('region', { name: EN.result.clock_title });
      await expect(clock.getByRole('status')).toHaveText(EN.result.open_now);
      await expect(clock.getByRole('heading', { name: EN.result.week_title })).toBeVisible();
      await expect(clock.getByRole('listitem').filter({
        // Tuesday to Friday have the same hours: one line.
        hasText: windowText('2025-02-04T06:00:00-08:00', '2025-02-04T18:00:00-08:00', LA, 'en', '2025-02-07T06:00:00-08:00'),
      })).toHaveCount(1);
    },
  },
  {
    // SC-051: a MAICPP agreement activated 2024-01-10 has expired by 2025-02-12.
    journey: 'on-premises', now: '2025-02-12T10:00:00Z',
    answers: {
      product: 'onprem_other', onprem_offer: 'maicpp', have_ids: 'yes', lifecycle: 'mainstream',
      activation: 'activated', activation_date: '2024-01-10', incidents_left: 6, impact: 'moderate',
    },
    facts: {
      'Where to go': slotLabel('route', 'support_for_business'),
      'Your support offer': slotLabel('offer_state', 'expired'),
      [EN.result.agreement_expires]: dateText('2025-02-09'),
    },
  },
  {
    // A partner pack for a product in mainstream support, the version not known: the pack
    // covers the current version and the previous one, so the answer depends on it.
    journey: 'on-premises', now: '2025-02-04T10:00:00Z', title: 'not sure which version',
    answers: {
      product: 'ce_onprem', onprem_offer: 'gold20', have_ids: 'yes', lifecycle: 'mainstream',
      version: 'not_sure', activation: 'activated', activation_date: '2025-01-20', incidents_left: 3,
      impact: 'critical', critical_24h: 'business_hours',
    },
    facts: {
      'Where to go': slotLabel('route', 'support_for_business'),
      'What your plan covers': slotLabel('coverage', 'depends_on_version'),
      'Your support offer': slotLabel('offer_state', 'depends_on_version'),
    },
  },
  {
    // Pay-per-incident for a product whose support phase the visitor does not know: paid
    // incidents cover mainstream and extended support only, so the answer depends on the phase.
    journey: 'on-premises', now: '2025-02-04T10:00:00Z', title: 'not sure which support phase',
    answers: {
      product: 'dynamics_onprem', onprem_offer: 'ppi', account: 'msa', lifecycle: 'not_sure',
      impact: 'critical', critical_24h: 'business_hours',
    },
    facts: {
      'What your plan covers': slotLabel('coverage', 'depends_on_lifecycle'),
      'Your support offer': slotLabel('offer_state', 'depends_on_lifecycle'),
    },
  },
  {
    // SC-027: same build, same error, closed two weeks ago: reopen.
    journey: 'reopen', now: '2025-02-05T10:00:00Z',
    answers: {
      product: 'finance_operations', deployment: 'online', plan: 'subscription', same_build: 'yes',
      same_error_env: 'yes', error_after_fix: 'no', closed_date: '2025-01-22',
    },
    facts: {
      'Where to go': slotLabel('route', 'lcs'),
      'Reopen or new incident': slotLabel('reopen', 'reopen'),
    },
  },
  {
    // A cloud service's customer cannot tell whether the software changed (Microsoft updates
    // it): every other condition allows a reopen, so the answer says on what it depends.
    journey: 'reopen', now: '2025-02-05T10:00:00Z', title: 'not sure whether the software changed',
    answers: {
      product: 'power_apps', plan: 'subscription', same_build: 'not_sure',
      same_error_env: 'yes', error_after_fix: 'no', closed_date: '2025-01-22',
    },
    facts: {
      'Reopen or new incident': slotLabel('reopen', 'unconfirmed'),
    },
  },
  {
    // Licensing help, the channel not known: the place depends on it, so each channel's place is
    // a step of its own, with the answers that lead there and the place's link.
    journey: 'billing', now: '2025-02-05T10:00:00Z', title: 'not sure how the licences were bought',
    answers: { product: 'power_apps', purchase_channel: 'not_sure', billing_topic: 'licensing' },
    facts: { 'Where to go': slotLabel('route', 'depends_on_channel') },
    extra: async (page) => {
      const channel = EN.q.purchase_channel.options;
      await expect(page.locator('h1')).toContainText(EN.routes.depends_on_channel.action);
      const steps = page.getByRole('region', { name: EN.page.steps_title }).getByRole('listitem');
      const expected = [
        [EN.page.step_if.replace('{answers}', `${channel.ea}${EN.page.step_or}${channel.volume_licensing}`), 'vlsc', 'https://www.microsoft.com/licensing/servicecenter'],
        [EN.page.step_if.replace('{answers}', channel.csp), 'csp_partner', 'https://admin.microsoft.com/Adminportal/Home#/partnerrelationships'],
        [EN.page.step_otherwise, 'm365_admin', 'https://admin.microsoft.com/'],
      ];
      await expect(steps).toHaveCount(expected.length);
      for (const [i, [lead, route, href]] of expected.entries()) {
        const step = steps.nth(i);
        await expect(step).toContainText(lead);
        await expect(step).toContainText(EN.routes[route].action);
        await expect(step.getByRole('link', { name: EN.routes[route].open, exact: true })).toHaveAttribute('href', href);
      }
    },
  },
  {
    // On-site support, the plan not known: Premier and Unified include it, the other plans do
    // not. Both cases are steps, Premier's with the portal's link, then the plan comparison.
    journey: 'open-request', now: '2025-02-05T10:00:00Z', title: 'not sure which plan, on-site support',
    answers: { product: 'ce_app', issue: 'onsite', plan: 'not_sure' },
    facts: {
      'Where to go': slotLabel('route', 'depends_on_plan'),
      'What your plan covers': slotLabel('coverage', 'depends_on_plan'),
    },
    extra: async (page) => {
      const steps = nextSteps(page);
      await expect(steps).toHaveCount(3);
      // In the plan question's order: the plans without on-site support come first.
      await expect(steps.nth(0)).toContainText(EN.page.step_if.replace('{answers}', plansText(OTHER_PLANS)));
      await expect(steps.nth(0)).toContainText(EN.routes.none.action);
      await expect(steps.nth(0).getByRole('link')).toHaveCount(0);
      await expect(steps.nth(1)).toContainText(EN.page.step_if.replace('{answers}', plansText(PREMIER_UNIFIED)));
      await expect(steps.nth(1).getByRole('link', { name: EN.routes.ppac.open, exact: true })).toHaveAttribute('href', 'https://admin.powerplatform.microsoft.com/');
      await expect(steps.nth(2).getByRole('link', { name: EN.page.step_compare, exact: true })).toBeVisible();
    },
  },
  {
    journey: 'open-request', now: '2025-02-05T10:00:00Z', title: 'not sure which plan nor whether released, broad performance problem',
    answers: { product: 'ce_app', issue: 'performance', perf_scope: 'broad', preview: 'not_sure', plan: 'not_sure' },
    facts: {
      'Where to go': slotLabel('route', 'depends_on_plan'),
      'What your plan covers': slotLabel('coverage', 'depends_on_plan'),
    },
    extra: async (page) => {
      const steps = nextSteps(page);
      await expect(steps).toHaveCount(4);
      await expect(steps.nth(0)).toContainText(EN.page.step_if.replace('{answers}', plansText(OTHER_PLANS)));
      await expect(steps.nth(0).getByRole('link', { name: EN.routes.partner_or_forums.open, exact: true })).toBeVisible();
      // Premier and Unified: one step per release status, each naming its place and its link.
      const both = (status) => EN.page.step_if_and
        .replace('{answers}', plansText(PREMIER_UNIFIED))
        .replace('{question}', EN.summary.preview)
        .replace('{second}', EN.q.preview.options[status]);
      await expect(steps.nth(1)).toContainText(both('ga'));
      await expect(steps.nth(1).getByRole('link', { name: EN.routes.ppac.open, exact: true })).toHaveAttribute('href', 'https://admin.powerplatform.microsoft.com/');
      await expect(steps.nth(2)).toContainText(both('public'));
      await expect(steps.nth(2).getByRole('link', { name: EN.routes.partner_or_forums.open, exact: true })).toBeVisible();
      await expect(steps.nth(3).getByRole('link', { name: EN.page.step_compare, exact: true })).toBeVisible();
    },
  },
  {
    // SC-031: an invoice question for licences bought online.
    journey: 'billing', now: '2025-02-05T10:00:00Z',
    answers: { product: 'power_apps', purchase_channel: 'online', billing_topic: 'invoice' },
    facts: {
      'Where to go': slotLabel('route', 'm365_admin'),
      'What your plan covers': slotLabel('coverage', 'covered'),
    },
  },
];

for (const walk of WALKS) {
  test(`journey ${walk.journey}${walk.title ? ` (${walk.title})` : ''}: start page → every question → check → result, axe on every page`, async ({ page }) => {
    test.slow(); // up to a dozen pages, each checked by axe
    await page.clock.setFixedTime(new Date(walk.now));
    await page.goto('/');
    await page.getByRole('link', { name: JOURNEY_TITLES[walk.journey], exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]j=${walk.journey}(&|$)`));

    // The kind of help is asked before the situation, as a visitor would pick it.
    const answers = withHelpKind(walk.answers);
    const asked = await answerAll(page, answers, { axe: true });
    expect([...asked].sort(), 'every answer was asked for (or proposed), and nothing else').toEqual(shownFor(answers));

    await expectAccessible(page, `check page of ${walk.journey}`);
    const rows = await checkRows(page);
    const expectedRows = Object.fromEntries(Object.entries(answers).map(([q, v]) => [EN.summary[q], answerText(q, v)]));
    expect(rows).toEqual(expectedRows);
    for (const q of Object.keys(answers)) {
      await expect(page.getByRole('link', { name: `${EN.wizard.change} ${EN.summary[q]}`, exact: true })).toBeVisible();
    }

    await seeResult(page);
    await expectAccessible(page, `result page of ${walk.journey}`);
    await expectResultShows(page, walk.facts);
    if (walk.contactBy) await expectContactBy(page, ...walk.contactBy);
    await expect(page.getByRole('heading', { level: 2, name: EN.result.summary_title })).toBeVisible();
    await expect(page.getByRole('button', { name: EN.result.copy })).toBeVisible();
    await expect(page.getByRole('button', { name: EN.result.print })).toBeVisible();
    await expect(page.getByText(EN.page.staff_title, { exact: true })).toBeVisible();
    if (walk.extra) await walk.extra(page);
  });
}

test('the Back link returns to the previous question with its answer kept', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: JOURNEY_TITLES['open-request'], exact: true }).click();
  await answer(page, 'product', 'ce_app');
  await pressContinue(page);
  await answer(page, 'help_kind', 'problem');
  await pressContinue(page);
  await answer(page, 'issue', 'performance');
  await pressContinue(page);
  expect(await currentQuestion(page)).toBe('perf_scope');
  await answer(page, 'perf_scope', 'isolated');
  await pressContinue(page);
  expect(await currentQuestion(page)).toBe('preview');

  await backLink(page).click();
  expect(await currentQuestion(page)).toBe('perf_scope');
  await expect(optionRadio(page, 'perf_scope', 'isolated')).toBeChecked();
  await backLink(page).click();
  expect(await currentQuestion(page)).toBe('issue');
  await expect(optionRadio(page, 'issue', 'performance')).toBeChecked();
  // Above the question: the part of the journey, which does not change as answers do.
  await expect(page.getByText(EN.wizard.stage_problem, { exact: true })).toBeVisible();
  await backLink(page).click();
  expect(await currentQuestion(page)).toBe('help_kind');
  await expect(optionRadio(page, 'help_kind', 'problem')).toBeChecked();
  await backLink(page).click();
  expect(await currentQuestion(page)).toBe('product');
  await expect(optionRadio(page, 'product', 'ce_app')).toBeChecked();
  await expect(h1(page)).toBeFocused();

  // Continuing keeps every answer: the flow goes on to the first question still unanswered.
  await pressContinue(page);
  expect(await currentQuestion(page)).toBe('preview');
  await backLink(page).click();
  await expect(optionRadio(page, 'perf_scope', 'isolated')).toBeChecked();

  // Back from the first question is the start page.
  await page.goto('/?j=open-request');
  await backLink(page).click();
  await expect(h1(page)).toHaveText(START_TITLE);
});

test('browser Back and Forward move between questions and keep the answers', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: JOURNEY_TITLES['open-request'], exact: true }).click();
  await answer(page, 'product', 'ce_app');
  await pressContinue(page);
  await answer(page, 'help_kind', 'problem');
  await pressContinue(page);
  await answer(page, 'issue', 'break_fix');
  await pressContinue(page);
  expect(await currentQuestion(page)).toBe('preview');

  await page.goBack();
  expect(await currentQuestion(page)).toBe('issue');
  await expect(optionRadio(page, 'issue', 'break_fix')).toBeChecked();
  await page.goBack();
  expect(await currentQuestion(page)).toBe('help_kind');
  await page.goBack();
  expect(await currentQuestion(page)).toBe('product');
  await expect(optionRadio(page, 'product', 'ce_app')).toBeChecked();
  await page.goBack();
  await expect(h1(page)).toHaveText(START_TITLE);

  await page.goForward();
  expect(await currentQuestion(page)).toBe('product');
  await page.goForward();
  expect(await currentQuestion(page)).toBe('help_kind');
  await page.goForward();
  expect(await currentQuestion(page)).toBe('issue');
  await expect(optionRadio(page, 'issue', 'break_fix')).toBeChecked();
  await page.goForward();
  expect(await currentQuestion(page)).toBe('preview');
  await expect(h1(page)).toBeFocused();
});

test('a choice goes into the page address as it is made: a reload, or Back and Forward, keep it', async ({ page }) => {
  await page.goto('/?j=open-request');
  await answer(page, 'product', 'ce_app');
  // Written once the choice is painted (src/ui/navigation.rs, replace_url_after_paint).
  await expect(page).toHaveURL(/[?&]product=ce_app(&|$)/);
  await page.reload();
  expect(await currentQuestion(page)).toBe('product');
  await expect(optionRadio(page, 'product', 'ce_app')).toBeChecked();

  // Chosen again and continued at once: the entry holds the last choice, not the first.
  await answer(page, 'product', 'power_apps');
  await pressContinue(page);
  expect(await currentQuestion(page)).toBe('help_kind');
  await expect(page).toHaveURL(/[?&]product=power_apps(&|$)/);
  await page.goBack();
  expect(await currentQuestion(page)).toBe('product');
  await expect(optionRadio(page, 'product', 'power_apps')).toBeChecked();

  // A time zone is a choice too.
  const { time_zone: _, language: __, ...before } = SC001.answers;
  await page.goto(journeyUrl(SC001.journey, 'time_zone', before));
  expect(await currentQuestion(page)).toBe('time_zone');
  await answer(page, 'time_zone', 'Asia/Tokyo');
  await expect(page).toHaveURL(/[?&]time_zone=Asia\/Tokyo(&|$)/);
});

test('a time zone that settles the region answers it, English is proposed, and both can be changed', async ({ page }) => {
  await page.goto('/?j=language-hours');
  expect(await currentQuestion(page), 'the language journey opens with the time zone').toBe('time_zone');
  await answer(page, 'time_zone', 'Europe/Prague');
  await pressContinue(page);
  // Neither the region nor the language is asked: the impact is next.
  expect(await currentQuestion(page)).toBe('impact');
  await answer(page, 'impact', 'moderate');
  await pressContinue(page);
  await expect(page).toHaveURL(/[?&]region=emea(&|$)/);
  expect(await checkRows(page)).toEqual({
    [EN.summary.time_zone]: zoneLabel('Europe/Prague'),
    [EN.summary.region]: optionLabel('region', 'emea'),
    [EN.summary.language]: optionLabel('language', 'english'),
    [EN.summary.impact]: optionLabel('impact', 'moderate'),
  });
  expect(await proposalNotes(page)).toEqual({
    [EN.summary.region]: EN.wizard.from_time_zone,
    [EN.summary.language]: EN.wizard.from_page_language,
  });
  await expectAccessible(page, 'check page with proposed answers');

  // Changed by hand, the language is the visitor's: no note, and the result follows it.
  await page.getByRole('link', { name: `${EN.wizard.change} ${EN.summary.language}`, exact: true }).click();
  await expect(optionRadio(page, 'language', 'english')).toBeChecked();
  await answer(page, 'language', 'german');
  await pressContinue(page);
  expect(await proposalNotes(page)).toEqual({ [EN.summary.region]: EN.wizard.from_time_zone });

  // A zone whose region the sources leave open asks for it.
  await page.goto('/?j=language-hours');
  await answer(page, 'time_zone', 'Asia/Kolkata');
  await pressContinue(page);
  expect(await currentQuestion(page)).toBe('region');
});

test('the time-zone list can be searched by city: "prague" finds Europe/Prague, and Continue keeps it', async ({ page }) => {
  const { time_zone: _, language: __, ...before } = SC001.answers;
  await page.goto(journeyUrl(SC001.journey, 'time_zone', before));
  expect(await currentQuestion(page)).toBe('time_zone');
  const search = page.getByRole('searchbox', { name: EN.wizard.zone_search, exact: true });
  const list = page.getByRole('combobox', { name: EN.q.time_zone.title, exact: true });
  await search.fill('prague');
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list).toHaveValue('Europe/Prague');
  await expectAccessible(page, 'time-zone question, searched');
  // Nothing matches: the list is empty and the page says what to do.
  await search.fill('atlantis');
  await expect(page.getByRole('status').filter({ hasText: EN.wizard.zone_search_none })).toBeVisible();
  await search.fill('ho chi');
  await expect(list).toHaveValue('Asia/Ho_Chi_Minh');
  await continueButton(page).click();
  await expect(page).toHaveURL(/[?&]time_zone=Asia\/Ho_Chi_Minh(&|$)/);
});

// SC-018: a slow (performance) request, whose scope question only applies to performance issues.
const SC018 = {
  product: 'ce_app', issue: 'performance', perf_scope: 'isolated', preview: 'ga', plan: 'prodirect',
  role: 'admin', ea_enrollment: 'not_ea', impact: 'moderate', b_clock: 'business_hours',
  region: 'north_america', time_zone: LA, language: 'english',
};

test('the kind of help comes first: each kind offers its own situations, "not sure" all of them, and a new kind asks again', async ({ page }) => {
  await page.goto('/?j=open-request&product=ce_app');
  expect(await currentQuestion(page)).toBe('help_kind');
  const radios = () => questionGroup(page, 'issue').getByRole('radio');
  const offered = async (situations) => {
    await expect(radios()).toHaveCount(situations.length);
    for (const [i, situation] of situations.entries()) {
      await expect(radios().nth(i)).toHaveAccessibleName(optionLabel('issue', situation));
    }
  };
  for (const kind of ['problem', 'guidance', 'access']) {
    await answer(page, 'help_kind', kind);
    await pressContinue(page);
    expect(await currentQuestion(page)).toBe('issue');
    await offered(Object.keys(HELP_KIND_OF).filter((situation) => HELP_KIND_OF[situation] === kind));
    await backLink(page).click();
  }
  // "Something else, or I am not sure": every situation, as the vocabulary lists them.
  await answer(page, 'help_kind', 'not_sure');
  await pressContinue(page);
  await expect(radios()).toHaveCount(Object.keys(EN.q.issue.options).length);
  await answer(page, 'issue', 'outage');
  await pressContinue(page);
  await expect(page).toHaveURL(/[?&]issue=outage(&|$)/);

  // Another kind that does not offer the situation chosen: the situation is asked again.
  await backLink(page).click();
  await backLink(page).click();
  expect(await currentQuestion(page)).toBe('help_kind');
  await answer(page, 'help_kind', 'access');
  await pressContinue(page);
  expect(await currentQuestion(page)).toBe('issue');
  await offered(['sign_in', 'entitlement', 'partner_program']);
  for (const situation of ['sign_in', 'entitlement', 'partner_program']) {
    await expect(optionRadio(page, 'issue', situation)).not.toBeChecked();
  }
  await expect(page).not.toHaveURL(/[?&]issue=/);

  // An older link that names the situation without the kind is not asked the kind.
  await page.goto('/?j=open-request&product=ce_app&issue=performance');
  expect(await currentQuestion(page)).toBe('perf_scope');
});

test('changing an answer from Check your answers re-asks only what depends on it', async ({ page }) => {
  test.slow(); // a full journey plus three changes
  await page.clock.setFixedTime(new Date('2025-02-07T17:59:00-08:00'));
  await page.goto('/?j=open-request');
  await answerAll(page, SC018);
  const before = await checkRows(page);
  expect(before[EN.summary.perf_scope]).toBe(optionLabel('perf_scope', 'isolated'));

  // performance → break_fix: the scope answer no longer matters and is dropped; nothing else is
  // asked again, so Continue leads straight back to the check page.
  await page.getByRole('link', { name: `${EN.wizard.change} ${EN.summary.issue}`, exact: true }).click();
  expect(await currentQuestion(page)).toBe('issue');
  await expect(optionRadio(page, 'issue', 'performance')).toBeChecked();
  await expectAccessible(page, 'question page reached from Change');
  await answer(page, 'issue', 'break_fix');
  await pressContinue(page);
  const changed = await checkRows(page);
  const expected = { ...before, [EN.summary.issue]: optionLabel('issue', 'break_fix') };
  delete expected[EN.summary.perf_scope];
  expect(changed).toEqual(expected);
  await expect(page).not.toHaveURL(/perf_scope=/);

  // break_fix → performance: the scope question is asked again, unanswered, then back to check.
  await page.getByRole('link', { name: `${EN.wizard.change} ${EN.summary.issue}`, exact: true }).click();
  await answer(page, 'issue', 'performance');
  await pressContinue(page);
  expect(await currentQuestion(page)).toBe('perf_scope');
  for (const option of Object.keys(EN.q.perf_scope.options)) {
    await expect(optionRadio(page, 'perf_scope', option)).not.toBeChecked();
  }
  await answer(page, 'perf_scope', 'isolated');
  await pressContinue(page);
  expect(await checkRows(page)).toEqual(before);

  // Changing the plan keeps every later answer that still applies.
  await page.getByRole('link', { name: `${EN.wizard.change} ${EN.summary.plan}`, exact: true }).click();
  await expect(optionRadio(page, 'plan', 'prodirect')).toBeChecked();
  await pressContinue(page);
  expect(await checkRows(page)).toEqual(before);

  await seeResult(page);
  const facts = await resultFacts(page);
  expect(facts['What your plan covers']).toBe(slotLabel('coverage', 'limited'));
  await expectContactBy(page, '2025-02-10T07:59:00-08:00', LA);
});

test('a deep link opens the result page directly; an incomplete one asks what is missing', async ({ page }) => {
  await page.clock.setFixedTime(new Date(SC001.now));
  await page.goto(journeyUrl('open-request', 'result', SC001.answers));
  await expect(h1(page)).toHaveText(RESULT_TITLE);
  await expectResultShows(page, { 'Where to go': slotLabel('route', 'ppac') });
  await expectContactBy(page, '2025-02-04T14:00:00-08:00', LA);
  await expectAccessible(page, 'deep-linked result page');

  // Back from a deep-linked result is the check page, with every answer.
  await backLink(page).click();
  await expect(h1(page)).toHaveText(CHECK_TITLE);
  expect(Object.keys(await checkRows(page))).toHaveLength(Object.keys(SC001.answers).length);

  // A result link without the impact answer shows the impact question instead.
  const { impact, b_clock: _, ...partial } = SC001.answers;
  await page.goto(journeyUrl('open-request', 'result', partial));
  expect(await currentQuestion(page)).toBe('impact');
  await expect(page.getByRole('heading', { name: RESULT_TITLE })).toHaveCount(0);
});

test('reloading a question page keeps the page and the answers', async ({ page }) => {
  await page.goto('/?j=open-request');
  await answer(page, 'product', 'finance_operations');
  await pressContinue(page);
  expect(await currentQuestion(page)).toBe('deployment');
  await answer(page, 'deployment', 'online');
  await pressContinue(page);
  expect(await currentQuestion(page)).toBe('help_kind');

  await page.reload();
  expect(await currentQuestion(page)).toBe('help_kind');
  await backLink(page).click();
  expect(await currentQuestion(page)).toBe('deployment');
  await expect(optionRadio(page, 'deployment', 'online')).toBeChecked();

  await page.reload();
  expect(await currentQuestion(page)).toBe('deployment');
  await expect(optionRadio(page, 'deployment', 'online')).toBeChecked();
  await backLink(page).click();
  await expect(optionRadio(page, 'product', 'finance_operations')).toBeChecked();
  await expectAccessible(page, 'question page after reload');
});

test('the start page offers "Continue where you left off" after a visit', async ({ page }) => {
  await page.goto('/');
  await expect(h1(page)).toHaveText(START_TITLE);
  await expect(page.getByRole('link', { name: EN.start.resume })).toHaveCount(0);

  await page.getByRole('link', { name: JOURNEY_TITLES.reopen, exact: true }).click();
  await answer(page, 'product', 'power_apps');
  await pressContinue(page);
  const where = await currentQuestion(page);
  expect(where).toBe('plan');
  await answer(page, 'plan', 'prodirect');
  await pressContinue(page);
  expect(await currentQuestion(page)).toBe('same_build');

  // A new visit (not history): the start page links back to the journey in progress.
  await page.goto('/');
  const resume = page.getByRole('link', { name: EN.start.resume, exact: true });
  await expect(resume).toBeVisible();
  await expectAccessible(page, 'start page with the resume link');
  await resume.click();
  expect(await currentQuestion(page)).toBe('same_build');
  await backLink(page).click();
  await expect(optionRadio(page, 'plan', 'prodirect')).toBeChecked();
});

test('Continue without an answer shows the error summary, focused, linking to the first option', async ({ page }) => {
  await page.goto('/?j=open-request');
  expect(await currentQuestion(page)).toBe('product');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await continueButton(page).click();

  const summary = page.getByRole('alert');
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('heading', { name: EN.wizard.error_summary_title })).toBeVisible();
  await expect(summary).toBeFocused();
  expect(await currentQuestion(page), 'still on the same question').toBe('product');
  const link = summary.getByRole('link', { name: EN.wizard.error_required, exact: true });
  await expect(link).toHaveAttribute('href', '#product-ce_app');
  await expect(questionGroup(page, 'product')).toHaveAccessibleDescription(new RegExp(EN.wizard.error_required));
  await expectAccessible(page, 'question page with the error summary');

  await link.click();
  await expect(optionRadio(page, 'product', 'ce_app')).toBeFocused();
  await expect(summary).toBeVisible();

  await answer(page, 'product', 'ce_app');
  await pressContinue(page);
  expect(await currentQuestion(page)).toBe('help_kind');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the error summary of a date question links to the date field', async ({ page }) => {
  await page.goto(journeyUrl('on-premises', 'activation_date', {
    product: 'onprem_other', onprem_offer: 'maicpp', have_ids: 'yes', account: 'entra', lifecycle: 'mainstream',
    activation: 'activated',
  }));
  expect(await currentQuestion(page)).toBe('activation_date');
  await continueButton(page).click();
  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading', { name: EN.wizard.error_summary_title })).toBeVisible();
  await expectAccessible(page, 'date question with the error summary');
  await summary.getByRole('link', { name: EN.wizard.error_enter_date, exact: true }).click();
  const field = page.getByLabel(EN.q.activation_date.title, { exact: true });
  await expect(field).toBeFocused();
  await expect(field).toHaveAccessibleDescription(new RegExp(EN.wizard.error_enter_date));
});

test('date and number fields stand clear of the Continue button, at 320 px too', async ({ page }) => {
  const onprem = {
    product: 'onprem_other', onprem_offer: 'maicpp', have_ids: 'yes', account: 'entra', lifecycle: 'mainstream',
    activation: 'activated',
  };
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 800 });
    for (const [question, answers] of [['activation_date', onprem], ['incidents_left', { ...onprem, activation_date: '2024-01-10' }]]) {
      await page.goto(journeyUrl('on-premises', question, answers));
      const field = page.getByLabel(EN.q[question].title, { exact: true });
      const [box, button] = [await field.boundingBox(), await continueButton(page).boundingBox()];
      expect(button.y - (box.y + box.height), `${question} at ${width} px: space above Continue`).toBeGreaterThanOrEqual(16);
    }
  }
});

test('a number question says what to enter: empty asks for a number, "three" asks for figures', async ({ page }) => {
  await page.goto(journeyUrl('on-premises', 'incidents_left', {
    product: 'onprem_other', onprem_offer: 'maicpp', have_ids: 'yes', account: 'entra', lifecycle: 'mainstream',
    activation: 'activated', activation_date: '2025-01-20',
  }));
  expect(await currentQuestion(page)).toBe('incidents_left');
  const field = page.getByLabel(EN.q.incidents_left.title, { exact: true });
  await continueButton(page).click();
  await expect(page.getByRole('alert').getByRole('link', { name: EN.wizard.error_enter_number, exact: true })).toBeVisible();
  await field.fill('three');
  await continueButton(page).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link', { name: EN.wizard.error_whole_number, exact: true })).toBeVisible();
  await expect(field).toHaveAccessibleDescription(new RegExp(EN.wizard.error_whole_number));
  await expect(field).toHaveValue('three');
  await field.fill('3');
  await continueButton(page).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await currentQuestion(page)).not.toBe('incidents_left');
});

test('a date after today is refused with its own message, and the answer is kept', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2025-02-12T10:00:00Z'));
  await page.goto(journeyUrl('reopen', 'closed_date', {
    product: 'power_apps', plan: 'subscription', same_build: 'yes', same_error_env: 'yes', error_after_fix: 'no',
  }));
  expect(await currentQuestion(page)).toBe('closed_date');
  const field = page.getByLabel(EN.q.closed_date.title, { exact: true });
  await field.fill('2030-01-15');
  await continueButton(page).click();
  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: EN.wizard.error_date_in_future, exact: true })).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(new RegExp(EN.wizard.error_date_in_future));
  await expect(field).toHaveValue('2030-01-15');
  expect(await currentQuestion(page), 'still the closing date').toBe('closed_date');
  // Today is a possible closing date.
  await field.fill('2025-02-12');
  await continueButton(page).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(h1(page)).not.toHaveText(EN.q.closed_date.title);
});

/** Presses Tab until `target` has focus (at most `max` times). */
async function tabTo(page, target, max = 60) {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

const isFocused = (locator) => locator.evaluate((el) => el === document.activeElement);

/** Answers the question on screen with the keyboard: Tab into the field, arrows/Space to choose. */
async function keyboardAnswer(page, question, value) {
  const q = EN.q[question];
  await page.keyboard.press('Tab');
  if (q.options) {
    const target = optionRadio(page, question, value);
    const count = Object.keys(q.options).length;
    for (let i = 0; i <= count && !(await isFocused(target)); i += 1) {
      await page.keyboard.press('ArrowDown');
    }
    await expect(target).toBeFocused();
    if (!(await target.isChecked())) await page.keyboard.press('Space');
    await expect(target).toBeChecked();
  } else if (question === 'time_zone') {
    // First the search box that narrows the list, then the list.
    await expect(page.getByRole('searchbox', { name: EN.wizard.zone_search, exact: true })).toBeFocused();
    await page.keyboard.press('Tab');
    const select = page.getByLabel(q.title, { exact: true });
    await expect(select).toBeFocused();
    // The browser's own zone is preselected (the context runs in America/Los_Angeles).
    await expect(select.getByRole('option', { selected: true })).toHaveText(zoneLabel(value));
  } else {
    throw new Error(`no keyboard recipe for ${question}`);
  }
  await page.keyboard.press('Tab');
  await expect(continueButton(page)).toBeFocused();
}

test('journey 1 can be completed with the keyboard alone', async ({ page }) => {
  await page.clock.setFixedTime(new Date(SC001.now));
  await page.goto('/');
  await tabTo(page, page.getByRole('link', { name: JOURNEY_TITLES['open-request'], exact: true }));
  await page.keyboard.press('Enter');

  for (let i = 0; i < 20; i += 1) {
    const q = await currentQuestion(page);
    if (q === null) break;
    await expect(h1(page), 'focus starts at the question').toBeFocused();
    await keyboardAnswer(page, q, SC001.answers[q]);
    const title = (await h1(page).textContent()).trim();
    await page.keyboard.press('Enter');
    await expect(h1(page)).not.toHaveText(title);
  }
  await expect(h1(page)).toHaveText(CHECK_TITLE);
  await expect(h1(page)).toBeFocused();
  await tabTo(page, page.getByRole('link', { name: EN.wizard.see_result, exact: true }));
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText(RESULT_TITLE);
  await expect(h1(page)).toBeFocused();
  await expectResultShows(page, { 'Recommended severity': slotLabel('severity', 'b') });
  await expectContactBy(page, '2025-02-04T14:00:00-08:00', LA);

  // The "Why this answer" trace opens with the keyboard too.
  const why = page.getByText(EN.page.staff_title, { exact: true });
  await tabTo(page, why);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group').filter({ hasText: EN.page.staff_title }).getByRole('listitem').first()).toBeVisible();
});

const REFLOW_PAGES = [
  ['a question page', journeyUrl('open-request', 'product', {})],
  ['a question page with an error', null],
  ['the check page', journeyUrl('open-request', 'check', SC001.answers)],
  ['the result page', journeyUrl('open-request', 'result', SC001.answers)],
  ['the compare-plans result page', journeyUrl('compare-plans', 'result', { product: 'ce_app', plan: 'prodirect', impact: 'moderate' })],
  ['the language-hours result page', journeyUrl('language-hours', 'result', { impact: 'moderate', region: 'north_america', time_zone: LA, language: 'english' })],
];

for (const [width, height, what] of [[320, 640, '320 px wide'], [640, 400, '200 % zoom (640 px CSS viewport)']]) {
  test(`no horizontal scrolling at ${what} on question, check and result pages`, async ({ page }) => {
    await page.clock.setFixedTime(new Date(SC001.now));
    await page.setViewportSize({ width, height });
    for (const [name, url] of REFLOW_PAGES) {
      if (url) {
        await page.goto(url);
      } else {
        await page.goto(journeyUrl('open-request', 'product', {}));
        await continueButton(page).click();
        await expect(page.getByRole('alert')).toBeVisible();
      }
      await expect(h1(page)).toBeVisible();
      expect(await hasHorizontalOverflow(page), `${name} at ${what}`).toBe(false);
    }
  });
}

test('Copy summary puts the ticket summary on the clipboard and says so', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.clock.setFixedTime(new Date(SC001.now));
  await page.goto(journeyUrl('open-request', 'result', SC001.answers));
  await expect(h1(page)).toHaveText(RESULT_TITLE);
  await expect(page.getByText(EN.result.copied)).toHaveCount(0);

  await page.getByRole('button', { name: EN.result.copy, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: EN.result.copied })).toHaveText(EN.result.copied);

  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const lines = copied.split('\n');
  expect(lines).toContain(`${EN.summary.product}: ${optionLabel('product', 'ce_app')}`);
  expect(lines.some((l) => l.startsWith(`${EN.result.severity_label}: ${slotLabel('severity', 'b')}`)), copied).toBe(true);
  expect(lines).toContain(`${EN.result.response_label}: ${durationText(240)} (${slotLabel('clock', 'business_hours')})`);
  expect(lines).toContain(`${EN.result.contact_by}: ${instantText('2025-02-04T14:00:00-08:00', LA)}`);
  expect(lines).toContain(`${EN.result.go_to}: ${slotLabel('route', 'ppac')}`);
  // What was copied is what the page shows.
  const shown = page.getByRole('region', { name: EN.result.summary_title });
  await expect(shown).toContainText(`${EN.summary.product}: ${optionLabel('product', 'ce_app')}`);
  await expectAccessible(page, 'result page after copying');
});
