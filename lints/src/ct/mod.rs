//! Certificate Transparency log entries: findings the CT reader makes while taking an entry
//! apart (`smimelint ct`), reported under these names.

use crate::prelude::*;

fn produced_by_ct_reader(_: &LintContext<'_>) -> Outcome {
    // The CT reader attaches these findings to the entry's record; a certificate alone has
    // nothing to check.
    Outcome::Pass
}

mod e_ct_chain_invalid;
mod e_ct_precert_tbs_mismatch;
