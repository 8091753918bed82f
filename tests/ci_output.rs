//! What CI users see: smimelint.toml, GitHub annotations, SARIF, completions, man page, version.

use smimelint_factory::CertBuilder;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_smimelint"))
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run smimelint")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh directory holding `good.pem` (clean) and `bad.pem` (no extKeyUsage: one error).
fn fixtures(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("smimelint-ci-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let good = CertBuilder::subscriber("mailbox-strict").build_pem();
    let bad = CertBuilder::subscriber("mailbox-strict")
        .without_ext(&const_oid::ObjectIdentifier::new_unwrap("2.5.29.37"))
        .build_pem();
    std::fs::write(dir.join("good.pem"), good).unwrap();
    std::fs::write(dir.join("bad.pem"), bad).unwrap();
    dir
}

#[test]
fn config_file_in_the_working_directory_is_read_and_flags_override_it() {
    let dir = fixtures("config");
    // Without a file: the missing EKU is an error, exit 1.
    let o = run_in(&dir, &["lint", "bad.pem"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stdout(&o).contains("e_smime_eku_missing"));

    // The file turns the lint into a warning: exit 0 with the default fail_on.
    std::fs::write(
        dir.join("smimelint.toml"),
        "[lints]\ne_smime_eku_missing = { status = \"warn\" }\n",
    )
    .unwrap();
    let o = run_in(&dir, &["lint", "--format", "jsonl", "bad.pem"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("\"status\":\"warn\""), "{}", stdout(&o));
    // A command-line flag overrides the file's default fail_on.
    let o = run_in(&dir, &["lint", "--fail-on", "warn", "bad.pem"]);
    assert_eq!(o.status.code(), Some(1));
    // --no-config ignores the file.
    let o = run_in(&dir, &["lint", "--no-config", "bad.pem"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("error"));

    // "off" removes the lint altogether; fail_on in the file is honoured.
    std::fs::write(
        dir.join("smimelint.toml"),
        "[lint]\nfail_on = \"notice\"\n[lints]\ne_smime_eku_missing = { status = \"off\" }\n",
    )
    .unwrap();
    let o = run_in(&dir, &["lint", "bad.pem"]);
    assert!(
        !stdout(&o).contains("e_smime_eku_missing"),
        "{}",
        stdout(&o)
    );

    // Profile constraints produce findings when a certificate leaves them.
    std::fs::write(
        dir.join("other.toml"),
        "[profile]\nallowed_mailbox_domains = [\"example.org\"]\n",
    )
    .unwrap();
    let o = run_in(&dir, &["lint", "--config", "other.toml", "good.pem"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("e_profile_mailbox_domain_not_allowed"));
}

#[test]
fn config_errors_name_the_key_and_exit_two() {
    let dir = fixtures("config-errors");
    std::fs::write(dir.join("smimelint.toml"), "[lint]\nfial_on = \"warn\"\n").unwrap();
    let o = run_in(&dir, &["lint", "good.pem"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("fial_on"), "{}", stderr(&o));
    let o = run_in(&dir, &["config"]);
    assert_eq!(o.status.code(), Some(2));

    let o = run_in(&dir, &["lint", "--config", "missing.toml", "good.pem"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.toml"));

    std::fs::write(
        dir.join("smimelint.toml"),
        "[policy_map]\n\"1.2.3\" = \"nonsense\"\n",
    )
    .unwrap();
    let o = run_in(&dir, &["config"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("policy_map"), "{}", stderr(&o));
}

#[test]
fn config_example_is_a_valid_configuration() {
    let dir = fixtures("config-example");
    let o = run_in(&dir, &["config", "--example"]);
    assert!(o.status.success());
    std::fs::write(dir.join("smimelint.toml"), &o.stdout).unwrap();
    let o = run_in(&dir, &["config"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("smimelint.toml: ok"));
}

#[test]
fn github_format_prints_workflow_commands() {
    let dir = fixtures("github");
    let o = run_in(&dir, &["lint", "--format", "github", "good.pem", "bad.pem"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let commands: Vec<&str> = out.lines().filter(|l| l.starts_with("::")).collect();
    assert!(
        commands
            .iter()
            .any(|l| l.starts_with("::error file=bad.pem,title=e_smime_eku_missing::")),
        "{out}"
    );
    assert!(commands.iter().all(|l| l.contains("file=bad.pem")), "{out}");
}

/// The SARIF 2.1.0 schema, as shipped in the sources of the serde-sarif crate (a
/// dev-dependency kept for exactly this file, so nothing is copied into this repository).
fn sarif_schema() -> serde_json::Value {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))
        .expect("CARGO_HOME or HOME");
    let mut found = None;
    for index in std::fs::read_dir(home.join("registry/src")).expect("cargo registry sources") {
        let index = index.unwrap().path();
        for krate in std::fs::read_dir(&index).unwrap() {
            let krate = krate.unwrap().path();
            let name = krate.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with("serde-sarif-") && krate.join("src/schema.json").exists() {
                found = Some(krate.join("src/schema.json"));
            }
        }
    }
    let schema = found.expect("serde-sarif sources (cargo fetch)");
    serde_json::from_slice(&std::fs::read(&schema).expect("schema.json")).expect("schema JSON")
}

fn fix_language_patterns(v: &mut serde_json::Value) -> usize {
    const BROKEN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    match v {
        serde_json::Value::Object(map) => {
            let mut fixed = 0;
            for (k, child) in map.iter_mut() {
                if k == "pattern" && child == BROKEN {
                    *child = serde_json::json!("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
                    fixed += 1;
                } else {
                    fixed += fix_language_patterns(child);
                }
            }
            fixed
        }
        serde_json::Value::Array(items) => items.iter_mut().map(fix_language_patterns).sum(),
        _ => 0,
    }
}

#[test]
fn sarif_output_validates_against_the_sarif_2_1_0_schema() {
    let dir = fixtures("sarif");
    std::fs::write(dir.join("odd name.txt"), b"not a certificate").unwrap();
    let o = run_in(
        &dir,
        &[
            "lint",
            "--format",
            "sarif",
            "--all-files",
            "good.pem",
            "bad.pem",
            "odd name.txt",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("SARIF is JSON");
    // The published schema's pattern for `language` properties is not a valid regular
    // expression (a stray `]`); replace it with the intended one so the schema compiles. We
    // never emit `language`.
    let mut schema = sarif_schema();
    assert!(
        fix_language_patterns(&mut schema) > 0,
        "schema layout changed"
    );
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .build(&schema)
        .expect("schema compiles");
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The validator does reject a broken log.
    let mut broken = doc.clone();
    broken["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    assert!(!validator.is_valid(&broken));

    let run = &doc["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), smimelint::registry::all().len());
    let results = run["results"].as_array().unwrap();
    let eku = results
        .iter()
        .find(|r| r["ruleId"] == "e_smime_eku_missing")
        .expect("the missing EKU is a result");
    assert_eq!(eku["level"], "error");
    assert_eq!(
        eku["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "bad.pem"
    );
    let index = eku["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[index]["id"], "e_smime_eku_missing");
    assert!(results
        .iter()
        .any(|r| r["ruleId"] == "e_input_not_certificate"
            && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                == "odd%20name.txt"));

    // An empty run is still a valid log.
    let o = run_in(&dir, &["lint", "--format", "sarif", "good.pem"]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(validator.is_valid(&doc));
    assert_eq!(doc["runs"][0]["results"].as_array().unwrap().len(), 0);
}

#[test]
fn completions_man_and_version() {
    let dir = fixtures("completions");
    for (shell, marker) in [
        ("bash", "_smimelint"),
        ("zsh", "#compdef smimelint"),
        ("fish", "complete -c smimelint"),
    ] {
        let o = run_in(&dir, &["completions", shell]);
        assert!(o.status.success(), "{shell}");
        assert!(stdout(&o).contains(marker), "{shell}: {}", stdout(&o));
    }
    let o = run_in(&dir, &["man"]);
    assert!(o.status.success());
    assert!(stdout(&o).starts_with(".ie") || stdout(&o).contains(".TH smimelint"));
    let o = run_in(&dir, &["--version"]);
    let v = stdout(&o);
    assert!(v.contains("v1.0.11") && v.contains("SMC014"), "{v}");
}
