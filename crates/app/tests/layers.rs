//! The floors of the workspace hold: each crate depends only on the floors below it, and no
//! HTTP handler opens a transaction or writes the audit log (use cases do both).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The portal's own crates each crate's `[dependencies]` names (dev-dependencies aside).
fn own_dependencies(manifest: &str) -> Vec<String> {
    let mut deps = Vec::new();
    let mut in_deps = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_deps = line == "[dependencies]";
            continue;
        }
        if in_deps
            && line.starts_with("labour-")
            && let Some(name) = line.split(['.', ' ', '=']).next()
        {
            deps.push(name.to_owned());
        }
    }
    deps.sort();
    deps
}

#[test]
fn every_crate_depends_only_on_the_floors_below() -> Result<(), std::io::Error> {
    // crate -> what it may depend on.
    let allowed: BTreeMap<&str, &[&str]> = BTreeMap::from([
        ("domain", &[][..]),
        ("store", &["labour-domain"][..]),
        ("search", &["labour-domain"][..]),
        (
            "app",
            &["labour-domain", "labour-search", "labour-store"][..],
        ),
        (
            "web",
            &[
                "labour-app",
                "labour-domain",
                "labour-search",
                "labour-store",
            ][..],
        ),
        (
            "api",
            &[
                "labour-app",
                "labour-domain",
                "labour-search",
                "labour-store",
            ][..],
        ),
        (
            "server",
            &[
                "labour-api",
                "labour-app",
                "labour-domain",
                "labour-search",
                "labour-store",
                "labour-web",
            ][..],
        ),
    ]);
    let mut seen = 0;
    for entry in std::fs::read_dir(root().join("crates"))?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let manifest = entry.path().join("Cargo.toml");
        if !manifest.exists() {
            continue;
        }
        let Some(may) = allowed.get(name.as_str()) else {
            panic!("crates/{name} is not on the floor plan of docs/architecture.md");
        };
        for dep in own_dependencies(&std::fs::read_to_string(manifest)?) {
            assert!(
                may.contains(&dep.as_str()),
                "crates/{name} depends on {dep}"
            );
        }
        seen += 1;
    }
    assert_eq!(seen, allowed.len(), "every crate on the plan exists");
    Ok(())
}

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path) -> Result<Vec<(PathBuf, String)>, std::io::Error> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir)?.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path)?;
                out.push((path, text));
            }
        }
    }
    Ok(out)
}

#[test]
fn no_handler_opens_a_transaction_or_writes_the_audit_log() -> Result<(), std::io::Error> {
    let mut offenders = Vec::new();
    for face in ["crates/api/src/routes", "crates/web/src"] {
        for (path, text) in sources(&root().join(face))? {
            for needle in [".transaction", "audit::record", "audit::Event", ".event("] {
                if text.contains(needle) {
                    let path = path.strip_prefix(root()).unwrap_or(&path).to_owned();
                    offenders.push(format!("{} uses {needle}", path.display()));
                }
            }
        }
    }
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
    Ok(())
}
