//! `support-navigator-cli`: the policy engine on the command line.
//!
//! ```text
//! support-navigator-cli evaluate [FILE|-] [--text]   answers as JSON -> outcome as JSON (or text with the trace)
//! support-navigator-cli next --journey SLUG [FILE|-] the next question the wizard would ask
//! support-navigator-cli questions [--journey SLUG]   questions and their options, with ids
//! support-navigator-cli verify                       run the exhaustive verifier, print statistics
//! support-navigator-cli bench                        time one evaluation and the full verification
//! support-navigator-cli content-packs DIR            write the policy texts of each language for the web app
//! support-navigator-cli pseudo-locale FILE           the en-XA pseudo-locale of an interface catalogue
//! support-navigator-cli page-cover                   the pages the accessibility test visits, as JSON
//! ```
//!
//! Answers JSON: `{"product": "ce_app", "issue": "break_fix", ..., "now": "2025-02-04T18:00:00Z",
//! "holidays": ["2025-12-25"]}`. `now` defaults to the current time; other keys are question ids
//! (see `questions`) with an option id, a `yyyy-mm-dd` date, a number or a time-zone name.

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{json, Map, Value};
use std::io::Read;
use std::process::ExitCode;
use support_navigator::engine::{self, Answers, Context, Outcome};
use support_navigator::policy::data::{
    citation_label, rule_label, section_of, CONFLICTS, QUESTIONS, RULES, SLOTS,
};
use support_navigator::policy::model::{QuestionKind, Section};
use support_navigator::policy::text::TextId;
use support_navigator::policy::Journey;
use support_navigator::result::{result_view, Row};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("evaluate") => cmd_evaluate(&args[1..]),
        Some("next") => cmd_next(&args[1..]),
        Some("questions") => cmd_questions(&args[1..]),
        Some("verify") => cmd_verify(),
        Some("bench") => cmd_bench(),
        Some("content-packs") => cmd_content_packs(&args[1..]),
        Some("pseudo-locale") => cmd_pseudo_locale(&args[1..]),
        Some("page-cover") => cmd_page_cover(),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::from(2)
        }
    }
}

const USAGE: &str = "usage: support-navigator-cli <evaluate [FILE|-] [--text] | next --journey SLUG [FILE|-] | questions [--journey SLUG] | verify | bench | content-packs DIR | pseudo-locale FILE | page-cover>";

/// Prints the page cover (`result::page_cover`): every question page of every journey, result
/// pages until every part a result can show is on one, and check pages, each with its deep link
/// and the clock to show, for e2e/tests/a11y-every-page.spec.mjs.
fn cmd_page_cover() -> Result<(), String> {
    use support_navigator::result::page_cover::{cover, PageKind};
    let cover = cover();
    let pages: Vec<Value> = cover
        .pages
        .iter()
        .map(|p| {
            let (kind, question) = match p.kind {
                PageKind::Question(q) => ("question", QUESTIONS.get(usize::from(q)).map(|d| d.id)),
                PageKind::Check => ("check", None),
                PageKind::Result => ("result", None),
            };
            // A result page also lists the answer's rows as the page must show them
            // (e2e/tests/result-rows.spec.mjs): `fact` when among the key facts; otherwise the
            // decision above them says it.
            let rows = (p.kind == PageKind::Result).then(|| {
                let ctx = Context {
                    now: Some(p.now),
                    holidays: &[],
                };
                let view = result_view(p.journey, &p.answers, &ctx);
                let zone = view.zone.map(|z| z.name());
                view.headline
                    .iter()
                    .map(|row| {
                        let mut json = row_json(row, zone);
                        json["fact"] = json!(view.facts.contains(row));
                        json
                    })
                    .collect::<Vec<_>>()
            });
            json!({
                "journey": p.journey.slug(),
                "kind": kind,
                "question": question,
                "query": p.query(),
                "now": p.now.to_rfc3339(),
                "rows": rows,
            })
        })
        .collect();
    let walks: Vec<Value> = cover
        .walks
        .iter()
        .map(|w| {
            let steps: Vec<Value> = w
                .steps
                .iter()
                .map(|(q, v)| json!([QUESTIONS.get(usize::from(*q)).map_or("", |d| d.id), v]))
                .collect();
            json!({ "journey": w.journey.slug(), "steps": steps, "now": w.now.to_rfc3339() })
        })
        .collect();
    let out = json!({ "paths": cover.paths, "pages": pages, "walks": walks });
    println!(
        "{}",
        serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
    );
    Ok(())
}

