//! Does every question the flow asks change the answer? A question whose answer the result never
//! uses costs the visitor a page for nothing (a new user was asked region, time zone and language
//! on paths whose result ignores all three). The verifier checks it on every path with this.
//!
//! At each point where the flow asks a choice question, the walk ([`crate::engine::paths`]) tries
//! every option, and each option leads to a subtree of further questions and results. The
//! question is **unused there** when every option's subtree is the same: the same questions
//! asked after it, with the same answers, ending in the same outcomes. Subtrees are compared by a
//! fingerprint built while walking, so the check adds a few hashes per leaf, not evaluations.
//!
//! What counts as "the same outcome" is everything the result page is built from: the concluded
//! slots' values, the rules that fired (each explains part of the page), the response target and its
//! deadline, the language window, the agreement's end and the notes and notices.
//!
//! The time zone is a free field, walked with one sample zone, so options cannot be compared;
//! it is used when some result after it shows a time in the visitor's zone ([`zone_shown`]), or
//! asks for the region, which the app proposes from the zone. Conversely, a result that shows a
//! time must have asked for the zone (else the time would be written in UTC).
//! Dates and counts are walked at boundary samples chosen to give different results, so they
//! are not checked here.

use crate::engine::answers::{Answer, Answers};
use crate::engine::outcome::Outcome;
use crate::policy::data::{q, QUESTIONS, SLOTS};
use crate::policy::model::QuestionKind;
use crate::policy::Journey;
use std::hash::{Hash, Hasher};

