//! The `smimelint` command line.

use crate::detect::{CertType, PolicyMap};
use crate::engine::{Glob, LintFilter, Linter, Options};
use crate::input::Limits;
use crate::output::{self, Format};
use crate::registry::{self, Source, Status};
use crate::runner::{self, InputSource};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Parser, Debug)]
#[command(
    name = "smimelint",
    version,
    about = "Lint S/MIME certificates against the CA/Browser Forum S/MIME Baseline Requirements and RFC 5280",
    after_help = "Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 on usage errors or unreadable paths."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

// Parsed once per process; boxing the large `lint` arguments would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand, Debug)]
enum Command {
    /// Lint certificates (PEM, DER or base64 lines; files, directories or stdin)
    Lint(LintArgs),
    /// List every lint with its metadata
    Lints {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Print a lint's documentation
    Explain {
        /// Lint name, e.g. e_smime_eku_missing
        name: String,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ListFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum OutFormat {
    Text,
    Json,
    Jsonl,
    Csv,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FailOn {
    Notice,
    Warn,
    Error,
    Fatal,
    Never,
}

#[derive(Args, Debug)]
struct LintArgs {
    /// Files or directories to lint; '-' or nothing reads stdin
    paths: Vec<PathBuf>,
    /// Output format
    #[arg(short, long, value_enum, default_value_t = OutFormat::Text)]
    format: OutFormat,
    /// Also report pass, NA and NE results
    #[arg(long)]
    all: bool,
    /// Evaluation time for effective dates: 'now' or YYYY-MM-DD (default: each notBefore)
    #[arg(long, value_name = "now|YYYY-MM-DD")]
    at: Option<String>,
    /// Lint every certificate as this type, e.g. mailbox-strict, sponsored-legacy
    #[arg(long = "type", value_name = "TYPE")]
    cert_type: Option<String>,
    /// File mapping CA policy OIDs to types, one 'OID TYPE' per line
    #[arg(long, value_name = "FILE")]
    policy_map: Option<PathBuf>,
    /// Do not guess the type from the subject when no policy OID decides it
    #[arg(long)]
    no_guess: bool,
    /// Run only lints matching these globs (comma-separated or repeated)
    #[arg(long, value_delimiter = ',', value_name = "GLOB")]
    include: Vec<String>,
    /// Skip lints matching these globs
    #[arg(long, value_delimiter = ',', value_name = "GLOB")]
    exclude: Vec<String>,
    /// Run only lints from these sources (SBR, RFC5280, RFC9598, X690, smimelint)
    #[arg(long, value_delimiter = ',', value_name = "SOURCE")]
    include_source: Vec<String>,
    /// Skip lints from these sources
    #[arg(long, value_delimiter = ',', value_name = "SOURCE")]
    exclude_source: Vec<String>,
    /// Lowest status that makes the exit code 1
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// Worker threads (default: all cores)
    #[arg(short = 'j', long, value_name = "N")]
    jobs: Option<usize>,
    /// Colour in text output
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// In directories, read every file, not only *.pem, *.crt, *.cer, *.der, *.b64, *.txt …
    #[arg(long)]
    all_files: bool,
    /// Issuing CA certificate (PEM or DER) for the chain-aware lints
    #[arg(long, value_name = "FILE")]
    issuer: Option<PathBuf>,
    /// Largest certificate accepted, in bytes
    #[arg(long, value_name = "BYTES", default_value_t = crate::input::DEFAULT_MAX_CERT_BYTES)]
    max_cert_size: usize,
}

/// Parses arguments, runs, and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Lint(args) => lint(args),
        Command::Lints { format } => list(format),
        Command::Explain { name } => explain(&name),
    };
    match result {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("smimelint: {msg}");
            ExitCode::from(2)
        }
    }
}

fn list(format: ListFormat) -> Result<ExitCode, String> {
    let mut out = std::io::stdout().lock();
    let io = |e: std::io::Error| e.to_string();
    match format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &crate::meta::all())
                .map_err(|e| e.to_string())?;
            writeln!(out).map_err(io)?;
        }
        ListFormat::Text => {
            for l in registry::all() {
                writeln!(
                    out,
                    "{:<58} {:<6} {:<28} {}",
                    l.name,
                    l.level().as_str(),
                    l.citation,
                    l.description
                )
                .map_err(io)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn explain(name: &str) -> Result<ExitCode, String> {
    let lint = registry::find(name).ok_or_else(|| {
        let close: Vec<&str> = registry::all()
            .iter()
            .map(|l| l.name)
            .filter(|n| n.contains(name) || name.contains(&n[2..]))
            .take(5)
            .collect();
        if close.is_empty() {
            format!("no lint named '{name}' (see `smimelint lints`)")
        } else {
            format!("no lint named '{name}'; did you mean: {}", close.join(", "))
        }
    })?;
    println!("{}", crate::meta::explain(lint));
    Ok(ExitCode::SUCCESS)
}

fn parse_sources(names: &[String]) -> Result<Vec<Source>, String> {
    names
        .iter()
        .map(|n| {
            Source::parse(n).ok_or_else(|| {
                let known: Vec<&str> = Source::ALL.iter().map(|s| s.as_str()).collect();
                format!("unknown source '{n}' (known: {})", known.join(", "))
            })
        })
        .collect()
}

fn options(args: &LintArgs) -> Result<Options, String> {
    let at = match args.at.as_deref() {
        None => None,
        Some("now") => Some(crate::time::now()),
        Some(s) => Some(
            crate::time::parse_iso(s)
                .ok_or_else(|| format!("--at: expected 'now' or YYYY-MM-DD, got '{s}'"))?,
        ),
    };
    let override_type = args
        .cert_type
        .as_deref()
        .map(str::parse::<CertType>)
        .transpose()
        .map_err(|e| format!("--type: {e}"))?;
    let policy_map = match &args.policy_map {
        None => None,
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .map_err(|e| format!("--policy-map {}: {e}", p.display()))?;
            Some(Arc::new(
                PolicyMap::parse(&text)
                    .map_err(|e| format!("--policy-map {}: {e}", p.display()))?,
            ))
        }
    };
    let filter = LintFilter {
        include: args.include.iter().map(|g| Glob::new(g)).collect(),
        exclude: args.exclude.iter().map(|g| Glob::new(g)).collect(),
        include_sources: parse_sources(&args.include_source)?,
        exclude_sources: parse_sources(&args.exclude_source)?,
    };
    for g in &args.include {
        if !registry::all().iter().any(|l| Glob::new(g).matches(l.name)) {
            return Err(format!(
                "--include '{g}' matches no lint (see `smimelint lints`)"
            ));
        }
    }
    let issuer = args.issuer.as_deref().map(read_issuer).transpose()?;
    Ok(Options {
        issuer,
        at,
        override_type,
        policy_map,
        guess: !args.no_guess,
        filter,
        include_passes: args.all,
    })
}

/// Reads the first certificate of an issuer file; anything else there is a usage error.
pub fn read_issuer(path: &std::path::Path) -> Result<Arc<[u8]>, String> {
    let file =
        std::fs::File::open(path).map_err(|e| format!("--issuer {}: {e}", path.display()))?;
    let name = path.display().to_string();
    let item = crate::input::frame(&name, file, Limits::default())
        .next()
        .ok_or_else(|| format!("--issuer {name}: no certificate found"))?;
    let der = item.der.map_err(|e| format!("--issuer {name}: {e}"))?;
    match crate::cert::Cert::parse(&der) {
        Ok(c) if c.form == crate::cert::Form::Certificate => Ok(Arc::from(der)),
        Ok(_) => Err(format!(
            "--issuer {name}: a TBSCertificate, not a certificate"
        )),
        Err(e) => Err(format!("--issuer {name}: not a certificate: {}", e.0)),
    }
}

fn lint(args: LintArgs) -> Result<ExitCode, String> {
    let opts = options(&args)?;
    let linter = Linter::new(opts);
    if let Some(n) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .map_err(|e| e.to_string())?;
    }
    let sources: Vec<InputSource> = if args.paths.is_empty() {
        vec![InputSource::Stdin]
    } else {
        args.paths
            .iter()
            .map(|p| {
                if p.as_os_str() == "-" {
                    InputSource::Stdin
                } else {
                    InputSource::Path(p.clone())
                }
            })
            .collect()
    };
    let limits = Limits {
        max_cert_bytes: args.max_cert_size,
        ..Limits::default()
    };
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    };
    let format = match args.format {
        OutFormat::Text => Format::Text,
        OutFormat::Json => Format::Json,
        OutFormat::Jsonl => Format::Jsonl,
        OutFormat::Csv => Format::Csv,
    };
    let stdout = std::io::stdout();
    let writer = std::io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    let mut sink = output::sink(format, Box::new(writer), color);
    let items = runner::items(sources, args.all_files, limits);
    let stats = match runner::run(&linter, items, sink.as_mut()) {
        Ok(s) => s,
        // A closed pipe (`smimelint lint … | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(format!("writing output: {e}")),
    };
    drop(sink);
    for path in &stats.unreadable {
        eprintln!("smimelint: {path}: unreadable");
    }
    if !stats.unreadable.is_empty() {
        return Ok(ExitCode::from(2));
    }
    let threshold = match args.fail_on {
        FailOn::Notice => Some(Status::Notice),
        FailOn::Warn => Some(Status::Warn),
        FailOn::Error => Some(Status::Error),
        FailOn::Fatal => Some(Status::Fatal),
        FailOn::Never => None,
    };
    let failed = matches!((threshold, stats.worst), (Some(t), Some(w)) if w >= t);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
