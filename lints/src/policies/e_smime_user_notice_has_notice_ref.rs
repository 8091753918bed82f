use super::*;

fn check_user_notice_has_notice_ref(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let mut seen = false;
    let mut found = Vec::new();
    for (p, notice) in user_notices(list) {
        seen = true;
        if notice.notice_ref.is_some() {
            found.push(format!(
                "policy {}: the UserNotice contains a noticeRef",
                oid::dotted(p.oid)
            ));
        }
    }
    if !seen {
        return Outcome::NotApplicable;
    }
    report(found)
}

lint! {
    /// ## What it checks
    /// No UserNotice policy qualifier contains the `noticeRef` field. Checked in subscriber and
    /// CA certificates.
    ///
    /// ## Why
    /// SBR 7.1.2.3(a) and 7.1.2.2(a): a user notice SHALL NOT contain noticeRef. The notice
    /// reference points to text kept outside the certificate that relying parties have no
    /// standard way to obtain; RFC 5280 4.2.1.4 already asks CAs not to use it (SHOULD NOT).
    /// This lint reports both requirements at the SBR's level.
    ///
    /// ## Example
    /// A UserNotice `SEQUENCE { noticeRef SEQUENCE { "Example CA", { 1 } }, explicitText … }`.
    E_SMIME_USER_NOTICE_HAS_NOTICE_REF {
        name: "e_smime_user_notice_has_notice_ref",
        description: "A UserNotice policy qualifier contains noticeRef",
        citation: "SBR 7.1.2.3(a), 7.1.2.2(a); RFC 5280 4.2.1.4",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "cabf.smime.usernotice_has_noticeref",
            "pkix.certificate_policies_usernotice_has_noticeref",
        ],
        zlint: ["w_ext_cert_policy_contains_noticeref"],
        catalog: ["e_smime_user_notice_has_notice_ref"],
        applies: Applies::ALL,
        check: check_user_notice_has_notice_ref,
    }
}
