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
//! The pages come from the verifier's own walk over every answer path (`engine::paths`), and a
//! result page's parts are read with the functions that build the page (`result::headline`,
//! `result::explanations`, `result::clock`), so a new question, answer row, section or notice is
//! checked without touching the test.
//! Run by `support-navigator-cli page-cover`, which prints [`Cover`] as JSON.

use crate::engine::answers::Answers;
use crate::engine::evaluate::Context;
use crate::engine::outcome::{Notice, Outcome};
use crate::engine::paths::{sample_instants, PathVisitor, PathWalk};
use crate::policy::data::{QUESTIONS, RULES};
use crate::policy::model::{QuestionKind, Section};
use crate::policy::Journey;
use crate::result::clock::{language_clock, ClockStatus};
use crate::result::explanations::{sections, sources_differ};
use crate::result::headline::{rows, RowKind};
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
            first_instant: instants.first().copied().unwrap_or_default(),
            asked: vec![false; QUESTIONS.len()],
            check_kinds: Vec::new(),
            seen: BTreeSet::new(),
            pending: Vec::new(),
            cover: &mut out,
        };
        let mut walk = PathWalk::new(RULES, journey, &instants);
        walk.run(&mut Answers::new(), &mut search);
        out.paths += walk.paths;
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
    /// A row of the answer.
    Row(RowKind),
    /// A kind of sentence of the decision (`Sentence::kind`).
    Decision(u8),
    /// A kind of next step (`Step::kind`).
    Step(u8),
    Section(Section),
    SourcesDiffer,
    Notice(Notice),
    /// The language clock's face: open now, or closed (with or without an opening).
    Clock(bool),
}

/// The parts of the result page of `journey` for this outcome, as the page builds them.
fn parts(journey: Journey, answers: &Answers, out: &Outcome, now: DateTime<Utc>) -> Vec<Part> {
    let rows = rows(out);
    let mut parts: Vec<Part> = rows.iter().map(|r| Part::Row(r.kind())).collect();
    let sections = sections(out, answers, &rows);
    parts.extend(
        crate::result::decision::sentences(&rows)
            .iter()
            .map(|s| Part::Decision(s.kind())),
    );
    let documented = sections.iter().find(|s| s.section == Section::Steps);
    let ctx = Context {
        now: Some(now),
        holidays: &[],
    };
    let alternatives = crate::result::alternatives::of(&rows, answers, &ctx);
    parts.extend(
        crate::result::next_steps::steps(journey, &rows, documented, &alternatives)
            .iter()
            .map(|s| Part::Step(s.kind())),
    );
    parts.extend(sections.iter().map(|s| Part::Section(s.section)));
    if !sources_differ(out).is_empty() {
        parts.push(Part::SourcesDiffer);
    }
    parts.extend(out.notices.iter().copied().map(Part::Notice));
    if journey == Journey::LanguageHours {
        if let Some(clock) = language_clock(answers, &ctx) {
            parts.push(Part::Clock(clock.status == ClockStatus::OpenNow));
        }
    }
    parts
}

struct Search<'a> {
    journey: Journey,
    /// The instant question pages are shown at.
    first_instant: DateTime<Utc>,
    /// Questions whose page is already in the cover.
    asked: Vec<bool>,
    /// Kinds of answer row already on a kept Check your answers page of this journey.
    check_kinds: Vec<QuestionKind>,
    /// Result parts already on a kept result page of this journey.
    seen: BTreeSet<Part>,
    /// Question pages reached for the first time since the last walk was kept; the next leaf
    /// completes them into a walk.
    pending: Vec<CoverPage>,
    cover: &'a mut Cover,
}

impl PathVisitor for Search<'_> {
    fn question(&mut self, question: u8, answers: &Answers, _asked: &[u8]) {
        if let Some(seen) = self.asked.get_mut(usize::from(question)) {
            if !*seen {
                *seen = true;
                self.pending.push(CoverPage {
                    journey: self.journey,
                    kind: PageKind::Question(question),
                    answers: *answers,
                    now: self.first_instant,
                });
            }
        }
    }

    fn leaf(&mut self, answers: &Answers, asked: &[u8], now: DateTime<Utc>, out: &Outcome) {
        let mut new_parts = false;
        for part in parts(self.journey, answers, out, now) {
            new_parts |= self.seen.insert(part);
        }
        if new_parts || !self.pending.is_empty() {
            self.keep(answers, asked, now, new_parts);
        }
    }
}

impl Search<'_> {
    /// Keeps the walk ending in this leaf: its new question pages, its check page if it shows a
    /// kind of row no kept check page showed, and its result page if it shows a new part.
    fn keep(&mut self, answers: &Answers, asked: &[u8], now: DateTime<Utc>, new_parts: bool) {
        let journey = self.journey;
        self.cover.pages.append(&mut self.pending);
        let mut new_kind = false;
        for &q in asked {
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
        let steps = asked
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

    /// What a journey can show, by a plain walk of its answer tree independent of the cover's
    /// bookkeeping: every question the flow asks, and every result part at the sample instants.
    fn explore(journey: Journey) -> (BTreeSet<u8>, BTreeSet<Part>) {
        #[derive(Default)]
        struct Found(BTreeSet<u8>, BTreeSet<Part>, Option<Journey>);
        impl PathVisitor for Found {
            fn question(&mut self, question: u8, _: &Answers, _: &[u8]) {
                self.0.insert(question);
            }
            fn leaf(&mut self, answers: &Answers, _: &[u8], now: DateTime<Utc>, out: &Outcome) {
                if let Some(journey) = self.2 {
                    self.1.extend(parts(journey, answers, out, now));
                }
            }
        }
        let instants = sample_instants();
        let mut found = Found(BTreeSet::new(), BTreeSet::new(), Some(journey));
        PathWalk::new(RULES, journey, &instants).run(&mut Answers::new(), &mut found);
        (found.0, found.1)
    }

    /// The parts of a whole result page, read from the `ResultView` the page renders.
    fn view_parts(view: &crate::result::ResultView) -> Vec<Part> {
        let mut parts: Vec<Part> = view.headline.iter().map(|r| Part::Row(r.kind())).collect();
        parts.extend(view.decision.iter().map(|s| Part::Decision(s.kind())));
        parts.extend(view.steps.iter().map(|s| Part::Step(s.kind())));
        parts.extend(view.sections.iter().map(|s| Part::Section(s.section)));
        if !view.sources_differ.is_empty() {
            parts.push(Part::SourcesDiffer);
        }
        parts.extend(view.notices.iter().copied().map(Part::Notice));
        if let Some(clock) = &view.clock {
            parts.push(Part::Clock(clock.status == ClockStatus::OpenNow));
        }
        parts
    }

    /// The result parts shown by the cover's result pages of `journey`, as their `ResultView`s
    /// say: the cover's own reading of the parts must agree with the page's.
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
                view_parts(&crate::result::result_view(p.journey, &p.answers, &ctx))
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
