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
    for p in report.problems.iter().take(25) {
        msg.push_str(&format!("\n  {p}"));
    }
    if !report.unfired_rules.is_empty() {
        msg.push_str(&format!(
            "\n  rules that never fire: {}",
            report.unfired_rules.join(", ")
        ));
    }
    if !report.unasked_questions.is_empty() {
        msg.push_str(&format!(
            "\n  questions never asked: {}",
            report.unasked_questions.join(", ")
        ));
    }
    assert!(report.ok(), "verifier found problems:{msg}");
    assert!(report.paths > 0);
}
