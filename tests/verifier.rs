//! The exhaustive verifier must pass: every reachable path complete and consistent, every rule
//! firing somewhere, every question asked somewhere, every citation resolving.

use support_navigator::engine::verifier::verify;

#[test]
fn the_whole_answer_space_verifies() {
    let report = verify();
    println!(
        "verifier: {} paths, {} evaluations in {:.2?}",
        report.paths, report.evaluations, report.elapsed
    );
    let mut msg = String::new();
    for line in report.findings().iter().take(60) {
        msg.push_str(&format!("\n  {line}"));
    }
    assert!(report.ok(), "verifier found problems:{msg}");
    assert!(report.paths > 0);
}

/// A deliberately wrong rule set: EA-4 loses its precedence over the issue-type and preview rules
/// (priority 10, as before the fix), so a plan "covers" a subscription in another enrollment. The
/// verifier must fail, naming the invariant the seeds state (000:260) with a path and a deep link
/// that show the other enrollment, and naming the override that nobody declared.
#[test]
fn a_planted_wrong_precedence_is_caught() {
    use support_navigator::engine::verifier::verify_rules;
    use support_navigator::policy::data::RULES;
    use support_navigator::policy::model::Rule;

    let mut rules: Vec<Rule> = RULES.to_vec();
    let planted = rules
        .iter_mut()
        .filter(|r| r.id == "EA-4" && r.part.is_empty())
        .map(|r| r.priority = 10)
        .count();
    assert_eq!(planted, 1, "EA-4 is one rule");

    let report = verify_rules(&rules);
    assert!(!report.ok(), "the planted rule must fail the verifier");
    let broken = report
        .violations
        .iter()
        .find(|v| v.invariant == "EA-4")
        .unwrap_or_else(|| panic!("invariant EA-4 not reported: {:#?}", report.findings()));
    assert!(
        broken
            .answers
            .iter()
            .any(|(q, a)| *q == "ea_enrollment" && a == "other_enrollment"),
        "the counterexample shows the other enrollment: {broken}"
    );
    assert!(broken.link().contains("ea_enrollment=other_enrollment"));
    assert!(broken.to_string().contains("invariant EA-4 broken"));
    assert!(
        report
            .undeclared_overrides
            .iter()
            .any(|o| o.contains("overrides EA-4 on `coverage`")),
        "the undeclared override is named: {:#?}",
        report.undeclared_overrides
    );
}

/// A question whose answer stopped mattering: with every rule that reads the RCA scope removed,
/// both scopes lead to the same result, so the question is asked for nothing. The verifier must
/// name it, with the answers before it (an RCA request).
#[test]
fn a_planted_unused_question_is_caught() {
    use support_navigator::engine::verifier::verify_rules;
    use support_navigator::policy::data::{q, RULES};
    use support_navigator::policy::model::{Rule, Var};

    let reads_scope = |r: &Rule| r.when.iter().any(|a| a.var == Var::Question(q::RCA_SCOPE));
    let rules: Vec<Rule> = RULES.iter().filter(|r| !reads_scope(r)).cloned().collect();
    assert!(rules.len() < RULES.len(), "some rules read the RCA scope");

    let report = verify_rules(&rules);
    let unused = report
        .unused_questions
        .iter()
        .find(|u| u.question == "rca_scope")
        .unwrap_or_else(|| panic!("rca_scope not reported: {:#?}", report.findings()));
    assert!(
        unused
            .before
            .iter()
            .any(|(q, a)| *q == "issue" && a == "rca"),
        "the path shows the RCA request: {unused}"
    );
    assert!(unused
        .to_string()
        .contains("no answer to it changes the result"));
    // The questions that still matter are not reported.
    assert!(report
        .unused_questions
        .iter()
        .all(|u| u.question == "rca_scope"));
}

/// The kind of help only narrows the situations offered; the walk relies on nothing else reading
/// it (`engine::paths::candidates`). A rule that reads it must be named.
#[test]
fn a_rule_reading_the_kind_of_help_is_caught() {
    use support_navigator::engine::verifier::check_narrowings;
    use support_navigator::policy::data::{q, v, RULES};
    use support_navigator::policy::model::{Atom, Rule, Var};

    assert_eq!(check_narrowings(RULES), Vec::<String>::new());
    let mut rules: Vec<Rule> = RULES.to_vec();
    let planted = rules.first_mut().expect("rules exist");
    let mut when = planted.when.to_vec();
    when.push(Atom {
        var: Var::Question(q::HELP_KIND),
        mask: 1 << v::help_kind::PROBLEM,
        negated: false,
    });
    planted.when = Box::leak(when.into_boxed_slice());
    let label = support_navigator::policy::data::rule_label(planted);
    let problems = check_narrowings(&rules);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains(&format!("rule {label} reads `help_kind`")),
        "{problems:?}"
    );
}
