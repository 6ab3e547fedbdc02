//! The page cover: a small set of pages that together show everything the journeys can show, for
//! the accessibility test that runs axe on "every page" (e2e/tests/a11y-every-page.spec.mjs).
//!
//! A journey has about a million answer paths, so "every page" cannot mean every URL. It means:
//!
//! * every **question** a journey can ask, once (the page as the flow first reaches it);
//! * every **part of a result page** at least once: each answer row, each explanation section,
//!   "sources differ", each notice, the region open and closed (see [`Part`]);
//! * **Check your answers** of each journey, once for each kind of answer row it can show
//!   (choice, date, count, time zone: each is written differently).
//!
//! The pages come from the engine's own flow (`next_question`, the verifier's answer samples and
//! instants), so a new question, answer row, section or notice is checked without touching the
//! test.
//! Run by `support-navigator-cli page-cover`, which prints [`Cover`] as JSON.

use crate::engine::answers::Answers;
use crate::engine::derived::region_weekly_hours;
use crate::engine::evaluate::{evaluate_with, Context};
use crate::engine::flow::next_question;
use crate::engine::outcome::{Notice, Outcome, HEADLINE_LANGUAGE_SLOT, HEADLINE_SLOTS};
use crate::engine::verifier::{candidates, sample_instants};
use crate::policy::data::{slot_index, QUESTIONS};
use crate::policy::model::{QuestionKind, Section};
use crate::policy::Journey;
use crate::state::route::{Page, Route};
use chrono::{DateTime, Utc};
use std::collections::BTreeSet;

/// What a page is, for reports and for finding it on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageKind {
    Question(u8),
    Check,
    Result,
}

/// One page to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverPage {
    pub journey: Journey,
    pub kind: PageKind,
    /// The answers the page is shown with (for a question page: those given before it).
    pub answers: Answers,
    /// The instant the browser's clock is set to: the result depends on it (open now, deadlines,
    /// how long ago a date was).
    pub now: DateTime<Utc>,
}

impl CoverPage {
    /// The page's deep link, as the app writes it (`Route::to_query`).
    pub fn query(&self) -> String {
        let page = match self.kind {
            PageKind::Question(q) => Page::Question(q),
            PageKind::Check => Page::Check,
            PageKind::Result => Page::Result,
        };
        Route {
            journey: Some(self.journey),
            page,
            answers: self.answers,
            language: None,
        }
        .to_query()
    }
}

/// A complete walk through a journey: the questions in the order the flow asks them, with the
/// answers given, ending on Check your answers and the result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Walk {
    pub journey: Journey,
    /// `(question, answer)` in asking order.
    pub steps: Vec<(u8, String)>,
    pub answers: Answers,
    pub now: DateTime<Utc>,
}

/// The pages to check, in journey order, and the walks they were taken from.
#[derive(Debug, Default)]
pub struct Cover {
    pub pages: Vec<CoverPage>,
    pub walks: Vec<Walk>,
    /// Answer paths looked at (leaves of the answer trees).
    pub paths: u64,
}

/// Computes the cover of every journey.
pub fn cover() -> Cover {
    let instants = sample_instants();
    let mut out = Cover::default();
    for journey in Journey::ALL {
        let mut search = Search {
            journey,
            instants: &instants,
            asked: vec![false; QUESTIONS.len()],
            check_kinds: Vec::new(),
            seen: BTreeSet::new(),
            pending: Vec::new(),
            steps: Vec::new(),
            cover: &mut out,
        };
        search.walk(&mut Answers::new());
    }
    out
}

/// One visible part of a result page. A result page is kept when it shows a part that no kept
/// result page of its journey showed: each answer row, each explanation section, "sources
/// differ", each notice, and the region open and closed (the live clock's two faces).
///
/// Why parts and not combinations: the journeys have about 400 distinct combinations of rows,
/// sections, notices and open/closed (255 in journey 1; 186 distinct sets of sections alone),
/// and checking each in four languages, standalone and embedded, would take more than ten
/// minutes; axe judges elements, and every element a result can show is on a page of the cover.
/// Headline values (each route, each coverage answer) are not parts either: they change only the
/// words in an answer row (build.rs checks that every one has its text in every language), and
/// would add 57 result pages to the 33.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    /// An answer row: a headline slot by name, or the response, contact-by, language window
    /// and expiry rows.
    Row(&'static str),
    Section(Section),
    SourcesDiffer,
    Notice(u8),
    /// Whether the region's support is open now.
    Open(bool),
}

