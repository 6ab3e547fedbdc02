//! The languages the interface itself is written in. Not to be confused with the languages
//! Microsoft support is staffed in (those are policy facts).

/// A language the interface is available in. English is the source language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum UiLanguage {
    #[default]
    English,
    Dutch,
    NorwegianBokmal,
    Indonesian,
    /// `en-XA`: English with accents, 30 % longer and bracketed. Not offered in the switcher;
    /// reachable with `?lang=en-XA` so tests (and translators) can find untranslated text and
    /// layouts that break with longer languages.
    Pseudo,
}

impl UiLanguage {
    pub const ALL: [UiLanguage; 4] = [
        UiLanguage::English,
        UiLanguage::Dutch,
        UiLanguage::NorwegianBokmal,
        UiLanguage::Indonesian,
    ];

    /// The BCP 47 tag used in URLs and in `<html lang>`.
    pub const fn tag(self) -> &'static str {
        match self {
            UiLanguage::English => "en",
            UiLanguage::Dutch => "nl",
            UiLanguage::NorwegianBokmal => "nb",
            UiLanguage::Indonesian => "id",
            UiLanguage::Pseudo => "en-XA",
        }
    }

    /// The language's own name for itself, shown in the language switcher in every language.
    pub const fn endonym(self) -> &'static str {
        match self {
            UiLanguage::English => "English",
            UiLanguage::Dutch => "Nederlands",
            UiLanguage::NorwegianBokmal => "Norsk bokmål",
            UiLanguage::Indonesian => "Bahasa Indonesia",
            UiLanguage::Pseudo => "[Pseudo]",
        }
    }

    /// Reads a language tag as browsers and people write it: case-insensitive, with or without a
    /// region (`nl-BE`, `nb_NO`). Plain `no` (Norwegian) maps to Bokmål, the written standard of
    /// the Norwegian source document; `in` is the deprecated tag for Indonesian.
    pub fn from_tag(tag: &str) -> Option<UiLanguage> {
        if tag.trim().eq_ignore_ascii_case("en-XA") {
            return Some(UiLanguage::Pseudo);
        }
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(UiLanguage::English),
            "nl" => Some(UiLanguage::Dutch),
            "nb" | "no" => Some(UiLanguage::NorwegianBokmal),
            "id" | "in" => Some(UiLanguage::Indonesian),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for l in UiLanguage::ALL.into_iter().chain([UiLanguage::Pseudo]) {
            assert_eq!(UiLanguage::from_tag(l.tag()), Some(l));
        }
        assert!(!UiLanguage::ALL.contains(&UiLanguage::Pseudo));
    }

    #[test]
    fn browser_style_tags_are_understood() {
        assert_eq!(UiLanguage::from_tag("nl-BE"), Some(UiLanguage::Dutch));
        assert_eq!(
            UiLanguage::from_tag("NB_no"),
            Some(UiLanguage::NorwegianBokmal)
        );
        assert_eq!(
            UiLanguage::from_tag("no"),
            Some(UiLanguage::NorwegianBokmal)
        );
        assert_eq!(UiLanguage::from_tag(" id "), Some(UiLanguage::Indonesian));
        assert_eq!(UiLanguage::from_tag("fr"), None);
        assert_eq!(UiLanguage::from_tag(""), None);
    }
}
