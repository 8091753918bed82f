#!/usr/bin/env python3
"""Splits the lint family files of lints/src into one file per lint, grouped by topic folders.

Run from the repository root on the family layout, then `cargo fmt --all`:
    python3 scripts/split_lints.py [--no-cleanup]
The cleanup pass drives `cargo check --message-format json` to drop unused imports.
"""
import json
import os
import re
import subprocess
import sys
from collections import OrderedDict

SRC = "lints/src"
# Families without lints: moved whole into support/.
HELPER_FAMILIES = ["countries", "mailbox", "name_rules"]

# Topic of every family's lints unless TOPIC_OF_LINT says otherwise; also where the family's
# module docs go. None: the family's docs are dropped (its lints all move by name).
FAMILY_HOME = {
    "aia": "aia", "algorithms": "algorithms", "ca_subject": "subject", "chain": "chain",
    "crldp": "crldp", "ct": "ct", "asn1": "encoding", "der": "encoding", "eku": "eku",
    "key_identifiers": "key_identifiers", "key_usage": "key_usage", "keys": "keys",
    "lei": "organization_identifier", "name_constraints": "name_constraints",
    "natural_person": "subject", "organization_identifier": "organization_identifier",
    "policies": "policies", "profile": "profile", "qc_statements": "qc_statements",
    "rfc5280": "structure", "root_ca": "basic_constraints", "san": "san", "serial": "serial",
    "subject": "subject", "subject_values": "subject", "subordinate_ca": None,
    "subscriber_extensions": "extensions", "validity": "validity",
}


# Module docs of topics whose families' docs no longer fit once their lints are regrouped.
TOPIC_DOCS = {
    "basic_constraints": """\
//! basicConstraints of subscriber certificates (SBR 7.1.2.3(d)) and of root and subordinate CA
//! certificates (SBR 7.1.2.1, 7.1.2.2).
//!
//! pkilint has no CA profile: given a CA certificate it applies the subscriber rules (and
//! reports `cabf.smime.is_ca_certificate`, prohibited keyCertSign/cRLSign, a missing SAN, …).
//! smimelint classifies cA TRUE certificates as root (self-issued and self-signed) or
//! subordinate CA and applies SBR 7.1.2.1 / 7.1.2.2 instead.
""",
    "extensions": """\
//! Extensions as a whole and the smaller extensions of the subscriber profile (SBR 7.1.2.3(h)–(k),
//! (m), 7.1.2.4, RFC 5280 4.2): duplicate extensions, unknown critical extensions, extensions the
//! SBR does not list, smimeCapabilities, subjectDirectoryAttributes and the Adobe extensions.
""",
    "serial": """\
//! Certificate serial numbers (SBR 7.1, RFC 5280 4.1.2.2): positive, at most 20 octets, and with
//! the entropy the SBR requires.
""",
    "structure": """\
//! RFC 5280 certificate structure (incorporated by SBR 7.1.2.4) and the SBR's version rule (SBR
//! 7.1.1): version 3, no extensions or unique identifiers outside v3, a non-empty issuer, valid
//! attribute types in names, no empty SIZE (1..MAX) collections. Serial numbers, validity,
//! signature algorithm fields and duplicate or unknown extensions are in their own topics.
""",
    "subject": """\
//! Subject distinguished name (SBR 7.1.4): the attributes each certificate type shall, may or
//! shall not carry (the tables of SBR 7.1.4.2.3–7.1.4.2.6 and the dependencies of
//! 7.1.4.2.2(j)–(m)); the attribute values (commonName content per type, pseudonym and
//! personal-name exclusivity, emailAddress, countryName, metadata-only values, RFC 5280 upper
//! bounds and encodings, multi-valued RDNs); Natural Person Identifiers in subject:serialNumber
//! (SBR 7.1.4.2.2(g), Appendix A.2, ETSI EN 319 412-1 §5.1.3); and the subject of root and
//! subordinate CA certificates (SBR 7.1.4.3.1).
//!
//! The attribute and value rules also run on SAN directoryName entries (the `san` lints), so
//! their rule functions live in `support`.
""",
}

# Families whose lints are rules for CA certificates; topics receiving them say so.
CA_FAMILIES = ("root_ca", "subordinate_ca")
CA_NOTE = """\
//!
//! Root and subordinate CA certificates have their own lints here (SBR 7.1.2.1, 7.1.2.2), named
//! `…_ca_…`, `…_root_…` or `…_subca_…`.
"""

