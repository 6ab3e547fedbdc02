#![cfg(not(target_arch = "wasm32"))]

//! The policy compiler writes Rust names of the app's types into the generated code: section and
//! journey variants. Its lists must be the app's own lists, in the same order, or the generated
//! code names the wrong variant (or none).

use support_navigator::policy::model::Section;
use support_navigator::policy::Journey;

#[test]
fn the_compiler_knows_the_apps_sections_in_order() {
    let compiler: Vec<&str> = policy_compiler::SECTIONS
        .iter()
        .map(|(id, _)| *id)
        .collect();
    let app: Vec<&str> = Section::ALL.iter().map(|s| s.id()).collect();
    assert_eq!(compiler, app);
    for ((_, variant), section) in policy_compiler::SECTIONS.iter().zip(Section::ALL) {
        assert_eq!(*variant, format!("{section:?}"));
    }
}

#[test]
fn the_compiler_knows_the_apps_journeys_in_order() {
    let compiler: Vec<&str> = policy_compiler::JOURNEYS
        .iter()
        .map(|(slug, _)| *slug)
        .collect();
    let app: Vec<&str> = Journey::ALL.iter().map(|j| j.slug()).collect();
    assert_eq!(compiler, app);
    for ((_, variant), journey) in policy_compiler::JOURNEYS.iter().zip(Journey::ALL) {
        assert_eq!(*variant, format!("{journey:?}"));
    }
}
