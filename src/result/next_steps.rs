//! The numbered next steps under the decision: one to four, the first that can be acted on with a
//! link. Which steps, in which order, and where each link leads is decided here.

use crate::policy::data::v;
use crate::policy::Journey;
use crate::result::alternatives::Alternative;
use crate::result::explanations::{Explanation, SectionView};
use crate::result::headline::Row;
use crate::result::portals;

/// One step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Open the route's site: the link text is the route's "open" text, the address is public
    /// (`portals::address`).
    Open { route: u8, url: &'static str },
    /// A step the documents describe (a click path), with its citations.
    Documented(Explanation),
    /// Find the closed request there and ask to reopen it.
    ReopenThere,
    /// Copy the summary below and paste it into the request: links to the summary on this page.
    PasteSummary,
    /// Another journey of the app, linked inside it: compare plans, or find where to file.
    Journey(Journey),
    /// Look up the product's support phase on Microsoft's lifecycle pages (`portals::LIFECYCLE`),
    /// when the answer depends on it.
    Lifecycle { url: &'static str },
    /// The place depends on an answer the visitor could not give: "if your answer is …", the
    /// place the rules name for those answers, and its address (none when that place itself
    /// depends on another answer the visitor could not give).
    IfAnswer {
        alternative: Alternative,
        url: Option<&'static str>,
    },
}

impl Step {
    /// The step's kind, as a number (the page cover opens a page for each kind).
    pub fn kind(&self) -> u8 {
        match self {
            Step::Open { .. } => 0,
            Step::Documented(_) => 1,
            Step::ReopenThere => 2,
            Step::PasteSummary => 3,
            Step::Journey(_) => 4,
            Step::Lifecycle { .. } => 5,
            Step::IfAnswer { .. } => 6,
        }
    }

    /// Whether the step carries a link (an address, this page's summary, or a journey).
    pub fn has_link(&self) -> bool {
        matches!(
            self,
            Step::Open { .. }
                | Step::PasteSummary
                | Step::Journey(_)
                | Step::Lifecycle { .. }
                | Step::IfAnswer { url: Some(_), .. }
        )
    }
}

/// The most steps the page numbers; the rest of the documented steps stay in their section.
pub const MOST: usize = 4;

/// The steps for an answer's rows and its "steps" section (the documented click paths that
/// fired, in evaluation order), and the places a "depends" route stands for (`alternatives`).
pub fn steps(
    journey: Journey,
    rows: &[Row],
    documented: Option<&SectionView>,
    alternatives: &[Alternative],
) -> Vec<Step> {
    let route = rows.iter().find_map(|r| match r {
        Row::Route(x) => Some(*x),
        _ => None,
    });
    let not_covered = rows.contains(&Row::Coverage(v::coverage::NOT_COVERED));
    let reopen = rows.contains(&Row::Reopen(v::reopen::REOPEN));
    let mut out = Vec::new();
    // Not covered: which plans would cover it comes first.
    if not_covered && journey != Journey::ComparePlans {
        out.push(Step::Journey(Journey::ComparePlans));
    }
    // The answer depends on the product's support phase: looking it up comes before filing.
    if rows.contains(&Row::Coverage(v::coverage::DEPENDS_ON_LIFECYCLE)) {
        out.push(Step::Lifecycle {
            url: portals::LIFECYCLE,
        });
    }
    if let Some(r) = route {
        if let Some(url) = portals::address(r) {
            out.push(Step::Open { route: r, url });
        }
        // "It depends": one step per place, each with its address.
        out.extend(alternatives.iter().map(|&alternative| Step::IfAnswer {
            alternative,
            url: portals::address(alternative.route),
        }));
    } else if journey == Journey::LanguageHours {
        out.push(Step::Journey(Journey::OpenRequest));
    }
    // The visitor does not know their plan: what each plan gives for this problem is next.
    if rows.contains(&Row::Coverage(v::coverage::DEPENDS_ON_PLAN))
        && journey != Journey::ComparePlans
    {
        out.push(Step::Journey(Journey::ComparePlans));
    }
    if reopen {
        out.push(Step::ReopenThere);
    } else if let Some(first) = documented.and_then(|s| s.items.first()) {
        // The documented click path files a new request: never next to "reopen".
        out.push(Step::Documented(*first));
    }
    // The severity to choose is in the decision itself ("Choose Severity A."), not repeated here.
    let files_something = route.is_some_and(|r| portals::address(r).is_some()) && !not_covered;
    if files_something {
        out.push(Step::PasteSummary);
    }
    if !out.iter().any(Step::has_link) {
        // Nothing to file and no site: which plans cover what is the one useful next step.
        out.push(Step::Journey(Journey::ComparePlans));
    }
    out.truncate(MOST);
    out
}
