//! Named sample CRLs and OCSP responses for differential runs against other linters: a good one
//! of each kind (and a few good variants), then one per single defect, each with a line saying
//! what its one defect is.

mod crl_samples;
mod ocsp_samples;

use std::io;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Crl,
    Ocsp,
}

impl Kind {
    /// File extension of the DER files.
    pub fn extension(self) -> &'static str {
        match self {
            Kind::Crl => "crl",
            Kind::Ocsp => "ocsp",
        }
    }
}

/// One sample: a name (`crl-good…`, `crl-bad-…`, `ocsp-good…`, `ocsp-bad-…`), what is wrong
/// with it, and its DER.
#[derive(Clone, Debug)]
pub struct RevocationSample {
    pub name: String,
    pub kind: Kind,
    /// The one defect (or, for a good sample, what it shows).
    pub description: &'static str,
    pub der: Vec<u8>,
}

impl RevocationSample {
    pub fn is_good(&self) -> bool {
        self.name.contains("-good")
    }

    pub fn pem(&self) -> String {
        let label = match self.kind {
            Kind::Crl => "X509 CRL",
            Kind::Ocsp => "OCSP RESPONSE",
        };
        crate::pem(label, &self.der)
    }
}

/// Every sample, CRLs first, in a stable order.
pub fn revocation_samples() -> Vec<RevocationSample> {
    let mut out = crl_samples::samples();
    out.extend(ocsp_samples::samples());
    out
}

/// Writes every sample as `<name>.crl` or `<name>.ocsp` (DER) into `dir` (created if needed),
/// and `index.tsv` with one `file<TAB>description` line per sample. Returns the DER files.
pub fn write_revocation_samples(dir: &Path) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut index = String::new();
    let mut files = Vec::new();
    for s in revocation_samples() {
        let file = format!("{}.{}", s.name, s.kind.extension());
        std::fs::write(dir.join(&file), &s.der)?;
        index.push_str(&format!("{file}\t{}\n", s.description));
        files.push(dir.join(file));
    }
    std::fs::write(dir.join("index.tsv"), index)?;
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn names_are_unique_and_every_kind_has_a_good_sample() {
        let all = revocation_samples();
        let names: BTreeSet<&str> = all.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names.len(), all.len(), "duplicate sample names");
        for (kind, prefix) in [(Kind::Crl, "crl-"), (Kind::Ocsp, "ocsp-")] {
            let mine: Vec<&RevocationSample> = all.iter().filter(|s| s.kind == kind).collect();
            assert!(mine.iter().all(|s| s.name.starts_with(prefix)));
            assert!(mine.iter().any(|s| s.is_good()));
            assert!(mine.iter().filter(|s| !s.is_good()).count() >= 20);
        }
        assert!(all.iter().all(|s| !s.description.is_empty()));
    }

    #[test]
    fn every_defect_changes_the_good_sample() {
        let all = revocation_samples();
        let good: BTreeSet<&[u8]> = all
            .iter()
            .filter(|s| s.is_good())
            .map(|s| s.der.as_slice())
            .collect();
        for s in all.iter().filter(|s| !s.is_good()) {
            assert!(
                !good.contains(s.der.as_slice()),
                "{} equals a good sample",
                s.name
            );
        }
    }

    #[test]
    fn writes_one_file_per_sample_and_an_index() {
        let dir = std::env::temp_dir().join(format!("smimelint-revocation-{}", std::process::id()));
        let files = write_revocation_samples(&dir).unwrap();
        let all = revocation_samples();
        assert_eq!(files.len(), all.len());
        for (f, s) in files.iter().zip(&all) {
            assert_eq!(std::fs::read(f).unwrap(), s.der, "{}", s.name);
        }
        let index = std::fs::read_to_string(dir.join("index.tsv")).unwrap();
        assert_eq!(index.lines().count(), all.len());
        assert!(index.starts_with("crl-good"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
