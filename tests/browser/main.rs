//! The web pages in a real browser (headless chromium over WebDriver) against the real server
//! on a test database: what a person sees, types and clicks, with axe-core on every page.

mod accounts;
mod enterprise;
mod harness;
mod journeys;
mod layout;
mod organisation;
mod passwords;
mod postings;
mod search;
mod staff;
mod statistics;
mod worker;
