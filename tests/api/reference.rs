//! Reference lists: zones, communes, occupation groups, occupations, levels, ethnic groups.

use labour_tests::{TestApp, TestResult};
use serde_json::Value;

fn names(body: &Value) -> Vec<String> {
    body["items"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i["name"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[actix_web::test]
async fn zones_list_the_provinces_parks_clusters_and_economic_zone() -> TestResult {
    let app = TestApp::spawn().await?;
    let all = app.get("/api/v1/zones?per_page=100").await?;
    assert_eq!(all.status, 200);
    let body = all.json();
    let names = names(&body);
    for expected in [
        "Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn",
        "Khu công nghiệp Đồng Bành",
        "Khu công nghiệp Hữu Lũng",
        "Cụm công nghiệp Hợp Thành",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} missing from {names:?}"
        );
    }
    assert_eq!(body["total"].as_i64(), Some(names.len() as i64));

    let parks = app.get("/api/v1/zones?kind=industrial_park").await?.json();
    assert!(parks["items"].as_array().is_some_and(|a| !a.is_empty()));
    assert!(
        parks["items"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|z| z["kind"] == "industrial_park")
    );

    // Diacritics are optional in the name search.
    let found = app.get("/api/v1/zones?q=dong%20banh").await?.json();
    assert_eq!(self::names(&found), vec!["Khu công nghiệp Đồng Bành"]);
    let found = app
        .get("/api/v1/zones?q=%C4%90%E1%BB%93ng%20B%C3%A0nh")
        .await?
        .json();
    assert_eq!(found["total"], 1);

    // By commune: the economic zone and the Hồng Phong park sit in Đồng Đăng (06184).
    let in_commune = app.get("/api/v1/zones?commune=06184").await?.json();
    assert_eq!(in_commune["total"], 2);
    Ok(())
}

#[actix_web::test]
async fn a_zone_by_id_has_its_commune_and_source() -> TestResult {
    let app = TestApp::spawn().await?;
    let list = app.get("/api/v1/zones?q=dong%20banh").await?.json();
    let id = list["items"][0]["id"].as_str().ok_or("no id")?.to_owned();
    let zone = app.get(&format!("/api/v1/zones/{id}")).await?;
    assert_eq!(zone.status, 200);
    insta::assert_json_snapshot!(zone.json(), { ".id" => "[id]", ".updated_at" => "[time]" }, @r#"
    {
      "area_ha": 162.0,
      "commune": {
        "code": "06463",
        "name": "Xã Chi Lăng"
      },
      "confidence": "medium",
      "id": "[id]",
      "kind": "industrial_park",
      "name": "Khu công nghiệp Đồng Bành",
      "slug": "khu-cong-nghiep-dong-banh",
      "source": "press report 2018 (reduced from 321.76 ha; Chi Lăng district)",
      "status": "operating",
      "updated_at": "[time]",
      "version": 1
    }
    "#);
    Ok(())
}

#[actix_web::test]
async fn communes_are_the_65_units_of_2025_and_page() -> TestResult {
    let app = TestApp::spawn().await?;
    let first = app.get("/api/v1/communes?per_page=50").await?.json();
    assert_eq!(first["total"], 65);
    assert_eq!(first["items"].as_array().map(Vec::len), Some(50));
    let second = app.get("/api/v1/communes?per_page=50&page=2").await?.json();
    assert_eq!(second["items"].as_array().map(Vec::len), Some(15));
    assert_eq!(second["page"], 2);
    let beyond = app.get("/api/v1/communes?per_page=50&page=9").await?.json();
    assert_eq!(beyond["items"].as_array().map(Vec::len), Some(0));

    let wards = app.get("/api/v1/communes?kind=ward").await?.json();
    assert_eq!(wards["total"], 4);
    let dong_dang = app.get("/api/v1/communes?q=dong%20dang").await?.json();
    assert_eq!(dong_dang["items"][0]["code"], "06184");
    Ok(())
}

#[actix_web::test]
async fn occupations_search_by_code_prefix_or_name_without_diacritics() -> TestResult {
    let app = TestApp::spawn().await?;
    let groups = app.get("/api/v1/occupation-groups").await?.json();
    let groups = groups["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(groups.len(), 10);
    assert_eq!(groups[0]["key"], "co_khi");
    let industrial = groups
        .iter()
        .filter(|g| g["industrial_group_of_plan"] == true)
        .count();
    assert_eq!(industrial, 8);

    for q in ["tho%20han", "Th%E1%BB%A3%20h%C3%A0n", "THO%20HAN", "han"] {
        let found = app.get(&format!("/api/v1/occupations?q={q}")).await?.json();
        let codes: Vec<_> = found["items"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|o| o["code"].clone())
            .collect();
        assert!(codes.contains(&Value::from("7212")), "q={q}: {codes:?}");
    }
    let by_code = app.get("/api/v1/occupations?q=741").await?.json();
    assert!(
        by_code["items"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|o| { o["code"].as_str().is_some_and(|c| c.starts_with("741")) })
    );
    assert!(by_code["total"].as_i64().unwrap_or(0) >= 3);

    let in_group = app
        .get("/api/v1/occupations?group=dien_dien_tu&per_page=100")
        .await?
        .json();
    assert!(
        in_group["items"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|o| o["group"] == "dien_dien_tu")
    );

    let one = app.get("/api/v1/occupations/7412").await?.json();
    assert_eq!(one["name_vi"], "Thợ điện công nghiệp");
    assert_eq!(one["vet_programmes"][0]["code"], "6520227");
    assert_eq!(one["vet_programmes"][0]["level"], "cao_dang");

    let looked_up = app
        .send(
            "POST",
            "/api/v1/occupations/lookup",
            &[("content-type", "application/json")],
            Some(br#"{"codes":["7412","0000","7212"]}"#.to_vec()),
        )
        .await?;
    assert_eq!(looked_up.status, 200);
    let body = looked_up.json();
    assert_eq!(body["items"][0]["code"], "7412");
    assert_eq!(body["items"][1]["code"], "7212");
    assert_eq!(body["unknown"], serde_json::json!(["0000"]));
    Ok(())
}

#[actix_web::test]
async fn training_levels_and_ethnic_groups() -> TestResult {
    let app = TestApp::spawn().await?;
    let levels = app.get("/api/v1/training-levels").await?.json();
    let codes: Vec<_> = levels["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|l| l["code"].clone())
        .collect();
    assert_eq!(
        codes,
        vec!["duoi_3_thang", "so_cap", "trung_cap", "cao_dang"]
    );

    let groups = app.get("/api/v1/ethnic-groups").await?.json();
    let groups = groups["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(groups.len(), 54);
    let majority: Vec<_> = groups
        .iter()
        .filter(|g| g["is_minority"] == false)
        .collect();
    assert_eq!(majority.len(), 1);
    assert_eq!(majority[0]["name_vi"], "Kinh");
    assert!(
        groups
            .iter()
            .any(|g| g["name_vi"] == "Nùng" && g["key"] == "nung")
    );
    Ok(())
}
