//! subjectAltName contents (SBR 7.1.4.2.1): Mailbox Fields, allowed GeneralName types, rfc822Name
//! and SmtpUTF8Mailbox syntax (RFC 5321, RFC 9598), mailboxes of the subject and of
//! directoryName entries repeated as Mailbox Fields, and directoryName entries held to the
//! subject rules for the certificate's type (SMC012).

use crate::prelude::*;
use crate::support::mailbox;
use crate::support::name_rules::{attr_name, NameCtx, Place};
use smimelint_cert::der_text::tag;
use smimelint_cert::GeneralName;

/// Microsoft's User Principal Name (szOID_NT_PRINCIPAL_NAME), the otherName most often met.
const UPN: &[u8] = oid::ON_UPN.as_bytes();

fn other_name_type(type_id: &[u8]) -> String {
    if type_id == UPN {
        format!(
            "{} ({})",
            oid::name_of(oid::OidKind::OtherName, UPN).unwrap_or("?"),
            oid::dotted(UPN)
        )
    } else {
        oid::dotted(type_id)
    }
}

fn is_smtp_utf8(type_id: &[u8]) -> bool {
    type_id == oid::ON_SMTP_UTF8_MAILBOX.as_bytes()
}

/// The decoded SAN, or the outcome to return when there is none to look at.
fn san<'c>(ctx: &LintContext<'c>) -> Result<&'c [GeneralName<'c>], Outcome> {
    match ctx.cert.san() {
        Ext::Present(_, names) => Ok(names),
        _ => Err(Outcome::NotApplicable),
    }
}

/// otherName entries that are not SmtpUTF8Mailbox, described.
fn foreign_other_names(names: &[GeneralName<'_>]) -> Vec<String> {
    names
        .iter()
        .filter_map(|gn| match gn {
            GeneralName::OtherName { type_id, value } if !is_smtp_utf8(type_id) => {
                let mut d = format!("otherName {}", other_name_type(type_id));
                if let Some(text) = value
                    .as_ref()
                    .and_then(|v| smimelint_cert::name::decode_string(v.tag, v.content))
                {
                    d.push_str(&format!(" {text:?}"));
                    if *type_id == UPN && !mailbox::is_mailbox(&text) {
                        d.push_str(" (not of the form user@domain)");
                    }
                }
                Some(d)
            }
            _ => None,
        })
        .collect()
}

/// Mailbox Addresses of a Name that are not repeated as SAN Mailbox Fields. In the subject,
/// commonName is left to `e_smime_subject_cn_mailbox_not_in_san`.
pub(crate) fn rule_mailboxes_not_in_san(n: &NameCtx<'_>, out: &mut Vec<String>) {
    let san_absent = !n.cert.san().is_present();
    for a in &n.name.attributes {
        if n.place == Place::Subject && a.is(&oid::AT_COMMON_NAME) {
            continue;
        }
        let Some(t) = a.text() else { continue };
        if mailbox::is_mailbox(&t) && !mailbox::in_san(n.cert, &t) {
            out.push(format!(
                "{} {t:?} is a Mailbox Address that is not an rfc822Name or SmtpUTF8Mailbox of \
                 the subjectAltName{}",
                attr_name(a.oid),
                if san_absent {
                    " (the certificate has no subjectAltName)"
                } else {
                    ""
                }
            ));
        }
    }
}

/// The SmtpUTF8Mailbox otherName values: `Ok(text)`, or `Err(problem)` when the value is not a
/// readable UTF8String.
fn smtp_utf8_values<'c>(
    names: &'c [GeneralName<'c>],
) -> impl Iterator<Item = Result<&'c str, String>> + 'c {
    names.iter().filter_map(|gn| match gn {
        GeneralName::OtherName { type_id, value } if is_smtp_utf8(type_id) => Some(match value {
            None => Err("SmtpUTF8Mailbox otherName has no [0] value".to_string()),
            Some(v) if v.tag != tag::UTF8_STRING => Err(format!(
                "SmtpUTF8Mailbox is a {}, not a UTF8String",
                smimelint_cert::der_text::tag_name(v.tag)
            )),
            Some(v) => std::str::from_utf8(v.content)
                .map_err(|_| "SmtpUTF8Mailbox is not valid UTF-8".to_string()),
        }),
        _ => None,
    })
}

/// The subject is present and an empty SEQUENCE.
fn subject_is_empty(cert: &Cert<'_>) -> Option<bool> {
    cert.subject.map(|s| s.content.is_empty())
}

mod e_smime_rfc822_name_invalid;
mod e_smime_san_directory_name_attribute_prohibited;
mod e_smime_san_directory_name_content_invalid;
mod e_smime_san_directory_name_mailbox_not_in_san;
mod e_smime_san_general_name_type_prohibited;
mod e_smime_san_missing;
mod e_smime_san_no_mailbox;
mod e_smime_san_not_critical_empty_subject;
mod e_smime_san_other_name_type_strict;
mod e_smime_smtp_utf8_mailbox_ascii_local_part;
mod e_smime_smtp_utf8_mailbox_invalid;
mod e_smime_subject_mailbox_not_in_san;
mod n_smime_san_other_name_unvalidated_type;
mod w_smime_san_critical_with_subject;
mod w_smime_san_directory_name_required_attribute_missing;
mod w_smime_san_mailbox_domain_internal;
