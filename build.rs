//! Compiles the knowledge base (`policy/**/*.toml`) and the time-zone source (`tzdata/`) into
//! Rust statics, with the policy compiler (`crates/policy-compiler`). A problem in the data fails
//! the build with every message, each naming its file and rule.

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets this"));
    println!("cargo:rerun-if-changed=policy");
    println!("cargo:rerun-if-changed=tzdata");
    let generated = match policy_compiler::compile(&root.join("policy"), &root.join("tzdata")) {
        Ok(g) => g,
        Err(errors) => panic!(
            "the policy data under policy/ or tzdata/ is invalid:\n  - {}",
            errors.join("\n  - ")
        ),
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets this"));
    for (file, code) in [
        ("policy_data.rs", &generated.policy_data),
        ("policy_text_index.rs", &generated.policy_text_index),
        ("policy_texts.rs", &generated.policy_texts),
        ("zone_table.rs", &generated.zone_table),
    ] {
        std::fs::write(out.join(file), code).expect("write generated code to OUT_DIR");
    }
}
