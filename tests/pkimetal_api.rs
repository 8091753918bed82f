//! pkimetal's REST API in `smimelint serve`: the real binary on a loopback port. Answers are
//! checked against the response schemas of pkimetal's OpenAPI definition (doc/openapi.yaml in
//! github.com/pkimetal/pkimetal, transcribed below as JSON Schema) and against its REST_API.md;
//! the findings against `testdata/expected.json`.
#![cfg(feature = "server")]

mod http_client;

use http_client::{urlencode, Server};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::Path;

/// The response schemas of pkimetal's doc/openapi.yaml (components.schemas: LintResponse,
/// LintFinding, FindingSeverity; the `/linters` and `/profiles` answers: arrays of Linter and
/// LintProfile), written as JSON Schema.
fn schemas() -> (Value, Value, Value) {
    let severity = json!({
        "type": "string",
        "enum": ["meta", "debug", "info", "notice", "warning", "error", "bug", "fatal"]
    });
    let lint_response = json!({
        "type": "array",
        "items": {
            "type": "object",
            "required": ["Linter", "Finding", "Severity"],
            "properties": {
                "Linter": {"type": "string"},
                "Finding": {"type": "string"},
                "Severity": severity,
                "Code": {"type": "string"},
                "Field": {"type": "string"}
            }
        }
    });
    let linters = json!({
        "type": "array",
        "items": {
            "type": "object",
            "required": ["Name", "Instances", "Version", "Url"],
            "properties": {
                "Name": {"type": "string"},
                "Instances": {"type": "integer"},
                "Version": {"type": "string"},
                "Url": {"type": "string", "format": "uri"}
            }
        }
    });
    let profiles = json!({
        "type": "array",
        "items": {
            "type": "object",
            "required": ["Name", "Description"],
            "properties": {
                "Name": {"type": "string"},
                "Description": {"type": "string"}
            }
        }
    });
    (lint_response, linters, profiles)
}

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .should_validate_formats(true)
        .build(schema)
        .expect("schema compiles")
}

fn assert_valid(v: &jsonschema::Validator, doc: &Value) {
    let errors: Vec<String> = v.iter_errors(doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}\n{doc:#}");
}

fn cert(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("testdata/certs/{name}.pem"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `testdata/expected.json`: certificate name → `["STATUS LINT", …]`.
fn expected() -> BTreeMap<String, Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/expected.json");
    let text = std::fs::read_to_string(&path).expect("testdata/expected.json");
    serde_json::from_str(&text).expect("expected.json")
}

/// smimelint's statuses in pkimetal's severity words (FindingSeverity).
fn pkimetal_severity(status: &str) -> &'static str {
    match status {
        "fatal" => "fatal",
        "error" => "error",
        "warn" => "warning",
        "notice" => "notice",
        other => panic!("not a finding status: {other}"),
    }
}

fn endpoint_for(name: &str) -> &'static str {
    if name.starts_with("tbs-") {
        "/linttbscert"
    } else {
        "/lintcert"
    }
}

