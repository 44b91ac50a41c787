//! Accounts: workers register themselves; organisation members register their organisation
//! after signing up; staff accounts are made by admins.

pub mod create;
