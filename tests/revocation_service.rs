//! CRLs and OCSP responses through every door of `smimelint serve` (the real binary on a
//! loopback port): `POST /v1/lint` and the batch, pkimetal's `/lintcrl`, `/linttbscrl`,
//! `/lintocsp`, `/linttbsocsp` (docs/xref/pkimetal-revocation-api.txt), pkilint's
//! `/crl/pkix/crl` and `/ocsp/pkix`, and the web page.
//!
//! Inputs are the factory's revocation samples (a good document and documents with one stated
//! defect each). Where an answer is pkilint's, the expectation is what pkilint 0.13.3's own
//! server (`uvicorn pkilint.rest:app`) answered for the same request; where a finding is
//! expected, the defect is a DER or RFC violation the sample states.
#![cfg(feature = "server")]

mod http_client;

use http_client::{Reply, Server};
use serde_json::{json, Value};
use smimelint_factory::revocation_samples::{revocation_samples, RevocationSample};
use smimelint_factory::{CertBuilder, KeyAlg};

fn sample(name: &str) -> RevocationSample {
    revocation_samples()
        .into_iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no revocation sample {name}"))
}

fn b64(der: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(der)
}

/// A good CRL (v2, AKI, cRLNumber, entries with reasonCode) and one whose revoked entry has a
/// serial INTEGER with a redundant leading 00 octet (X.690 8.3.2: DER integers are minimal).
const GOOD_CRL: &str = "crl-good";
const BAD_CRL: &str = "crl-bad-entry-serial-not-minimal";
/// A good OCSP response and one whose producedAt is a UTCTime (RFC 6960 4.2.1:
/// GeneralizedTime).
const GOOD_OCSP: &str = "ocsp-good";
const BAD_OCSP: &str = "ocsp-bad-produced-at-utc";

fn post_raw(server: &Server, path: &str, content_type: &str, body: &[u8]) -> Reply {
    server.request("POST", path, &[("Content-Type", content_type)], body)
}

fn post_json(server: &Server, path: &str, body: &Value) -> Reply {
    post_raw(
        server,
        path,
        "application/json",
        body.to_string().as_bytes(),
    )
}

