//! Where a customer acts on an answer: the public web address of each place the rules can send
//! them (`v::route`). These addresses are public facts, not statements of the source documents,
//! so they live here, in one table, with the day it was last reviewed; the
//! documents' own addresses (Support for business, the Office and Azure portals,
//! account.microsoft.com) are the ones the documents give.
//!
//! A route without a site of its own (a partner, an account manager) links to the page where the
//! customer finds that contact; `none` and the engineering contact of a private preview have no
//! address at all, and their result pages link inside the app instead (`next_steps`). Nor do the
//! `depends_on_*` routes: their page lists each possible place with its own address
//! (`alternatives`).

use crate::policy::data::v::route;

/// The day this table was last reviewed: year, month, day. The review compared each address
/// with Microsoft's public documentation; no build or test opens them (the app runs offline), so
/// whoever changes the table re-opens each address in a browser and moves this date.
pub const CHECKED: (i32, u32, u32) = (2026, 12, 7);

/// `CHECKED` as a date.
pub fn checked() -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(CHECKED.0, CHECKED.1, CHECKED.2)
}

/// Microsoft's lifecycle pages, where a product's support phases and their dates are looked up
/// (the sources say to look the product up, 004:25-27, without an address).
pub const LIFECYCLE: &str = "https://learn.microsoft.com/lifecycle/products/";

/// The address a route's "open" step links to, if it has one. Every address is `https://`.
pub fn address(r: u8) -> Option<&'static str> {
    Some(match r {
        // Help + support is in its left navigation (the documents' click path follows).
        route::PPAC => "https://admin.powerplatform.microsoft.com/",
        route::LCS => "https://lcs.dynamics.com/",
        // The documents' own short link.
        route::SUPPORT_FOR_BUSINESS => "https://aka.ms/SupportforBusiness",
        route::SERVICES_HUB => "https://serviceshub.microsoft.com/",
        route::PREMIER_PORTAL => "https://premier.microsoft.com/",
        route::M365_ADMIN => "https://admin.microsoft.com/",
        // Microsoft 365 admin center, Partner relationships: who the tenant's partners are.
        route::CSP_PARTNER | route::RESELLER_LAR => {
            "https://admin.microsoft.com/Adminportal/Home#/partnerrelationships"
        }
        route::PARTNER_OR_FORUMS => "https://community.powerplatform.com/",
        route::SERVICE_HEALTH => "https://admin.microsoft.com/Adminportal/Home#/servicehealth",
        route::MESSAGE_CENTER => "https://admin.microsoft.com/Adminportal/Home#/MessageCenter",
        // The documents give these three.
        route::OFFICE_PORTAL => "https://portal.office.com/AdminPortal",
        route::AZURE_PORTAL => "https://portal.azure.com/",
        route::ACCOUNT_MICROSOFT => "https://account.microsoft.com/",
        route::VLSC => "https://www.microsoft.com/licensing/servicecenter",
        // Microsoft Unified: the contact form for Premier and Unified support.
        route::ACCOUNT_MANAGER => "https://www.microsoft.com/unifiedsupport",
        // The documents say a Technical Account Manager's details are in the Premier Online
        // portal (PREMIER-7).
        route::TAM => "https://premier.microsoft.com/",
        route::PARTNER_SUPPORT => "https://partner.microsoft.com/support",
        // Global Customer Service phone numbers, by country.
        route::PHONE => {
            "https://support.microsoft.com/topic/customer-service-phone-numbers-c0389ade-5640-e588-8b0e-28de8afeb3f2"
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::data::{s, SLOTS};

    #[test]
    fn every_address_is_https_and_only_two_routes_and_the_depends_routes_have_none() {
        let values = SLOTS[usize::from(s::ROUTE)].values.len();
        let without: Vec<u8> = (0..values as u8)
            .filter(|&r| address(r).is_none())
            .collect();
        assert_eq!(
            without,
            [
                route::ENGINEERING_CONTACT,
                route::NONE,
                route::DEPENDS_ON_CHANNEL,
                route::DEPENDS_ON_PLAN,
                route::DEPENDS_ON_PREVIEW
            ]
        );
        let routes = (0..values as u8).filter_map(address);
        for url in routes.chain([LIFECYCLE]) {
            assert!(url.starts_with("https://"), "{url}");
            assert!(!url.contains(char::is_whitespace), "{url}");
        }
    }

    #[test]
    fn the_checked_day_is_an_iso_date() {
        assert!(checked().is_some());
    }
}