/// A row of a result page's answer: its kind and value, as ids (`{"kind": "route", "slot":
/// "route", "value": "ppac"}`), a response time (`minutes`, `clock`), an instant (`at`, with the
/// customer's `zone` it is written in) or a date.
fn row_json(row: &Row, zone: Option<&str>) -> Value {
    let value_id = |slot: &str, v: u8| {
        SLOTS
            .iter()
            .find(|s| s.id == slot)
            .and_then(|s| s.values.get(usize::from(v)))
            .copied()
    };
    let kind = row.kind().id();
    match *row {
        Row::Route(v)
        | Row::Reopen(v)
        | Row::OfferState(v)
        | Row::Coverage(v)
        | Row::Filer(v)
        | Row::Severity(v)
        | Row::LanguageNow(v) => json!({ "kind": kind, "slot": kind, "value": value_id(kind, v) }),
        Row::Response { value, time } => json!({
            "kind": kind,
            "slot": "response",
            "value": value_id("response", value),
            "minutes": time.map(|t| t.minutes),
            "clock": time.map(|t| if t.around_the_clock { "around_the_clock" } else { "business_hours" }),
        }),
        Row::ContactBy(at) | Row::LanguageOpens(at) => {
            json!({ "kind": kind, "at": at.to_rfc3339(), "zone": zone })
        }
        Row::AgreementExpires(d) => json!({ "kind": kind, "date": d.to_string() }),
    }
}

/// Prints the pseudo-locale of an interface catalogue (locales/en.json -> locales/en-XA.json).
fn cmd_pseudo_locale(args: &[String]) -> Result<(), String> {
    fn walk(v: &mut Value) {
        match v {
            Value::String(s) => *s = support_navigator::policy::text::pseudo(s),
            Value::Object(m) => m.values_mut().for_each(walk),
            Value::Array(a) => a.iter_mut().for_each(walk),
            _ => {}
        }
    }
    let text = read_input(args.first().map(String::as_str))?;
    let mut catalogue: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    walk(&mut catalogue);
    let out = serde_json::to_string_pretty(&catalogue).map_err(|e| e.to_string())?;
    println!("{out}");
    Ok(())
}

/// Writes `DIR/<lang>.<version>.txt` for every interface language and the pseudo-locale: the
/// web app downloads only the pack of the language it shows (see `policy::text`). Run by Trunk
/// after each build (Trunk.toml), so the packs always match the wasm they were built with.
fn cmd_content_packs(args: &[String]) -> Result<(), String> {
    use support_navigator::policy::text::{index, native, pseudo, Pack, TextId};
    let dir = std::path::Path::new(args.first().ok_or("content-packs needs a directory")?);
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let ids = || {
        (0..index::COUNT)
            .filter_map(|i| u16::try_from(i).ok())
            .map(TextId)
    };
    let mut packs: Vec<(String, String)> = native::LANGUAGES
        .iter()
        .map(|&l| {
            (
                l.to_string(),
                Pack::write(l, ids().map(|id| native::text(l, id))),
            )
        })
        .collect();
    let pseudo_texts: Vec<String> = ids().map(|id| pseudo(native::text("en", id))).collect();
    packs.push((
        "en-XA".into(),
        Pack::write("en-XA", pseudo_texts.iter().map(String::as_str)),
    ));
    for (language, body) in packs {
        let path = dir.join(Pack::path(&language).rsplit('/').next().unwrap_or_default());
        std::fs::write(&path, body).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("{}", path.display());
    }
    Ok(())
}