/// The findings of an answer that are not `meta`, as `(Code, Severity)`.
fn lint_findings(answer: &Value) -> Vec<(String, String)> {
    answer
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["Severity"] != "meta")
        .map(|f| {
            assert_eq!(f["Linter"], "smimelint", "{f}");
            (
                f["Code"].as_str().expect("a Code").to_string(),
                f["Severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn every_testdata_certificate_gets_its_expected_findings_in_the_schema_shape() {
    let server = Server::start();
    let (response_schema, _, _) = schemas();
    let v = validator(&response_schema);
    let expected = expected();
    assert!(expected.len() >= 50, "testdata/expected.json is incomplete");
    for (name, findings) in &expected {
        let reply = server.post_form(endpoint_for(name), &[("b64input", &cert(name))]);
        assert_eq!(reply.status, 200, "{name}: {}", reply.body);
        let answer = reply.json();
        assert_valid(&v, &answer);
        let mut want: Vec<(String, String)> = findings
            .iter()
            .map(|line| {
                let (status, lint) = line.split_once(' ').expect("STATUS LINT");
                (lint.to_string(), pkimetal_severity(status).to_string())
            })
            .collect();
        let mut got = lint_findings(&answer);
        want.sort();
        got.sort();
        assert_eq!(got, want, "{name}");
        // The default minimum severity is meta (REST_API.md): the profile line comes first.
        assert_eq!(answer[0]["Severity"], "meta", "{name}");
        assert!(
            answer[0]["Finding"]
                .as_str()
                .unwrap()
                .starts_with("Profile: "),
            "{name}: {}",
            answer[0]
        );
    }
}

#[test]
fn findings_are_sorted_most_severe_first_and_filtered_by_severity() {
    let server = Server::start();
    // expected.json: an error and a notice.
    let pem = cert("bad-policies-cps-ftp");
    let all = server.post_form("/lintcert", &[("b64input", &pem)]).json();
    let order: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["Severity"].as_str().unwrap())
        .collect();
    let rank = |s: &str| {
        [
            "meta", "debug", "info", "notice", "warning", "error", "bug", "fatal",
        ]
        .iter()
        .position(|x| *x == s)
        .unwrap()
    };
    let metas = order.iter().take_while(|s| **s == "meta").count();
    assert!(metas >= 1);
    let rest: Vec<usize> = order[metas..].iter().map(|s| rank(s)).collect();
    assert!(rest.windows(2).all(|w| w[0] >= w[1]), "{order:?}");
    assert_eq!(
        all[0]["Finding"].as_str().unwrap(),
        format!(
            "Profile: mailbox-strict; Version: {}",
            env!("CARGO_PKG_VERSION")
        )
    );

    let errors_only = server
        .post_form("/lintcert", &[("b64input", &pem), ("severity", "error")])
        .json();
    assert_eq!(
        lint_findings(&errors_only),
        [(
            "e_smime_cps_qualifier_not_http_url".to_string(),
            "error".to_string()
        )]
    );
    assert_eq!(errors_only.as_array().unwrap().len(), 1, "{errors_only}");
    let notices = server
        .post_form("/lintcert", &[("b64input", &pem), ("severity", "notice")])
        .json();
    assert_eq!(lint_findings(&notices).len(), 2);
    assert!(notices
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["Severity"] != "meta"));
    let fatal_only = server
        .post_form("/lintcert", &[("b64input", &pem), ("severity", "fatal")])
        .json();
    assert_eq!(fatal_only, json!([]));
}

#[test]
fn text_and_html_formats_and_accept() {
    let server = Server::start();
    let pem = cert("bad-eku-missing");
    let text = server.post_form(
        "/lintcert",
        &[
            ("b64input", &pem),
            ("format", "text"),
            ("severity", "error"),
        ],
    );
    assert_eq!(text.status, 200);
    assert!(
        text.content_type.starts_with("text/plain"),
        "{}",
        text.content_type
    );
    // pkimetal's text answer: LINTER TAB SEVERITY TAB finding, one line each.
    let lines: Vec<Vec<&str>> = text.body.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines.len(), 1, "{}", text.body);
    assert_eq!(lines[0][..2], ["smimelint", "ERROR"]);
    assert_eq!(lines[0].len(), 3);

    let html = server.post_form("/lintcert", &[("b64input", &pem), ("format", "html")]);
    assert_eq!(html.status, 200);
    assert!(html.content_type.starts_with("text/html"));
    assert!(html.body.contains("e_smime_eku_missing"), "{}", html.body);
    assert!(html.body.contains("<table"));

    let by_accept = server.request(
        "POST",
        "/lintcert",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Accept", "text/plain"),
        ],
        format!("b64input={}", urlencode(&pem)).as_bytes(),
    );
    assert!(by_accept.content_type.starts_with("text/plain"));
    assert!(by_accept.body.contains("\tERROR\t"));
}

#[test]
fn multipart_alternative_names_der_bodies_and_tbs() {
    let server = Server::start();
    let pem = cert("bad-eku-missing");
    let want = vec![("e_smime_eku_missing".to_string(), "error".to_string())];
    let multipart = server.post_multipart("/lintcert", &[("b64cert", pem.as_bytes())]);
    assert_eq!(multipart.status, 200, "{}", multipart.body);
    assert_eq!(lint_findings(&multipart.json()), want);

    let b64: String = pem
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect::<String>();
    let bare = server.post_form("/lintcert", &[("b64cert", &b64)]);
    assert_eq!(lint_findings(&bare.json()), want);

    use base64::Engine as _;
    let der = base64::engine::general_purpose::STANDARD
        .decode(&b64)
        .unwrap();
    let raw = server.request(
        "POST",
        "/lintcert?severity=error",
        &[("Content-Type", "application/pkix-cert")],
        &der,
    );
    assert_eq!(raw.status, 200, "{}", raw.body);
    assert_eq!(lint_findings(&raw.json()), want);
    assert_eq!(raw.json().as_array().unwrap().len(), 1);

    let tbs = cert("tbs-organization-strict");
    let tbs_reply = server.post_multipart("/linttbscert", &[("b64tbscert", tbs.as_bytes())]);
    assert_eq!(tbs_reply.status, 200, "{}", tbs_reply.body);
    assert_eq!(lint_findings(&tbs_reply.json()), []);
}

