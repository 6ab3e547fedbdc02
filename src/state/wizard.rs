//! Which page of a journey to show for a route, and where Back leads. Pure functions over the
//! engine's flow, so the browser shell only renders the page this returns.

use crate::engine::answers::Answers;
use crate::engine::flow::{next_question, prune, relevant_questions};
use crate::policy::data::q;
use crate::policy::Journey;
use crate::state::route::Page;

/// The page to show: the requested one when it makes sense for these answers, otherwise the
/// first question still to answer (or the check page when nothing is left). Answers that no
/// longer matter are dropped first, so a changed answer only re-asks what depends on it.
pub fn resolve(journey: Journey, answers: &Answers, requested: Page) -> (Answers, Page) {
    let answers = prune(answers, journey);
    let next = next_question(&answers, journey);
    let fallback = next.map_or(Page::Check, Page::Question);
    let page = match requested {
        Page::Question(q) if relevant_questions(&answers, journey).contains(&q) => requested,
        Page::Check | Page::Result if next.is_none() => requested,
        _ => fallback,
    };
    (answers, page)
}

/// Where the Back link of `page` leads: the previous question that matters, the last question
/// (from the check page), the check page (from the result), or `None` for the start page.
pub fn back(journey: Journey, answers: &Answers, page: Page) -> Option<Page> {
    let relevant = relevant_questions(answers, journey);
    match page {
        Page::Result => Some(Page::Check),
        Page::Check => relevant.last().copied().map(Page::Question),
        Page::Question(q) => {
            let i = relevant.iter().position(|&x| x == q)?;
            i.checked_sub(1)
                .and_then(|p| relevant.get(p))
                .copied()
                .map(Page::Question)
        }
        Page::Next => None,
    }
}

/// The part of a journey a question belongs to, shown above it instead of "Question n of m":
/// journeys branch, so a count's total changed from page to page ("1 of 6", then "2 of 4"); a
/// part's name does not (GOV.UK's advice for branching forms).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The product, the problem and its state (preview, lifecycle, version).
    Problem,
    /// The support plan, the visitor's role and any agreement.
    Plan,
    /// Business impact and the hours it needs.
    Urgency,
    /// Region, time zone and support language.
    Place,
    /// The earlier request being reopened.
    Earlier,
}

/// Each stage's questions. Every question is in exactly one (tested).
const STAGES: [(Stage, &[u8]); 5] = [
    (
        Stage::Problem,
        &[
            q::PRODUCT,
            q::DEPLOYMENT,
            q::HELP_KIND,
            q::ISSUE,
            q::PERF_SCOPE,
            q::SCRIPT_TESTED,
            q::SERVICE_HEALTH,
            q::RCA_SCOPE,
            q::PREVIEW,
            q::LIFECYCLE,
            q::VERSION,
        ],
    ),
    (
        Stage::Plan,
        &[
            q::PLAN,
            q::ROLE,
            q::EA_ENROLLMENT,
            q::ONPREM_OFFER,
            q::HAVE_IDS,
            q::ACCOUNT,
            q::ACTIVATION,
            q::ACTIVATION_DATE,
            q::INCIDENTS_LEFT,
            q::PURCHASE_CHANNEL,
            q::BILLING_TOPIC,
        ],
    ),
    (Stage::Urgency, &[q::IMPACT, q::B_CLOCK, q::CRITICAL_24H]),
    (Stage::Place, &[q::REGION, q::TIME_ZONE, q::LANGUAGE]),
    (
        Stage::Earlier,
        &[
            q::SAME_BUILD,
            q::SAME_ERROR_ENV,
            q::ERROR_AFTER_FIX,
            q::CLOSED_DATE,
        ],
    ),
];

