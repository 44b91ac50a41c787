//! Staff accounts of the employment service centre, made by admins.

pub mod create;
