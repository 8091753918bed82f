//! Mailbox Address syntax and comparison, shared by the SAN and subject lints. No lints here.
//!
//! SBR 1.6.1 defines a Mailbox Address as the `Mailbox` of RFC 5321 §4.1.2, amended by RFC 6532
//! §3.2 (UTF-8 allowed in the local part and in domain labels), "with no additional padding or
//! structure". rfc822Name carries the ASCII form (RFC 5280 §4.2.1.6), SmtpUTF8Mailbox the
//! internationalized one (RFC 9598 §3).

use smimelint_cert::der_text::tag;
use smimelint_cert::{oid, Cert, GeneralName};
use std::borrow::Cow;

/// RFC 5321 §4.5.3.1.1.
pub(crate) const MAX_LOCAL_PART_OCTETS: usize = 64;
/// A domain name in text form: 255 octets on the wire (RFC 1035 §2.3.4, RFC 5321 §4.5.3.1.2)
/// are at most 253 characters without the root label and the length octets.
pub(crate) const MAX_DOMAIN_OCTETS: usize = 253;
/// RFC 1035 §2.3.4.
pub(crate) const MAX_LABEL_OCTETS: usize = 63;

/// A syntactically valid Mailbox split into its parts (borrowed from the input).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mailbox<'s> {
    pub local: &'s str,
    pub domain: &'s str,
}

impl Mailbox<'_> {
    /// The local part contains a character outside ASCII.
    pub fn local_is_ascii(&self) -> bool {
        self.local.is_ascii()
    }
}

/// Which characters a Mailbox may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Charset {
    /// RFC 5321 only (rfc822Name).
    Ascii,
    /// RFC 5321 as extended by RFC 6531/6532 (SmtpUTF8Mailbox, subject attribute values).
    Utf8,
}

/// `atext` of RFC 5322 §3.2.3, which RFC 5321's `Atom` uses.
fn is_atext(c: char, cs: Charset) -> bool {
    c.is_ascii_alphanumeric()
        || "!#$%&'*+-/=?^_`{|}~".contains(c)
        || (cs == Charset::Utf8 && !c.is_ascii())
}

/// `qtextSMTP` of RFC 5321 §4.1.2 (plus UTF-8 under RFC 6531).
fn is_qtext(c: char, cs: Charset) -> bool {
    matches!(c, ' ' | '!' | '#'..='[' | ']'..='~') || (cs == Charset::Utf8 && !c.is_ascii())
}

/// Parses an RFC 5321 `Mailbox`: `Local-part "@" ( Domain / address-literal )`.
pub(crate) fn parse(s: &str, cs: Charset) -> Result<Mailbox<'_>, String> {
    if s.is_empty() {
        return Err("the value is empty".into());
    }
    if cs == Charset::Ascii && !s.is_ascii() {
        return Err("contains non-ASCII characters".into());
    }
    let at = local_part_end(s, cs)?;
    let (local, domain) = (&s[..at], &s[at + 1..]);
    if local.len() > MAX_LOCAL_PART_OCTETS {
        return Err(format!(
            "the local part is {} octets long, more than {MAX_LOCAL_PART_OCTETS}",
            local.len()
        ));
    }
    check_domain_or_literal(domain, cs)?;
    Ok(Mailbox { local, domain })
}

/// Validates the local part and returns the index of the '@' that ends it.
fn local_part_end(s: &str, cs: Charset) -> Result<usize, String> {
    if let Some(rest) = s.strip_prefix('"') {
        // Quoted-string = DQUOTE *QcontentSMTP DQUOTE
        let mut chars = rest.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    let end = i + 2; // past both quotes
                    return match s[end..].chars().next() {
                        Some('@') => Ok(end),
                        Some(c) => Err(format!("unexpected {c:?} after the quoted local part")),
                        None => Err("no '@' after the local part".into()),
                    };
                }
                '\\' => match chars.next() {
                    Some((_, q)) if (' '..='~').contains(&q) => {}
                    _ => return Err("invalid quoted-pair in the local part".into()),
                },
                c if is_qtext(c, cs) => {}
                c => {
                    return Err(format!(
                        "character {c:?} is not allowed in a quoted local part"
                    ))
                }
            }
        }
        return Err("unterminated quoted local part".into());
    }
    let Some(at) = s.find('@') else {
        return Err("no '@' separating local part and domain".into());
    };
    let local = &s[..at];
    if local.is_empty() {
        return Err("the local part is empty".into());
    }
    // Dot-string = Atom *("." Atom)
    for atom in local.split('.') {
        if atom.is_empty() {
            return Err("the local part has an empty dot-separated atom".into());
        }
        if let Some(c) = atom.chars().find(|&c| !is_atext(c, cs)) {
            return Err(format!(
                "character {c:?} is not allowed in an unquoted local part"
            ));
        }
    }
    Ok(at)
}

