//! The `smimelint` binary end to end: inputs, formats, filters, exit codes.

use smimelint_factory::{pem, CertBuilder};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_smimelint"))
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    run_env(args, &[], stdin)
}

/// [`run`] with these environment variables set (the colour ones are otherwise unset).
fn run_env(args: &[&str], env: &[(&str, &str)], stdin: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn smimelint");
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("wait");
    writer.join().expect("stdin writer");
    out
}

fn jsonl(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("smimelint-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn clean() -> String {
    CertBuilder::subscriber("mailbox-strict").build_pem()
}

fn broken() -> String {
    CertBuilder::subscriber("mailbox-strict")
        .patch(&[0x01, 0x01, 0xff], &[0x01, 0x01, 0x01])
        .build_pem()
}

fn testdata(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/certs")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn clean_certificate_exits_zero_with_the_documented_jsonl_fields() {
    let out = run(&["lint", "--format", "jsonl", "-"], clean().as_bytes());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = jsonl(&out);
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!(r["input"], "-");
    assert_eq!(r["type"], "mailbox-strict");
    assert_eq!(r["type_source"], "policy");
    assert_eq!(r["sha256"].as_str().map(str::len), Some(64));
    assert_eq!(r["findings"], serde_json::json!([]));
}

#[test]
fn an_error_exits_one_and_names_the_lint() {
    let out = run(&["lint", "-f", "jsonl"], broken().as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let r = &jsonl(&out)[0];
    let f = &r["findings"][0];
    assert_eq!(f["lint"], "e_der_boolean_not_canonical");
    assert_eq!(f["status"], "error");
    assert_eq!(f["citation"], "X.690 11.1");
    assert!(f["details"].as_str().unwrap().contains("keyUsage"));
}

#[test]
fn several_blocks_keep_their_order_and_numbered_names() {
    let input = format!("preamble\n{}text\n{}{}", clean(), broken(), clean());
    let out = run(&["lint", "-f", "jsonl", "-j", "2"], input.as_bytes());
    let names: Vec<String> = jsonl(&out)
        .iter()
        .map(|r| r["input"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["-#1", "-#2", "-#3"]);
    let worst: Vec<usize> = jsonl(&out)
        .iter()
        .map(|r| r["findings"].as_array().unwrap().len())
        .collect();
    assert_eq!(worst, [0, 1, 0]);
}

#[test]
fn many_certificates_stream_in_order_across_chunks() {
    // More than one runner chunk, alternating clean and broken, through stdin as base64 lines.
    use base64::Engine;
    let clean = CertBuilder::subscriber("mailbox-strict").build();
    let broken = CertBuilder::subscriber("mailbox-strict")
        .patch(&[0x01, 0x01, 0xff], &[0x01, 0x01, 0x01])
        .build();
    let b64 = base64::engine::general_purpose::STANDARD;
    let n = 1300;
    let mut input = String::new();
    for i in 0..n {
        input.push_str(&b64.encode(if i % 3 == 0 { &broken } else { &clean }));
        input.push('\n');
    }
    let out = run(&["lint", "-f", "jsonl"], input.as_bytes());
    let records = jsonl(&out);
    assert_eq!(records.len(), n);
    for (i, r) in records.iter().enumerate() {
        assert_eq!(r["input"], format!("-#{}", i + 1));
        assert_eq!(
            r["findings"].as_array().unwrap().is_empty(),
            i % 3 != 0,
            "record {i}"
        );
    }
}

#[test]
fn directories_der_and_garbage_each_yield_a_record() {
    let dir = temp_dir("dir");
    std::fs::write(dir.join("a.pem"), clean()).unwrap();
    std::fs::write(
        dir.join("b.der"),
        CertBuilder::subscriber("individual-strict").build(),
    )
    .unwrap();
    std::fs::create_dir(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/c.crt"), b"\x00\x01 binary noise \xff").unwrap();
    std::fs::write(dir.join("sub/d.pem"), b"").unwrap();
    std::fs::write(
        dir.join("notes.md"),
        b"ignored: not a certificate extension",
    )
    .unwrap();
    let out = run(&["lint", "-f", "jsonl", dir.to_str().unwrap()], b"");
    let records = jsonl(&out);
    let names: Vec<String> = records
        .iter()
        .map(|r| {
            Path::new(r["input"].as_str().unwrap())
                .strip_prefix(&dir)
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(names, ["a.pem", "b.der", "sub/c.crt", "sub/d.pem"]);
    assert_eq!(records[1]["type"], "individual-strict");
    for r in &records[2..] {
        assert_eq!(r["findings"][0]["status"], "fatal");
        assert_eq!(r["findings"][0]["lint"], "e_input_not_certificate");
    }
    assert_eq!(
        out.status.code(),
        Some(1),
        "fatal reaches the default --fail-on error"
    );
    let out = run(
        &[
            "lint",
            "-f",
            "jsonl",
            "--fail-on",
            "never",
            dir.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn an_unreadable_path_exits_two_but_the_rest_is_linted() {
    let good = testdata("mailbox-strict-rsa2048.pem");
    let out = run(&["lint", "-f", "jsonl", "/no/such/file.pem", &good], b"");
    assert_eq!(out.status.code(), Some(2));
    let records = jsonl(&out);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["findings"][0]["status"], "fatal");
    assert_eq!(records[1]["findings"], serde_json::json!([]));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.pem"));
}

#[test]
fn usage_errors_exit_two() {
    for args in [
        &["lint", "--type", "mailbox-sloppy", "-"][..],
        &["lint", "--at", "yesterday", "-"],
        &["lint", "--include-source", "nope", "-"],
        &["lint", "--include", "no_such_lint*", "-"],
        &["explain", "e_no_such_lint"],
        &["frobnicate"],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?} explains itself");
    }
}

#[test]
fn filters_and_all_control_what_is_reported() {
    let b = broken();
    let out = run(
        &["lint", "-f", "jsonl", "--exclude", "e_der_*"],
        b.as_bytes(),
    );
    assert_eq!(jsonl(&out)[0]["findings"], serde_json::json!([]));
    assert_eq!(out.status.code(), Some(0));
    let out = run(
        &["lint", "-f", "jsonl", "--exclude-source", "x690"],
        b.as_bytes(),
    );
    assert_eq!(jsonl(&out)[0]["findings"], serde_json::json!([]));
    let out = run(
        &[
            "lint",
            "-f",
            "jsonl",
            "--include",
            "e_der_boolean_not_canonical",
            "--all",
        ],
        b.as_bytes(),
    );
    let findings = jsonl(&out)[0]["findings"].as_array().unwrap().clone();
    assert_eq!(findings.len(), 1);
    let out = run(&["lint", "-f", "jsonl", "--all"], clean().as_bytes());
    let statuses: Vec<String> = jsonl(&out)[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["status"].as_str().unwrap().to_string())
        .collect();
    assert!(statuses.iter().any(|s| s == "pass"));
    assert!(statuses
        .iter()
        .all(|s| ["pass", "NA", "NE"].contains(&s.as_str())));
}

#[test]
fn type_override_and_policy_map() {
    let no_reserved = CertBuilder::subscriber("mailbox-strict")
        .policies(&["1.3.6.1.4.1.99999.1"])
        .build_pem();
    let out = run(
        &["lint", "-f", "jsonl", "--type", "individual-strict"],
        no_reserved.as_bytes(),
    );
    assert_eq!(jsonl(&out)[0]["type"], "individual-strict");
    assert_eq!(jsonl(&out)[0]["type_source"], "override");
    let dir = temp_dir("map");
    let map = dir.join("map.txt");
    std::fs::write(
        &map,
        "# CA policy\n1.3.6.1.4.1.99999.1 organization-multipurpose\n",
    )
    .unwrap();
    let out = run(
        &["lint", "-f", "jsonl", "--policy-map", map.to_str().unwrap()],
        no_reserved.as_bytes(),
    );
    assert_eq!(jsonl(&out)[0]["type"], "organization-multipurpose");
    assert_eq!(jsonl(&out)[0]["type_source"], "map");
    let out = run(&["lint", "-f", "jsonl"], no_reserved.as_bytes());
    assert_eq!(jsonl(&out)[0]["type_source"], "guess");
    let out = run(
        &["lint", "-f", "jsonl", "--no-guess"],
        no_reserved.as_bytes(),
    );
    assert_eq!(jsonl(&out)[0]["type"], serde_json::Value::Null);
}

#[test]
fn json_csv_and_text_formats() {
    let input = format!("{}{}", clean(), broken());
    let out = run(&["lint", "-f", "json"], input.as_bytes());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON array");
    assert_eq!(v.as_array().unwrap().len(), 2);
    let out = run(&["lint", "-f", "csv"], input.as_bytes());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "input,sha256,type,lint,status,citation,details");
    assert_eq!(
        lines.len(),
        3,
        "one row per finding, one for a clean certificate"
    );
    assert!(lines[1].starts_with("-#1,") && lines[1].contains(",,pass,,"));
    assert!(lines[2].starts_with("-#2,"));
    let out = run(&["lint"], input.as_bytes());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\x1b'), "no colour on a pipe");
    assert!(text.contains("e_der_boolean_not_canonical"));
    assert!(text.contains("2 certificate(s)"));
    let out = run(&["lint", "--color", "always"], input.as_bytes());
    assert!(String::from_utf8(out.stdout).unwrap().contains('\x1b'));
}

#[test]
fn at_sets_the_evaluation_time() {
    // Every lint is effective by 2023-09-01 or always; before it, SBR lints are NE (those whose
    // scope excludes a mailbox-strict certificate are NA first).
    let profile = smimelint::detect::Profile {
        kind: smimelint::detect::Kind::Subscriber,
        cert_type: "mailbox-strict".parse().ok(),
        source: None,
    };
    let out = run(
        &["lint", "-f", "jsonl", "--all", "--at", "2020-01-01"],
        clean().as_bytes(),
    );
    let findings = jsonl(&out)[0]["findings"].as_array().unwrap().clone();
    let ne = findings.iter().filter(|f| f["status"] == "NE").count();
    let sbr = smimelint::registry::all()
        .iter()
        .filter(|l| l.checks_certificates())
        .filter(|l| l.effective > smimelint::time::date(2020, 1, 1))
        .filter(|l| l.applies.matches(&profile))
        .count();
    assert_eq!(ne, sbr);
}

#[test]
fn lints_and_explain() {
    let out = run(&["lints", "--format", "json"], b"");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let lints = v.as_array().unwrap();
    assert_eq!(lints.len(), smimelint::registry::all().len());
    for l in lints {
        for key in [
            "name",
            "level",
            "description",
            "citation",
            "source",
            "effective",
            "docs",
        ] {
            assert!(!l[key].is_null(), "{key} in {l}");
        }
    }
    let out = run(&["explain", "e_der_unknown_tag"], b"");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("## What it checks"));
    assert!(text.contains("X.690"));
}

#[test]
fn pem_helper_round_trips() {
    let der = CertBuilder::subscriber("mailbox-strict").build();
    assert!(pem("CERTIFICATE", &der).starts_with("-----BEGIN CERTIFICATE-----\n"));
}

#[test]
fn a_record_is_answered_while_stdin_stays_open() {
    answers_while_stdin_stays_open(&[]);
}

#[test]
fn a_record_is_answered_while_stdin_stays_open_on_one_thread() {
    // `-j 1` lints on the reading thread: it must flush each record for a pipe.
    answers_while_stdin_stays_open(&["-j", "1"]);
}

fn answers_while_stdin_stays_open(jobs: &[&str]) {
    // A pre-issuance hook writes one certificate and waits for the answer before closing.
    use std::io::{BufRead, BufReader};
    let mut child = bin()
        .args(["lint", "-f", "jsonl"])
        .args(jobs)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().unwrap();
    use base64::Engine;
    let line = base64::engine::general_purpose::STANDARD
        .encode(CertBuilder::subscriber("mailbox-strict").build());
    // Base64-lines mode: each line is a certificate. Two lines make the first one final.
    writeln!(stdin, "{line}\n{line}").unwrap();
    stdin.flush().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let reading = std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        let mut first = String::new();
        reader.read_line(&mut first).unwrap();
        tx.send(first).unwrap();
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut reader, &mut rest).unwrap();
        rest
    });
    // Without the answer the hook would wait forever: give up after a generous delay.
    let Ok(first) = rx.recv_timeout(std::time::Duration::from_secs(30)) else {
        child.kill().unwrap();
        panic!("no record while stdin stays open");
    };
    let v: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(v["input"], "-#1");
    drop(stdin);
    let rest = reading.join().unwrap();
    assert_eq!(rest.lines().count(), 1);
    assert!(child.wait().unwrap().success());
}

#[test]
fn fifty_megabytes_of_noise_is_one_fatal_record_among_others() {
    let dir = temp_dir("noise");
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let noise: Vec<u8> = (0..50 << 20)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    let noise_path = dir.join("noise.der");
    std::fs::write(&noise_path, &noise).unwrap();
    let truncated = dir.join("truncated.pem");
    let pem = clean();
    std::fs::write(&truncated, &pem[..pem.len() / 2]).unwrap();
    let good = testdata("mailbox-strict-rsa2048.pem");
    let out = run(
        &[
            "lint",
            "-f",
            "jsonl",
            noise_path.to_str().unwrap(),
            truncated.to_str().unwrap(),
            &good,
        ],
        b"",
    );
    let records = jsonl(&out);
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["findings"][0]["status"], "fatal");
    assert_eq!(records[1]["findings"][0]["status"], "fatal");
    assert!(records[1]["findings"][0]["details"]
        .as_str()
        .unwrap()
        .contains("END"));
    assert_eq!(records[2]["findings"], serde_json::json!([]));
}

#[test]
fn lints_list_equivalents_and_render_markdown() {
    let out = run(&["lints", "--format", "json"], b"");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let crldp = v
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["name"] == "e_smime_crldp_missing")
        .expect("lint listed");
    assert_eq!(crldp["pkilint"][0], "cabf.smime.crldp_extension_missing");
    assert_eq!(
        crldp["zlint"][0],
        "e_subscribers_shall_have_crl_distribution_points"
    );
    let out = run(&["lints", "--format", "markdown"], b"");
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert_eq!(md, smimelint::xref::lints_markdown());
    assert!(md.contains("## Migration"));
}

