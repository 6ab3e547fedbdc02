//! The names the compiler writes into the generated code: the seed documents and the Rust
//! variants of sections, journeys and calculators. The app's own types mirror these lists
//! (`policy::model::Section`, `policy::Journey`, `engine::derived`); the app's test
//! `tests/compiler_names.rs` fails when the two drift apart.

/// The seed documents: citation prefix, file under `policy/seeds/`, BCP 47 language, English title.
pub const SEEDS: &[(&str, &str, &str, &str)] = &[
    (
        "000",
        "000_71765d8511679954.txt",
        "nl",
        "Support for Microsoft Power Platform and Dynamics 365 apps",
    ),
    (
        "001",
        "001_907a9eafd0c26b30.txt",
        "nb",
        "Support for Microsoft Power Platform and Dynamics 365 apps",
    ),
    (
        "002",
        "002_50e6dbee08f33129.txt",
        "nl",
        "Use Access ID and Contract ID to create on-premises professional support incidents",
    ),
    (
        "003",
        "003_4607c5200b729dad.txt",
        "id",
        "Dynamics 365 and Power Platform support overview",
    ),
    (
        "004",
        "004_56cbd888a5b3b75b.txt",
        "nb",
        "Services Hub business support FAQ",
    ),
];

/// Result-page sections: the id rules use, the `Section` variant.
pub const SECTIONS: &[(&str, &str)] = &[
    ("where", "Where"),
    ("steps", "Steps"),
    ("who", "Who"),
    ("coverage", "Coverage"),
    ("severity", "Severity"),
    ("response", "Response"),
    ("language", "Language"),
    ("caveats", "Caveats"),
    ("billing", "Billing"),
    ("agreement", "Agreement"),
    ("background", "Background"),
];

/// Journeys: the slug, the `Journey` variant.
pub const JOURNEYS: &[(&str, &str)] = &[
    ("open-request", "OpenRequest"),
    ("coverage", "Coverage"),
    ("compare-plans", "ComparePlans"),
    ("language-hours", "LanguageHours"),
    ("on-premises", "OnPremises"),
    ("reopen", "Reopen"),
    ("billing", "Billing"),
];

/// The engine calculators a derived slot may name (`engine::derived::compute`).
pub const CALCULATORS: &[&str] = &[
    "region_open_now",
    "closed_age",
    "agreement_state",
    "incident_balance",
];