fn statuses(record: &Value) -> Vec<String> {
    record["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["status"].as_str().unwrap().to_string())
        .collect()
}

// ---- POST /v1/lint, /v1/lint/batch ----

#[test]
fn v1_lint_takes_crls_and_ocsp_responses_as_pem_der_and_json() {
    let server = Server::start();
    let crl = sample(GOOD_CRL);
    let ocsp = sample(GOOD_OCSP);
    // DER under its own media type (RFC 5280 section 5 / RFC 6960 appendix C).
    // Without a scope only the notice that the scope is unknown (the rules for every scope pass).
    let r = post_raw(&server, "/v1/lint", "application/pkix-crl", &crl.der).json();
    assert_eq!(r["form"], "crl", "{r}");
    assert_eq!(statuses(&r), vec!["notice".to_string()], "{r}");
    assert_eq!(r["findings"][0]["lint"], "n_crl_scope_unknown", "{r}");
    let r = post_raw(&server, "/v1/lint", "application/ocsp-response", &ocsp.der).json();
    assert_eq!(r["form"], "ocsp", "{r}");
    assert_eq!(statuses(&r), vec!["notice".to_string()], "{r}");
    assert_eq!(r["findings"][0]["lint"], "n_ocsp_scope_unknown", "{r}");
    // PEM (RFC 7468 label X509 CRL) as text, and JSON with the PEM.
    let r = post_raw(&server, "/v1/lint", "text/plain", crl.pem().as_bytes()).json();
    assert_eq!(r["form"], "crl", "{r}");
    let r = post_json(&server, "/v1/lint", &json!({ "certificate": ocsp.pem() })).json();
    assert_eq!(r["form"], "ocsp", "{r}");
    let r = post_json(&server, "/v1/lint", &json!({ "document": b64(&crl.der) })).json();
    assert_eq!(r["form"], "crl", "{r}");

    let bad = post_raw(
        &server,
        "/v1/lint",
        "application/pkix-crl",
        &sample(BAD_CRL).der,
    )
    .json();
    assert_eq!(bad["form"], "crl");
    assert!(statuses(&bad).contains(&"error".to_string()), "{bad}");
    let bad = post_raw(
        &server,
        "/v1/lint",
        "application/ocsp-response",
        &sample(BAD_OCSP).der,
    )
    .json();
    assert_eq!(bad["form"], "ocsp");
    assert!(statuses(&bad).contains(&"error".to_string()), "{bad}");
}

#[test]
fn v1_lint_kind_and_scope_parameters() {
    let server = Server::start();
    let crl = sample(GOOD_CRL).der;
    let lint = |query: &str| {
        post_raw(
            &server,
            &format!("/v1/lint?{query}"),
            "application/octet-stream",
            &crl,
        )
    };
    for (query, scope) in [
        ("scope=ca", "ca"),
        ("kind=crl&scope=subscriber", "subscriber"),
    ] {
        let r = lint(query).json();
        assert_eq!(
            (r["form"].as_str(), r["scope"].as_str()),
            (Some("crl"), Some(scope))
        );
    }
    assert_eq!(lint("kind=auto").json()["form"], "crl");
    // Read as a certificate, the CRL is not one: one fatal finding. Read as an OCSP response
    // (a BasicOCSPResponse is also a SEQUENCE starting with a SEQUENCE) its fields are wrong.
    let r = lint("kind=certificate").json();
    assert_eq!(statuses(&r), ["fatal"], "{r}");
    assert!(r["form"].is_null(), "{r}");
    let r = lint("kind=ocsp").json();
    assert!(!statuses(&r).is_empty(), "{r}");
    for query in ["kind=x509", "scope=root", "kind="] {
        let r = lint(query);
        if query == "kind=" {
            assert_eq!(r.status, 200, "an empty kind is auto");
            continue;
        }
        assert_eq!(r.status, 422, "{query}: {}", r.body);
        assert_eq!(r.json()["error"], "invalid_request");
    }
    // The same options as JSON fields.
    let r = post_json(
        &server,
        "/v1/lint",
        &json!({ "certificate": b64(&crl), "kind": "crl", "scope": "ca" }),
    )
    .json();
    assert_eq!(
        (r["form"].as_str(), r["scope"].as_str()),
        (Some("crl"), Some("ca"))
    );
    // RFC 5280 5.2.5: onlyContainsUserCerts makes the CRL one for subscriber certificates.
    let idp = post_raw(
        &server,
        "/v1/lint",
        "application/pkix-crl",
        &sample("crl-good-idp").der,
    )
    .json();
    assert_eq!(idp["scope"], "subscriber", "{idp}");
}

#[test]
fn batch_keeps_certificates_crls_and_ocsp_responses_in_order() {
    let server = Server::start();
    let cert = smimelint_factory::pem(
        "CERTIFICATE",
        &CertBuilder::subscriber("mailbox-strict").build(),
    );
    let body = format!(
        "{cert}{}{}",
        sample(GOOD_CRL).pem(),
        sample(GOOD_OCSP).pem()
    );
    let r = post_raw(
        &server,
        "/v1/lint/batch",
        "application/x-pem-file",
        body.as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let forms: Vec<String> = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["form"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(forms, ["certificate", "crl", "ocsp"]);
    let r = post_json(
        &server,
        "/v1/lint/batch?",
        &json!({ "documents": [b64(&sample(BAD_CRL).der), sample(GOOD_OCSP).pem()], "scope": "ca" }),
    );
    let records = r.json();
    assert_eq!(records[0]["form"], "crl");
    assert_eq!(records[0]["scope"], "ca");
    assert_eq!(records[1]["form"], "ocsp");
}

#[test]
fn a_crl_larger_than_the_body_limit_is_refused_whole() {
    let server = Server::start();
    let mut big = Vec::new();
    let ca = CertBuilder::sub_ca(KeyAlg::P256);
    smimelint_factory::crl::write_large_crl(&mut big, &ca, 40_000).unwrap();
    assert!(big.len() > smimelint::service::DEFAULT_MAX_BODY_BYTES);
    for path in ["/v1/lint", "/lintcrl", "/crl/pkix/crl"] {
        let status = status_of_oversized_post(&server, path, &big);
        assert_eq!(status, 413, "{path}");
    }
}

/// The status of a POST the server may answer before the body is sent: it refuses by the
/// Content-Length and closes, so writing the rest can fail.
fn status_of_oversized_post(server: &Server, path: &str, body: &[u8]) -> u16 {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(server.addr()).expect("connect");
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\
         Content-Type: application/pkix-crl\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).unwrap();
    let _ = s.write_all(body);
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw);
    text.split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {text:?}"))
}

// ---- pkimetal: /lintcrl, /linttbscrl, /lintocsp, /linttbsocsp ----

/// pkimetal's LintResponse (doc/openapi.yaml): an array of objects with Linter, Finding and
/// Severity (FindingSeverity), optional Code and Field.
fn assert_pkimetal_shape(answer: &Value) {
    let severities = [
        "meta", "debug", "info", "notice", "warning", "error", "bug", "fatal",
    ];
    for f in answer.as_array().expect("an array") {
        let o = f.as_object().expect("an object");
        assert!(o["Linter"].is_string() && o["Finding"].is_string(), "{f}");
        assert!(severities.contains(&o["Severity"].as_str().unwrap()), "{f}");
        for k in o.keys() {
            assert!(
                ["Linter", "Finding", "Severity", "Code", "Field"].contains(&k.as_str()),
                "{f}"
            );
        }
    }
}

fn non_meta(answer: &Value) -> Vec<String> {
    answer
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["Severity"] != "meta")
        .map(|f| f["Severity"].as_str().unwrap().to_string())
        .collect()
}

