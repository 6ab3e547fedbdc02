// Smoke walks: three worked scenarios of tests/scenarios.toml, end to end through the interface
// as a person would take them. The clock is set to the scenario's `now` (and the browser to its
// time zone), every question is answered by clicking the option label from locales/en.json
// (zones by their select label, dates and counts typed), through "Check your answers" to the
// result, whose rows are compared with the scenario's expectations worded as the page words them.
//
// All 60 scenarios are asserted natively through the result page's view (`result::result_view`,
// tests/scenarios.rs), and every kind of answer row is checked on the page against that view by
// result-rows.spec.mjs. These three are a baseline (SC-001), sources that differ (SC-003) and an
// on-premises agreement with its expiry (SC-051), copied from tests/scenarios.toml; `complete`
// adds answers where a scenario stops before the wizard's last question. RESPONSE_MINUTES is
// policy/facts/response_targets.toml.
import { test, expect, expectAccessible } from './fixtures.mjs';
import {
  EN, ROW_HEADINGS, CHECK_TITLE, RESULT_TITLE, JOURNEY_TITLES, h1, answerAll, shownFor, seeResult, resultFacts, slotLabel,
  decisionText, shortInstantText,
  durationText, instantText,
  dateText,
} from './wizard-helpers.mjs';

const RESPONSE_MINUTES = {
  subscription_a: 60, subscription_b: 240, subscription_c: 480,
  prodirect_a: 60, prodirect_b: 120, prodirect_c: 240,
  premier_a: 60, premier_b: 120, premier_c: 240,
  unified_core_critical: 60, unified_advanced_critical: 60, unified_performance_critical: 30,
  unified_core_standard: 480, unified_advanced_standard: 240, unified_performance_standard: 240,
  unified_enterprise_a: 60, unified_enterprise_b: 120, unified_enterprise_c: 240,
  professional_a: 120, professional_b: 240, professional_c: 480,
};

const SCENARIOS = [
  {
    id: "SC-001", journey: "open-request", now: "2025-02-04T10:00:00-08:00",
    title: "Baseline: CE app break-fix, Subscription, moderate, North America business hours",
    answers: { product: "ce_app", issue: "break_fix", preview: "ga", plan: "subscription", role: "admin", impact: "moderate", b_clock: "business_hours", region: "north_america", time_zone: "America/Los_Angeles", language: "english" },
    expect: { route: "ppac", coverage: "covered", severity: "b", response: "subscription_b", clock: "business_hours", contact_by: "2025-02-04T14:00:00-08:00", language_now: "english" },
    rules: ["SCOPE-1", "SCOPE-3", "PLAN-1", "PLAN-2", "PLAN-3", "PLAN-5", "PLAN-8", "PORTAL-1", "PORTAL-2", "PORTAL-9", "PORTAL-12", "ROLE-1", "BREAKFIX-1", "SEV-3", "RESP-1", "RESP-2", "RESP-3", "RESP-10", "HOURS-4", "HOURS-8", "LANG-1"],
  },
  {
    id: "SC-003", journey: "open-request", now: "2025-02-05T09:00:00+01:00",
    title: "ProDirect severity B in French during EMEA business hours",
    answers: { product: "power_automate", issue: "break_fix", preview: "ga", plan: "prodirect", role: "admin", ea_enrollment: "not_ea", impact: "moderate", b_clock: "business_hours", region: "emea", time_zone: "Europe/Paris", language: "french" },
    expect: { route: "ppac", coverage: "covered", severity: "b", response: "prodirect_b", clock: "business_hours", contact_by: "2025-02-05T11:00:00+01:00", language_now: "requested_may_be_available", sources_differ: ["C-02", "C-03"] },
    rules: ["PORTAL-1", "PLAN-5", "PLAN-6", "SEV-3", "SEV-8", "RESP-4", "H24-2", "H24-4", "HOURS-3", "HOURS-8", "LANG-3", "LANG-6", "LANG-8"],
  },
  {
    id: "SC-051", journey: "on-premises", now: "2025-02-12T10:00:00Z",
    title: "Expired MPN agreement (1 year + 30 days)",
    answers: { product: "onprem_other", onprem_offer: "maicpp", have_ids: "yes", lifecycle: "mainstream", activation: "activated", activation_date: "2024-01-10", incidents_left: "6" },
    // The agreement has expired, but a single incident can still be bought, so the journey asks
    // the business impact last; the scenario gives none, so one completes the path. It adds a
    // severity for that incident, which the scenario leaves open.
    complete: { impact: "moderate" },
    expect: { route: "support_for_business", offer_state: "expired", agreement_expires: "2025-02-09" },
    rules: ["AGREEMENT-1", "AGREEMENT-5", "AGREEMENT-6", "AGREEMENT-7", "PPI-1"],
  },
];