#[test]
fn profiles_select_the_type_and_are_listed() {
    let server = Server::start();
    let (_, linters_schema, profiles_schema) = schemas();
    let profiles = server.get("/profiles").json();
    assert_valid(&validator(&profiles_schema), &profiles);
    let names: Vec<&str> = profiles
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["Name"].as_str().unwrap())
        .collect();
    // The REST_API.md default, smimelint's types and pkimetal's S/MIME names.
    for n in [
        "autodetect",
        "mailbox-strict",
        "individual-legacy",
        "sbr_leaf_smime_mv_strict",
        "sbr_leaf_smime_iv_legacy",
        "sbr_subordinate_smime",
    ] {
        assert!(names.contains(&n), "{n} missing from {names:?}");
    }

    let linters = server.get("/linters").json();
    assert_valid(&validator(&linters_schema), &linters);
    assert_eq!(linters[0]["Name"], "smimelint");
    assert_eq!(linters[0]["Version"], env!("CARGO_PKG_VERSION"));

    // An organization-strict certificate linted as mailbox-strict breaks the mailbox subject
    // rules; pkimetal's name and smimelint's give the same answer.
    let org = cert("organization-strict-rsa2048");
    let ours = server.post_form(
        "/lintcert",
        &[("b64input", &org), ("profile", "mailbox-strict")],
    );
    let theirs = server.post_form(
        "/lintcert",
        &[("b64input", &org), ("profile", "sbr_leaf_smime_mv_strict")],
    );
    assert_eq!(ours.status, 200);
    assert_eq!(ours.json(), theirs.json());
    assert!(lint_findings(&ours.json())
        .iter()
        .any(|(code, sev)| code == "e_smime_subject_cn_mv_not_mailbox" && sev == "error"));
    let detected = server.post_form("/lintcert", &[("b64input", &org)]).json();
    assert_eq!(lint_findings(&detected), []);

    let root = server.post_form(
        "/lintcert",
        &[
            ("b64input", &cert("root-ca-p384")),
            ("profile", "sbr_root_smime"),
        ],
    );
    assert_eq!(root.status, 200, "{}", root.body);
    let wrong_kind = server.post_form(
        "/lintcert",
        &[("b64input", &org), ("profile", "sbr_root_smime")],
    );
    assert_eq!(wrong_kind.status, 400);
}

/// Endpoint, form fields, and how the one finding's text starts.
type Case<'a> = (&'a str, Vec<(&'a str, &'a str)>, &'a str);

/// Refusals: status 400 and one fatal finding, which is still a valid LintResponse.
#[test]
fn refused_requests_answer_one_fatal_finding() {
    let server = Server::start();
    let (response_schema, _, _) = schemas();
    let v = validator(&response_schema);
    let pem = cert("mailbox-strict-rsa2048");
    let tbs = cert("tbs-organization-strict");
    let cases: Vec<Case> = vec![
        (
            "/lintcert",
            vec![("b64input", "not base64 at all!")],
            "Unrecognised input",
        ),
        ("/lintcert", vec![("format", "json")], "Unrecognised input"),
        ("/lintcert", vec![("b64input", &tbs)], "Unrecognised input"),
        (
            "/linttbscert",
            vec![("b64input", &pem)],
            "Unrecognised input",
        ),
        (
            "/lintcert",
            vec![("b64input", &pem), ("profile", "tbr_leaf_tlsserver_dv")],
            "Unrecognised profile",
        ),
        (
            "/lintcert",
            vec![("b64input", &pem), ("severity", "warn")],
            "Unrecognised severity",
        ),
        (
            "/lintcert",
            vec![("b64input", &pem), ("format", "xml")],
            "Unrecognised response format",
        ),
    ];
    for (path, fields, message) in cases {
        let reply = server.post_form(path, &fields);
        assert_eq!(reply.status, 400, "{path} {fields:?}: {}", reply.body);
        let answer = reply.json();
        assert_valid(&v, &answer);
        assert_eq!(answer.as_array().unwrap().len(), 1, "{answer}");
        assert_eq!(answer[0]["Severity"], "fatal");
        assert!(
            answer[0]["Finding"].as_str().unwrap().starts_with(message),
            "{path} {fields:?}: {answer}"
        );
    }
    // A body that is no form.
    let json_body = server.request(
        "POST",
        "/lintcert",
        &[("Content-Type", "application/json")],
        b"{}",
    );
    assert_eq!(json_body.status, 400);
    assert_valid(&v, &json_body.json());
    // The validator does catch a wrong shape.
    assert!(!v.is_valid(&json!([{"Linter": "x", "Finding": "y", "Severity": "warn"}])));
}

/// REST_API.md, "Web forms": a GET on a POST endpoint shows a form posting the parameters.
#[test]
fn get_on_a_lint_endpoint_serves_its_form() {
    let server = Server::start();
    for path in ["/lintcert", "/linttbscert"] {
        let page = server.get(path);
        assert_eq!(page.status, 200);
        assert!(page.content_type.starts_with("text/html"));
        let body = page.body.to_ascii_lowercase();
        assert!(
            body.contains(&format!("<form method=\"post\" action=\"{path}\"")),
            "{body}"
        );
        for field in [
            "name=\"b64input\"",
            "name=\"format\"",
            "name=\"severity\"",
            "name=\"profile\"",
            "value=\"sbr_leaf_smime_mv_strict\"",
            "value=\"fatal\"",
        ] {
            assert!(body.contains(field), "{path}: {field}");
        }
    }
}