fn fatal_message(r: &Reply) -> String {
    assert_eq!(r.status, 400, "{}", r.body);
    let answer = r.json();
    assert_pkimetal_shape(&answer);
    assert_eq!(answer[0]["Severity"], "fatal");
    answer[0]["Finding"].as_str().unwrap().to_string()
}

#[test]
fn pkimetal_lintcrl_and_lintocsp_lint_good_and_bad_documents() {
    let server = Server::start();
    for (path, field, good, bad) in [
        ("/lintcrl", "b64crl", GOOD_CRL, BAD_CRL),
        ("/lintocsp", "b64ocsp", GOOD_OCSP, BAD_OCSP),
    ] {
        let r = server.post_form(path, &[("b64input", &b64(&sample(good).der))]);
        assert_eq!(r.status, 200, "{path}: {}", r.body);
        let answer = r.json();
        assert_pkimetal_shape(&answer);
        // REST_API.md: the first entry is the meta "Profile: …" line.
        assert!(answer[0]["Finding"]
            .as_str()
            .unwrap()
            .starts_with("Profile: "));
        assert_eq!(
            non_meta(&answer),
            vec!["notice".to_string()],
            "{path}: {answer}"
        );
        assert!(
            answer[1]["Code"]
                .as_str()
                .unwrap()
                .ends_with("_scope_unknown"),
            "{answer}"
        );
        // The endpoint's own field name, as PEM.
        let r = server.post_form(path, &[(field, &sample(bad).pem())]);
        assert_eq!(r.status, 200, "{path}: {}", r.body);
        assert!(
            non_meta(&r.json()).contains(&"error".to_string()),
            "{}",
            r.body
        );
        // severity=fatal leaves the error out.
        let r = server.post_form(
            path,
            &[("b64input", &b64(&sample(bad).der)), ("severity", "fatal")],
        );
        assert_eq!(r.json().as_array().unwrap().len(), 0, "{}", r.body);
    }
    // Raw DER bodies under pkimetal's content types, parameters in the query string.
    let r = post_raw(
        &server,
        "/lintcrl?format=text",
        "application/pkix-crl",
        &sample(BAD_CRL).der,
    );
    assert_eq!(r.status, 200);
    assert!(r.content_type.starts_with("text/plain"));
    assert!(
        r.body.lines().any(|l| l.contains("\tERROR\t")),
        "{}",
        r.body
    );
    let r = post_raw(
        &server,
        "/lintocsp",
        "application/ocsp-response",
        &sample(GOOD_OCSP).der,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let parts: [(&str, &[u8]); 2] = [("b64ocsp", &sample(GOOD_OCSP).der), ("format", b"json")];
    let r = server.post_multipart("/lintocsp", &parts);
    assert_eq!(r.status, 200, "{}", r.body);
}

#[test]
fn pkimetal_tbs_endpoints_and_their_refusals() {
    let server = Server::start();
    let ca = CertBuilder::sub_ca(KeyAlg::P256);
    let crl = smimelint_factory::crl::CrlBuilder::new(&ca);
    let leaf = CertBuilder::subscriber("mailbox-strict").issued_by(&ca);
    let ocsp = smimelint_factory::ocsp::OcspBuilder::new(&ca, &leaf);
    let (tbs_crl, signed_crl) = (b64(&crl.build_tbs()), b64(&crl.build()));
    let (tbs_ocsp, signed_ocsp) = (b64(&ocsp.build_tbs()), b64(&ocsp.build()));

    let r = server.post_form("/linttbscrl", &[("b64tbscrl", &tbs_crl)]);
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.json()[0]["Finding"]
        .as_str()
        .unwrap()
        .starts_with("Profile: tbs-crl"));
    let r = post_raw(
        &server,
        "/linttbsocsp",
        "application/octet-stream",
        &ocsp.build_tbs(),
    );
    assert_eq!(r.status, 200, "{}", r.body);

    // As /linttbscert refuses a signed certificate: the document and where to send it.
    let refusals = [
        ("/linttbscrl", &signed_crl, "/lintcrl"),
        ("/lintcrl", &tbs_crl, "/linttbscrl"),
        ("/linttbsocsp", &signed_ocsp, "/lintocsp"),
        ("/lintocsp", &tbs_ocsp, "/linttbsocsp"),
        ("/lintcert", &signed_crl, "/lintcrl"),
        ("/lintcrl", &signed_ocsp, "/lintocsp"),
        ("/lintocsp", &signed_crl, "/lintcrl"),
    ];
    for (path, input, to) in refusals {
        let message = fatal_message(&server.post_form(path, &[("b64input", input)]));
        assert!(
            message.starts_with("Unrecognised input") && message.contains(to),
            "{path}: {message}"
        );
    }
    // Requests pkimetal refuses.
    for (path, fields, says) in [
        ("/lintcrl", vec![("b64input", "")], "Unrecognised input"),
        (
            "/lintcrl",
            vec![("b64input", "!!not base64!!")],
            "Unrecognised input",
        ),
        (
            "/lintocsp",
            vec![
                ("b64input", signed_ocsp.as_str()),
                ("profile", "rfc5280_crl"),
            ],
            "Profile",
        ),
        (
            "/lintcrl",
            vec![
                ("b64input", signed_crl.as_str()),
                ("profile", "mailbox-strict"),
            ],
            "Profile",
        ),
        (
            "/lintcert",
            vec![
                ("b64input", signed_crl.as_str()),
                ("profile", "rfc5280_crl"),
            ],
            "Profile",
        ),
        (
            "/lintcrl",
            vec![("b64input", signed_crl.as_str()), ("profile", "nope")],
            "Unrecognised profile",
        ),
        (
            "/lintcrl",
            vec![("b64input", signed_crl.as_str()), ("severity", "loud")],
            "Unrecognised severity",
        ),
        (
            "/lintcrl",
            vec![("b64input", signed_crl.as_str()), ("format", "xml")],
            "Unrecognised response format",
        ),
    ] {
        let message = fatal_message(&server.post_form(path, &fields));
        assert!(message.starts_with(says), "{path} {fields:?}: {message}");
    }
    // A DER body under another endpoint's content type is not read as the document.
    let r = post_raw(
        &server,
        "/lintcrl",
        "application/ocsp-response",
        &ocsp.build(),
    );
    assert!(fatal_message(&r).starts_with("Unrecognised input"));
}