/// A fast, non-cryptographic hasher (FxHash's multiply-rotate): fingerprints are compared within
/// one run, so SipHash's protection against chosen inputs buys nothing and costs the verifier.
#[derive(Default)]
struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }
    fn write_u16(&mut self, n: u16) {
        self.write_u64(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_i64(&mut self, n: i64) {
        self.write_u64(u64::from_ne_bytes(n.to_ne_bytes()));
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// A question asked on some path where no option changes the result: the first such node found
/// with the fewest earlier answers.
#[derive(Clone, Debug)]
pub struct UnusedQuestion {
    pub question: &'static str,
    pub journey: Journey,
    /// The answers given before the question was asked, as `question=option` pairs.
    pub before: Vec<(&'static str, String)>,
}

impl std::fmt::Display for UnusedQuestion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let before: Vec<String> = self
            .before
            .iter()
            .map(|(q, v)| format!("{q}={v}"))
            .collect();
        write!(
            f,
            "question `{}` is asked but no answer to it changes the result, in {} after {}",
            self.question,
            self.journey.slug(),
            before.join(" ")
        )
    }
}

/// One question being walked: a fingerprint per option tried so far, and the one being built.
struct Frame {
    question: u8,
    /// Finished options' subtree fingerprints.
    options: Vec<u64>,
    current: u64,
    /// Whether some result below shows a time in the visitor's zone or asks the region (for the
    /// time zone).
    zone_used: bool,
}

/// The fingerprints of the questions on the current path, innermost last.
pub struct QuestionUse {
    journey: Journey,
    frames: Vec<Frame>,
    /// Distinct outcome fingerprints of the leaf being evaluated (one per open/closed state).
    leaf: Vec<u64>,
    /// Whether the leaf being evaluated shows a time in the visitor's zone at some instant.
    leaf_shows_zone: bool,
    /// Whether this journey asks the time zone at all (looked up once, not per leaf).
    asks_zone: bool,
    /// Per question, the shortest path where it was found unused.
    pub unused: Vec<Option<UnusedQuestion>>,
    /// A path whose result shows a time in the visitor's zone without having asked for it (the
    /// time would be written in UTC): the converse of an unused time zone.
    pub zone_missing: Option<Vec<(&'static str, String)>>,
}

impl QuestionUse {
    pub fn new(journey: Journey) -> Self {
        QuestionUse {
            journey,
            frames: Vec::new(),
            leaf: Vec::new(),
            leaf_shows_zone: false,
            asks_zone: QUESTIONS
                .get(usize::from(q::TIME_ZONE))
                .is_some_and(|d| d.journeys.contains(&journey)),
            unused: vec![None; QUESTIONS.len()],
            zone_missing: None,
        }
    }

    /// The walk is about to try the options of `question`.
    pub fn question(&mut self, question: u8) {
        self.frames.push(Frame {
            question,
            options: Vec::new(),
            current: 0,
            zone_used: false,
        });
    }

    /// One evaluation of the current leaf.
    pub fn outcome(&mut self, out: &Outcome) {
        let print = fingerprint(out);
        if !self.leaf.contains(&print) {
            self.leaf.push(print);
        }
        self.leaf_shows_zone |= zone_shown(self.journey, out);
    }

    /// The current leaf is complete: fold its outcomes into every open question's fingerprint.
    pub fn leaf_done(&mut self, answers: &Answers, asked: &[u8]) {
        // Order-free: the instants reach a region's open and closed states in either order.
        self.leaf.sort_unstable();
        let mut suffix = mix(0, &self.leaf);
        self.leaf.clear();
        // `asked[i]` is frame i's question (the walk's fixed first answer has no frame); frame
        // i's subtree is told apart by the answers after it and the outcomes.
        let offset = asked.len().saturating_sub(self.frames.len());
        for depth in (0..self.frames.len()).rev() {
            if let Some(frame) = self.frames.get_mut(depth) {
                frame.current = frame.current.wrapping_mul(0x100_0000_01b3) ^ suffix;
            }
            if let Some(&q) = asked.get(depth + offset) {
                suffix = mix(suffix, &(q, answer_key(answers.get(q))));
            }
        }
        // The zone is used where the page shows a time in it, and where the region is asked:
        // the app proposes the region from the zone.
        let shown = std::mem::take(&mut self.leaf_shows_zone);
        let zone_used = shown || answers.get(q::REGION).is_some();
        if shown && self.asks_zone && answers.get(q::TIME_ZONE).is_none() {
            let path = answers.pairs();
            if self
                .zone_missing
                .as_ref()
                .is_none_or(|p| path.len() < p.len())
            {
                self.zone_missing = Some(path);
            }
        }
        for frame in &mut self.frames {
            frame.zone_used |= zone_used;
        }
    }

    /// The subtree of one option of the innermost question is complete.
    pub fn option_done(&mut self) {
        if let Some(frame) = self.frames.last_mut() {
            frame.options.push(std::mem::take(&mut frame.current));
        }
    }

    /// Every option of the innermost question has been walked; `answers` are those before it.
    pub fn question_done(&mut self, answers: &Answers) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        let is_choice = QUESTIONS
            .get(usize::from(frame.question))
            .is_some_and(|d| d.kind == QuestionKind::Choice);
        let same = frame.options.windows(2).all(|w| w[0] == w[1]);
        let unused = if is_choice {
            frame.options.len() > 1 && same
        } else {
            frame.question == q::TIME_ZONE && !frame.zone_used
        };
        if unused {
            self.record(frame.question, answers);
        }
    }

    fn record(&mut self, question: u8, answers: &Answers) {
        // The walk has cleared the question's own answer by now: these are the ones before it.
        let before = answers.pairs();
        let Some(slot) = self.unused.get_mut(usize::from(question)) else {
            return;
        };
        if slot.as_ref().is_none_or(|u| before.len() < u.before.len()) {
            *slot = Some(UnusedQuestion {
                question: question_id(question).unwrap_or("?"),
                journey: self.journey,
                before,
            });
        }
    }
}

fn question_id(question: u8) -> Option<&'static str> {
    QUESTIONS.get(usize::from(question)).map(|d| d.id)
}

/// Whether the result shows a time in the visitor's zone: a contact deadline, the opening of
/// their language's hours, or (the language journey) the clock of support hours.
pub fn zone_shown(journey: Journey, out: &Outcome) -> bool {
    journey == Journey::LanguageHours
        || out.language_window_opens.is_some()
        || out.response.is_some_and(|r| r.contact_by.is_some())
}

fn answer_key(answer: Option<Answer>) -> (u8, i64) {
    match answer {
        None => (0, 0),
        Some(Answer::Choice(o)) => (1, i64::from(o)),
        Some(Answer::Date(d)) => (2, i64::from(chrono::Datelike::num_days_from_ce(&d))),
        Some(Answer::Count(n)) => (3, i64::from(n)),
        Some(Answer::Zone(z)) => (4, i64::from_ne_bytes(mix(0, &z.0).to_ne_bytes())),
    }
}

fn mix(seed: u64, value: &impl Hash) -> u64 {
    let mut h = Fx::default();
    seed.hash(&mut h);
    value.hash(&mut h);
    h.finish()
}

/// Everything the result page is built from, hashed.
fn fingerprint(out: &Outcome) -> u64 {
    let mut h = Fx::default();
    // Derived slots (is the region open now, how old is the case...) are not shown: their
    // effect reaches the page through the rules that read them.
    for (slot, def) in out.slots.iter().zip(SLOTS) {
        if !def.derived {
            slot.map(|s| s.value).hash(&mut h);
        }
    }
    out.fired.hash(&mut h);
    out.response
        .map(|r| (r.target, r.minutes, r.around_the_clock, r.contact_by))
        .hash(&mut h);
    out.language_window_opens.hash(&mut h);
    out.agreement_expires.hash(&mut h);
    out.sources_differ.hash(&mut h);
    out.notices.hash(&mut h);
    h.finish()
}
