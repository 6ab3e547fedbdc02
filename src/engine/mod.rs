//! The rule engine: `evaluate(answers, now) -> Outcome`, the question flow, and the exhaustive
//! verifier. Generic over the data in `policy`: it knows nothing about portals or plans.

pub mod answers;
pub mod derived;
pub mod evaluate;
pub mod flow;
pub mod invariant_check;
pub mod iso_date;
pub mod outcome;
pub mod paths;
pub mod question_use;
#[cfg(not(target_arch = "wasm32"))]
pub mod rule_index;
pub mod verifier;

pub use answers::{implausible, refusal, Answer, AnswerError, Answers, Implausible, Refusal};
pub use evaluate::{evaluate, evaluate_with, Context};
pub use flow::{next_question, offered_options, outcomes_by_plan, prune, relevant_questions};
pub use outcome::{Notice, Outcome, Response};
