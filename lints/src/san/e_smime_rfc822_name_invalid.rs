use super::*;
use crate::support::mailbox;
use crate::support::mailbox::Charset;
use smimelint_cert::GeneralName;

fn check_rfc822_name_invalid(ctx: &LintContext<'_>) -> Outcome {
    let names = match san(ctx) {
        Ok(n) => n,
        Err(o) => return o,
    };
    let mut bad = Vec::new();
    for gn in names {
        let GeneralName::Rfc822Name(b) = gn else {
            continue;
        };
        let shown = String::from_utf8_lossy(b);
        let result = match std::str::from_utf8(b) {
            Ok(s) => mailbox::parse(s, Charset::Ascii).map(|_| ()),
            Err(_) => Err("contains bytes that are not ASCII".into()),
        };
        if let Err(why) = result {
            bad.push(format!("rfc822Name {shown:?}: {why}"));
        }
    }
    if bad.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", bad.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// Each rfc822Name of the subjectAltName is a bare ASCII Mailbox (RFC 5321 §4.1.2):
    /// `local-part@domain` with a dot-string or quoted local part of at most 64 octets and a
    /// domain of LDH labels (at most 63 octets each, 253 in total) or an address literal. No
    /// display name, angle brackets, comments, whitespace, or the domain-only forms
    /// (`example.com`, `.example.com`, `@example.com`) of name constraints. Upper-case letters
    /// are allowed.
    ///
    /// ## Why
    /// SBR 7.1.4.2.1 and 1.6.1: a Mailbox Field holds a Mailbox Address, which the SBR defines as
    /// the RFC 5321 §4.1.2 `Mailbox` and nothing around it; RFC 5280 §4.2.1.6 defines rfc822Name
    /// the same way. Internationalized addresses go in SmtpUTF8Mailbox.
    ///
    /// ## Example
    /// `hanako.yamada` (no domain); a domain of 323 characters; `Alice <alice@example.com>`.
    ///
    /// ## Differences from pkilint
    /// pkilint also reports an rfc822Name without a valid domain as `cabf.internal_domain_name`;
    /// smimelint reports it here, once.
    E_SMIME_RFC822_NAME_INVALID {
        name: "e_smime_rfc822_name_invalid",
        description: "An rfc822Name is not a valid ASCII Mailbox Address",
        citation: "SBR 7.1.4.2.1, 1.6.1; RFC 5280 4.2.1.6",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "pkix.invalid_email_address_syntax",
            "pkix.rfc822name_domain_part_too_long",
            "cabf.internal_domain_name",
        ],
        zlint: ["e_ext_san_rfc822_format_invalid", "e_single_email_if_present"],
        catalog: ["e_smime_rfc822_name_invalid"],
        applies: Applies::SUBSCRIBER,
        check: check_rfc822_name_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::san::{alice, mv};

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{gn, CertBuilder};

    #[test]
    fn rfc822_name_invalid() {
        let long = format!("alice@{}.com", vec!["a".repeat(63); 5].join("."));
        for bad in [
            "alice",
            "Alice <alice@example.com>",
            "@example.com",
            long.as_str(),
        ] {
            let cert = CertBuilder::subscriber("mailbox-strict")
                .subject(&[("serialNumber", "1")])
                .san(&[gn::rfc822(bad), alice()])
                .build();
            assert_lint(
                "e_smime_rfc822_name_invalid",
                &cert,
                &mv(&[alice(), gn::rfc822("ALICE.SMITH@EXAMPLE.COM")]),
                &[],
            );
        }
    }
}