/// The stage of question `q` (a question added to the vocabulary without a stage reads as part
/// of the problem until it is given one; a test fails meanwhile).
pub fn stage(q: u8) -> Stage {
    STAGES
        .iter()
        .find(|(_, qs)| qs.contains(&q))
        .map_or(Stage::Problem, |(st, _)| *st)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::data::{question_index, QUESTIONS};

    fn q(id: &str) -> u8 {
        question_index(id).expect("question exists")
    }

    #[test]
    fn an_empty_journey_starts_with_its_first_question() {
        let (_, page) = resolve(Journey::OpenRequest, &Answers::new(), Page::Next);
        assert_eq!(page, Page::Question(q("product")));
        assert_eq!(back(Journey::OpenRequest, &Answers::new(), page), None);
    }

    #[test]
    fn result_is_only_shown_when_everything_is_answered() {
        let partial = Answers::from_pairs([("product", "ce_app")]).expect("valid");
        let (_, page) = resolve(Journey::OpenRequest, &partial, Page::Result);
        assert_eq!(page, Page::Question(q("help_kind")));
        let done = Answers::from_pairs([
            ("same_build", "yes"),
            ("same_error_env", "yes"),
            ("error_after_fix", "no"),
            ("closed_date", "2025-01-22"),
            ("product", "power_apps"),
            ("plan", "subscription"),
        ])
        .expect("valid");
        let (_, page) = resolve(Journey::Reopen, &done, Page::Result);
        assert_eq!(page, Page::Result);
        assert_eq!(
            back(Journey::Reopen, &done, Page::Result),
            Some(Page::Check)
        );
    }

    #[test]
    fn changing_an_answer_drops_what_no_longer_matters() {
        // Performance asks for its scope; switching to break-fix drops that answer.
        let a = Answers::from_pairs([
            ("product", "ce_app"),
            ("issue", "performance"),
            ("perf_scope", "broad"),
        ])
        .expect("valid");
        let mut changed = a;
        changed.set("issue", "break_fix").expect("valid");
        let (kept, page) = resolve(Journey::OpenRequest, &changed, Page::Next);
        assert_eq!(kept.choice_id("perf_scope"), None);
        assert_eq!(kept.choice_id("issue"), Some("break_fix"));
        assert_eq!(page, Page::Question(q("preview")));
    }

    #[test]
    fn a_question_that_does_not_apply_is_not_shown() {
        let a = Answers::from_pairs([("product", "ce_app")]).expect("valid");
        let (_, page) = resolve(Journey::OpenRequest, &a, Page::Question(q("deployment")));
        assert_eq!(page, Page::Question(q("help_kind")));
    }

    #[test]
    fn the_kind_of_help_narrows_the_situations_and_a_new_kind_asks_again() {
        let issue = q("issue");
        let situations = |a: &Answers| -> Vec<&str> {
            crate::engine::flow::offered_options(issue, a)
                .into_iter()
                .filter_map(|o| {
                    QUESTIONS[usize::from(issue)]
                        .options
                        .get(usize::from(o))
                        .copied()
                })
                .collect()
        };
        let access =
            Answers::from_pairs([("product", "ce_app"), ("help_kind", "access")]).expect("valid");
        assert_eq!(
            situations(&access),
            ["sign_in", "entitlement", "partner_program"]
        );
        let unsure =
            Answers::from_pairs([("product", "ce_app"), ("help_kind", "not_sure")]).expect("valid");
        assert_eq!(
            situations(&unsure).len(),
            QUESTIONS[usize::from(issue)].options.len()
        );

        // An outage, then the kind changed to access: the outage is dropped and asked again.
        let mut changed = unsure;
        changed.set("issue", "outage").expect("valid");
        changed.set("help_kind", "access").expect("valid");
        let (kept, page) = resolve(Journey::OpenRequest, &changed, Page::Next);
        assert_eq!(kept.choice_id("issue"), None);
        assert_eq!(page, Page::Question(issue));
        // Back from the situation is the kind; back from the kind, the product.
        assert_eq!(
            back(Journey::OpenRequest, &kept, page),
            Some(Page::Question(q("help_kind")))
        );

        // A link that names the situation without the kind (made before the kind was asked)
        // goes on without asking it, and the check page does not list it.
        let old =
            Answers::from_pairs([("product", "ce_app"), ("issue", "performance")]).expect("valid");
        let (_, page) = resolve(Journey::OpenRequest, &old, Page::Next);
        assert_eq!(page, Page::Question(q("perf_scope")));
        assert!(!relevant_questions(&old, Journey::OpenRequest).contains(&q("help_kind")));
    }

    #[test]
    fn every_question_belongs_to_exactly_one_stage() {
        for (i, question) in QUESTIONS.iter().enumerate() {
            let i = u8::try_from(i).expect("fewer than 256 questions");
            let found = STAGES.iter().filter(|(_, qs)| qs.contains(&i)).count();
            assert_eq!(found, 1, "{} is in {found} stages", question.id);
        }
        assert_eq!(stage(q("impact")), Stage::Urgency);
        assert_eq!(stage(q("closed_date")), Stage::Earlier);
    }
}