#[test]
fn issuer_enables_the_chain_lints() {
    use smimelint_factory::{Hierarchy, KeyAlg};
    let h = Hierarchy::new(KeyAlg::P384);
    let dir = temp_dir("issuer");
    let sub_path = dir.join("sub.pem");
    let root_path = dir.join("root.pem");
    std::fs::write(&sub_path, h.sub_ca.build_pem()).expect("write sub-CA");
    std::fs::write(&root_path, h.root.build_pem()).expect("write root");
    let leaf = h.subscriber.build_pem();
    let status_of = |out: &Output, lint: &str| -> String {
        jsonl(out)[0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["lint"] == lint)
            .map(|f| f["status"].as_str().unwrap().to_string())
            .unwrap_or_default()
    };
    // Without an issuer the chain lints are NA.
    let out = run(&["lint", "-f", "jsonl", "--all"], leaf.as_bytes());
    assert_eq!(status_of(&out, "e_smime_signature_invalid"), "NA");
    // With the right issuer they pass.
    let sub_arg = sub_path.display().to_string();
    let out = run(
        &["lint", "-f", "jsonl", "--all", "--issuer", &sub_arg],
        leaf.as_bytes(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for lint in [
        "e_smime_signature_invalid",
        "e_smime_issuer_dn_not_byte_identical",
        "e_smime_aki_does_not_match_issuer_ski",
    ] {
        assert_eq!(status_of(&out, lint), "pass", "{lint}");
    }
    // With the wrong issuer (the root) they fail and the exit code says so.
    let root_arg = root_path.display().to_string();
    let out = run(
        &["lint", "-f", "jsonl", "--issuer", &root_arg],
        leaf.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(status_of(&out, "e_smime_signature_invalid"), "error");
    assert_eq!(
        status_of(&out, "e_smime_issuer_dn_not_byte_identical"),
        "error"
    );
    // An unreadable issuer file is a usage error.
    let missing = dir.join("missing.pem").display().to_string();
    let out = run(&["lint", "--issuer", &missing], leaf.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--issuer"));
    let _ = std::fs::remove_dir_all(&dir);
}

fn statuses(record: &serde_json::Value) -> Vec<String> {
    record["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["status"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn min_severity_hides_lower_results_but_not_records_or_the_exit_status() {
    let input = format!("{}{}", broken(), clean());
    let all = run(&["lint", "-f", "jsonl", "--all"], input.as_bytes());
    let every = statuses(&jsonl(&all)[0]);
    assert!(every.iter().any(|s| s == "pass") && every.iter().any(|s| s == "error"));
    for flag in ["--min-severity", "-s", "--severity"] {
        let out = run(
            &["lint", "-f", "jsonl", "--all", flag, "error"],
            input.as_bytes(),
        );
        assert_eq!(out.status.code(), Some(1), "{flag}");
        let records = jsonl(&out);
        assert_eq!(records.len(), 2, "every input keeps its record");
        assert_eq!(statuses(&records[0]), ["error"], "{flag}");
        assert_eq!(
            records[0]["findings"][0]["lint"],
            "e_der_boolean_not_canonical"
        );
        assert!(statuses(&records[1]).is_empty());
    }
    // Above the worst finding: nothing shown, the error still decides the status.
    let out = run(&["lint", "-f", "jsonl", "-s", "fatal"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(jsonl(&out).iter().all(|r| statuses(r).is_empty()));
    let out = run(&["lint", "-s", "pass"], input.as_bytes());
    assert_eq!(out.status.code(), Some(2), "pass is not a severity");
}

#[test]
fn pretty_json_is_the_same_records_indented() {
    let input = format!("{}{}", broken(), clean());
    let plain = run(&["lint", "-f", "json"], input.as_bytes());
    let pretty = run(&["lint", "-f", "json", "--pretty"], input.as_bytes());
    assert_eq!(pretty.status.code(), plain.status.code());
    let parse = |o: &Output| -> serde_json::Value { serde_json::from_slice(&o.stdout).unwrap() };
    assert_eq!(parse(&pretty), parse(&plain));
    assert_eq!(parse(&pretty).as_array().unwrap().len(), 2);
    assert!(String::from_utf8_lossy(&pretty.stdout).contains("\n  \"input\": "));
    let out = run(&["lint", "-f", "jsonl", "--pretty"], input.as_bytes());
    assert_eq!(out.status.code(), Some(2));
}

fn lint_list(args: &[&str]) -> Vec<serde_json::Value> {
    let out = run(&[&["lints", "--format", "json"][..], args].concat(), b"");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<serde_json::Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn lints_source_filters_the_list() {
    let all = lint_list(&[]);
    for (arg, sources) in [
        ("sbr", &["SBR"][..]),
        ("RFC5280,x690", &["RFC5280", "X690"]),
    ] {
        let expected: Vec<&serde_json::Value> = all
            .iter()
            .filter(|l| sources.contains(&l["source"].as_str().unwrap()))
            .collect();
        assert!(!expected.is_empty(), "{arg}");
        let listed = lint_list(&["--source", arg]);
        assert_eq!(listed.iter().collect::<Vec<_>>(), expected, "{arg}");
        // The text list has a section per document; a lint of several documents is in each.
        let text = run(&["lints", "--source", arg], b"");
        let names: std::collections::BTreeSet<String> = String::from_utf8_lossy(&text.stdout)
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with("# "))
            .map(|l| l.split_whitespace().next().unwrap_or("").to_string())
            .collect();
        assert_eq!(names.len(), expected.len());
    }
    let out = run(&["lints", "--source", "sbrr"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn explain_finds_lints_by_pkilint_code_and_zlint_name() {
    let all = lint_list(&[]);
    let with = |key: &str| {
        all.iter()
            .find(|l| !l[key].as_array().unwrap().is_empty())
            .unwrap_or_else(|| panic!("no lint has a {key} name"))
    };
    for key in ["pkilint", "zlint"] {
        let lint = with(key);
        let theirs = lint[key][0].as_str().unwrap();
        let out = run(&["explain", theirs], b"");
        assert_eq!(out.status.code(), Some(0), "{theirs}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains(lint["name"].as_str().unwrap()),
            "{theirs}: {text}"
        );
        // A misspelling gets the right name among its suggestions.
        let mid = theirs.len() / 2;
        let typo = format!("{}{}", &theirs[..mid], &theirs[mid + 1..]);
        let out = run(&["explain", &typo], b"");
        assert_eq!(out.status.code(), Some(2));
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(theirs),
            "{typo}"
        );
    }
    let out = run(&["explain", "e_smime_eku_mising"], b"");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean: e_smime_eku_missing"), "{err}");
}

/// Known source names (`--include-source` help) from which no listed lint comes.
fn sources_without_lints() -> Vec<&'static str> {
    let all = lint_list(&[]);
    ["SBR", "RFC5280", "RFC6818", "RFC9598", "X690", "smimelint"]
        .into_iter()
        .filter(|s| !all.iter().any(|l| l["source"] == *s))
        .collect()
}

#[test]
fn a_source_without_lints_is_refused_like_a_glob_matching_none() {
    let empty = sources_without_lints();
    assert!(
        !empty.is_empty(),
        "every known source has lints now: this test needs another empty selection"
    );
    let dir = temp_dir("sources");
    for source in empty {
        for flag in ["--include-source", "--exclude-source"] {
            let out = run(&["lint", flag, source], clean().as_bytes());
            assert_eq!(out.status.code(), Some(2), "{flag} {source}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains(flag) && err.contains(source), "{err}");
        }
        let config = dir.join(format!("{source}.toml"));
        std::fs::write(
            &config,
            format!("[lint]\ninclude_sources = [\"{source}\"]\n"),
        )
        .unwrap();
        let out = run(
            &["lint", "--config", config.to_str().unwrap()],
            clean().as_bytes(),
        );
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("lint.include_sources"));
    }
    // A source with lints still works.
    let out = run(&["lint", "--include-source", "X690"], clean().as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_misspelt_exclude_glob_in_the_config_file_is_refused() {
    let dir = temp_dir("exclude-typo");
    let config = dir.join("smimelint.toml");
    std::fs::write(&config, "[lint]\nexclude = [\"w_smime_subjet_*\"]\n").unwrap();
    for args in [
        vec!["lint", "--config", config.to_str().unwrap()],
        vec!["config", "--config", config.to_str().unwrap()],
    ] {
        let out = run(&args, clean().as_bytes());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("lint.exclude") && err.contains("w_smime_subjet_*"),
            "{err}"
        );
    }
    // Found in the working directory too.
    let out = bin()
        .args(["lint", "-"])
        .current_dir(&dir)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The `smimelint-NAME(1)` pages the top manual page lists under SUBCOMMANDS.
fn promised_pages(top: &str) -> Vec<String> {
    let section = top
        .split(".SH SUBCOMMANDS")
        .nth(1)
        .expect("a SUBCOMMANDS section")
        .split(".SH ")
        .next()
        .unwrap();
    section
        .lines()
        .filter_map(|l| l.strip_suffix("(1)"))
        .map(|name| name.replace("\\-", "-"))
        .collect()
}

#[test]
fn man_writes_every_page_the_top_page_promises() {
    let top = run(&["man"], b"");
    assert_eq!(top.status.code(), Some(0));
    let top = String::from_utf8_lossy(&top.stdout).into_owned();
    let promised = promised_pages(&top);
    assert!(
        promised.contains(&"smimelint-lint".to_string()),
        "{promised:?}"
    );
    assert!(
        promised.contains(&"smimelint-serve".to_string()),
        "{promised:?}"
    );

    let dir = temp_dir("man");
    let out = run(&["man", "--dir", dir.to_str().unwrap()], b"");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read_to_string(dir.join("smimelint.1")).expect("smimelint.1");
    assert_eq!(written, top);
    for name in &promised {
        let page = std::fs::read_to_string(dir.join(format!("{name}.1")))
            .unwrap_or_else(|e| panic!("{name}.1 promised but not written: {e}"));
        assert!(page.contains(&format!(".TH {name} 1")), "{name}");
        // One page on stdout is the same page.
        let sub = name.strip_prefix("smimelint-").unwrap();
        let printed = run(&["man", sub], b"");
        assert_eq!(String::from_utf8_lossy(&printed.stdout), page, "{name}");
    }
    let lint = std::fs::read_to_string(dir.join("smimelint-lint.1")).unwrap();
    assert!(
        lint.contains("input\\-format"),
        "the lint page documents its options"
    );
    let out = run(&["man", "no-such-command"], b"");
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Text without its SGR colour sequences (`ESC [ … m`).
fn strip_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("\x1b[") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 2..];
        let end = tail.find('m').expect("an unterminated escape");
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn colour_follows_the_flag_then_the_clicolor_and_no_color_conventions() {
    let input = format!("{}{}", broken(), clean());
    let plain = run(&["lint"], input.as_bytes());
    let plain = String::from_utf8(plain.stdout).unwrap();
    assert!(!plain.contains('\x1b') && plain.contains("e_der_boolean_not_canonical"));
    /// Flags, environment, whether the output is coloured.
    type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], bool);
    let cases: &[Case] = &[
        // On a pipe: none, unless forced (https://bixense.com/clicolors/).
        (&[], &[], false),
        (&[], &[("CLICOLOR_FORCE", "1")], true),
        (&[], &[("CLICOLOR", "1")], false),
        // NO_COLOR (https://no-color.org) wins over the environment, not over the flag.
        (&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], false),
        (&["--color", "always"], &[("NO_COLOR", "1")], true),
        (&["--color", "never"], &[("CLICOLOR_FORCE", "1")], false),
        // An empty NO_COLOR is no request.
        (&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "")], true),
    ];
    for (flags, env, coloured) in cases {
        let args = [&["lint"][..], flags].concat();
        let out = run_env(&args, env, input.as_bytes());
        assert_eq!(out.status.code(), Some(1));
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(text.contains("\x1b["), *coloured, "{flags:?} {env:?}");
        // Colour never changes what is said.
        assert_eq!(strip_sgr(&text), plain, "{flags:?} {env:?}");
    }
    // Only the text format is coloured.
    let out = run_env(
        &["lint", "-f", "jsonl"],
        &[("CLICOLOR_FORCE", "1")],
        input.as_bytes(),
    );
    assert!(!String::from_utf8(out.stdout).unwrap().contains('\x1b'));
}
