//! `cargo xtask differential`: differential testing against pkilint (driven by
//! `scripts/differential.sh`).
//!
//! `generate DIR [COUNT] [SEED]` builds COUNT certificates with the test factory: every type and
//! generation, several key algorithms, and for each certificate 0–3 random choices from
//! [`MUTATIONS`] (compliant variations and violations of one rule each). It writes
//! `DIR/<type>/<n>.pem` and `DIR/manifest.tsv` (file, type, key, mutations).
//!
//! `compare DIR PKILINT_JSONL` reads pkilint-oracle's output for those files, lints each file
//! with smimelint as the same type, and reports verdict disagreements (error / warn / clean,
//! notices ignored) grouped by the family of the mutations applied, each classified as pending
//! (a pkilint code docs/xref/pkilint.txt marks pending), a documented pkilint deviation
//! (`docs/conformance.md`) or unexplained. The exit status is 1 when a disagreement is
//! unexplained.

mod compare;
mod mutations;

use mutations::{Rng, KEYS, MUTATIONS};
use smimelint::detect::CertType;
use smimelint_factory::CertBuilder;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

pub const USAGE: &str =
    "differential generate DIR [COUNT] [SEED] | differential compare DIR PKILINT_JSONL";

fn generate(dir: &Path, count: usize, seed: u64) -> std::io::Result<()> {
    let types: Vec<CertType> = CertType::all().collect();
    let mut rng = Rng(seed);
    let mut manifest = String::from("file\ttype\tkey\tmutations\n");
    for i in 0..count {
        let t = types[i % types.len()];
        let key = KEYS[rng.below(KEYS.len())];
        let mut b = CertBuilder::subscriber_with_key(t, key);
        let mut names: Vec<&str> = Vec::new();
        // A third of the certificates stay clean apart from compliant variations.
        let wanted = match rng.below(6) {
            0 | 1 => 0,
            2 | 3 => 1,
            4 => 2,
            _ => 3,
        };
        let mut tries = 0;
        while names.len() < wanted && tries < 20 {
            tries += 1;
            let m = &MUTATIONS[rng.below(MUTATIONS.len())];
            if names.contains(&m.name) || !(m.when)(t, key) {
                continue;
            }
            b = (m.apply)(b, t);
            names.push(m.name);
        }
        let rel = format!("{t}/{i:05}.pem");
        let path = dir.join(&rel);
        std::fs::create_dir_all(path.parent().expect("type folder"))?;
        std::fs::write(&path, b.build_pem())?;
        let _ = writeln!(manifest, "{rel}\t{t}\t{key:?}\t{}", names.join(","));
    }
    std::fs::write(dir.join("manifest.tsv"), manifest)?;
    eprintln!("generated {count} certificates in {}", dir.display());
    Ok(())
}

/// Runs `differential` with the arguments after the subcommand name.
pub fn run(args: &[String]) -> ExitCode {
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["generate", dir, ref rest @ ..] => {
            let count = rest.first().and_then(|s| s.parse().ok()).unwrap_or(3000);
            let seed = rest.get(1).and_then(|s| s.parse().ok()).unwrap_or(1);
            match generate(Path::new(dir), count, seed) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("differential: {e}");
                    ExitCode::from(2)
                }
            }
        }
        ["compare", dir, oracle] => {
            if compare::compare(Path::new(dir), Path::new(oracle)) {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        ["--help" | "-h"] => {
            println!("usage: cargo xtask {USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("usage: cargo xtask {USAGE}");
            ExitCode::from(2)
        }
    }
}
