//! What the portal writes for other programs cannot be turned against their readers: JSON-LD
//! cannot close the `<script>` it is embedded in, and no text cell of a CSV or XLSX runs as a
//! formula in a spreadsheet (OWASP's CSV-injection advice), while numbers stay numbers.

use labour_store::accounts::AccountRole;
use labour_tests::{TestApp, TestResult, job, json, verified_enterprise};

const SCRIPT: &str = "</script><svg onload=alert(1)>";
const HYPERLINK: &str = "=HYPERLINK(\"http://x\",\"y\")";

#[actix_web::test]
async fn json_ld_is_safe_inside_a_script_element() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (org, hr) = verified_enterprise(&app, "hr@example.vn", 71).await?;
    let id = app.publish(org, &hr, &staff, &job(SCRIPT)).await?;
    let res = app.get(&format!("/api/v1/postings/{id}/jsonld")).await?;
    assert_eq!(res.status, 200, "{}", res.text());
    let text = res.text();
    assert!(
        !text.contains(['<', '>', '&']),
        "no character that ends a script: {text}"
    );
    assert!(text.contains("\\u003c/script\\u003e"), "{text}");
    let doc: serde_json::Value = serde_json::from_str(&text)?;
    assert_eq!(doc["title"], SCRIPT, "the escapes read back as the title");
    Ok(())
}

/// Reads CSV files (as text) and XLSX files (cell values) with Python's csv and openpyxl.
fn read_back(files: &[(&str, &[u8])]) -> Result<serde_json::Value, Box<dyn std::error::Error>> {
    let python = std::env::var("LABOUR_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let dir = tempfile::tempdir()?;
    let mut paths = Vec::new();
    for (name, body) in files {
        let path = dir.path().join(name);
        std::fs::write(&path, body)?;
        paths.push(path);
    }
    let script = r#"
import csv, json, sys, openpyxl
out = []
for path in sys.argv[1:]:
    if path.endswith(".xlsx"):
        ws = openpyxl.load_workbook(path).active
        out.append([[c for c in r] for r in ws.iter_rows(values_only=True)])
    else:
        with open(path, encoding="utf-8-sig", newline="") as f:
            out.append(list(csv.reader(f)))
print(json.dumps(out, ensure_ascii=False))
"#;
    let out = std::process::Command::new(&python)
        .args(["-c", script])
        .args(&paths)
        .output()
        .map_err(|e| format!("cannot run {python}: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned().into());
    }
    Ok(serde_json::from_slice(&out.stdout)?)
}

fn cells(table: &serde_json::Value) -> Vec<serde_json::Value> {
    table
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row.as_array().cloned().unwrap_or_default())
        .collect()
}

#[actix_web::test]
async fn no_text_cell_of_an_export_runs_as_a_formula() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (org, hr) = verified_enterprise(&app, "hr@example.vn", 72).await?;
    for title in [HYPERLINK, "@SUM(1)", "-2+3 thợ hàn", "+84 thợ điện"] {
        app.publish(org, &hr, &staff, &job(title)).await?;
    }
    // A source staff typed, in the indicator board's files.
    let res = app
        .json(
            "PUT",
            "/api/v1/kpis/trained_share/2025",
            &staff.auth(),
            &json!({ "value": 66.5, "source": HYPERLINK }),
        )
        .await?;
    assert_eq!(res.status, 204, "{}", res.text());

    let open_data = app.get("/api/v1/open-data/postings?format=csv").await?;
    assert_eq!(open_data.status, 200);
    let kpi_csv = app.get("/api/v1/kpis?format=csv").await?;
    let kpi_xlsx = app.get("/api/v1/kpis?format=xlsx").await?;
    assert_eq!(kpi_xlsx.status, 200);
    let read = read_back(&[
        ("open-data.csv", &open_data.body),
        ("kpis.csv", &kpi_csv.body),
        ("kpis.xlsx", &kpi_xlsx.body),
    ])?;

    let open_data = cells(&read[0]);
    for title in [HYPERLINK, "@SUM(1)", "-2+3 thợ hàn", "+84 thợ điện"] {
        assert!(
            open_data.contains(&json!(format!("'{title}"))),
            "{title} is text in the open data: {open_data:?}"
        );
        assert!(!open_data.contains(&json!(title)), "{title} left as it was");
    }
    for table in [&read[1], &read[2]] {
        let all = cells(table);
        assert!(
            all.contains(&json!(format!("'{HYPERLINK}"))),
            "the source is text: {all:?}"
        );
        assert!(!all.contains(&json!(HYPERLINK)));
    }
    // Numbers stay numbers in the XLSX: the year and the value.
    let line = read[2]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r[4] == json!(format!("'{HYPERLINK}"))))
        .cloned()
        .unwrap_or_default();
    assert_eq!(line[2], json!(2025), "{line}");
    assert_eq!(line[3], json!(66.5), "{line}");
    Ok(())
}
