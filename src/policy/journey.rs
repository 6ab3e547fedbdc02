//! The seven journeys the start page offers (design guide, "Journeys the start page offers").
//!
//! A journey is a short flow of questions ending in a result page. Its `slug` is part of every
//! shared link, so slugs are stable identifiers: never rename one, add a new one instead.

/// One of the flows a visitor can start from the start page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Journey {
    /// Where and how to file a support request, with severity and response time.
    OpenRequest,
    /// Whether an issue type is covered at all (break-fix, preview, RCA, custom code...).
    Coverage,
    /// Plan x severity matrix for the visitor's situation.
    ComparePlans,
    /// When support in a given language is staffed, as a live clock.
    LanguageHours,
    /// On-premises agreements, pay-per-incident and partner benefits.
    OnPremises,
    /// Whether a closed incident can be reopened.
    Reopen,
    /// Billing, licensing and subscription management.
    Billing,
}

impl Journey {
    /// Every journey, in the order the start page lists them.
    pub const ALL: [Journey; 7] = [
        Journey::OpenRequest,
        Journey::Coverage,
        Journey::ComparePlans,
        Journey::LanguageHours,
        Journey::OnPremises,
        Journey::Reopen,
        Journey::Billing,
    ];

    /// The stable identifier used in URLs.
    pub const fn slug(self) -> &'static str {
        match self {
            Journey::OpenRequest => "open-request",
            Journey::Coverage => "coverage",
            Journey::ComparePlans => "compare-plans",
            Journey::LanguageHours => "language-hours",
            Journey::OnPremises => "on-premises",
            Journey::Reopen => "reopen",
            Journey::Billing => "billing",
        }
    }

    /// The journey with this slug, if any. Unknown slugs are not an error here: the caller
    /// decides what to show (the router falls back to the start page with a notice).
    pub fn from_slug(slug: &str) -> Option<Journey> {
        Journey::ALL.into_iter().find(|j| j.slug() == slug)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_are_unique() {
        for j in Journey::ALL {
            assert_eq!(Journey::from_slug(j.slug()), Some(j));
        }
        let mut slugs: Vec<_> = Journey::ALL.iter().map(|j| j.slug()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), Journey::ALL.len());
    }

    #[test]
    fn unknown_slug_is_none() {
        assert_eq!(Journey::from_slug(""), None);
        assert_eq!(Journey::from_slug("Open-Request"), None);
        assert_eq!(Journey::from_slug("open-request/../x"), None);
    }
}
