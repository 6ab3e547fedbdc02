// How a result page reads on a phone: where the decision, the first step's link and the Copy
// button are, how many words come before the first closed section, and how tall the page is.
// Shared by result-fold.spec.mjs (the acceptance test) and e2e/measure-results.mjs (the numbers
// for a closing note, against any build).

/** The three personas of issue 18, as deep links with the instant each is walked at. */
export const PERSONAS = [
  {
    name: 'admin-outage',
    title: 'An admin with an outage now (Amsterdam, Tuesday morning)',
    now: '2025-02-04T09:00:00Z',
    timezoneId: 'Europe/Amsterdam',
    query: '?j=open-request&p=result&product=power_apps&help_kind=problem&issue=outage&service_health=not_listed&preview=ga&plan=subscription&role=admin&impact=critical&region=emea&time_zone=Europe/Amsterdam&language=english',
  },
  {
    name: 'premier-tokyo-night',
    title: 'A Premier customer in Tokyo at night, asking for Japanese',
    now: '2025-02-04T15:00:00Z',
    timezoneId: 'Asia/Tokyo',
    query: '?j=open-request&p=result&product=ce_app&help_kind=problem&issue=break_fix&preview=ga&plan=premier&role=admin&ea_enrollment=not_ea&impact=critical&region=japan&time_zone=Asia/Tokyo&language=japanese',
  },
  {
    name: 'partner-onprem-no-plan',
    title: 'A partner with an on-premises customer whose plan is not listed',
    now: '2025-02-04T09:00:00Z',
    timezoneId: 'Europe/Berlin',
    query: '?j=on-premises&p=result&product=ce_onprem&onprem_offer=none&account=msa&lifecycle=mainstream&impact=critical&critical_24h=business_hours',
  },
];

/**
 * The page's measures, in CSS pixels from the top of the document: `decision` (the h1),
 * `firstLink` (the first link in the numbered steps, or null), `copy` (the Copy button, or null),
 * `wordsBeforeFold` (the words a reader sees in <main> before the first closed section of
 * explanations; the key facts count, the summary's own closed text does not), `words` (all of
 * <main>, as shown) and `height` (the document's scroll height).
 */
export async function measureResult(page) {
  return page.evaluate(() => {
    const top = (el) => (el ? Math.round(el.getBoundingClientRect().top + window.scrollY) : null);
    const main = document.querySelector('main') || document.body;
    const words = (s) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    // The first closed section below the answer (before the redesign: the "Why this answer"
    // disclosure, the only one).
    const firstDetails = main.querySelector('details.result-section') || main.querySelector('details');
    let before = '';
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (firstDetails && (firstDetails.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING
        || firstDetails.contains(n))) break;
      const el = n.parentElement;
      if (el && el.closest('.visually-hidden, [hidden], script, style')) continue;
      if (el && el.closest('details:not([open])') && !el.closest('summary')) continue;
      if (el && getComputedStyle(el).display === 'none') continue;
      before += ` ${n.textContent}`;
    }
    const copy = [...main.querySelectorAll('button')].find((b) => /copy|kopi|salin/i.test(b.textContent));
    return {
      decision: top(main.querySelector('h1')),
      firstLink: top(main.querySelector('.steps a')),
      copy: top(copy),
      wordsBeforeFold: words(before),
      words: words(main.innerText),
      height: document.documentElement.scrollHeight,
    };
  });
}