fn parts(answers: &Answers, out: &Outcome, now: DateTime<Utc>) -> Vec<Part> {
    let mut parts = Vec::new();
    for slot in HEADLINE_SLOTS.into_iter().chain([HEADLINE_LANGUAGE_SLOT]) {
        let value = slot_index(slot)
            .and_then(|s| out.slots.get(usize::from(s)).copied().flatten())
            .map(|v| v.value);
        if value.is_some() {
            parts.push(Part::Row(slot));
        }
    }
    let rows = [
        (
            "response",
            out.response.is_some() || out.value("response").is_some(),
        ),
        (
            "contact_by",
            out.response.and_then(|r| r.contact_by).is_some(),
        ),
        ("language_opens", out.language_window_opens.is_some()),
        ("agreement_expires", out.agreement_expires.is_some()),
    ];
    parts.extend(
        rows.iter()
            .filter(|(_, on)| *on)
            .map(|(row, _)| Part::Row(row)),
    );
    parts.extend(
        Section::ALL
            .into_iter()
            .filter(|&s| out.shown_in(s).next().is_some())
            .map(Part::Section),
    );
    if !out.sources_differ.is_empty() {
        parts.push(Part::SourcesDiffer);
    }
    parts.extend(out.notices.iter().map(|n| {
        Part::Notice(match n {
            Notice::HolidaysUnknown => 0,
            Notice::ClockLooksWrong => 1,
            Notice::TimeZoneNeeded => 2,
        })
    }));
    if let Some(hours) = region_weekly_hours(answers) {
        parts.push(Part::Open(hours.is_open(now, &[])));
    }
    parts
}

struct Search<'a> {
    journey: Journey,
    instants: &'a [DateTime<Utc>],
    /// Questions whose page is already in the cover.
    asked: Vec<bool>,
    /// Kinds of answer row already on a kept Check your answers page of this journey.
    check_kinds: Vec<QuestionKind>,
    /// Result parts already on a kept result page of this journey.
    seen: BTreeSet<Part>,
    /// Question pages reached for the first time since the last walk was kept; the next leaf
    /// completes them into a walk.
    pending: Vec<CoverPage>,
    /// The questions on the way to the current node, in asking order.
    steps: Vec<u8>,
    cover: &'a mut Cover,
}