# Lint name → topic folder, by subject matter whatever the certificate kind.
TOPIC_OF_LINT = {
    # aia.rs
    "w_smime_aia_missing": "aia",
    "e_smime_aia_critical": "aia",
    "w_smime_aia_ca_issuers_missing": "aia",
    "e_smime_aia_ocsp_non_http": "aia",
    "e_smime_aia_ca_issuers_non_http": "aia",
    "e_smime_aia_ocsp_no_http_legacy": "aia",
    "e_smime_aia_ca_issuers_no_http_legacy": "aia",
    "n_smime_aia_unlisted_access_method": "aia",
    # algorithms.rs
    "e_smime_spki_algorithm_encoding_not_allowed": "algorithms",
    "e_smime_pqc_key_before_effective_date": "algorithms",
    "e_smime_signature_algorithm_encoding_not_allowed": "algorithms",
    "e_smime_pqc_signature_before_effective_date": "algorithms",
    # ca_subject.rs
    "e_smime_ca_subject_required_attribute_missing": "subject",
    "e_smime_ca_subject_country_invalid": "subject",
    # chain.rs
    "e_smime_issuer_dn_not_byte_identical": "chain",
    "e_smime_aki_does_not_match_issuer_ski": "chain",
    "e_smime_signature_algorithm_issuer_key_mismatch": "chain",
    "e_smime_signature_invalid": "chain",
    "w_smime_validity_outside_issuer": "chain",
    "e_smime_issued_by_non_compliant_ca": "chain",
    # crldp.rs
    "e_smime_crldp_missing": "crldp",
    "w_smime_crldp_critical": "crldp",
    "e_smime_crldp_no_http_uri": "crldp",
    "e_smime_crldp_non_http_uri": "crldp",
    "w_smime_crldp_non_uri_general_name": "crldp",
    # ct.rs
    "e_ct_precert_tbs_mismatch": "ct",
    "e_ct_chain_invalid": "ct",
    # der.rs
    "e_der_length_not_minimal": "encoding",
    "e_der_indefinite_length": "encoding",
    "e_der_tag_not_minimal": "encoding",
    "e_der_truncated": "encoding",
    "e_der_trailing_data": "encoding",
    "e_der_boolean_not_canonical": "encoding",
    "e_der_integer_not_minimal": "encoding",
    "e_der_wrong_form": "encoding",
    "e_der_unknown_tag": "encoding",
    "e_der_string_invalid": "encoding",
    "e_der_oid_invalid": "encoding",
    "e_der_bit_string_invalid": "encoding",
    "e_der_null_not_empty": "encoding",
    "e_der_set_not_sorted": "encoding",
    "e_der_nesting_too_deep": "encoding",
    "e_der_time_invalid": "encoding",
    "e_der_default_value_encoded": "encoding",
    # eku.rs
    "e_smime_eku_missing": "eku",
    "e_smime_eku_email_protection_missing": "eku",
    "e_smime_eku_strict_extra_purpose": "eku",
    "e_smime_eku_prohibited_purpose": "eku",
    "w_smime_eku_ocsp_signing": "eku",
    "n_smime_eku_additional_purpose": "eku",
    # asn1.rs
    "e_asn1_field_invalid": "encoding",
    # key_identifiers.rs
    "e_smime_aki_missing": "key_identifiers",
    "e_smime_aki_critical": "key_identifiers",
    "e_smime_aki_key_identifier_missing": "key_identifiers",
    "e_smime_aki_issuer_and_serial_present": "key_identifiers",
    "w_smime_ski_missing": "key_identifiers",
    "e_smime_ski_critical": "key_identifiers",
    "n_smime_ski_not_key_derived": "key_identifiers",
    # key_usage.rs
    "e_smime_key_usage_missing": "key_usage",
    "w_smime_key_usage_not_critical": "key_usage",
    "e_smime_key_usage_rsa_strict": "key_usage",
    "e_smime_key_usage_rsa_multipurpose_legacy": "key_usage",
    "e_smime_key_usage_ec": "key_usage",
    "e_smime_key_usage_ec_encipher_and_decipher_only": "key_usage",
    "e_smime_key_usage_eddsa": "key_usage",
    "e_smime_key_usage_ml_dsa": "key_usage",
    "e_smime_key_usage_ml_kem": "key_usage",
    "e_smime_key_usage_ca_bits": "key_usage",
    "e_smime_rfc5280_key_usage_no_bits": "key_usage",
    "e_der_named_bit_list_trailing_zeros": "key_usage",
    # keys.rs
    "e_smime_rsa_public_key_invalid": "keys",
    "e_smime_rsa_modulus_too_small": "keys",
    "e_smime_rsa_modulus_not_multiple_of_8": "keys",
    "e_smime_rsa_public_exponent_invalid": "keys",
    "w_smime_rsa_public_exponent_out_of_range": "keys",
    "w_smime_rsa_modulus_even": "keys",
    "w_smime_rsa_modulus_small_factor": "keys",
    "n_smime_rsa_modulus_too_large_to_examine": "keys",
    "w_smime_rsa_modulus_prime_power": "keys",
    "e_smime_ec_public_key_invalid": "keys",
    "e_smime_eddsa_public_key_invalid": "keys",
    "e_smime_mldsa_public_key_invalid_length": "keys",
    "e_smime_mlkem_public_key_invalid_length": "keys",
    # lei.rs
    "e_smime_lei_extension_prohibited": "organization_identifier",
    "e_smime_lei_role_extension_prohibited": "organization_identifier",
    "e_smime_lei_extension_critical": "organization_identifier",
    "e_smime_lei_role_extension_critical": "organization_identifier",
    "e_smime_lei_value_invalid": "organization_identifier",
    # name_constraints.rs
    "e_smime_rfc5280_name_constraints_no_subtrees": "name_constraints",
    "e_smime_rfc5280_name_constraints_subtree_distance": "name_constraints",
    "e_smime_rfc5280_name_constraints_ip_address_invalid": "name_constraints",
    "w_smime_subca_name_constraints_rfc822_not_domain": "name_constraints",
    "n_smime_subca_name_constraints_directory_name": "name_constraints",
    "e_smime_rfc5280_name_constraints_in_end_entity": "name_constraints",
    # natural_person.rs
    "n_smime_subject_serial_number_npi_scheme": "subject",
    "w_smime_subject_serial_number_npi_outside_sv_iv": "subject",
    # organization_identifier.rs
    "e_smime_subject_org_identifier_encoding": "organization_identifier",
    "e_smime_subject_org_identifier_syntax": "organization_identifier",
    "e_smime_subject_org_identifier_scheme_unknown": "organization_identifier",
    "e_smime_subject_org_identifier_country_invalid": "organization_identifier",
    "e_smime_subject_org_identifier_country_mismatch": "organization_identifier",
    "e_smime_subject_org_identifier_subdivision_invalid": "organization_identifier",
    "e_smime_subject_org_identifier_reference_missing": "organization_identifier",
    "w_smime_subject_org_identifier_gov_int_has_reference": "organization_identifier",
    "e_smime_subject_org_identifier_lei_invalid": "organization_identifier",
    "e_smime_subject_org_identifier_psd_invalid": "organization_identifier",
    "e_smime_subject_org_identifier_euid_invalid": "organization_identifier",
    "w_smime_subject_org_identifier_de_ntr_not_euid": "organization_identifier",
    "e_smime_subject_org_identifier_european_ntr_subdivision": "organization_identifier",
    # policies.rs
    "e_smime_certificate_policies_missing": "policies",
    "e_smime_reserved_policy_oid_missing": "policies",
    "e_smime_multiple_reserved_policy_oids": "policies",
    "w_smime_unlisted_oid_in_smime_arc": "policies",
    "w_smime_reserved_policy_oid_before_publication": "policies",
    "w_smime_certificate_policies_critical": "policies",
    "e_smime_cps_qualifier_not_http_url": "policies",
    "e_smime_user_notice_missing_explicit_text": "policies",
    "e_smime_user_notice_has_notice_ref": "policies",
    "w_smime_subscriber_any_policy_present": "policies",
    "e_smime_legacy_generation_after_sunset": "policies",
    "e_smime_rfc5280_duplicate_policy_oid": "policies",
    "e_smime_rfc5280_explicit_text_encoding": "policies",
    "w_smime_rfc5280_explicit_text_not_utf8": "policies",
    "w_smime_rfc5280_explicit_text_control_characters": "policies",
    "n_smime_policy_qualifier_present": "policies",
    "w_smime_policy_qualifier_unrecognized": "policies",
    "e_smime_rfc5280_any_policy_disallowed_qualifier": "policies",
    # profile.rs
    "e_profile_required_policy_missing": "profile",
    "e_profile_policy_not_allowed": "profile",
    "e_profile_eku_not_allowed": "profile",
    "e_profile_mailbox_domain_not_allowed": "profile",
    # qc_statements.rs
    "e_smime_qc_statements_invalid": "qc_statements",
    # rfc5280.rs
    "e_smime_certificate_not_v3": "structure",
    "e_smime_rfc5280_extensions_in_non_v3_certificate": "structure",
    "e_smime_serial_number_not_positive": "serial",
    "e_smime_serial_number_too_large": "serial",
    "e_smime_signature_algorithm_fields_mismatch": "algorithms",
    "e_smime_rfc5280_validity_time_encoding": "validity",
    "e_smime_rfc5280_validity_not_after_before_not_before": "validity",
    "e_smime_rfc5280_duplicate_extension": "extensions",
    "w_smime_rfc5280_unknown_critical_extension": "extensions",
    "e_smime_rfc5280_unique_identifier_present": "structure",
    "e_smime_rfc5280_issuer_empty": "structure",
    "e_smime_rfc5280_name_attribute_type_invalid": "structure",
    "e_smime_rfc5280_empty_sequence": "structure",
    # root_ca.rs
    "e_smime_ca_basic_constraints_invalid": "basic_constraints",
    "w_smime_root_path_len_present": "basic_constraints",
    "e_smime_ca_key_usage_invalid": "key_usage",
    "n_smime_ca_key_usage_no_digital_signature": "key_usage",
    "w_smime_root_certificate_policies_present": "policies",
    "e_smime_root_eku_present": "eku",
    "e_smime_ca_ski_invalid": "key_identifiers",
    # san.rs
    "e_smime_san_no_mailbox": "san",
    "e_smime_san_general_name_type_prohibited": "san",
    "e_smime_san_other_name_type_strict": "san",
    "n_smime_san_other_name_unvalidated_type": "san",
    "e_smime_subject_mailbox_not_in_san": "san",
    "e_smime_san_directory_name_mailbox_not_in_san": "san",
    "e_smime_san_directory_name_attribute_prohibited": "san",
    "e_smime_san_directory_name_content_invalid": "san",
    "w_smime_san_directory_name_required_attribute_missing": "san",
    "e_smime_rfc822_name_invalid": "san",
    "e_smime_smtp_utf8_mailbox_invalid": "san",
    "e_smime_smtp_utf8_mailbox_ascii_local_part": "san",
    "w_smime_san_mailbox_domain_internal": "san",
    # serial.rs
    "e_smime_serial_number_low_entropy": "serial",
    # subject.rs
    "e_smime_subject_attribute_prohibited": "subject",
    "e_smime_subject_other_attribute_prohibited": "subject",
    "e_smime_subject_required_attribute_missing": "subject",
    "e_smime_subject_natural_person_name_missing": "subject",
    "e_smime_subject_legacy_natural_person_name_missing": "subject",
    "e_smime_subject_street_address_without_locality_or_state": "subject",
    "e_smime_subject_locality_without_country": "subject",
    "e_smime_subject_state_without_country": "subject",
    "e_smime_subject_postal_code_without_country": "subject",
    # subject_values.rs
    "e_smime_subject_pseudonym_with_given_name_or_surname": "subject",
    "e_smime_subject_cn_mailbox_not_in_san": "subject",
    "e_smime_subject_cn_mv_not_mailbox": "subject",
    "e_smime_subject_cn_ov_invalid": "subject",
    "e_smime_subject_cn_pseudonym_mismatch": "subject",
    "w_smime_subject_cn_personal_name_without_name_attributes": "subject",
    "e_smime_subject_email_address_not_single": "subject",
    "e_smime_subject_email_address_invalid": "subject",
    "e_smime_subject_country_name_invalid": "subject",
    "e_smime_subject_attribute_metadata_only": "subject",
    "e_smime_subject_attribute_too_long": "subject",
    "e_smime_subject_attribute_encoding_invalid": "subject",
    "n_smime_subject_given_name_without_surname": "subject",
    "w_smime_subject_given_name_without_surname": "subject",
    "n_smime_subject_rdn_multi_valued": "subject",
    # subordinate_ca.rs
    "e_smime_subca_certificate_policies_missing": "policies",
    "w_smime_subca_certificate_policies_critical": "policies",
    "e_smime_subca_policy_oids_invalid": "policies",
    "n_smime_subca_any_policy_affiliate_only": "policies",
    "e_smime_subca_crldp_invalid": "crldp",
    "w_smime_subca_aia_missing": "aia",
    "e_smime_subca_aia_critical": "aia",
    "w_smime_subca_aia_ca_issuers_http_missing": "aia",
    "w_smime_subca_name_constraints_not_critical": "name_constraints",
    "e_smime_subca_eku_missing": "eku",
    "w_smime_subca_eku_critical": "eku",
    "e_smime_subca_eku_email_protection_missing": "eku",
    "e_smime_subca_eku_prohibited_purpose": "eku",
    "e_smime_subca_aki_invalid": "key_identifiers",
    # subscriber_extensions.rs
    "e_smime_basic_constraints_ca_true": "basic_constraints",
    "e_smime_basic_constraints_path_len_present": "basic_constraints",
    "e_smime_san_missing": "san",
    "w_smime_san_critical_with_subject": "san",
    "e_smime_san_not_critical_empty_subject": "san",
    "e_smime_smime_capabilities_critical": "extensions",
    "e_smime_subject_directory_attributes_prohibited": "extensions",
    "e_smime_subject_directory_attributes_critical": "extensions",
    "w_smime_subject_directory_attributes_mailbox_validated": "extensions",
    "e_smime_qc_statements_critical": "qc_statements",
    "e_smime_adobe_extensions_strict": "extensions",
    "e_smime_adobe_extensions_critical": "extensions",
    "e_smime_adobe_timestamp_invalid": "extensions",
    "n_smime_unlisted_extension": "extensions",
    # validity.rs
    "e_smime_validity_exceeds_825_days": "validity",
    "e_smime_validity_exceeds_1185_days": "validity",
    "w_smime_validity_at_maximum": "validity",
}