fn check_domain_or_literal(domain: &str, cs: Charset) -> Result<(), String> {
    if let Some(lit) = domain.strip_prefix('[') {
        let Some(inner) = lit.strip_suffix(']') else {
            return Err("unterminated address literal".into());
        };
        return check_address_literal(inner);
    }
    check_domain(domain, cs)
}

/// `address-literal` of RFC 5321 §4.1.3.
fn check_address_literal(inner: &str) -> Result<(), String> {
    let ok = if let Some(v6) = inner.strip_prefix("IPv6:") {
        v6.parse::<std::net::Ipv6Addr>().is_ok()
    } else if inner.parse::<std::net::Ipv4Addr>().is_ok() {
        true
    } else if let Some((tag, content)) = inner.split_once(':') {
        // General-address-literal = Standardized-tag ":" 1*dcontent
        !tag.is_empty()
            && is_ldh_label(tag)
            && !content.is_empty()
            && content.bytes().all(|b| matches!(b, 33..=90 | 94..=126))
    } else {
        false
    };
    if ok {
        Ok(())
    } else {
        Err(format!("[{inner}] is not a valid address literal"))
    }
}

/// `Let-dig [Ldh-str]`: letters, digits and inner hyphens.
fn is_ldh_label(l: &str) -> bool {
    let b = l.as_bytes();
    !b.is_empty()
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
        && b[0] != b'-'
        && b[b.len() - 1] != b'-'
}

/// `Domain = sub-domain *("." sub-domain)`, with U-labels allowed under RFC 6532.
pub(crate) fn check_domain(domain: &str, cs: Charset) -> Result<(), String> {
    if domain.is_empty() {
        return Err("the domain is empty".into());
    }
    if domain.len() > MAX_DOMAIN_OCTETS {
        return Err(format!(
            "the domain is {} octets long, more than {MAX_DOMAIN_OCTETS}",
            domain.len()
        ));
    }
    for label in domain.split('.') {
        if label.is_empty() {
            return Err(format!("the domain {domain:?} has an empty label"));
        }
        if label.is_ascii() {
            if label.len() > MAX_LABEL_OCTETS {
                return Err(format!(
                    "the domain label {label:?} is longer than {MAX_LABEL_OCTETS} octets"
                ));
            }
            if !is_ldh_label(label) {
                return Err(format!(
                    "the domain label {label:?} is not letters, digits and inner hyphens"
                ));
            }
        } else if cs == Charset::Ascii {
            return Err(format!("the domain label {label:?} is not ASCII"));
        } else if label.starts_with('-')
            || label.ends_with('-')
            || label
                .chars()
                .any(|c| c.is_ascii() && !c.is_ascii_alphanumeric() && c != '-')
        {
            return Err(format!("the domain label {label:?} is not a valid U-label"));
        }
    }
    Ok(())
}

/// RFC 9598 §3 domain part of an SmtpUTF8Mailbox: every label in ASCII (non-ASCII labels as
/// A-labels), lower case, and NR-LDH or an A-label (no `--` in positions 3–4 other than `xn--`).
pub(crate) fn smtp_utf8_domain_problem(domain: &str) -> Option<String> {
    if !domain.starts_with('[') && !domain.is_ascii() {
        return Some(format!(
            "the domain {domain:?} has a U-label; RFC 9598 requires A-labels ({})",
            to_ascii_domain(domain)
        ));
    }
    for label in domain.split('.') {
        if label.bytes().any(|b| b.is_ascii_uppercase()) {
            return Some(format!(
                "the domain label {label:?} has upper-case letters; RFC 9598 requires lower case"
            ));
        }
        let b = label.as_bytes();
        if b.len() >= 4 && &b[2..4] == b"--" && !label.starts_with("xn--") {
            return Some(format!(
                "the domain label {label:?} is a reserved LDH label (hyphens in positions 3 and 4)"
            ));
        }
    }
    None
}