#[test]
fn pkimetal_crl_profiles_set_the_scope() {
    let server = Server::start();
    let crl = b64(&sample(GOOD_CRL).der);
    // docs/xref/pkimetal-revocation-api.txt: _arl profiles are Authority Revocation Lists (CA
    // certificates), _crl ones Certificate Revocation Lists.
    for (profile, scope) in [
        ("rfc5280_crl", "subscriber"),
        ("tbr_crl", "subscriber"),
        ("rfc5280_arl", "ca"),
        ("tbr_arl", "ca"),
    ] {
        let r = server.post_form("/lintcrl", &[("b64input", &crl), ("profile", profile)]);
        assert_eq!(r.status, 200, "{profile}: {}", r.body);
        let first = r.json()[0]["Finding"].as_str().unwrap().to_string();
        assert!(
            first.starts_with(&format!("Profile: crl (scope: {scope})")),
            "{profile}: {first}"
        );
    }
    let r = server.post_form(
        "/lintocsp",
        &[
            ("b64input", &b64(&sample(GOOD_OCSP).der)),
            ("profile", "rfc6960_ocspresponse"),
        ],
    );
    assert_eq!(r.status, 200, "{}", r.body);

    let profiles = server.get("/profiles").json();
    let names: Vec<&str> = profiles
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["Name"].as_str().unwrap())
        .collect();
    for name in [
        "rfc5280_crl",
        "rfc5280_arl",
        "tbr_crl",
        "tbr_arl",
        "rfc6960_ocspresponse",
    ] {
        assert!(names.contains(&name), "{name} not in {names:?}");
    }
    // The forms offer the profiles of their own kind of document.
    let form = server.get("/lintcrl");
    assert_eq!(form.status, 200);
    assert!(form.content_type.starts_with("text/html"));
    assert!(form.body.contains("action=\"/lintcrl\""));
    assert!(form.body.contains("value=\"rfc5280_arl\""));
    assert!(!form.body.contains("value=\"mailbox-strict\""));
    assert!(!form.body.contains("value=\"rfc6960_ocspresponse\""));
    for path in ["/linttbscrl", "/lintocsp", "/linttbsocsp"] {
        let form = server.get(path);
        assert_eq!(form.status, 200, "{path}");
        assert!(form.body.contains(&format!("action=\"{path}\"")), "{path}");
    }
}