class SplitError(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# A small Rust lexer: enough to find item boundaries and identifiers.

TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<doc_inner>//![^\n]*)
  | (?P<comment>//[^\n]*)
  | (?P<block>/\*)
  | (?P<rawstr>b?r\#*")
  | (?P<str>b?")
  | (?P<char>b?'(?:\\(?:x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|.)|[^\\'\n])')
  | (?P<lifetime>'[A-Za-z_][A-Za-z0-9_]*)
  | (?P<ident>r\#[A-Za-z_][A-Za-z0-9_]*|[A-Za-z_][A-Za-z0-9_]*)
  | (?P<num>[0-9][0-9A-Za-z_]*(?:\.[0-9][0-9A-Za-z_]*)?)
  | (?P<punct>::|.)
    """,
    re.X | re.S,
)


class Tok:
    __slots__ = ("kind", "text", "start", "end")

    def __init__(self, kind, text, start, end):
        self.kind, self.text, self.start, self.end = kind, text, start, end

    def __repr__(self):
        return f"{self.kind}:{self.text!r}"


def lex(src):
    toks, i, n = [], 0, len(src)
    while i < n:
        m = TOKEN_RE.match(src, i)
        kind = m.lastgroup
        if kind == "block":
            depth, j = 1, i + 2
            while depth and j < n:
                if src.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif src.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            toks.append(Tok("comment", src[i:j], i, j))
            i = j
            continue
        if kind == "rawstr":
            hashes = m.group(kind).count("#")
            close = '"' + "#" * hashes
            j = src.find(close, m.end())
            if j < 0:
                raise SplitError(f"unterminated raw string at {i}")
            j += len(close)
            toks.append(Tok("str", src[i:j], i, j))
            i = j
            continue
        if kind == "str":
            j = m.end()
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            j += 1
            toks.append(Tok("str", src[i:j], i, j))
            i = j
            continue
        if kind != "ws":
            toks.append(Tok(kind, m.group(kind), i, m.end()))
        i = m.end()
    return toks


OPEN, CLOSE = "([{", ")]}"


# ---------------------------------------------------------------------------------------------
# Items


class Item:
    def __init__(self, kind, name, start, end, body_toks, src):
        self.kind = kind  # fn, const, static, struct, enum, impl, trait, type, mod, use, macro, lint, call
        self.name = name
        self.start, self.end = start, end  # text span including leading docs/attrs/comments
        self.toks = body_toks
        self.text = src[start:end]
        self.lint = None  # lint name for lint! blocks
        self.check = None
        self.is_test = False
        self.refs = set()  # identifiers used
        self.alias_refs = set()  # (alias, ident) pairs of `alias::ident`

    def __repr__(self):
        return f"<{self.kind} {self.name}>"


def parse_items(src, toks, lo, hi):
    """Top-level items among toks[lo:hi]. Returns (module_docs, items)."""
    docs, items = [], []
    i = lo
    pending = None  # index of first leading comment/attribute
    while i < hi:
        t = toks[i]
        if t.kind == "doc_inner":
            docs.append(t.text)
            i += 1
            continue
        if t.kind == "comment" or (t.text == "#" and i + 1 < hi and toks[i + 1].text == "["):
            if pending is None:
                pending = i
            if t.kind == "comment":
                i += 1
            else:
                i = match_close(toks, i + 1) + 1
            continue
        start_tok = pending if pending is not None else i
        pending = None
        # keywords
        j = i
        vis = []
        while toks[j].text in ("pub", "unsafe", "async", "extern") or (
            toks[j].text == "const" and toks[j + 1].text == "fn"
        ):
            if toks[j].text == "pub" and toks[j + 1].text == "(":
                j = match_close(toks, j + 1)
            j += 1
        kw = toks[j].text
        kind, name = None, None
        if kw in ("fn", "const", "static", "struct", "enum", "trait", "type", "mod", "union"):
            kind = kw
            k = j + 1
            if toks[k].text == "mut":
                k += 1
            name = toks[k].text
        elif kw == "impl":
            kind = "impl"
            name = impl_self_type(toks, j + 1)
        elif kw == "use":
            kind = "use"
        elif kw == "macro_rules":
            kind, name = "macro", toks[j + 2].text
        elif toks[j].kind == "ident" and toks[j + 1].text == "!":
            kind = "lint" if kw == "lint" else "call"
        else:
            raise SplitError(f"unexpected token {toks[j].text!r} at byte {toks[j].start}")
        end = item_end(toks, j, hi, kind)
        # Extend the start over the line's indentation, the end over the newline.
        s = toks[start_tok].start
        while s > 0 and src[s - 1] in " \t":
            s -= 1
        e = toks[end].end
        if e < len(src) and src[e] == "\n":
            e += 1
        item = Item(kind, name, s, e, toks[start_tok:end + 1], src)
        item.prev = items[-1] if items else None
        item.blank_before = item.prev is None or "\n" in src[item.prev.end:s]
        if kind == "lint":
            item.lint = lint_field(toks[j:end + 1], "name", "str")[1:-1]
            item.check = lint_field(toks[j:end + 1], "check", "ident")
            item.name = item.lint
        if kind == "mod" and toks[end].text == "}":
            item.inner = (j + 3, end)  # tokens between the braces
        items.append(item)
        i = end + 1
    return docs, items


def match_close(toks, i):
    depth = 0
    for k in range(i, len(toks)):
        x = toks[k].text
        if toks[k].kind == "punct" and x in OPEN:
            depth += 1
        elif toks[k].kind == "punct" and x in CLOSE:
            depth -= 1
            if depth == 0:
                return k
    raise SplitError("unbalanced brackets")


def item_end(toks, j, hi, kind):
    depth = 0
    for k in range(j, hi):
        t = toks[k]
        if t.kind != "punct":
            continue
        if t.text in OPEN:
            depth += 1
        elif t.text in CLOSE:
            depth -= 1
            if depth == 0 and t.text == "}" and kind not in ("const", "static", "type", "use"):
                if k + 1 < hi and toks[k + 1].text == ";" and kind in ("call", "lint"):
                    return k + 1
                return k
        elif t.text == ";" and depth == 0:
            return k
    raise SplitError(f"item at byte {toks[j].start} does not end")


def impl_self_type(toks, k):
    if toks[k].text == "<":
        depth = 0
        while True:
            if toks[k].text == "<":
                depth += 1
            elif toks[k].text == ">":
                depth -= 1
                if depth == 0:
                    break
            k += 1
        k += 1
    first = None
    while toks[k].text not in ("{", "where"):
        if toks[k].text == "for":
            first = None
        elif first is None and toks[k].kind == "ident" and toks[k].text not in ("dyn", "mut"):
            first = toks[k].text
        k += 1
    return first


def lint_field(toks, field, kind):
    for k in range(len(toks) - 2):
        if toks[k].text == field and toks[k + 1].text == ":" and toks[k + 2].kind == kind:
            return toks[k + 2].text
    raise SplitError(f"lint! without {field}")


def collect_refs(item):
    toks = item.toks
    for k, t in enumerate(toks):
        if t.kind != "ident":
            continue
        prev = toks[k - 1].text if k else ""
        nxt = toks[k + 1].text if k + 1 < len(toks) else ""
        if prev == ".":
            continue
        if nxt == ":" and prev not in ("::",):
            continue
        item.refs.add(t.text)
        if nxt == "::" and k + 2 < len(toks) and toks[k + 2].kind == "ident":
            item.alias_refs.add((t.text, toks[k + 2].text))
    if item.name:
        item.refs.discard(item.name)


# ---------------------------------------------------------------------------------------------
# use trees


def flatten_use(text):
    """`use a::{b, c as d};` → [(["a", "b"], "b"), (["a", "c"], "d")]; globs bind "*"."""
    body = text.strip()
    body = re.sub(r"^(pub(\([^)]*\))?\s+)?use\s+", "", body).rstrip(";").strip()
    toks = [t for t in re.findall(r"::|[A-Za-z_][A-Za-z0-9_]*|\*|[{},]", body)]
    out = []

    def tree(k, prefix):
        path = list(prefix)
        while k < len(toks):
            t = toks[k]
            if t == "::":
                k += 1
            elif t == "{":
                k += 1
                while toks[k] != "}":
                    k = tree(k, path)
                    if toks[k] == ",":
                        k += 1
                return k + 1
            elif t in (",", "}"):
                break
            elif t == "as":
                out.append((path, toks[k + 1]))
                return k + 2
            elif t == "*":
                out.append((path + ["*"], "*"))
                return k + 1
            else:
                path = path + [t]
                k += 1
        if path and path[-1] != "*":
            bound = path[-2] if path[-1] == "self" else path[-1]
            p = path[:-1] if path[-1] == "self" else path
            out.append((p, bound))
        return k

    tree(0, [])
    return out


def render_uses(flat, indent=""):
    """Groups flattened imports by parent path."""
    groups = OrderedDict()
    for path, bound in flat:
        parent, leaf = "::".join(path[:-1]), path[-1]
        if bound not in ("*", leaf):
            leaf = f"{leaf} as {bound}"
        groups.setdefault(parent, [])
        if leaf not in groups[parent]:
            groups[parent].append(leaf)
    lines = []
    for parent in sorted(groups):
        leaves = groups[parent]
        if len(leaves) == 1:
            lines.append(f"{indent}use {parent}::{leaves[0]};")
        else:
            lines.append(f"{indent}use {parent}::{{{', '.join(sorted(leaves))}}};")
    return "\n".join(lines) + ("\n" if lines else "")


# ---------------------------------------------------------------------------------------------
# Families


class Family:
    def __init__(self, name, src):
        self.name, self.src = name, src
        toks = lex(src)
        self.docs, items = parse_items(src, toks, 0, len(toks))
        self.uses, self.items, self.tests, self.test_helpers, self.test_uses = [], [], [], [], []
        self.test_attrs = ""
        for it in items:
            if it.kind == "use":
                self.uses += flatten_use(it.text)
            elif it.kind == "mod" and it.name == "tests":
                self.parse_tests(it, toks)
            else:
                collect_refs(it)
                self.items.append(it)
        self.lints = [it for it in self.items if it.kind == "lint"]
        self.by_name = {}
        for it in self.items:
            if it.name and it.kind != "lint":
                self.by_name.setdefault(it.name, []).append(it)

    def parse_tests(self, mod, toks):
        lo, hi = mod.inner
        first = next(k for k, t in enumerate(toks) if t.start >= mod.toks[0].start)
        header = self.src[mod.start:toks[lo - 1].start]
        self.test_attrs = "".join(
            line + "\n" for line in header.splitlines()
            if line.strip().startswith("#[") and "cfg(test)" not in line
        )
        _, inner = parse_items(self.src, toks, lo, hi)
        for it in inner:
            if it.kind == "use":
                self.test_uses += flatten_use(it.text)
                continue
            collect_refs(it)
            if it.kind == "fn" and "#[test]" in it.text[: it.text.index("fn " + it.name)]:
                it.is_test = True
                self.tests.append(it)
            else:
                self.test_helpers.append(it)
        self.test_by_name = {}
        for it in self.test_helpers:
            if it.name:
                self.test_by_name.setdefault(it.name, []).append(it)


def load_families():
    fams = OrderedDict()
    for fn in sorted(os.listdir(SRC)):
        if not fn.endswith(".rs") or fn in ("lib.rs", "prelude.rs"):
            continue
        name = fn[:-3]
        if name not in FAMILY_HOME and name not in HELPER_FAMILIES:
            raise SplitError(
                f"{SRC}/{fn}: unknown family; add it to FAMILY_HOME (a rule family) or to "
                "HELPER_FAMILIES (helpers without lints)"
            )
        with open(os.path.join(SRC, fn)) as f:
            fams[name] = f.read()
    return fams


# ---------------------------------------------------------------------------------------------
# Placement. A destination is ("file", topic, lint), ("mod", topic), ("support", family),
# ("tests", topic, lint) or ("test_support", family).

SUPPORT = ("support",)


class Plan:
    def __init__(self, fams):
        self.fams = OrderedDict((n, Family(n, s)) for n, s in fams.items() if n not in HELPER_FAMILIES)
        self.helpers = OrderedDict((n, s) for n, s in fams.items() if n in HELPER_FAMILIES)
        self.dest = {}  # id(item) -> destination
        self.notes = []
        self.multi_lint_tests = []
        self.topic_tests = []
        self.assign_lints()
        self.cross_refs()
        for f in self.fams.values():
            self.place(f)

    def assign_lints(self):
        unknown = [
            (f.name, it.lint) for f in self.fams.values() for it in f.lints if it.lint not in TOPIC_OF_LINT
        ]
        if unknown:
            raise SplitError(
                "lints missing from TOPIC_OF_LINT in scripts/split_lints.py: "
                + ", ".join(f"{n} ({fam}.rs)" for fam, n in unknown)
            )
        found = {it.lint for f in self.fams.values() for it in f.lints}
        for n in TOPIC_OF_LINT:
            if n not in found:
                self.notes.append(f"mapped lint not found (skipped): {n}")
        for f in self.fams.values():
            for it in f.lints:
                self.dest[id(it)] = ("file", TOPIC_OF_LINT[it.lint], it.lint)

    def aliases(self, f):
        """Names under which family f reaches other families' items."""
        al = {n: n for n in list(self.fams) + list(self.helpers)}
        for path, bound in f.uses:
            if len(path) == 2 and path[0] == "super" and path[1] in al:
                al[bound] = path[1]
        return al

    def cross_refs(self):
        self.external = {n: set() for n in self.fams}
        for f in self.fams.values():
            al = self.aliases(f)
            for path, bound in f.uses + f.test_uses:
                if len(path) == 3 and path[0] == "super" and path[1] in self.fams:
                    self.external[path[1]].add(path[2])
            for it in f.items + f.tests + f.test_helpers:
                for a, x in it.alias_refs:
                    g = al.get(a)
                    if g in self.fams and g != f.name:
                        self.external[g].add(x)

    def place(self, f):
        roots = {}  # id(item) -> set of destinations of roots reaching it

        def reach(start_items, root, scope_tests):
            stack = list(start_items)
            seen = set()
            while stack:
                it = stack.pop()
                if id(it) in seen:
                    continue
                seen.add(id(it))
                roots.setdefault(id(it), set()).add(root)
                for name in it.refs:
                    targets = []
                    if scope_tests and name in f.test_by_name:
                        targets = f.test_by_name[name]
                    elif name in f.by_name:
                        targets = f.by_name[name]
                    stack += [t for t in targets if id(t) not in seen]
                if it.kind == "lint":
                    stack += f.by_name.get(it.check, [])

        for it in f.lints:
            reach([it], self.dest[id(it)], False)
        for name in self.external[f.name]:
            reach(f.by_name.get(name, []), SUPPORT, False)
        lint_order = [it.lint for it in f.lints]
        for t in f.tests:
            strings = {tok.text[1:-1] for tok in t.toks if tok.kind == "str"}
            for name in t.refs:  # lint names held in test constants
                for h in f.test_by_name.get(name, []):
                    if h.kind in ("const", "static"):
                        strings |= {tok.text[1:-1] for tok in h.toks if tok.kind == "str"}
            named = [n for n in lint_order if n in strings]
            if len(named) > 1:
                self.multi_lint_tests.append(f"{f.name}::{t.name} → {named[0]} (also {', '.join(named[1:])})")
            if named:
                dest = ("tests", TOPIC_OF_LINT[named[0]], named[0])
            else:
                topic = FAMILY_HOME[f.name] or TOPIC_OF_LINT[lint_order[0]]
                self.topic_tests.append(f"{f.name}::{t.name} → {topic}/mod.rs")
                dest = ("tests", topic, None)
            self.dest[id(t)] = dest
            reach([t], dest, True)
        for it in f.items + f.test_helpers:
            if id(it) in self.dest:
                continue
            r = roots.get(id(it), set())
            is_test = it in f.test_helpers
            if not r:
                self.notes.append(f"unused item {f.name}::{it.name} placed in support")
                self.dest[id(it)] = ("test_support", f.name) if is_test else ("support", f.name)
                continue
            files = {x[1:] for x in r if x != SUPPORT}
            topics = {x[0] for x in files}
            if is_test:
                self.dest[id(it)] = ("tests",) + next(iter(files)) if len(files) == 1 else ("test_support", f.name)
            elif SUPPORT in r or len(topics) > 1:
                self.dest[id(it)] = ("support", f.name)
            elif len(files) > 1:
                self.dest[id(it)] = ("mod", next(iter(topics)))
            else:
                topic, lint = next(iter(files))
                self.dest[id(it)] = ("file", topic, lint) if lint else ("mod", topic)


# ---------------------------------------------------------------------------------------------
# Generation


def code_start(item):
    """Offset in item.text of the first token after docs, comments and attributes."""
    toks, k = item.toks, 0
    while k < len(toks):
        if toks[k].kind == "comment":
            k += 1
        elif toks[k].text == "#" and toks[k + 1].text == "[":
            k = match_close(toks, k + 1) + 1
        else:
            break
    return toks[k].start - item.start


VIS_RE = re.compile(r"pub(\([^)]*\))?\s+")


def publicize(item):
    """The item's text with pub(crate) visibility, for modules outside its topic."""
    text, k = item.text, code_start(item)
    head, rest = text[:k], text[k:]
    if item.kind == "impl":
        if re.match(r"impl\b[^{]*\bfor\b", rest):
            return text
        rest = re.sub(r"(?m)^(    )(pub(\([^)]*\))?\s+)?((const\s+)?fn )", r"\1pub(crate) \4", rest)
        return head + rest
    rest = VIS_RE.sub("", rest, count=1) if VIS_RE.match(rest) else rest
    rest = "pub(crate) " + rest
    if item.kind == "struct" and "{" in rest.split("\n")[0]:
        rest = re.sub(r"(?m)^(    )(pub(\([^)]*\))?\s+)?([a-z_][a-z0-9_]*:)", r"\1pub(crate) \4", rest)
    return head + rest


# Section banners of a family file (a title between two rules) mean nothing in a one-lint file.
BANNER_RE = re.compile(r"\A(?:[ \t]*// -{20,}\n(?:[ \t]*//[^\n]*\n)*?[ \t]*// -{20,}\n\n?)+")


class Module:
    def __init__(self, key):
        self.key = key
        self.parts = []  # (family, item)
        self.test_parts = []  # (family, item) of the test module


def module_path(key):
    kind = key[0]
    if kind == "support":
        return f"crate::support::{key[1]}"
    if kind == "test_support":
        return f"crate::test_support::{key[1]}"
    if kind == "mod":
        return f"crate::{key[1]}"
    raise SplitError(f"no path to {key}")


class Generator:
    def __init__(self, plan):
        self.plan = plan
        self.modules = OrderedDict()
        self.pub_crate = set()  # ids of topic items used outside their topic
        for f in plan.fams.values():
            for it in f.items:
                self.module(plan.dest[id(it)], False).parts.append((f, it))
            for it in f.tests + f.test_helpers:
                d = plan.dest[id(it)]
                if d[0] == "tests":
                    self.module(("mod", d[1]) if d[2] is None else ("file", d[1], d[2]), True).test_parts.append((f, it))
                else:
                    self.module(d, False).parts.append((f, it))
        self.topics = sorted({k[1] for k in self.modules if k[0] in ("file", "mod")})
        for t in self.topics:
            self.module(("mod", t), False)

    def module(self, key, test):
        if key[0] == "tests":
            key = ("mod", key[1]) if key[2] is None else ("file", key[1], key[2])
        if key not in self.modules:
            self.modules[key] = Module(key)
        return self.modules[key]

    def topic_of(self, key):
        return key[1] if key[0] in ("file", "mod") else None

    def locate(self, f, name, test_scope, here, in_tests):
        """Import path for family item `name` used in module `here`, or None if visible already."""
        items = []
        if test_scope:
            items = f.test_by_name.get(name, [])
        if not items:
            items = f.by_name.get(name, [])
        if not items:
            return None
        d = self.plan.dest[id(items[0])]
        if d[0] == "tests":
            d = ("mod", d[1]) if d[2] is None else ("file", d[1], d[2])
            if d == here and in_tests:
                return None
            if d == here:
                return None
            raise SplitError(f"{f.name}::{name} is a test item needed outside its test module")
        if d == here:
            return None
        if d[0] in ("support", "test_support"):
            return module_path(d)
        if d[0] == "mod":
            if self.topic_of(here) == d[1]:
                return None
            for it in items:
                self.pub_crate.add(id(it))
            return module_path(d)
        if d[0] == "file" and here == d and in_tests:
            return None
        raise SplitError(f"{f.name}::{name} ({d}) is not reachable from {here}")

    def rewrite(self, f, text, here, in_tests):
        fams = "|".join(sorted(list(self.plan.fams) + list(self.plan.helpers), key=len, reverse=True))
        text = re.sub(rf"\b(?:super::)+({fams})\b(?=::)", r"crate::support::\1", text)

        def sup(m):
            path = self.locate(f, m.group(1), in_tests, here, in_tests)
            return f"{path}::{m.group(1)}" if path else m.group(0)

        if in_tests or here[0] == "test_support":
            text = re.sub(r"\bsuper::([A-Za-z_][A-Za-z0-9_]*)\b(?!::)", sup, text)
        return text

    def imports(self, parts, here, in_tests):
        """Explicit imports for `parts`: the families' `use` lines (the compiler drops the unused
        ones later) and the family items that live in another module."""
        test_code = in_tests or here[0] == "test_support"
        flat = []
        bound = {it.name for _, it in parts if it.name and it.kind != "macro"}
        glob_names = self.glob_visible_names(here)

        def add(path, b):
            if b == "*" or b not in bound:
                if b != "*":
                    bound.add(b)
                flat.append((path, b))

        for f in OrderedDict((f.name, f) for f, _ in parts).values():
            idents = set()
            for g, it in parts:
                if g is f:
                    idents |= it.refs
            own = set(f.by_name) | (set(f.test_by_name) if test_code else set())
            if test_code:
                for name in sorted(idents):
                    if name in f.test_by_name:
                        p = self.locate(f, name, True, here, in_tests)
                        if p:
                            add(p.split("::") + [name], name)
            uses = (f.test_uses if test_code else []) + f.uses
            for path, b in uses:
                if path[0] == "super" and (path[1] == "*" or path[1] == "prelude"):
                    continue
                if path[0] == "super" and path[1] in list(self.plan.fams) + list(self.plan.helpers):
                    path = ["crate", "support"] + path[1:]
                elif path[0] == "super":
                    continue  # family items: located below
                elif path[0] in f.by_name:
                    d = self.plan.dest[id(f.by_name[path[0]][0])]
                    if d == here:
                        path = (["super"] if in_tests else []) + path
                    else:
                        self.locate(f, path[0], False, here, in_tests)
                        path = module_path(d).split("::") + path
                if path in (["super", path[-1]], [path[-1]]):
                    continue
                add(path, b)
                if b == "*":
                    # Names the family took from this glob that another family's topic helper
                    # would make ambiguous.
                    for name in sorted(idents & glob_names - own):
                        add(path[:-1] + [name], name)
            for name in sorted(idents):
                if name in f.by_name:
                    p = self.locate(f, name, False, here, in_tests)
                    if p:
                        add(p.split("::") + [name], name)
        return flat

    def glob_visible_names(self, here):
        """Names of topic helpers a module sees through `use super::*`."""
        topic = self.topic_of(here)
        if topic is None or ("mod", topic) not in self.modules:
            return set()
        return {it.name for _, it in self.modules[("mod", topic)].parts if it.name}

    @staticmethod
    def join(texts_items):
        """Item texts, a blank line between them unless they were adjacent in the family file."""
        out, prev = [], None
        for text, it in texts_items:
            if out and not (it.prev is prev and not it.blank_before):
                out.append("\n")
            out.append(text)
            prev = it
        return "".join(out)

    def item_text(self, f, it, here, in_tests):
        text = publicize(it) if here[0] in ("support", "test_support") or id(it) in self.pub_crate else it.text
        text = BANNER_RE.sub("", text)
        return self.rewrite(f, text, here, in_tests)

    def render(self, key):
        m = self.modules[key]
        out = []
        if key[0] == "mod":
            out.append(self.topic_docs(key[1]))
            out.append("use crate::prelude::*;\n")
        elif key[0] == "file":
            out.append("use super::*;\n")
        elif key[0] == "support":
            out.append(f"//! Helpers of the {key[1].replace('_', ' ')} rules that other topics use too.\n\n")
            out.append("use crate::prelude::*;\n")
        elif key[0] == "test_support":
            out.append(f"//! Test certificates of the {key[1].replace('_', ' ')} rules, shared by several lints.\n\n")
            out.append("use crate::prelude::*;\n")
        body = self.join((self.item_text(f, it, key, False), it) for f, it in m.parts)
        uses = render_uses(self.imports(m.parts, key, False))
        out.append(uses)
        out.append("\n")
        out.append(body)
        if key[0] == "mod":
            lints = sorted(k[2] for k in self.modules if k[0] == "file" and k[1] == key[1])
            out.append("\n" + "".join(f"mod {n};\n" for n in lints))
        groups = OrderedDict()
        for f, it in m.test_parts:
            groups.setdefault(f.name, []).append((f, it))
        for n, (fam, parts) in enumerate(groups.items()):
            # Tests from several families keep apart: their helpers may share names.
            name = "tests" if n == 0 else f"{fam}_tests"
            attrs = parts[0][0].test_attrs
            out.append(f"\n#[cfg(test)]\n{attrs}mod {name} {{\n    use super::*;\n")
            out.append(render_uses(self.imports(parts, key, True), "    "))
            out.append("\n")
            out.append(self.join((self.rewrite(f, BANNER_RE.sub("", it.text), key, True), it) for f, it in parts))
            out.append("}\n")
        return "".join(out)

    def topic_docs(self, topic):
        if topic in TOPIC_DOCS:
            return TOPIC_DOCS[topic] + "\n"
        docs = []
        for f in self.plan.fams.values():
            if FAMILY_HOME.get(f.name) == topic and f.docs:
                if docs:
                    docs.append("//!")
                docs += f.docs
        if not docs:
            raise SplitError(f"topic {topic} has no docs: add it to TOPIC_DOCS or FAMILY_HOME")
        text = "\n".join(docs) + "\n"
        # File names of families become topic folders.
        text = re.sub(
            r"\b(?:lints/)?(?:src/)?([a-z_0-9]+)\.rs\b",
            lambda m: f"{FAMILY_HOME[m.group(1)]}/" if FAMILY_HOME.get(m.group(1)) else m.group(0),
            text,
        )
        ca = any(
            TOPIC_OF_LINT[it.lint] == topic for n in CA_FAMILIES if n in self.plan.fams
            for it in self.plan.fams[n].lints
        )
        if ca and FAMILY_HOME.get(topic) not in CA_FAMILIES and topic != "basic_constraints":
            text += CA_NOTE
        return text + "\n"

    def files(self):
        out = OrderedDict()
        # Render files first: rendering marks topic items that need pub(crate).
        order = sorted(self.modules, key=lambda k: (k[0] == "mod", k))
        for _ in range(2):
            for key in order:
                out[self.path(key)] = self.render(key)
            self.close_pub_crate()
        return out

    def close_pub_crate(self):
        """Topic items named in the signature or body of a pub(crate) one become pub(crate) too."""
        changed = True
        while changed:
            changed = False
            for key, m in self.modules.items():
                if key[0] != "mod":
                    continue
                for f, it in m.parts:
                    if id(it) not in self.pub_crate:
                        continue
                    for name in it.refs:
                        for dep in f.by_name.get(name, []):
                            if self.plan.dest[id(dep)] == key and id(dep) not in self.pub_crate:
                                self.pub_crate.add(id(dep))
                                changed = True

    def path(self, key):
        if key[0] == "file":
            return f"{SRC}/{key[1]}/{key[2]}.rs"
        if key[0] == "mod":
            return f"{SRC}/{key[1]}/mod.rs"
        return f"{SRC}/{key[0]}/{key[1]}.rs"


LIB_DOCS = """//! The rulebook: one folder per topic, one file per lint. Each lint is declared with
//! [`smimelint_engine::lint!`] and registered automatically; its `mod` line in the topic's
//! `mod.rs` is all it takes.
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def split():
    if os.path.exists(f"{SRC}/support"):
        raise SplitError(f"{SRC} is split already; run on the family layout")
    plan = Plan(load_families())
    gen = Generator(plan)
    files = gen.files()
    for name in list(plan.fams) + list(plan.helpers):
        os.remove(f"{SRC}/{name}.rs")
    for path, text in files.items():
        write(path, text)
    sup = sorted(set(plan.helpers) | {k[1] for k in gen.modules if k[0] == "support"})
    for name, text in plan.helpers.items():
        text = text.replace("pub(super) ", "pub(crate) ").replace("super::prelude::", "crate::prelude::")
        write(f"{SRC}/support/{name}.rs", text)
    write(
        f"{SRC}/support/mod.rs",
        "//! Helpers without lints of their own, and the helpers of one topic that others use too.\n\n"
        + "".join(f"pub(crate) mod {n};\n" for n in sup),
    )
    tsup = sorted(k[1] for k in gen.modules if k[0] == "test_support")
    if tsup:
        write(
            f"{SRC}/test_support/mod.rs",
            "//! Test certificates shared by the tests of several lints.\n\n"
            + "".join(f"pub(crate) mod {n};\n" for n in tsup),
        )
    lib = LIB_DOCS + "\nmod prelude;\nmod support;\n"
    if tsup:
        lib += "#[cfg(test)]\nmod test_support;\n"
    lib += "\n" + "".join(f"pub mod {t};\n" for t in gen.topics)
    write(f"{SRC}/lib.rs", lib)
    return plan, gen


def report(plan, gen):
    counts = {}
    for k in gen.modules:
        if k[0] == "file":
            counts[k[1]] = counts.get(k[1], 0) + 1
    print(f"{sum(counts.values())} lints in {len(counts)} topics:")
    for t in sorted(counts):
        print(f"  {t}/: {counts[t]}")
    print(f"tests naming several lints (placed with the first declared): {len(plan.multi_lint_tests)}")
    for x in plan.multi_lint_tests:
        print("  " + x)
    print(f"tests naming no lint (placed in the topic's mod.rs): {len(plan.topic_tests)}")
    for x in plan.topic_tests:
        print("  " + x)
    for n in plan.notes:
        print("note: " + n)


# ---------------------------------------------------------------------------------------------
# Unused imports, found by the compiler


def cleanup(rounds=5):
    for _ in range(rounds):
        proc = subprocess.run(
            ["cargo", "check", "-p", "smimelint-lints", "--all-targets", "--message-format", "json"],
            capture_output=True, text=True,
        )
        edits, errors = {}, []
        for line in proc.stdout.splitlines():
            try:
                msg = json.loads(line)
            except ValueError:
                continue
            if msg.get("reason") != "compiler-message":
                continue
            d = msg["message"]
            if d["level"] == "error":
                errors.append(d["rendered"])
            code = (d.get("code") or {}).get("code")
            if code != "unused_imports":
                if d["level"] == "warning":
                    errors.append(d["rendered"])
                continue
            for child in d["children"]:
                for sp in child["spans"]:
                    if sp.get("suggested_replacement") is not None:
                        edits.setdefault(sp["file_name"], set()).add(
                            (sp["byte_start"], sp["byte_end"], sp["suggested_replacement"])
                        )
        if errors:
            sys.stderr.write("".join(dict.fromkeys(errors)))
            raise SplitError("cargo check reported errors or other warnings")
        if not edits:
            return
        for path, es in edits.items():
            data = open(path, "rb").read()
            last = len(data) + 1
            for s, e, rep in sorted(es, reverse=True):
                if e > last:
                    continue  # overlaps an edit applied this round; the next round redoes it
                data = data[:s] + rep.encode() + data[e:]
                last = s
            open(path, "wb").write(data)
    raise SplitError("unused imports remain after several rounds")


if __name__ == "__main__":
    try:
        plan, gen = split()
        report(plan, gen)
        if "--no-cleanup" not in sys.argv:
            cleanup()
    except SplitError as e:
        sys.exit(f"split_lints: {e}")
