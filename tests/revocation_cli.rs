//! CRLs and OCSP responses through the binary: detection, one record per input in input order,
//! the `form` and scope in every output format, --kind and --scope, and streamed CRLs.

use smimelint_factory::crl::{CrlBuilder, Entry};
use smimelint_factory::ocsp::OcspBuilder;
use smimelint_factory::{CertBuilder, KeyAlg};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_smimelint"))
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
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

fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON record per line"))
        .collect()
}

struct Dir(PathBuf);

impl Dir {
    fn new(tag: &str) -> Dir {
        let p = std::env::temp_dir().join(format!("smimelint-rev-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&p).unwrap();
        Dir(p)
    }
    fn file(&self, name: &str, data: &[u8]) -> String {
        let p = self.0.join(name);
        std::fs::write(&p, data).unwrap();
        p.display().to_string()
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn ca() -> CertBuilder {
    CertBuilder::sub_ca(KeyAlg::P256)
}

fn leaf() -> CertBuilder {
    CertBuilder::subscriber("mailbox-strict")
}

fn path_of(s: &str) -> &Path {
    Path::new(s)
}

#[test]
fn one_record_per_input_in_order_with_its_form() {
    let d = Dir::new("order");
    let ca = ca();
    let files = [
        d.file("a.crl", &CrlBuilder::new(&ca).build()),
        d.file("b.bin", b"\x30\x03\x02\x01"),
        d.file("c.ocsp", &OcspBuilder::new(&ca, &leaf()).build()),
        d.file("d.pem", CrlBuilder::new(&ca).build_pem().as_bytes()),
        d.file("e.tbs", &CrlBuilder::new(&ca).build_tbs()),
        d.file("f.tbs", &OcspBuilder::new(&ca, &leaf()).build_tbs()),
        d.file(
            "g.pem",
            OcspBuilder::new(&ca, &leaf()).build_pem().as_bytes(),
        ),
    ];
    let mut args = vec!["lint", "-f", "jsonl", "--no-config", "-j", "2"];
    args.extend(files.iter().map(String::as_str));
    let out = run(&args, b"");
    let recs = records(&out);
    let got: Vec<(String, Option<String>)> = recs
        .iter()
        .map(|r| {
            let name = path_of(r["input"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, r["form"].as_str().map(str::to_string))
        })
        .collect();
    let want = [
        ("a.crl", Some("crl")),
        ("b.bin", None),
        ("c.ocsp", Some("ocsp")),
        ("d.pem", Some("crl")),
        ("e.tbs", Some("tbs-crl")),
        ("f.tbs", Some("tbs-ocsp")),
        ("g.pem", Some("ocsp")),
    ];
    let want: Vec<(String, Option<String>)> = want
        .iter()
        .map(|(n, f)| (n.to_string(), f.map(str::to_string)))
        .collect();
    assert_eq!(got, want);
    assert_eq!(recs[1]["findings"][0]["status"], "fatal");
}

#[test]
fn every_output_format_names_the_document() {
    let d = Dir::new("formats");
    let bad = CrlBuilder::new(&ca())
        .entries(vec![Entry::new(&[0x00, 0x01], 1_760_000_000)])
        .build();
    let f = d.file("bad.crl", &bad);
    let text = |fmt: &str| {
        let out = run(
            &["lint", "--no-config", "--scope", "ca", "-f", fmt, &f],
            b"",
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(text("text").contains("crl (scope: ca)"), "{}", text("text"));
    assert!(text("csv").contains(",crl (scope: ca),"), "{}", text("csv"));
    assert!(
        text("github").contains("(crl (scope: ca))"),
        "{}",
        text("github")
    );
    let json: serde_json::Value = serde_json::from_str(&text("json")).unwrap();
    assert_eq!(json[0]["form"], "crl");
    assert_eq!(json[0]["scope"], "ca");
    let sarif: serde_json::Value = serde_json::from_str(&text("sarif")).unwrap();
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["properties"]["form"], "crl");
    assert_eq!(result["locations"][0]["logicalLocations"][0]["kind"], "crl");
}

#[test]
fn kind_override_and_scope() {
    let d = Dir::new("kind");
    let ocsp = d.file("r.ocsp", &OcspBuilder::new(&ca(), &leaf()).build());
    let out = run(
        &["lint", "--no-config", "-f", "jsonl", "--kind", "crl", &ocsp],
        b"",
    );
    let r = &records(&out)[0];
    assert_eq!(r["form"], serde_json::Value::Null);
    assert_eq!(r["findings"][0]["status"], "fatal");
    assert!(r["findings"][0]["details"]
        .as_str()
        .unwrap()
        .starts_with("not a CRL"));

    let crl = d.file("c.crl", &CrlBuilder::new(&ca()).build());
    let out = run(&["lint", "--no-config", "-f", "jsonl", &crl], b"");
    assert_eq!(
        records(&out)[0].get("scope"),
        None,
        "unknown scope is left out"
    );
    let out = run(
        &[
            "lint",
            "--no-config",
            "-f",
            "jsonl",
            "--scope",
            "subscriber",
            &crl,
        ],
        b"",
    );
    assert_eq!(records(&out)[0]["scope"], "subscriber");
}

#[test]
fn a_der_crl_on_stdin_and_over_the_certificate_limit_is_streamed() {
    let ca = CertBuilder::sub_ca(KeyAlg::Rsa2048);
    let mut big = Vec::new();
    // Over 16 MiB: more than the engine keeps of a TBSCertList for signature checks.
    smimelint_factory::crl::write_large_crl(&mut big, &ca, 450_000).unwrap();
    assert!(big.len() > 16 << 20, "{} bytes", big.len());
    let out = run(&["lint", "--no-config", "-f", "jsonl", "-"], &big);
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["form"], "crl");
    let d = Dir::new("big");
    let f = d.file("big.crl", &big);
    let issuer = d.file("ca.pem", ca.build_pem().as_bytes());
    let out = run(
        &[
            "lint",
            "--no-config",
            "-f",
            "jsonl",
            "--all",
            "--issuer",
            &issuer,
            &f,
        ],
        &[],
    );
    let r = &records(&out)[0];
    let status = |lint: &str| {
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["lint"] == lint)
            .map(|f| f["status"].as_str().unwrap().to_string())
    };
    // The signature of a TBSCertList too large to keep is checked over a running digest.
    assert_eq!(status("e_crl_signature_invalid").as_deref(), Some("pass"));
    assert_eq!(
        status("e_crl_entry_serial_duplicate").as_deref(),
        Some("pass")
    );
}

#[test]
fn base64_lines_of_crls_and_ocsp_responses_are_detected() {
    use base64::Engine;
    let b64 = |d: &[u8]| base64::engine::general_purpose::STANDARD.encode(d);
    let ca = ca();
    let text = format!(
        "{}\n{}\n{}\n",
        b64(&CrlBuilder::new(&ca).build()),
        b64(&OcspBuilder::new(&ca, &leaf()).build()),
        b64(&leaf().build()),
    );
    let out = run(
        &["lint", "--no-config", "-f", "jsonl", "-"],
        text.as_bytes(),
    );
    let forms: Vec<String> = records(&out)
        .iter()
        .map(|r| r["form"].as_str().unwrap_or("none").to_string())
        .collect();
    assert_eq!(forms, ["crl", "ocsp", "certificate"]);
}