/// A domain with every non-ASCII label converted to its A-label (lower-cased, then Punycode).
/// This is the plain RFC 3492 transformation, without the IDNA2008 validity tables.
pub(crate) fn to_ascii_domain(domain: &str) -> Cow<'_, str> {
    if domain.is_ascii() {
        return Cow::Borrowed(domain);
    }
    let labels: Vec<String> = domain
        .split('.')
        .map(|l| {
            if l.is_ascii() {
                l.to_ascii_lowercase()
            } else {
                format!("xn--{}", punycode(&l.to_lowercase()))
            }
        })
        .collect();
    Cow::Owned(labels.join("."))
}

/// RFC 3492 Punycode encoding of one label.
fn punycode(input: &str) -> String {
    const BASE: u32 = 36;
    const T_MIN: u32 = 1;
    const T_MAX: u32 = 26;
    const SKEW: u32 = 38;
    const DAMP: u32 = 700;
    fn digit(d: u32) -> char {
        char::from(if d < 26 {
            b'a' + d as u8
        } else {
            b'0' + (d - 26) as u8
        })
    }
    fn adapt(mut delta: u32, points: u32, first: bool) -> u32 {
        delta /= if first { DAMP } else { 2 };
        delta += delta / points;
        let mut k = 0;
        while delta > ((BASE - T_MIN) * T_MAX) / 2 {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        k + (BASE - T_MIN + 1) * delta / (delta + SKEW)
    }
    let code_points: Vec<u32> = input.chars().map(u32::from).collect();
    let mut out: String = input.chars().filter(char::is_ascii).collect();
    let basic = out.len() as u32;
    let mut handled = basic;
    if basic > 0 {
        out.push('-');
    }
    let (mut n, mut delta, mut bias) = (0x80u32, 0u32, 72u32);
    while (handled as usize) < code_points.len() {
        let m = code_points
            .iter()
            .copied()
            .filter(|&c| c >= n)
            .min()
            .unwrap_or(n);
        delta = delta.saturating_add((m - n).saturating_mul(handled + 1));
        n = m;
        for &c in &code_points {
            if c < n {
                delta = delta.saturating_add(1);
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        T_MIN
                    } else if k >= bias + T_MAX {
                        T_MAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    out.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta = delta.saturating_add(1);
        n += 1;
    }
    out
}

/// One Mailbox Field of the SAN, as written in the certificate.
#[derive(Clone, Copy, Debug)]
pub(crate) enum SanMailbox<'a> {
    Rfc822(&'a [u8]),
    /// The SmtpUTF8Mailbox value TLV (expected to be a UTF8String).
    SmtpUtf8(smimelint_cert::Element<'a>),
}

impl<'a> SanMailbox<'a> {
    /// The value as text, when it is decodable.
    pub fn text(&self) -> Option<&'a str> {
        match self {
            SanMailbox::Rfc822(b) => std::str::from_utf8(b).ok(),
            SanMailbox::SmtpUtf8(t) if t.tag == tag::UTF8_STRING => {
                std::str::from_utf8(t.content).ok()
            }
            SanMailbox::SmtpUtf8(_) => None,
        }
    }
}

/// The Mailbox Fields of the certificate's subjectAltName (rfc822Name and SmtpUTF8Mailbox).
pub(crate) fn san_mailboxes<'c>(cert: &'c Cert<'c>) -> impl Iterator<Item = SanMailbox<'c>> + 'c {
    cert.san()
        .value()
        .into_iter()
        .flatten()
        .filter_map(|gn| match gn {
            GeneralName::Rfc822Name(b) => Some(SanMailbox::Rfc822(b)),
            GeneralName::OtherName {
                type_id,
                value: Some(v),
            } if *type_id == oid::ON_SMTP_UTF8_MAILBOX.as_bytes() => {
                Some(SanMailbox::SmtpUtf8((*v).into()))
            }
            _ => None,
        })
}

/// Whether `value` (a Mailbox Address found elsewhere in the certificate) is repeated as a
/// Mailbox Field of the SAN.
pub(crate) fn in_san<'c>(cert: &'c Cert<'c>, value: &str) -> bool {
    let Ok(wanted) = parse(value, Charset::Utf8) else {
        return san_mailboxes(cert).any(|m| m.text() == Some(value));
    };
    // One set per certificate, however many subject values are looked up.
    let keys = cert.san_mailbox_keys(|| {
        san_mailboxes(cert)
            .filter_map(|m| m.text())
            .filter_map(|t| parse(t, Charset::Utf8).ok())
            .map(|m| mailbox_key(&m))
            .collect()
    });
    keys.contains(&mailbox_key(&wanted))
}

/// Two mailboxes are the same when their keys are: the local parts identical (RFC 5321 §2.4
/// leaves their case to the receiving host) and the domains equal ignoring case, a domain with
/// U-labels equal to its A-label form.
fn mailbox_key(m: &Mailbox<'_>) -> (String, String) {
    (
        m.local.to_string(),
        to_ascii_domain(m.domain).to_ascii_lowercase(),
    )
}

/// Whether an attribute value is a Mailbox Address (the whole value, nothing around it).
pub(crate) fn is_mailbox(value: &str) -> bool {
    parse(value, Charset::Utf8).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_mailboxes() {
        fn ok(s: &str) -> Mailbox<'_> {
            parse(s, Charset::Ascii).expect(s)
        }
        assert_eq!(
            ok("alice@example.com"),
            Mailbox {
                local: "alice",
                domain: "example.com"
            }
        );
        ok("first.last+tag@sub.example.co.uk");
        ok("\"john doe\"@example.com");
        ok("\"a@b\"@example.com");
        ok("x@[192.0.2.1]");
        ok("x@[IPv6:2001:db8::1]");
        ok("alice@EXAMPLE.COM");
        for bad in [
            "",
            "alice",
            "@example.com",
            "alice@",
            ".alice@example.com",
            "al..ice@example.com",
            "alice@example..com",
            "alice@example.com.",
            "alice@-example.com",
            "alice@exa_mple.com",
            "Alice <alice@example.com>",
            "alice@example.com, bob@example.com",
            "a b@example.com",
            "alice@b@example.com",
            "x@[300.1.1.1]",
            "山田@example.com",
        ] {
            assert!(parse(bad, Charset::Ascii).is_err(), "{bad:?} accepted");
        }
        let long_local = format!("{}@example.com", "a".repeat(65));
        assert!(parse(&long_local, Charset::Ascii).is_err());
        let long_domain = format!("a@{}.com", vec!["a".repeat(63); 4].join("."));
        assert!(parse(&long_domain, Charset::Ascii).is_err());
        assert!(parse("山田@example.com", Charset::Utf8).is_ok());
        assert!(parse("山田@bücher.example", Charset::Utf8).is_ok());
    }

    #[test]
    fn punycode_matches_rfc3492_samples() {
        assert_eq!(punycode("bücher"), "bcher-kva");
        assert_eq!(punycode("münchen"), "mnchen-3ya");
        assert_eq!(punycode("例え"), "r8jz45g");
        assert_eq!(to_ascii_domain("Bücher.Example"), "xn--bcher-kva.example");
    }

    #[test]
    fn compares_domains_case_insensitively() {
        let a = parse("alice@Example.COM", Charset::Utf8).unwrap();
        let b = parse("alice@example.com", Charset::Utf8).unwrap();
        let c = parse("Alice@example.com", Charset::Utf8).unwrap();
        assert_eq!(mailbox_key(&a), mailbox_key(&b));
        assert_ne!(mailbox_key(&b), mailbox_key(&c));
        let u = parse("山田@bücher.example", Charset::Utf8).unwrap();
        let x = parse("山田@xn--bcher-kva.example", Charset::Utf8).unwrap();
        assert_eq!(mailbox_key(&u), mailbox_key(&x));
    }

    #[test]
    fn smtp_utf8_domains() {
        assert_eq!(smtp_utf8_domain_problem("example.com"), None);
        assert_eq!(smtp_utf8_domain_problem("xn--bcher-kva.example"), None);
        assert!(smtp_utf8_domain_problem("Example.com").is_some());
        assert!(smtp_utf8_domain_problem("bücher.example").is_some());
        assert!(smtp_utf8_domain_problem("ab--cd.example").is_some());
    }
}
