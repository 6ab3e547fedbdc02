//! Policy texts: every sentence of the policy a person reads (questions, options, outcome values,
//! rule explanations, readings of source conflicts, document and section titles), numbered.
//!
//! The texts are written per language in `policy/text/<lang>.toml`; build.rs checks that every
//! language is complete and numbers them. Native builds carry all languages (`native_text`); the
//! web app downloads one language at a time as a *content pack*: a plain text file with a header
//! and one text per line, parsed by [`Pack::parse`]. A pack from another build or a damaged pack
//! is refused, never half-used.

use crate::policy::data::{QUESTIONS, SLOTS};

/// The generated index: `COUNT`, `VERSION` and where each kind of text starts.
pub mod index {
    include!(concat!(env!("OUT_DIR"), "/policy_text_index.rs"));
}

/// The number of one policy text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TextId(pub u16);

impl TextId {
    fn question(q: u8, offset: u16) -> TextId {
        let base = index::QUESTIONS
            .get(usize::from(q))
            .copied()
            .unwrap_or(u16::MAX);
        TextId(base.saturating_add(offset))
    }
    /// The question as a page heading.
    pub fn question_title(q: u8) -> TextId {
        Self::question(q, 0)
    }
    /// The hint under the heading.
    pub fn question_hint(q: u8) -> TextId {
        Self::question(q, 1)
    }
    /// A short name of the question, for answer lists and the copied summary.
    pub fn question_summary(q: u8) -> TextId {
        Self::question(q, 2)
    }
    /// An answer option of a choice question.
    pub fn option(q: u8, o: u8) -> TextId {
        let in_range = QUESTIONS
            .get(usize::from(q))
            .is_some_and(|question| usize::from(o) < question.options.len());
        if in_range {
            Self::question(q, 3 + u16::from(o))
        } else {
            TextId(u16::MAX)
        }
    }
    /// A value an outcome slot can take.
    pub fn slot_value(slot: u8, v: u8) -> TextId {
        let in_range = SLOTS
            .get(usize::from(slot))
            .is_some_and(|s| usize::from(v) < s.values.len());
        match index::SLOTS.get(usize::from(slot)) {
            Some(base) if in_range => TextId(base + u16::from(v)),
            _ => TextId(u16::MAX),
        }
    }
    /// The explanation of rule `RULES[i]`.
    pub fn rule(i: usize) -> TextId {
        Self::offset(index::RULES, i)
    }
    /// The reading we follow for conflict `CONFLICTS[i]`.
    pub fn conflict(i: usize) -> TextId {
        Self::offset(index::CONFLICTS, i)
    }
    /// The title of `SEED_SECTIONS[i]`.
    pub fn section(i: usize) -> TextId {
        Self::offset(index::SECTIONS, i)
    }
    /// The title of source document `SEEDS[i]`.
    /// What to do for a route value: "File a request in the Power Platform admin center".
    pub fn route_action(route: u8) -> TextId {
        Self::route_text(route, 0)
    }
    /// The text of the link that opens a route's site: "Open the Power Platform admin center".
    pub fn route_open(route: u8) -> TextId {
        Self::route_text(route, 1)
    }
    fn route_text(route: u8, offset: u16) -> TextId {
        let values = SLOTS
            .get(usize::from(crate::policy::data::s::ROUTE))
            .map_or(0, |s| s.values.len());
        if usize::from(route) < values {
            TextId(index::ROUTES + 2 * u16::from(route) + offset)
        } else {
            TextId(u16::MAX)
        }
    }
    /// One of the result page's own sentences, by its `index::page` number.
    pub const fn page(n: u16) -> TextId {
        TextId(n)
    }
    pub fn document(i: usize) -> TextId {
        Self::offset(index::DOCUMENTS, i)
    }
    fn offset(base: u16, i: usize) -> TextId {
        TextId(u16::try_from(i).map_or(u16::MAX, |i| base.saturating_add(i)))
    }
}

/// The first line of every content pack; the version of the format, not of the texts.
const MAGIC: &str = "support-navigator policy texts 1";

