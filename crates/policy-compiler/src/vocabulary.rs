//! `policy/vocabulary.toml`: the questions the wizard can ask and the outcome slots rules fill.
//! Compiles them into `QUESTIONS`, `SLOTS` and the index constants `q::*` and `s::*`, and numbers
//! their texts (question titles, hints, summaries and options; slot values).

use crate::errors::Errors;
use crate::facts::Facts;
use crate::input::{QuestionIn, SlotIn, Vocabulary as VocabularyFile};
use crate::names::{CALCULATORS, JOURNEYS};
use crate::policy_text::TextKeys;
use crate::vars::{atoms, check_ids, read, Domain, Vars};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

/// The compiled vocabulary: the variables conditions may name, and the generated code.
pub struct Vocabulary {
    pub vars: Vars,
    pub code: String,
}

pub fn compile(
    policy: &Path,
    facts: &Facts,
    errors: &mut Errors,
    keys: &mut TextKeys,
) -> Option<Vocabulary> {
    let file = read::<VocabularyFile>(&policy.join("vocabulary.toml"), errors)?;
    let vars = variables(&file, facts, errors);
    number_texts(&vars, keys);
    let questions: Vec<String> = file
        .question
        .iter()
        .map(|q| question_code(q, &vars, errors))
        .collect();
    let slots: Vec<String> = vars
        .slots
        .iter()
        .map(|(id, domain, derived)| {
            format!(
                "    Slot {{ id: {id:?}, values: &{:?}, derived: {} }},\n",
                domain.values,
                derived.is_some()
            )
        })
        .collect();
    let constants = |names: Vec<&String>| {
        names
            .iter()
            .enumerate()
            .map(|(i, n)| format!("    pub const {}: u8 = {i};\n", n.to_uppercase()))
            .collect::<String>()
    };
    let code = format!(
        "pub const QUESTION_COUNT: usize = {nq};\n\
         pub const SLOT_COUNT: usize = {ns};\n\
         /// Option and value indices by id, one module per question or slot (`v::coverage::COVERED`,\n\
         /// `v::plan::PREMIER`): comparing with a value is checked by the compiler, not by spelling.\n\
         #[allow(dead_code)]\npub mod v {{\n{values}}}\n\
         /// Question indices by id.\n#[allow(dead_code)]\npub mod q {{\n{q}}}\n\
         /// Slot indices by id.\n#[allow(dead_code)]\npub mod s {{\n{s}}}\n\
         pub static QUESTIONS: &[Question] = &[\n{questions}];\n\
         pub static SLOTS: &[Slot] = &[\n{slots}];\n\
         /// Each journey's questions, in asking order.\n\
         pub static JOURNEY_QUESTIONS: &[(Journey, &[u8])] = &[\n{orders}];\n\
         /// Questions that only narrow a later question's options.\n\
         pub static NARROWINGS: &[Narrowing] = &[\n{narrowings}];\n",
        nq = vars.questions.len(),
        ns = vars.slots.len(),
        q = constants(vars.questions.iter().map(|q| &q.0).collect()),
        s = constants(vars.slots.iter().map(|s| &s.0).collect()),
        questions = questions.concat(),
        slots = slots.concat(),
        values = value_constants(&vars),
        orders = journey_orders(&file, errors),
        narrowings = narrowings(&file, errors),
    );
    Some(Vocabulary { vars, code })
}

/// `pub mod plan { pub const PREMIER: u8 = 2; ... }` for every choice question and slot (ids are
/// unique across both, so one namespace holds them all).
fn value_constants(vars: &Vars) -> String {
    let named = vars
        .questions
        .iter()
        .map(|(id, _, d)| (id, d))
        .chain(vars.slots.iter().map(|(id, d, _)| (id, d)));
    let mut code = String::new();
    for (id, domain) in named.filter(|(_, d)| !d.values.is_empty()) {
        let _ = writeln!(code, "    pub mod {id} {{");
        for (i, value) in domain.values.iter().enumerate() {
            // Ids are lowercase ascii, digits and `_`; one that starts with a digit gets a `_`.
            let name = value.to_uppercase();
            let name = if name.starts_with(|c: char| c.is_ascii_digit()) {
                format!("_{name}")
            } else {
                name
            };
            let _ = writeln!(code, "        pub const {name}: u8 = {i};");
        }
        let _ = writeln!(code, "    }}");
    }
    code
}