impl Search<'_> {
    /// Depth-first over every answer the flow can take (as the verifier walks it).
    fn walk(&mut self, answers: &mut Answers) {
        match next_question(answers, self.journey) {
            None => self.leaf(answers),
            Some(q) => {
                if let Some(seen) = self.asked.get_mut(usize::from(q)) {
                    if !*seen {
                        *seen = true;
                        self.pending.push(CoverPage {
                            journey: self.journey,
                            kind: PageKind::Question(q),
                            answers: *answers,
                            now: self.instants.first().copied().unwrap_or_default(),
                        });
                    }
                }
                self.steps.push(q);
                for a in candidates(q) {
                    answers.set_index(q, a);
                    self.walk(answers);
                }
                self.steps.pop();
                answers.clear(q);
            }
        }
    }

    fn leaf(&mut self, answers: &Answers) {
        self.cover.paths += 1;
        // One evaluation per open/closed state of the region, as in the verifier: rules see the
        // clock only through it.
        let hours = region_weekly_hours(answers);
        let mut seen = [false; 2];
        for &now in self.instants {
            let state = hours.map_or(0, |h| usize::from(h.is_open(now, &[])));
            if std::mem::replace(&mut seen[state], true) {
                continue;
            }
            let out = evaluate_with(
                answers,
                &Context {
                    now: Some(now),
                    holidays: &[],
                },
            );
            let mut new_parts = false;
            for part in parts(answers, &out, now) {
                new_parts |= self.seen.insert(part);
            }
            if new_parts || !self.pending.is_empty() {
                self.keep(answers, now, new_parts);
            }
        }
    }

    /// Keeps the walk ending in this leaf: its new question pages, its check page if it shows a
    /// kind of row no kept check page showed, and its result page if it shows a new part.
    fn keep(&mut self, answers: &Answers, now: DateTime<Utc>, new_parts: bool) {
        let journey = self.journey;
        self.cover.pages.append(&mut self.pending);
        let mut new_kind = false;
        for &q in &self.steps {
            if let Some(kind) = QUESTIONS.get(usize::from(q)).map(|d| d.kind) {
                if !self.check_kinds.contains(&kind) {
                    self.check_kinds.push(kind);
                    new_kind = true;
                }
            }
        }
        if new_kind {
            self.cover.pages.push(CoverPage {
                journey,
                kind: PageKind::Check,
                answers: *answers,
                now,
            });
        }
        if new_parts {
            self.cover.pages.push(CoverPage {
                journey,
                kind: PageKind::Result,
                answers: *answers,
                now,
            });
        }
        // Each answer as the URL writes it.
        let values = answers.pairs();
        let steps = self
            .steps
            .iter()
            .filter_map(|&q| {
                let id = QUESTIONS.get(usize::from(q))?.id;
                let value = values.iter().find(|(k, _)| *k == id)?.1.clone();
                Some((q, value))
            })
            .collect();
        self.cover.walks.push(Walk {
            journey,
            steps,
            answers: *answers,
            now,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::wizard::resolve;
    use std::sync::OnceLock;

    /// The cover, computed once for all tests (it walks every answer path).
    fn the_cover() -> &'static Cover {
        static COVER: OnceLock<Cover> = OnceLock::new();
        COVER.get_or_init(cover)
    }

    /// What a journey can show, by a plain search of its answer tree independent of the cover's
    /// bookkeeping: every question the flow asks, and every result part at the sample instants.
    fn explore(journey: Journey) -> (BTreeSet<u8>, BTreeSet<Part>) {
        fn go(journey: Journey, answers: &mut Answers, found: &mut (BTreeSet<u8>, BTreeSet<Part>)) {
            match next_question(answers, journey) {
                Some(q) => {
                    found.0.insert(q);
                    for a in candidates(q) {
                        answers.set_index(q, a);
                        go(journey, answers, found);
                    }
                    answers.clear(q);
                }
                None => {
                    // One instant per open/closed state, as the verifier (rules see the clock
                    // only through it).
                    let hours = region_weekly_hours(answers);
                    let mut seen = [false; 2];
                    for now in sample_instants() {
                        let state = hours.map_or(0, |h| usize::from(h.is_open(now, &[])));
                        if std::mem::replace(&mut seen[state], true) {
                            continue;
                        }
                        let ctx = Context {
                            now: Some(now),
                            holidays: &[],
                        };
                        found
                            .1
                            .extend(parts(answers, &evaluate_with(answers, &ctx), now));
                    }
                }
            }
        }
        let mut found = (BTreeSet::new(), BTreeSet::new());
        go(journey, &mut Answers::new(), &mut found);
        found
    }

    /// The result parts shown by the cover's result pages of `journey`.
    fn parts_on_result_pages(journey: Journey) -> BTreeSet<Part> {
        the_cover()
            .pages
            .iter()
            .filter(|p| p.journey == journey && p.kind == PageKind::Result)
            .flat_map(|p| {
                let ctx = Context {
                    now: Some(p.now),
                    holidays: &[],
                };
                parts(&p.answers, &evaluate_with(&p.answers, &ctx), p.now)
            })
            .collect()
    }

    #[test]
    fn every_question_and_every_result_part_of_every_journey_is_on_a_page() {
        let cover = the_cover();
        for journey in Journey::ALL {
            let (asked, shown_parts) = explore(journey);
            let of_journey = || cover.pages.iter().filter(move |p| p.journey == journey);
            let questions: Vec<u8> = of_journey()
                .filter_map(|p| match p.kind {
                    PageKind::Question(q) => Some(q),
                    _ => None,
                })
                .collect();
            let unique: BTreeSet<u8> = questions.iter().copied().collect();
            assert_eq!(
                unique.len(),
                questions.len(),
                "{}: one page per question",
                journey.slug()
            );
            assert_eq!(unique, asked, "{}: questions", journey.slug());
            assert_eq!(
                parts_on_result_pages(journey),
                shown_parts,
                "{}: result parts",
                journey.slug()
            );
            assert!(
                of_journey().any(|p| p.kind == PageKind::Check),
                "{}: check page",
                journey.slug()
            );
        }
    }

    #[test]
    fn every_page_is_shown_as_itself() {
        // The app shows the page a deep link asks for only when it makes sense for the answers
        // (`state::wizard::resolve`); every page of the cover must.
        for p in &the_cover().pages {
            let requested = match p.kind {
                PageKind::Question(q) => Page::Question(q),
                PageKind::Check => Page::Check,
                PageKind::Result => Page::Result,
            };
            let (answers, page) = resolve(p.journey, &p.answers, requested);
            assert_eq!((answers, page), (p.answers, requested), "{}", p.query());
        }
    }

    #[test]
    fn pages_are_distinct_and_the_cover_stays_small() {
        let cover = the_cover();
        let keys: BTreeSet<(String, i64)> = cover
            .pages
            .iter()
            .map(|p| (p.query(), p.now.timestamp()))
            .collect();
        assert_eq!(keys.len(), cover.pages.len());
        // Each page is checked in 4 languages × 2 modes by the browser test: keep it affordable.
        assert!(cover.pages.len() < 200, "{} pages", cover.pages.len());
    }
}