/// Why a content pack was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackError {
    /// Not a content pack at all (an error page, a truncated download).
    NotAPack,
    /// A pack of another build, or of another language than asked for.
    Mismatch,
    /// The right header but the wrong number of texts.
    WrongCount,
}

/// One language's policy texts, as downloaded.
#[derive(Debug)]
pub struct Pack {
    language: String,
    body: String,
    /// Byte range of each text in `body`.
    spans: Vec<(u32, u32)>,
}

impl Pack {
    /// The language tag of the pack (`en`, `nl`, `nb`, `id`, `en-XA`).
    pub fn language(&self) -> &str {
        &self.language
    }

    /// Parses a downloaded pack, which must be for `language` and for this build.
    pub fn parse(language: &str, raw: String) -> Result<Pack, PackError> {
        let mut spans = Vec::with_capacity(index::COUNT);
        let mut header = Vec::with_capacity(4);
        let mut at = 0usize;
        for line in raw.split('\n') {
            let start = at;
            at += line.len() + 1;
            // Every trailing CR, not just one: a text ending in CR could not be written back
            // (`write` adds `\n`, and reading strips the CR before it), so none may be read.
            let line = line.trim_end_matches('\r');
            if header.len() < 4 {
                header.push(line.to_string());
                continue;
            }
            if spans.len() == index::COUNT {
                if line.is_empty() {
                    continue;
                }
                return Err(PackError::WrongCount);
            }
            let (Ok(s), Ok(e)) = (u32::try_from(start), u32::try_from(start + line.len())) else {
                return Err(PackError::NotAPack);
            };
            spans.push((s, e));
        }
        if header.first().map(String::as_str) != Some(MAGIC) {
            return Err(PackError::NotAPack);
        }
        if header.get(1).and_then(|h| h.strip_prefix("language ")) != Some(language)
            || header.get(2).and_then(|h| h.strip_prefix("version ")) != Some(index::VERSION)
        {
            return Err(PackError::Mismatch);
        }
        let count = header.get(3).and_then(|h| h.strip_prefix("count "));
        if count != Some(index::COUNT.to_string().as_str()) || spans.len() != index::COUNT {
            return Err(PackError::WrongCount);
        }
        Ok(Pack {
            language: language.to_string(),
            body: raw,
            spans,
        })
    }

    /// The text with this number ("" for a number no text has; build.rs makes that impossible
    /// for numbers made by `TextId`).
    pub fn get(&self, id: TextId) -> &str {
        self.spans
            .get(usize::from(id.0))
            .and_then(|&(s, e)| self.body.get(s as usize..e as usize))
            .unwrap_or("")
    }

    /// Writes a pack (the CLI writes one per language into the built site).
    pub fn write<'a>(language: &str, texts: impl IntoIterator<Item = &'a str>) -> String {
        let mut out = format!(
            "{MAGIC}\nlanguage {language}\nversion {}\ncount {}\n",
            index::VERSION,
            index::COUNT
        );
        for t in texts {
            out.push_str(t);
            out.push('\n');
        }
        out
    }

    /// Where the web app finds a language's pack, relative to the page.
    pub fn path(language: &str) -> String {
        format!("content/{language}.{}.txt", index::VERSION)
    }
}

/// Every language's texts, compiled in, for the CLI and the tests. The web app never refers to
/// this module, so the linker leaves it out of the wasm (`scripts/size_report.py` would show the
/// ~90 KB per language if it ever crept in).
pub mod native {
    include!(concat!(env!("OUT_DIR"), "/policy_texts.rs"));

    /// Languages of `TEXTS`, in order.
    pub const LANGUAGES: [&str; 4] = ["en", "nl", "nb", "id"];

    /// A text in one language (`language` as in `LANGUAGES`; English when unknown).
    pub fn text(language: &str, id: super::TextId) -> &'static str {
        let l = LANGUAGES.iter().position(|&l| l == language).unwrap_or(0);
        TEXTS[l].get(usize::from(id.0)).copied().unwrap_or("")
    }
}