/// The variable namespace: every question with its options, then every slot with its values.
fn variables(file: &VocabularyFile, facts: &Facts, errors: &mut Errors) -> Vars {
    let mut vars = Vars {
        questions: Vec::new(),
        slots: Vec::new(),
    };
    let mut seen = BTreeSet::new();
    for q in &file.question {
        if !seen.insert(q.id.clone()) {
            errors.push(format!("vocabulary: duplicate id `{}`", q.id));
        }
        check_module_name(&q.id, errors);
        if !matches!(q.kind.as_str(), "choice" | "date" | "count" | "zone") {
            errors.push(format!("question `{}`: unknown kind `{}`", q.id, q.kind));
        }
        if (q.kind == "choice") == q.options.is_empty() {
            errors.push(format!(
                "question `{}`: choices need options, other kinds must not have any",
                q.id
            ));
        }
        check_ids(&q.options, &format!("question `{}`", q.id), errors);
        vars.questions.push((
            q.id.clone(),
            q.kind.clone(),
            Domain {
                values: q.options.clone(),
            },
        ));
    }
    for s in &file.slot {
        if !seen.insert(s.id.clone()) {
            errors.push(format!("vocabulary: duplicate id `{}`", s.id));
        }
        check_module_name(&s.id, errors);
        let values = slot_values(s, facts, errors);
        check_ids(&values, &format!("slot `{}`", s.id), errors);
        if let Some(d) = &s.derived {
            if !CALCULATORS.contains(&d.as_str()) {
                errors.push(format!("slot `{}`: unknown calculator `{d}`", s.id));
            }
        }
        vars.slots
            .push((s.id.clone(), Domain { values }, s.derived.clone()));
    }
    vars
}

/// Question and slot ids name the modules of `v` (and the constants of `q` and `s`), so they
/// must be Rust identifiers: lowercase ascii, digits and `_`, not starting with a digit, and not
/// a keyword.
fn check_module_name(id: &str, errors: &mut Errors) {
    const KEYWORDS: &[&str] = &[
        "as", "async", "await", "box", "break", "const", "continue", "crate", "dyn", "else",
        "enum", "extern", "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro",
        "match", "mod", "move", "mut", "priv", "pub", "ref", "return", "self", "static", "struct",
        "super", "trait", "true", "try", "type", "typeof", "unsafe", "use", "where", "while",
        "yield", "abstract", "become", "do", "final", "override", "unsized", "virtual",
    ];
    let valid = id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !valid || KEYWORDS.contains(&id) {
        errors.push(format!(
            "vocabulary: `{id}` cannot name a Rust module (lowercase letters, digits and _, starting with a letter, not a keyword)"
        ));
    }
}

fn slot_values(s: &SlotIn, facts: &Facts, errors: &mut Errors) -> Vec<String> {
    match &s.values {
        // Every cell of the response tables, then `silent`: an incident is filed but the sources
        // state no response time for it (never a blank).
        toml::Value::String(src) if src == "response_targets" => facts
            .targets
            .iter()
            .map(|t| t.id.clone())
            .chain(std::iter::once("silent".to_string()))
            .collect(),
        toml::Value::Array(a) => a
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => {
            errors.push(format!("slot `{}`: values must be a list", s.id));
            Vec::new()
        }
    }
}

