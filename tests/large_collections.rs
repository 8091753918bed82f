//! Certificates carrying tens of thousands of extensions, policies or names still get the
//! findings their rules call for (duplicate detection and cross-field lookups are linear; the
//! time is measured by `scripts/adversarial/quadratic.sh`, not here).

use smimelint::cert::oid;
use smimelint::registry::Status;
use smimelint_engine::testing::lint_all;
use smimelint_factory::{der, ext, gn, name, CertBuilder, ExtSpec};

fn private_oid(i: usize) -> String {
    format!("1.3.6.1.4.1.55555.{}.{}", i / 1000, i % 1000)
}

/// Status and details of one lint.
fn result(der: &[u8], lint: &str) -> (Status, String) {
    let r = lint_all(der);
    let f = r
        .findings
        .iter()
        .find(|f| f.lint == lint)
        .unwrap_or_else(|| panic!("{lint} ran"));
    (f.status, f.details.clone().unwrap_or_default())
}

#[test]
fn one_repeated_extension_among_thousands() {
    let lint = "e_smime_rfc5280_duplicate_extension";
    let mut b = CertBuilder::subscriber("mailbox-strict");
    let before = b.extensions.len();
    for i in 0..30_000 {
        b.extensions.push(ExtSpec {
            oid: der::oid(&private_oid(i))[2..].to_vec(),
            critical: false,
            value: der::null(),
        });
    }
    assert_eq!(result(&b.build(), lint).0, Status::Pass);
    // RFC 5280 4.2: no extension more than once; the copy of the 12,345th one is the last.
    let again = b.extensions[before + 12_345].clone();
    b.extensions.push(again);
    let (status, details) = result(&b.build(), lint);
    assert_eq!(status, Status::Error);
    assert_eq!(
        details,
        format!(
            "{} appears 2 times (extensions[{}], extensions[{}])",
            private_oid(12_345),
            before + 12_345,
            before + 30_000
        )
    );
}

#[test]
fn one_repeated_policy_among_thousands() {
    let lint = "e_smime_rfc5280_duplicate_policy_oid";
    let oids: Vec<String> = (0..50_000).map(private_oid).collect();
    let mut refs: Vec<&str> = vec!["2.23.140.1.5.1.3"];
    refs.extend(oids.iter().map(String::as_str));
    let base = CertBuilder::subscriber("mailbox-strict");
    let distinct = base
        .clone()
        .ext(&oid::CERTIFICATE_POLICIES, false, ext::policies(&refs));
    assert_eq!(result(&distinct.build(), lint).0, Status::Pass);
    // RFC 5280 4.2.1.4: a policy OID MUST NOT appear more than once.
    refs.push(&oids[40_000]);
    refs.push(&oids[7]);
    refs.push(&oids[40_000]);
    let repeated = base.ext(&oid::CERTIFICATE_POLICIES, false, ext::policies(&refs));
    let (status, details) = result(&repeated.build(), lint);
    assert_eq!(status, Status::Error);
    assert_eq!(
        details,
        format!(
            "policy OID(s) listed more than once: {} (3 times), {} (2 times)",
            private_oid(40_000),
            private_oid(7)
        )
    );
}

#[test]
fn subject_mailboxes_looked_up_among_thousands_of_san_entries() {
    let lint = "e_smime_subject_mailbox_not_in_san";
    let mails: Vec<String> = (0..5000).map(|i| format!("user{i}@example.com")).collect();
    let mut attrs: Vec<(&str, &str)> = vec![("CN", "Alice")];
    attrs.extend(mails.iter().map(|m| ("emailAddress", m.as_str())));
    // The SAN lists the same mailboxes in reverse order, domains in upper case (SBR 7.1.4.2.2:
    // each emailAddress must be in the SAN; domains compare ignoring case).
    let san: Vec<Vec<u8>> = mails
        .iter()
        .rev()
        .map(|m| gn::rfc822(&m.replace("example.com", "EXAMPLE.COM")))
        .collect();
    let base = CertBuilder::subscriber("mailbox-strict").subject_raw(name(&attrs));
    assert_eq!(
        result(&base.clone().san(&san).build(), lint).0,
        Status::Pass
    );
    // One subject mailbox missing from the SAN.
    let (status, details) = result(&base.san(&san[1..]).build(), lint);
    assert_eq!(status, Status::Error);
    assert!(details.contains("user4999@example.com"), "{details}");
    assert!(!details.contains("user4998@example.com"), "{details}");
}
