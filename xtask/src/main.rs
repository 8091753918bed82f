use std::path::Path;
use std::process::ExitCode;
use xtask::{differential, find_root, new_lint};

fn usage() -> String {
    format!(
        "usage: cargo xtask COMMAND\n\ncommands:\n  {}\n  {}\n  {}\n",
        new_lint::USAGE,
        differential::USAGE,
        "revocation-samples DIR   write the factory's good and single-defect CRLs and OCSP \
         responses\n  large-crl OUT.crl ENTRIES ISSUER.pem   a signed CRL of ENTRIES entries and its CA"
    )
}

fn new_lint(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("usage: cargo xtask {}", new_lint::USAGE);
        return ExitCode::SUCCESS;
    }
    let req = match new_lint::Request::parse(args) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("new-lint: {e}\nusage: cargo xtask {}", new_lint::USAGE);
            return ExitCode::from(2);
        }
    };
    // From the working directory, so that a copy of the tree can be scaffolded into; else the
    // repository this binary was built from.
    let cwd = std::env::current_dir().unwrap_or_default();
    let root = find_root(&cwd).or_else(|| find_root(Path::new(env!("CARGO_MANIFEST_DIR"))));
    let Some(root) = root else {
        eprintln!(
            "new-lint: no lints/src/lib.rs at or above {}",
            cwd.display()
        );
        return ExitCode::from(2);
    };
    match new_lint::scaffold(&root, &req) {
        Ok(created) => {
            print!("{}", new_lint::next_steps(&req, &created));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("new-lint: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `cargo xtask revocation-samples DIR`: writes the factory's good and single-defect CRLs and
/// OCSP responses (DER) with an index, for differential runs against other linters.
fn revocation_samples(args: &[String]) -> ExitCode {
    let [dir] = args else {
        eprintln!("usage: cargo xtask revocation-samples DIR");
        return ExitCode::from(2);
    };
    let dir = std::path::Path::new(dir);
    match std::fs::create_dir_all(dir)
        .and_then(|()| smimelint_factory::revocation_samples::write_revocation_samples(dir))
    {
        Ok(n) => {
            eprintln!("wrote {} samples to {}", n.len(), dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("revocation-samples: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `cargo xtask large-crl OUT.crl ENTRIES ISSUER.pem`: a signed DER CRL of ENTRIES entries
/// written as it is generated (never held in memory), and its issuing CA's certificate.
fn large_crl(args: &[String]) -> ExitCode {
    let [out, n, issuer] = args else {
        eprintln!("usage: cargo xtask large-crl OUT.crl ENTRIES ISSUER.pem");
        return ExitCode::from(2);
    };
    let Ok(n) = n.parse::<u64>() else {
        eprintln!("large-crl: ENTRIES must be a number, got '{n}'");
        return ExitCode::from(2);
    };
    let ca = smimelint_factory::CertBuilder::sub_ca(smimelint_factory::KeyAlg::P256);
    let written = std::fs::File::create(out).and_then(|f| {
        let mut w = std::io::BufWriter::new(f);
        let bytes = smimelint_factory::crl::write_large_crl(&mut w, &ca, n)?;
        std::io::Write::flush(&mut w)?;
        std::fs::write(issuer, ca.build_pem())?;
        Ok(bytes)
    });
    match written {
        Ok(bytes) => {
            eprintln!("wrote {out}: {n} entries, {bytes} bytes; issuer {issuer}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("large-crl: {e}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("new-lint") => new_lint(&args[1..]),
        Some("differential") => differential::run(&args[1..]),
        Some("revocation-samples") => revocation_samples(&args[1..]),
        Some("large-crl") => large_crl(&args[1..]),
        Some("--help" | "-h" | "help") => {
            print!("{}", usage());
            ExitCode::SUCCESS
        }
        _ => {
            eprint!("{}", usage());
            ExitCode::from(2)
        }
    }
}
