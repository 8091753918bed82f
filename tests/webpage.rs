//! The web page of `smimelint serve` (`GET /`, `POST /`, `GET /lints/NAME`), spoken to as a
//! browser without scripts would: form posts, HTML back. Findings are checked against
//! `testdata/expected.json`, lint pages against the metadata of `GET /v1/lints`.
#![cfg(feature = "server")]

mod http_client;

use http_client::Server;
use std::collections::BTreeMap;
use std::path::Path;

fn cert(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("testdata/certs/{name}.pem"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn expected() -> BTreeMap<String, Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/expected.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("expected.json")).unwrap()
}

/// `STATUS LINT` for each row of the findings table, in page order.
fn rows(html: &str) -> Vec<String> {
    html.split("<tr class=\"finding\">")
        .skip(1)
        .map(|row| {
            let status = between(row, "class=\"status s-", "\"");
            let lint = between(between(row, "<td class=\"lint\">", "</td>"), "\">", "</a>");
            format!("{status} {lint}")
        })
        .collect()
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> &'a str {
    let from = s
        .find(start)
        .map(|i| i + start.len())
        .unwrap_or_else(|| panic!("{start} in {s}"));
    let to = s[from..]
        .find(end)
        .unwrap_or_else(|| panic!("{end} in {s}"));
    &s[from..from + to]
}

#[test]
fn the_page_is_a_form_that_works_without_scripts() {
    let server = Server::start();
    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert!(page.content_type.starts_with("text/html"));
    for needle in [
        "<form method=\"post\" action=\"/\" enctype=\"multipart/form-data\">",
        "<textarea id=\"certificate\" name=\"certificate\"",
        "<input type=\"file\" id=\"file\" name=\"file\">",
        "<select name=\"type\">",
        "<option value=\"mailbox-strict\">",
        "name=\"at\"",
        "<button type=\"submit\">",
    ] {
        assert!(page.body.contains(needle), "{needle}");
    }
    assert!(!page.body.contains("<script"));
}

#[test]
fn findings_table_lists_the_expected_lints_for_every_testdata_certificate() {
    let server = Server::start();
    let expected = expected();
    assert!(expected.len() >= 50, "testdata/expected.json is incomplete");
    for (name, want) in &expected {
        let pem = cert(name);
        // Both encodings a browser uses: urlencoded (pasted) and multipart (uploaded).
        let pasted = server.post_form("/", &[("certificate", &pem)]);
        let uploaded = server.post_multipart("/", &[("file", pem.as_bytes())]);
        for reply in [&pasted, &uploaded] {
            assert_eq!(reply.status, 200, "{name}: {}", reply.body);
            let mut got = rows(&reply.body);
            let mut want = want.clone();
            got.sort();
            want.sort();
            assert_eq!(got, want, "{name}");
            if want.is_empty() {
                assert!(reply.body.contains("id=\"no-findings\""), "{name}");
            }
        }
    }
}

#[test]
fn type_time_and_type_source_are_shown_and_obeyed() {
    let server = Server::start();
    let org = cert("organization-strict-rsa2048");
    let detected = server.post_form("/", &[("certificate", &org)]);
    assert!(detected
        .body
        .contains("<td id=\"linted-as\">organization-strict</td>"));
    assert!(detected
        .body
        .contains("id=\"type-source\">the reserved S/MIME policy OID"));

    let forced = server.post_form("/", &[("certificate", &org), ("type", "mailbox-strict")]);
    assert!(forced
        .body
        .contains("<td id=\"linted-as\">mailbox-strict</td>"));
    assert!(forced
        .body
        .contains("id=\"type-source\">the type given with the request"));
    assert!(rows(&forced.body).contains(&"error e_smime_subject_cn_mv_not_mailbox".to_string()));
    assert!(forced
        .body
        .contains("<option value=\"mailbox-strict\" selected>"));

    // SBR 1.0.0 took effect on 2023-09-01: before it, the SBR lints are not yet effective
    // and `all` shows them as NE.
    let early = server.post_form(
        "/",
        &[("certificate", &org), ("at", "2020-01-01"), ("all", "1")],
    );
    assert_eq!(early.status, 200, "{}", early.body);
    let statuses = rows(&early.body);
    assert!(
        statuses.iter().any(|r| r.starts_with("NE ")),
        "{statuses:?}"
    );
    assert!(early.body.contains("value=\"2020-01-01\""));

    let bad_time = server.post_form("/", &[("certificate", &org), ("at", "yesterday")]);
    assert_eq!(bad_time.status, 422);
    assert!(bad_time.body.contains("id=\"error\""));
}

#[test]
fn user_text_is_escaped() {
    let server = Server::start();
    let attack = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
    let reply = server.post_form("/", &[("certificate", attack), ("at", attack)]);
    assert_eq!(reply.status, 422);
    assert!(!reply.body.contains("<script>alert"), "{}", reply.body);
    assert!(!reply.body.contains("<img"), "{}", reply.body);
    assert!(reply
        .body
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img"));
    let lint_page = server.get("/lints/%3Cscript%3Ex");
    assert_eq!(lint_page.status, 404);
    assert!(lint_page.body.contains("&lt;script&gt;x") && !lint_page.body.contains("<script>x"));
}

#[test]
fn lint_pages_show_the_metadata_and_the_docs() {
    let server = Server::start();
    let lints = server.get("/v1/lints").json();
    let all = lints.as_array().unwrap();
    let index = server.get("/lints");
    assert_eq!(index.status, 200);
    for lint in all {
        let name = lint["name"].as_str().unwrap();
        assert!(
            index.body.contains(&format!("<a href=\"/lints/{name}\">")),
            "{name}"
        );
    }
    for name in ["e_smime_eku_missing", "e_smime_cps_qualifier_not_http_url"] {
        let info = all.iter().find(|l| l["name"] == name).unwrap();
        let page = server.get(&format!("/lints/{name}"));
        assert_eq!(page.status, 200);
        assert!(page.body.contains(&format!("<h1>{name}</h1>")));
        let citation = info["citation"].as_str().unwrap();
        assert!(page
            .body
            .contains(&format!("<tr><th>Citation</th><td>{citation}</td></tr>")));
        assert!(page.body.contains(info["description"].as_str().unwrap()));
        // Every Markdown heading of the documentation is a heading of the page.
        for heading in info["docs"]
            .as_str()
            .unwrap()
            .lines()
            .filter_map(|l| l.strip_prefix("## "))
        {
            assert!(
                page.body.contains(&format!("<h2>{heading}</h2>")),
                "{heading}"
            );
        }
    }
}