/// Numbers the texts of questions (title, hint, summary, then each option) and slot values,
/// in the order `policy::text::TextId` expects.
fn number_texts(vars: &Vars, keys: &mut TextKeys) {
    for (id, _, options) in &vars.questions {
        let base = keys.push(format!("questions.{id}.title"));
        keys.question_base.push(base);
        keys.push(format!("questions.{id}.hint"));
        keys.push(format!("questions.{id}.summary"));
        for o in &options.values {
            keys.push(format!("questions.{id}.options.{o}"));
        }
    }
    for (id, values, _) in &vars.slots {
        keys.slot_base.push(keys.keys.len());
        for v in &values.values {
            keys.push(format!("slots.{id}.{v}"));
        }
    }
    // What a result page tells the customer to do for each route: the decision ("File a request
    // in …") and the text of the link that acts on it ("Open …"), two per route value.
    if let Some((_, values, _)) = vars.slots.iter().find(|(id, _, _)| id == "route") {
        keys.routes = keys.keys.len();
        for v in &values.values {
            keys.push(format!("routes.{v}.action"));
            keys.push(format!("routes.{v}.open"));
        }
    }
}

/// Every journey's questions in asking order: the vocabulary's order, or the journey's own
/// (`[[journey]] slug, order`), which must list exactly the questions of that journey.
fn journey_orders(file: &VocabularyFile, errors: &mut Errors) -> String {
    for j in &file.journey {
        if !JOURNEYS.iter().any(|(slug, _)| *slug == j.slug) {
            errors.push(format!("journey order `{}`: unknown journey", j.slug));
        }
    }
    let mut code = String::new();
    for (slug, variant) in JOURNEYS {
        let ids = journey_order(file, slug, errors);
        let indices: Vec<String> = ids
            .iter()
            .filter_map(|id| file.question.iter().position(|q| q.id == *id))
            .map(|i| i.to_string())
            .collect();
        let _ = writeln!(code, "    (Journey::{variant}, &[{}]),", indices.join(", "));
    }
    code
}

/// The question ids of journey `slug` in asking order.
fn journey_order<'f>(file: &'f VocabularyFile, slug: &str, errors: &mut Errors) -> Vec<&'f str> {
    let mut ids: Vec<&str> = file
        .question
        .iter()
        .filter(|q| q.journeys.iter().any(|j| j == slug))
        .map(|q| q.id.as_str())
        .collect();
    if let Some(custom) = file.journey.iter().find(|j| j.slug == *slug) {
        let mut expected = ids.clone();
        let mut listed: Vec<&str> = custom.order.iter().map(String::as_str).collect();
        expected.sort_unstable();
        listed.sort_unstable();
        if expected != listed {
            errors.push(format!(
                "journey order `{slug}`: must list exactly the journey's questions {expected:?}, lists {listed:?}"
            ));
        }
        ids = custom.order.iter().map(String::as_str).collect();
    }
    ids
}