/// The pseudo-locale `en-XA`: English with accented letters, 30 % longer and bracketed, so a test
/// can see text that escaped translation and layouts that break with longer languages.
/// Placeholders such as `{n}` are kept intact.
pub fn pseudo(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    out.push('⟦');
    let mut in_placeholder = false;
    let mut letters = 0usize;
    for c in text.chars() {
        match c {
            '{' => in_placeholder = true,
            '}' => in_placeholder = false,
            _ => {}
        }
        if in_placeholder || c == '}' {
            out.push(c);
            continue;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
        out.push(match c {
            'a' => 'á',
            'e' => 'é',
            'i' => 'í',
            'o' => 'ö',
            'u' => 'ü',
            'c' => 'ç',
            'n' => 'ñ',
            'y' => 'ý',
            'A' => 'Å',
            'E' => 'É',
            'I' => 'Î',
            'O' => 'Ø',
            'U' => 'Û',
            'C' => 'Ç',
            'N' => 'Ñ',
            other => other,
        });
    }
    // 30 % longer: pad with a word-like filler that can wrap.
    let extra = letters.div_ceil(10) * 3;
    let filler = "ļöŕéɱ ïƥšüɱ ďöļöŕ šïţ ąɱéţ ";
    if extra > 0 {
        out.push(' ');
        out.extend(filler.chars().cycle().take(extra));
    }
    out.push('⟧');
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn texts(lang: &str) -> Vec<&'static str> {
        (0..index::COUNT)
            .filter_map(|i| u16::try_from(i).ok())
            .map(|i| native::text(lang, TextId(i)))
            .collect()
    }

    #[test]
    fn a_written_pack_reads_back_text_for_text() {
        for lang in native::LANGUAGES {
            let pack = Pack::parse(lang, Pack::write(lang, texts(lang))).expect("own pack");
            for (i, t) in texts(lang).into_iter().enumerate() {
                assert_eq!(pack.get(TextId(u16::try_from(i).unwrap_or(0))), t);
            }
            assert_eq!(pack.get(TextId(u16::MAX)), "");
        }
    }

    #[test]
    fn windows_line_ends_are_accepted() {
        let raw = Pack::write("nl", texts("nl")).replace('\n', "\r\n");
        let pack = Pack::parse("nl", raw).expect("CRLF pack");
        assert_eq!(
            pack.get(TextId::rule(0)),
            native::text("nl", TextId::rule(0))
        );
    }

    #[test]
    fn packs_of_another_language_build_or_shape_are_refused() {
        let good = Pack::write("nb", texts("nb"));
        assert_eq!(
            Pack::parse("id", good.clone()).err(),
            Some(PackError::Mismatch)
        );
        let other_build = good.replacen(index::VERSION, "00000000", 1);
        assert_eq!(
            Pack::parse("nb", other_build).err(),
            Some(PackError::Mismatch)
        );
        let short: String = good.lines().take(10).map(|l| format!("{l}\n")).collect();
        assert_eq!(Pack::parse("nb", short).err(), Some(PackError::WrongCount));
        let long = format!("{good}one more\n");
        assert_eq!(Pack::parse("nb", long).err(), Some(PackError::WrongCount));
        for junk in [
            "",
            "<!doctype html><p>Not found",
            "\n\n\n\n",
            "\u{feff}garbage",
        ] {
            assert_eq!(
                Pack::parse("nb", junk.to_string()).err(),
                Some(PackError::NotAPack)
            );
        }
    }

    #[test]
    fn text_ids_stay_in_their_kind() {
        use crate::policy::data::{q, QUESTIONS, RULES};
        let plan_options = QUESTIONS[usize::from(q::PLAN)].options.len();
        let past = u8::try_from(plan_options).unwrap_or(u8::MAX);
        assert_eq!(TextId::option(q::PLAN, past), TextId(u16::MAX));
        assert_eq!(TextId::slot_value(200, 0), TextId(u16::MAX));
        assert_eq!(
            usize::from(TextId::rule(RULES.len() - 1).0) + 1,
            usize::from(index::SECTIONS),
            "rules are followed by sections"
        );
    }
}
