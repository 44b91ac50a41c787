//! The demo people who feed the portal: a member of the employment service centre's staff, the
//! HR person of a verified demo enterprise and the admissions officer of a demo school, so a
//! new user can walk each workspace at once. Same password as the demo workers; idempotent.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use labour_domain::account::{Email, Identifier};
use uuid::Uuid;

use crate::Error;
use crate::accounts::{AccountRole, NewAccount};
use crate::schema::memberships;

/// (email, display name, role, the demo organisation joined: its number in `crate::demo`).
const MEMBERS: [(&str, &str, AccountRole, Option<u128>); 3] = [
    (
        "can.bo@demo.example.vn",
        "Cán bộ Trung tâm (mẫu)",
        AccountRole::Staff,
        None,
    ),
    (
        "tuyen.dung@demo.example.vn",
        "Phòng nhân sự Cơ khí chính xác (mẫu)",
        AccountRole::User,
        Some(1),
    ),
    (
        "dao.tao@demo.example.vn",
        "Phòng đào tạo Cao đẳng nghề (mẫu)",
        AccountRole::User,
        Some(100),
    ),
];

fn id(n: u128) -> Uuid {
    Uuid::from_u128(0x0193_0000_0000_7000_8000_0005_0000_0000 | n)
}

/// The demo members' sign-in emails: staff, enterprise, school.
pub fn emails() -> Vec<&'static str> {
    MEMBERS.iter().map(|m| m.0).collect()
}

/// Inserts the demo members that are not there yet (after `crate::demo::seed`, whose
/// organisations they join); returns how many were new.
pub async fn seed(conn: &mut AsyncPgConnection, password_hash: &str) -> Result<usize, Error> {
    let mut added = 0;
    for (n, (address, name, role, organisation)) in MEMBERS.iter().enumerate() {
        let email = Email::parse(address)
            .map_err(|e| Error::Migration(format!("demo member {address}: {e}")))?;
        let account = id(n as u128 + 1);
        let inserted = crate::accounts::insert(
            conn,
            &NewAccount {
                id: account,
                role: *role,
                identifier: &Identifier::Email(email),
                display_name: name,
                password_hash,
            },
        )
        .await?;
        if !inserted {
            continue;
        }
        if let Some(n) = organisation {
            diesel::insert_into(memberships::table)
                .values((
                    memberships::organisation_id.eq(crate::demo::demo_id(*n)),
                    memberships::account_id.eq(account),
                ))
                .on_conflict_do_nothing()
                .execute(conn)
                .await?;
        }
        added += 1;
    }
    Ok(added)
}