/// `Narrowing { by, question, offers }` for every question that `narrows` another. The narrowed
/// question must be a later choice of the same journeys, and the answers' option lists must
/// split its options: each option offered by exactly one answer, so the walk that tries only
/// the listed answers still reaches every option once (an unlisted answer offers them all).
fn narrowings(file: &VocabularyFile, errors: &mut Errors) -> String {
    let index = |id: &str| file.question.iter().position(|q| q.id == id);
    let mut code = String::new();
    for (by_index, by) in file.question.iter().enumerate() {
        let ctx = format!("question `{}`", by.id);
        let Some(target) = &by.narrows else {
            if !by.offers.is_empty() {
                errors.push(format!("{ctx}: `offers` without `narrows`"));
            }
            continue;
        };
        let Some(question_index) = index(target) else {
            errors.push(format!("{ctx}: narrows unknown question `{target}`"));
            continue;
        };
        let Some(narrowed) = file.question.get(question_index) else {
            continue;
        };
        if by.kind != "choice" || narrowed.kind != "choice" || question_index == by_index {
            errors.push(format!("{ctx}: a choice can only narrow another choice"));
        }
        // One narrowing per question, and no chains: the walk tries a narrowing question's
        // listed answers whatever was answered before (engine::paths::candidates).
        let narrowing_target = |q: &QuestionIn| q.narrows.as_deref() == Some(target.as_str());
        if file.question.iter().filter(|q| narrowing_target(q)).count() > 1 {
            errors.push(format!(
                "{ctx}: `{target}` is narrowed by more than one question"
            ));
        }
        if file
            .question
            .iter()
            .any(|q| q.narrows.as_deref() == Some(by.id.as_str()))
            || narrowed.narrows.is_some()
        {
            errors.push(format!(
                "{ctx}: a narrowing question cannot be narrowed, nor narrow one that narrows"
            ));
        }
        if !by.ask_when.is_empty() || !by.not_when.is_empty() || !by.ask_when_any.is_empty() {
            errors.push(format!(
                "{ctx}: a narrowing question is asked wherever `{target}` is; it has no conditions of its own"
            ));
        }
        if by.journeys != narrowed.journeys {
            errors.push(format!(
                "{ctx}: must be in exactly the journeys of `{target}`"
            ));
        }
        for slug in &by.journeys {
            // (a wrong custom order is reported by `journey_orders`)
            let order = journey_order(file, slug, &mut Errors::default());
            let at = |id: &str| order.iter().position(|q| *q == id);
            if at(&by.id) >= at(target) {
                errors.push(format!(
                    "{ctx}: must be asked before `{target}` in journey `{slug}`"
                ));
            }
        }
        let mut offered = vec![0_usize; narrowed.options.len()];
        let mut entries = Vec::new();
        for (answer, list) in &by.offers {
            let Some(a) = by.options.iter().position(|o| o == answer) else {
                errors.push(format!("{ctx}: `offers` names unknown answer `{answer}`"));
                continue;
            };
            if list.len() < 2 {
                errors.push(format!("{ctx}: `{answer}` must offer at least two options"));
            }
            let mut options = Vec::new();
            for option in list {
                match narrowed.options.iter().position(|o| o == option) {
                    Some(o) => {
                        if let Some(n) = offered.get_mut(o) {
                            *n += 1;
                        }
                        options.push(o.to_string());
                    }
                    None => errors.push(format!(
                        "{ctx}: `{answer}` offers `{option}`, not an option of `{target}`"
                    )),
                }
            }
            entries.push((a, format!("({a}, &[{}])", options.join(", "))));
        }
        for (option, n) in narrowed.options.iter().zip(&offered) {
            if *n != 1 {
                errors.push(format!(
                    "{ctx}: `{target}` option `{option}` is offered by {n} answers; every option needs exactly one"
                ));
            }
        }
        entries.sort();
        let offers: Vec<String> = entries.into_iter().map(|(_, e)| e).collect();
        let _ = writeln!(
            code,
            "    Narrowing {{ by: {by_index}, question: {question_index}, offers: &[{}] }},",
            offers.join(", ")
        );
    }
    code
}

fn question_code(q: &QuestionIn, vars: &Vars, errors: &mut Errors) -> String {
    let ctx = format!("question `{}`", q.id);
    let mut reads = BTreeSet::new();
    let mut ask = atoms(vars, &q.ask_when, false, &ctx, errors, &mut reads);
    ask.extend(atoms(vars, &q.not_when, true, &ctx, errors, &mut reads));
    let any: Vec<String> = q
        .ask_when_any
        .iter()
        .map(|alt| {
            let mut conj = atoms(vars, &alt.when, false, &ctx, errors, &mut reads);
            conj.extend(atoms(vars, &alt.not, true, &ctx, errors, &mut reads));
            if conj.is_empty() {
                errors.push(format!(
                    "{ctx}: an empty `ask_when_any` alternative always holds"
                ));
            }
            format!("&[{}]", conj.join(", "))
        })
        .collect();
    let kind = match q.kind.as_str() {
        "choice" => "Choice",
        "date" => "Date",
        "count" => "Count",
        _ => "Zone",
    };
    let mut journeys = Vec::new();
    for j in &q.journeys {
        match JOURNEYS.iter().find(|(slug, _)| slug == j) {
            Some((_, variant)) => journeys.push(format!("Journey::{variant}")),
            None => errors.push(format!("{ctx}: unknown journey `{j}`")),
        }
    }
    let mut code = String::new();
    let _ = writeln!(
        code,
        "    Question {{ id: {:?}, kind: QuestionKind::{kind}, options: &{:?}, journeys: &[{}], ask_when: &[{}], ask_when_any: &[{}] }},",
        q.id,
        q.options,
        journeys.join(", "),
        ask.join(", "),
        any.join(", ")
    );
    code
}
