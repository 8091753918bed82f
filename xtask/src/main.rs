use std::path::Path;
use std::process::ExitCode;
use xtask::{differential, find_root, new_lint};

fn usage() -> String {
    format!(
        "usage: cargo xtask COMMAND\n\ncommands:\n  {}\n  {}\n",
        new_lint::USAGE,
        differential::USAGE
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

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("new-lint") => new_lint(&args[1..]),
        Some("differential") => differential::run(&args[1..]),
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