/** Result-page row (term) of each expectation field that is an outcome slot. */
const SLOT_ROWS = Object.fromEntries(
  ['route', 'reopen', 'offer_state', 'coverage', 'filer', 'severity', 'language_now'].map((f) => [f, ROW_HEADINGS[f]]),
);

for (const sc of SCENARIOS) {
  const answers = { ...sc.answers, ...(sc.complete ?? {}) };
  const skip = new Set(sc.skip ?? []);
  const checks = (field) => field in sc.expect && !skip.has(field);

  test.describe(sc.id, () => {
    test.use({ locale: 'en-GB', timezoneId: answers.time_zone ?? 'UTC' });

    test(`${sc.id} ${sc.title}`, async ({ page }) => {
      test.slow(); // a full journey through the interface
      // Date.now() is the scenario's instant for the whole visit (timers keep running).
      await page.clock.setFixedTime(new Date(sc.now));
      await page.goto('/');
      await page.getByRole('link', { name: JOURNEY_TITLES[sc.journey], exact: true }).click();
      const asked = await answerAll(page, answers);
      expect([...asked].sort(), 'the journey asked exactly the scenario\'s questions (less those it proposed)').toEqual(shownFor(answers));
      await expect(h1(page)).toHaveText(CHECK_TITLE);
      await seeResult(page);
      await expect(h1(page)).toHaveText(RESULT_TITLE);
      await expectAccessible(page, `result page of ${sc.id}`);
      const facts = await resultFacts(page);
      // A row is among the key facts, or the decision above them says it in its own words.
      const decision = await decisionText(page);
      const inDecision = (field, value) => (field === 'route' ? EN.routes[value].action
        : field === 'coverage' && value === 'not_covered' ? EN.page.decision_not_covered
          : slotLabel(field, value));

      for (const [field, row] of Object.entries(SLOT_ROWS)) {
        if (!checks(field)) continue;
        const value = sc.expect[field];
        if (value === 'unset') expect(facts[row], `${sc.id}: no "${row}" row`).toBeUndefined();
        else if (facts[row] !== undefined) expect(facts[row], `${sc.id}: "${row}"`).toBe(slotLabel(field, value));
        else expect(decision, `${sc.id}: the decision says ${field}`).toContain(inDecision(field, value));
      }

      if (checks('response')) {
        const row = EN.result.response_label;
        if (sc.expect.response === 'unset') {
          expect(facts[row], `${sc.id}: no response target`).toBeUndefined();
          expect(facts[EN.result.contact_by], `${sc.id}: no contact time`).toBeUndefined();
        } else if (sc.expect.response === 'silent') {
          // A request is filed, but the documents state no response time: the page says so.
          expect(facts[row], `${sc.id}: "${row}"`).toBe(slotLabel('response', 'silent'));
          expect(facts[EN.result.contact_by], `${sc.id}: no contact time`).toBeUndefined();
        } else {
          // The clock is shown with the response target (without one, the page does not show it).
          const minutes = RESPONSE_MINUTES[sc.expect.response];
          expect(minutes, `known response target ${sc.expect.response}`).toBeDefined();
          expect(facts[row], `${sc.id}: "${row}"`).toBe(`${durationText(minutes)} (${slotLabel('clock', sc.expect.clock)})`);
        }
      }

      if (checks('contact_by')) {
        expect(decision, `${sc.id}: the decision says when to expect contact`)
          .toContain(shortInstantText(sc.expect.contact_by, answers.time_zone));
      }

      if (checks('agreement_expires')) {
        expect(facts[EN.result.agreement_expires], `${sc.id}: "${EN.result.agreement_expires}"`).toBe(dateText(sc.expect.agreement_expires));
      }

      if (checks('sources_differ')) {
        // Named in the reader's words, without the conflict's code.
        const differ = page.getByRole('group').filter({ hasText: EN.page.differ_title });
        await differ.getByText(EN.page.differ_title, { exact: true }).click();
        for (const c of sc.expect.sources_differ) {
          await expect(differ.getByRole('listitem').filter({ hasText: EN.conflicts[c] }), `${sc.id}: sources differ ${c}`).toHaveCount(1);
        }
      }

      // Every rule the scenario names is in the "Why this answer" trace.
      const rules = sc.rules.filter((r) => !skip.has(`rule:${r}`));
      if (rules.length > 0) {
        await page.getByText(EN.page.staff_title, { exact: true }).click();
        const trace = page.getByRole('group').filter({ hasText: EN.page.staff_title }).getByRole('list');
        await expect(trace).toBeVisible();
        const text = await trace.textContent();
        const missing = rules.filter((r) => !new RegExp(`(^|[^A-Z0-9-])${r}(?![0-9])`).test(text));
        expect(missing, `${sc.id}: rules missing from "Why this answer"`).toEqual([]);
      }
    });
  });
}
