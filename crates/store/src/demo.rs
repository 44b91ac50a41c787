//! The deterministic demo set: organisations spread over the real zones, clearly marked as demo
//! data. Running it twice changes nothing.

use diesel_async::AsyncPgConnection;
use labour_domain::organisation::{OrganisationIdentity, Verification};
use labour_domain::tax_code::{TaxCode, check_digit};
use uuid::Uuid;

use crate::Error;
use crate::organisations::{self, NewOrganisation};

/// Trades the demo enterprises are named after, one per enterprise, cycling over the zones.
const ENTERPRISE_TRADES: [&str; 12] = [
    "Cơ khí chính xác",
    "Điện tử",
    "May mặc xuất khẩu",
    "Chế biến nông sản",
    "Logistics cửa khẩu",
    "Vật liệu xây dựng",
    "Chế biến gỗ",
    "Lắp ráp thiết bị điện",
    "Thực phẩm sạch",
    "Bao bì",
    "Công nghệ thông tin",
    "Kho vận",
];

const SCHOOLS: [&str; 3] = [
    "Trường Cao đẳng nghề mẫu Lạng Sơn",
    "Trường Trung cấp kỹ thuật mẫu Đồng Đăng",
    "Trung tâm Giáo dục nghề nghiệp mẫu Hữu Lũng",
];

/// Demo ids are fixed so that links in documentation and tests stay valid between runs.
pub(crate) fn demo_id(n: u128) -> Uuid {
    Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0000 | n)
}

/// A valid tax code with the demo prefix 49999 (49 is Lạng Sơn's provincial prefix).
fn demo_tax_code(n: u32) -> Result<TaxCode, Error> {
    // Some 9-digit prefixes have no valid check digit; step to the next one that has.
    (n * 10..n * 10 + 10)
        .find_map(|k| {
            let first_nine = format!("49999{k:04}");
            let digits: Vec<u32> = first_nine.bytes().map(|b| u32::from(b - b'0')).collect();
            check_digit(&digits).map(|c| format!("{first_nine}{c}"))
        })
        .and_then(|code| TaxCode::parse(&code).ok())
        .ok_or_else(|| Error::Migration(format!("no demo tax code for {n}")))
}

/// The demo organisations for the given zones.
pub fn organisations(zones: &[crate::zones::ZoneRow]) -> Result<Vec<NewOrganisation>, Error> {
    let mut out = Vec::new();
    for (i, trade) in ENTERPRISE_TRADES.iter().enumerate() {
        let zone = zones.get(i % zones.len().max(1));
        out.push(NewOrganisation {
            id: demo_id(i as u128 + 1),
            identity: OrganisationIdentity::Enterprise {
                tax_code: demo_tax_code(i as u32 + 1)?,
            },
            name: format!("Công ty TNHH {trade} Lạng Sơn (dữ liệu mẫu)"),
            zone_id: zone.map(|z| z.id),
            commune_code: zone.and_then(|z| z.commune_code.clone()),
            address: zone.map(|z| z.name.clone()),
            licence_number: None,
            // Every fourth enterprise waits for verification, so the staff queue has work.
            verification: if i % 4 == 3 {
                Verification::Pending
            } else {
                Verification::Verified
            },
        });
    }
    for (i, name) in SCHOOLS.iter().enumerate() {
        out.push(NewOrganisation {
            id: demo_id(100 + i as u128),
            identity: OrganisationIdentity::School,
            name: format!("{name} (dữ liệu mẫu)"),
            zone_id: None,
            commune_code: None,
            address: None,
            licence_number: Some(format!("DEMO-GDNN-{:03}", i + 1)),
            verification: Verification::Verified,
        });
    }
    out.push(NewOrganisation {
        id: demo_id(200),
        identity: OrganisationIdentity::Agency,
        name: "Trung tâm Dịch vụ việc làm tỉnh Lạng Sơn (dữ liệu mẫu)".into(),
        zone_id: None,
        commune_code: None,
        address: None,
        licence_number: None,
        verification: Verification::Verified,
    });
    Ok(out)
}

/// Inserts the demo organisations; returns how many were new.
pub async fn seed(conn: &mut AsyncPgConnection) -> Result<usize, Error> {
    let zones = crate::zones::all(conn).await?;
    organisations::insert_missing(conn, &organisations(&zones)?).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_tax_codes_are_valid_and_distinct() {
        let codes: Vec<_> = (1..=12).filter_map(|n| demo_tax_code(n).ok()).collect();
        assert_eq!(codes.len(), 12);
        let mut unique = codes.clone();
        unique.dedup();
        assert_eq!(unique.len(), 12);
    }
}