// ---- pkilint: /crl/pkix/crl, /ocsp/pkix ----

/// pkilint's `LintResultList`: `results` of `{validator, node_path, finding_descriptions:
/// [{severity, code, message}]}` and nothing else.
fn assert_pkilint_shape(answer: &Value) {
    let o = answer.as_object().expect("an object");
    assert_eq!(o.keys().collect::<Vec<_>>(), ["results"], "{answer}");
    for r in answer["results"].as_array().unwrap() {
        let mut keys: Vec<&String> = r.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(
            keys,
            ["finding_descriptions", "node_path", "validator"],
            "{r}"
        );
        for d in r["finding_descriptions"].as_array().unwrap() {
            let mut keys: Vec<&String> = d.as_object().unwrap().keys().collect();
            keys.sort();
            assert_eq!(keys, ["code", "message", "severity"], "{d}");
        }
    }
}

fn pkilint_testdata(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/pkilint-revocation")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn pkilint_validation_lists() {
    let server = Server::start();
    for path in ["/crl/pkix/crl", "/ocsp/pkix"] {
        let r = server.get(path);
        assert_eq!(r.status, 200, "{path}");
        let list = r.json();
        let list = list.as_array().unwrap();
        assert!(!list.is_empty(), "{path}");
        let rank = |s: &str| {
            ["FATAL", "ERROR", "WARNING", "NOTICE", "INFO"]
                .iter()
                .position(|x| *x == s)
                .unwrap_or_else(|| panic!("severity {s}"))
        };
        let keys: Vec<(usize, String)> = list
            .iter()
            .map(|v| {
                let o = v.as_object().unwrap();
                assert_eq!(o.len(), 2, "{v}");
                (
                    rank(o["severity"].as_str().unwrap()),
                    o["code"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        // pkilint's report.get_included_validations sorts by severity, then code.
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted, "{path}");
    }
}

#[test]
fn pkilint_lints_crls_and_ocsp_responses_as_pkilint_answers() {
    let server = Server::start();
    // pkilint 0.13.3 answers {"results": []} for these four.
    let clean = [
        (
            "/crl/pkix/crl",
            json!({ "b64": b64(&sample(GOOD_CRL).der) }),
        ),
        ("/ocsp/pkix", json!({ "b64": b64(&sample(GOOD_OCSP).der) })),
        (
            "/crl/pkix/crl",
            json!({ "pem": pkilint_testdata("crl/clean_no_revoked_certificates.pem") }),
        ),
        (
            "/ocsp/pkix",
            json!({ "pem": pkilint_testdata("ocsp/ocsp_response.pem") }),
        ),
    ];
    for (path, body) in clean {
        let r = post_json(&server, path, &body);
        assert_eq!(r.status, 200, "{path}: {}", r.body);
        let answer = r.json();
        assert_pkilint_shape(&answer);
        assert_eq!(answer, json!({ "results": [] }), "{path}");
    }
    // pkilint decodes the BasicOCSPResponse inside responseBytes itself and reports the
    // failure: validator OCSPResponseDecodingValidator, node oCSPResponse.responseBytes,
    // FATAL itu.invalid_asn1_syntax.
    let r = post_json(
        &server,
        "/ocsp/pkix",
        &json!({ "pem": sample(BAD_OCSP).pem() }),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let answer = r.json();
    assert_pkilint_shape(&answer);
    let results = answer["results"].as_array().unwrap();
    assert!(
        results
            .iter()
            .any(|r| r["validator"] == "OCSPResponseDecodingValidator"
                && r["node_path"] == "oCSPResponse.responseBytes"
                && r["finding_descriptions"][0]["code"] == "itu.invalid_asn1_syntax"
                && r["finding_descriptions"][0]["severity"] == "FATAL"),
        "{answer}"
    );
}

/// FastAPI's 422 for a value error pkilint's model raises (`loc: ["body"]`).
fn value_error(r: &Reply) -> String {
    assert_eq!(r.status, 422, "{}", r.body);
    let detail = &r.json()["detail"][0];
    assert_eq!(detail["type"], "value_error", "{}", r.body);
    assert_eq!(detail["loc"], json!(["body"]));
    detail["msg"].as_str().unwrap().to_string()
}

#[test]
fn pkilint_refuses_what_pkilint_refuses() {
    let server = Server::start();
    let crl = sample(GOOD_CRL);
    let ocsp = sample(GOOD_OCSP);
    let tbs =
        smimelint_factory::crl::CrlBuilder::new(&CertBuilder::sub_ca(KeyAlg::P256)).build_tbs();
    let cert_pem = smimelint_factory::pem(
        "CERTIFICATE",
        &CertBuilder::subscriber("mailbox-strict").build(),
    );
    // Each request and the message pkilint 0.13.3 answers it with.
    let invalid_b64 = "Value error, Invalid Base-64 encoding specified";
    let invalid_pem = "Value error, Invalid PEM text specified";
    let cases = [
        // Strict DER: a non-minimal INTEGER and an empty Extensions (SIZE (1..MAX)).
        ("/crl/pkix/crl", json!({ "b64": b64(&sample(BAD_CRL).der) }), invalid_b64),
        (
            "/crl/pkix/crl",
            json!({ "b64": b64(&sample("crl-bad-extensions-empty").der) }),
            invalid_b64,
        ),
        ("/crl/pkix/crl", json!({ "b64": b64(&tbs) }), invalid_b64),
        ("/crl/pkix/crl", json!({ "b64": b64(&ocsp.der) }), invalid_b64),
        ("/ocsp/pkix", json!({ "b64": b64(&crl.der) }), invalid_b64),
        ("/crl/pkix/crl", json!({ "pem": cert_pem }), invalid_pem),
        ("/crl/pkix/crl", json!({ "pem": ocsp.pem() }), invalid_pem),
        ("/ocsp/pkix", json!({ "pem": crl.pem() }), invalid_pem),
        (
            "/ocsp/pkix",
            json!({ "pem": ocsp.pem(), "b64": b64(&ocsp.der) }),
            "Value error, Cannot set both \"pem\" and \"b64\" fields; exactly one must be specified",
        ),
        (
            "/crl/pkix/crl",
            json!({}),
            "Value error, Must set exactly one of \"pem\" or \"b64\" fields",
        ),
        (
            "/crl/pkix/crl",
            json!({ "pem": "" }),
            "Value error, Must set exactly one of \"pem\" or \"b64\" fields",
        ),
    ];
    for (path, body, msg) in cases {
        let r = post_json(&server, path, &body);
        assert_eq!(value_error(&r), msg, "{path} {body}");
    }
    // Bodies FastAPI refuses before pkilint sees them.
    let r = post_raw(&server, "/ocsp/pkix", "application/json", b"{not json");
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["detail"][0]["type"], "json_invalid");
    let r = post_raw(&server, "/crl/pkix/crl", "application/json", b"");
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["detail"][0]["type"], "missing");
    let r = post_raw(&server, "/crl/pkix/crl", "application/json", b"[1]");
    assert_eq!(r.json()["detail"][0]["type"], "model_attributes_type");
    let r = post_json(&server, "/ocsp/pkix", &json!({ "pem": 5 }));
    assert_eq!(r.json()["detail"][0]["type"], "string_type");
}

// ---- the web page ----

#[test]
fn web_page_lints_an_uploaded_crl_and_a_pasted_ocsp_response() {
    let server = Server::start();
    let crl = sample(GOOD_CRL).der;
    let r = server.post_multipart("/", &[("file", &crl)]);
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("<td id=\"form\">CRL</td>"), "{}", r.body);
    assert!(r.body.contains("<td id=\"scope\">undetermined</td>"));
    assert!(r.body.contains("n_crl_scope_unknown"), "{}", r.body);

    let parts: [(&str, &[u8]); 2] = [("file", &crl), ("scope", b"ca")];
    let r = server.post_multipart("/", &parts);
    assert!(r.body.contains("<td id=\"scope\">ca</td>"), "{}", r.body);
    assert!(r.body.contains("<option value=\"ca\" selected>"));

    let pem = sample(BAD_OCSP).pem();
    let r = server.post_form("/", &[("certificate", &pem), ("kind", "ocsp")]);
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(
        r.body.contains("<td id=\"form\">OCSP response</td>"),
        "{}",
        r.body
    );
    assert!(r.body.contains("class=\"status s-error\""), "{}", r.body);
    assert!(r.body.contains("<option value=\"ocsp\" selected>"));

    // Read as a certificate, the CRL is not one.
    let r = server.post_form("/", &[("certificate", &b64(&crl)), ("kind", "certificate")]);
    assert!(r.body.contains("class=\"status s-fatal\""), "{}", r.body);
    let r = server.post_form("/", &[("certificate", &b64(&crl)), ("scope", "everyone")]);
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("scope"));

    let page = server.get("/");
    assert!(page.body.contains("name=\"kind\""));
    assert!(page.body.contains("name=\"scope\""));
}