/// English policy text, for the CLI's own output.
fn english(id: support_navigator::policy::text::TextId) -> &'static str {
    support_navigator::policy::text::native::text("en", id)
}

fn flag_value<'a>(args: &'a [String], flag: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

fn input_file(args: &[String]) -> Option<&str> {
    let mut skip = false;
    for a in args {
        if skip {
            skip = false;
            continue;
        }
        if a == "--journey" {
            skip = true;
            continue;
        }
        if !a.starts_with("--") {
            return Some(a);
        }
    }
    None
}

fn read_input(path: Option<&str>) -> Result<String, String> {
    let mut text = String::new();
    match path {
        None | Some("-") => {
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
        }
        Some(p) => {
            text = std::fs::read_to_string(p).map_err(|e| format!("cannot read {p}: {e}"))?;
        }
    }
    Ok(text)
}

struct Input {
    answers: Answers,
    now: DateTime<Utc>,
    holidays: Vec<NaiveDate>,
}

fn parse_input(text: &str) -> Result<Input, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?;
    let Value::Object(map) = value else {
        return Err("the input must be a JSON object of answers".into());
    };
    let mut answers = Answers::new();
    let mut now = Utc::now();
    let mut holidays = Vec::new();
    for (key, v) in &map {
        match key.as_str() {
            "now" => {
                let s = v.as_str().ok_or("`now` must be an RFC 3339 string")?;
                now = DateTime::parse_from_rfc3339(s)
                    .map_err(|e| format!("`now`: {e}"))?
                    .with_timezone(&Utc);
            }
            "holidays" => {
                for d in v.as_array().ok_or("`holidays` must be a list of dates")? {
                    let s = d.as_str().ok_or("holidays are yyyy-mm-dd strings")?;
                    holidays.push(
                        NaiveDate::parse_from_str(s, "%Y-%m-%d")
                            .map_err(|e| format!("holiday `{s}`: {e}"))?,
                    );
                }
            }
            _ => {
                let text = match v {
                    Value::String(s) => s.clone(),
                    Value::Number(n) => n.to_string(),
                    other => return Err(format!("`{key}`: unsupported value {other}")),
                };
                answers.set(key, &text).map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(Input {
        answers,
        now,
        holidays,
    })
}

fn journey_arg(args: &[String]) -> Result<Option<Journey>, String> {
    match flag_value(args, "--journey") {
        None => Ok(None),
        Some(slug) => Journey::from_slug(slug)
            .map(Some)
            .ok_or_else(|| format!("unknown journey `{slug}`")),
    }
}

fn cmd_evaluate(args: &[String]) -> Result<(), String> {
    let input = parse_input(&read_input(input_file(args))?)?;
    let ctx = Context {
        now: Some(input.now),
        holidays: &input.holidays,
    };
    let outcome = engine::evaluate_with(&input.answers, &ctx);
    if args.iter().any(|a| a == "--text") {
        print!("{}", outcome_text(&outcome, &input));
    } else {
        let json = outcome_json(&outcome);
        println!(
            "{}",
            serde_json::to_string_pretty(&json).unwrap_or_default()
        );
    }
    Ok(())
}

fn cmd_next(args: &[String]) -> Result<(), String> {
    let journey = journey_arg(args)?.ok_or("next needs --journey SLUG")?;
    let input = parse_input(&read_input(input_file(args))?)?;
    match engine::next_question(&input.answers, journey) {
        Some(q) => {
            let def = &QUESTIONS[usize::from(q)];
            println!(
                "{}",
                json!({"next": def.id, "kind": kind_name(def.kind), "options": def.options})
            );
        }
        None => println!("{}", json!({"next": null})),
    }
    Ok(())
}

fn kind_name(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Choice => "choice",
        QuestionKind::Date => "date",
        QuestionKind::Count => "count",
        QuestionKind::Zone => "zone",
    }
}

fn cmd_questions(args: &[String]) -> Result<(), String> {
    let journey = journey_arg(args)?;
    for q in QUESTIONS {
        if journey.is_some_and(|j| !q.journeys.contains(&j)) {
            continue;
        }
        let journeys: Vec<_> = q.journeys.iter().map(|j| j.slug()).collect();
        println!("{} ({}) [{}]", q.id, kind_name(q.kind), journeys.join(", "));
        for o in q.options {
            println!("    {o}");
        }
    }
    Ok(())
}

fn cmd_verify() -> Result<(), String> {
    let report = engine::verifier::verify();
    println!(
        "verifier: {} paths, {} evaluations, {} rules, {:.2?}",
        report.paths,
        report.evaluations,
        RULES.len(),
        report.elapsed
    );
    println!(
        "verifier: {} invariants checked on every path, {} distinct overrides ({} declarations)",
        support_navigator::policy::data::INVARIANTS.len(),
        report.override_pairs,
        support_navigator::policy::data::DECLARED_OVERRIDES.len()
    );
    for line in report.findings() {
        println!("{line}");
    }
    if report.ok() {
        println!("verifier: ok");
        Ok(())
    } else {
        Err("verifier: FAILED".into())
    }
}

/// A representative full evaluation: journey 1 with a business-hours deadline (SC-018).
fn bench_answers() -> Answers {
    Answers::from_pairs([
        ("product", "ce_app"),
        ("issue", "performance"),
        ("perf_scope", "isolated"),
        ("preview", "ga"),
        ("plan", "prodirect"),
        ("role", "admin"),
        ("ea_enrollment", "not_ea"),
        ("impact", "moderate"),
        ("b_clock", "business_hours"),
        ("region", "north_america"),
        ("time_zone", "America/Los_Angeles"),
        ("language", "english"),
    ])
    .unwrap_or_default()
}

fn cmd_bench() -> Result<(), String> {
    let answers = bench_answers();
    let now = DateTime::parse_from_rfc3339("2025-02-08T01:59:00Z")
        .map_err(|e| e.to_string())?
        .with_timezone(&Utc);
    // Warm up, then time enough iterations for a stable figure.
    let mut sink = 0usize;
    for _ in 0..10_000 {
        sink += engine::evaluate(&answers, now).fired.len();
    }
    let n = 200_000u32;
    let start = std::time::Instant::now();
    for _ in 0..n {
        sink += engine::evaluate(std::hint::black_box(&answers), now)
            .fired
            .len();
    }
    let per = start.elapsed() / n;
    println!(
        "evaluate: {per:.2?} per full evaluation ({n} runs, {} rules; checksum {sink})",
        RULES.len()
    );
    // The median of three runs: these machines are shared, and one run can take half as long
    // again as the next while the machine is busy with something else.
    let mut runs: Vec<_> = (0..3).map(|_| engine::verifier::verify()).collect();
    runs.sort_by_key(|r| r.elapsed);
    let ok = runs.iter().all(engine::verifier::Report::ok);
    let Some(report) = runs.get(1) else {
        return Err("no verification ran".into());
    };
    println!(
        "verify:   {:.2?} for {} paths / {} evaluations ({}; median of 3 runs: {})",
        report.elapsed,
        report.paths,
        report.evaluations,
        if ok { "ok" } else { "FAILED" },
        runs.iter()
            .map(|r| format!("{:.2?}", r.elapsed))
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(())
}

fn slot_json(outcome: &Outcome) -> Map<String, Value> {
    let mut m = Map::new();
    for (slot, value) in SLOTS.iter().zip(outcome.slots.iter()) {
        if let Some(v) = value {
            let rule = RULES.get(usize::from(v.rule)).map(rule_label);
            m.insert(
                slot.id.to_string(),
                json!({
                    "value": slot.values.get(usize::from(v.value)),
                    "rule": rule,
                }),
            );
        }
    }
    m
}

fn outcome_json(outcome: &Outcome) -> Value {
    let response = outcome.response.map(|r| {
        json!({
            "target": r.target().map(|t| t.id),
            "minutes": r.minutes,
            "clock": if r.around_the_clock { "around_the_clock" } else { "business_hours" },
            "contact_by": r.contact_by.map(|t| t.to_rfc3339()),
            "cite": r.target().map(|t| t.cite.iter().map(citation_label).collect::<Vec<_>>()),
        })
    });
    let trace: Vec<Value> = outcome
        .fired
        .iter()
        .filter_map(|&i| RULES.get(usize::from(i)).map(|r| (i, r)))
        .map(|(i, r)| {
            json!({
                "rule": rule_label(r),
                "section": r.section.map(Section::id),
                "cite": r.cite.iter().map(citation_label).collect::<Vec<_>>(),
                "overridden": outcome.is_overridden(i),
            })
        })
        .collect();
    json!({
        "slots": slot_json(outcome),
        "response": response,
        "language_window_opens": outcome.language_window_opens.map(|t| t.to_rfc3339()),
        "agreement_expires": outcome.agreement_expires.map(|d| d.to_string()),
        "sources_differ": outcome.sources_differ.iter().filter_map(|&c| CONFLICTS.get(usize::from(c)).map(|c| c.id)).collect::<Vec<_>>(),
        "notices": outcome.notices.iter().map(|n| format!("{n:?}")).collect::<Vec<_>>(),
        "contradictions": outcome.contradictions.len(),
        "trace": trace,
    })
}

fn outcome_text(outcome: &Outcome, input: &Input) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(s, "Answers:");
    for (q, v) in input.answers.pairs() {
        let _ = writeln!(s, "  {q}: {v}");
    }
    let _ = writeln!(s, "  now: {}", input.now.to_rfc3339());
    let _ = writeln!(s, "\nOutcome:");
    for (slot, value) in SLOTS.iter().zip(outcome.slots.iter()) {
        if let Some(v) = value {
            let _ = writeln!(
                s,
                "  {}: {}",
                slot.id,
                slot.values.get(usize::from(v.value)).unwrap_or(&"?")
            );
        }
    }
    if let Some(r) = outcome.response {
        let clock = if r.around_the_clock {
            "around the clock"
        } else {
            "business hours"
        };
        let _ = writeln!(s, "  initial response: < {} min ({clock})", r.minutes);
        if let Some(t) = r.contact_by {
            let _ = writeln!(s, "  expect contact by: {}", t.to_rfc3339());
        }
    }
    if let Some(t) = outcome.language_window_opens {
        let _ = writeln!(s, "  language window opens: {}", t.to_rfc3339());
    }
    if let Some(d) = outcome.agreement_expires {
        let _ = writeln!(s, "  agreement expires: {d}");
    }
    for &c in &outcome.sources_differ {
        if let Some(conflict) = CONFLICTS.get(usize::from(c)) {
            let reading = english(TextId::conflict(usize::from(c)));
            let _ = writeln!(s, "  sources differ ({}): {reading}", conflict.id);
        }
    }
    for n in &outcome.notices {
        let _ = writeln!(s, "  notice: {n:?}");
    }
    let _ = writeln!(s, "\nWhy (rules that fired, in order):");
    for &i in &outcome.fired {
        let Some(r) = RULES.get(usize::from(i)) else {
            continue;
        };
        let cites: Vec<String> = r
            .cite
            .iter()
            .map(|c| {
                let file = english(TextId::document(usize::from(c.seed)));
                let section = section_of(c).map_or("", |i| english(TextId::section(i)));
                format!("{} ({file} — {section})", citation_label(c))
            })
            .collect();
        let over = if outcome.is_overridden(i) {
            " [overridden]"
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "  {}{over}: {}\n      source: {}",
            rule_label(r),
            english(TextId::rule(usize::from(i))),
            cites.join("; ")
        );
    }
    s
}
