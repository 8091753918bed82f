//! The `smimelint` command line.

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};
use smimelint_engine::config::{parse_at_setting, parse_sources, parse_type, read_capped};
use smimelint_engine::detect::PolicyMap;
use smimelint_engine::linter::{parse_globs, LintFilter, Linter, Options};
use smimelint_engine::options::DocumentKind;
use smimelint_engine::registry;
use smimelint_engine::revocation_context::Scope;
use smimelint_input::Limits;
use smimelint_output::{self as output, Format};
use smimelint_runner::{self as runner, InputSource};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// `--version`: the crate version and the rules it implements.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (S/MIME BR v1.0.11 certificate profile; ballots SMC01-SMC014; RFC 5280)"
);

#[derive(Parser, Debug)]
#[command(
    name = "smimelint",
    version = VERSION,
    about = "Lint S/MIME certificates against the CA/Browser Forum S/MIME Baseline Requirements and RFC 5280",
    after_help = "Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 on usage errors or unreadable paths."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

// Parsed once per process: the size of the `lint` arguments does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand, Debug)]
enum Command {
    /// Lint certificates (PEM, DER or base64 lines; files, directories or stdin)
    Lint(LintArgs),
    /// List every lint with its metadata
    Lints {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Only lints from these sources (SBR, RFC5280, RFC6818, RFC6960, X690, smimelint)
        #[arg(long, value_delimiter = ',', value_name = "SOURCE")]
        source: Vec<String>,
        /// Only lints that check this kind of document
        #[arg(long, value_enum, value_name = "KIND")]
        document: Option<DocumentArg>,
    },
    /// Print a lint's documentation
    Explain {
        /// Lint name (e.g. e_smime_eku_missing), pkilint finding code or zlint lint name
        name: String,
    },
    /// Show or check the configuration file (smimelint.toml)
    Config {
        /// Print a commented example configuration
        #[arg(long)]
        example: bool,
        /// Configuration file to check (default: ./smimelint.toml)
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or a subcommand's, or write them all to a directory
    Man {
        /// The subcommand whose page to print, e.g. lint (smimelint-lint(1))
        #[arg(value_name = "SUBCOMMAND")]
        page: Option<String>,
        /// Write smimelint.1 and one smimelint-SUBCOMMAND.1 per subcommand into DIR
        #[arg(long, value_name = "DIR", conflicts_with = "page")]
        dir: Option<PathBuf>,
    },
    /// Lint the S/MIME certificates of a CT log: saved get-entries responses or a live log
    #[cfg(feature = "ct")]
    Ct(CtArgs),
    /// Merge JSON summaries (from --summary-format json) into one
    MergeSummaries(MergeArgs),
    /// Run the HTTP linting service (POST /v1/lint, /v1/lint/batch, /certificate/cabf-smime …)
    #[cfg(feature = "server")]
    Serve(ServeArgs),
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ListFormat {
    Text,
    Json,
    /// The generated docs/lints.md: metadata table and pkilint/zlint migration tables
    Markdown,
}

/// `--format`: the output formats, with the help text the command line shows for them.
#[derive(Clone, Copy, Debug)]
struct OutFormat(Format);

impl ValueEnum for OutFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            OutFormat(Format::Text),
            OutFormat(Format::Json),
            OutFormat(Format::Jsonl),
            OutFormat(Format::Csv),
            OutFormat(Format::Github),
            OutFormat(Format::Sarif),
        ]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self.0 {
            Format::Text => PossibleValue::new("text"),
            Format::Json => PossibleValue::new("json"),
            Format::Jsonl => PossibleValue::new("jsonl"),
            Format::Csv => PossibleValue::new("csv"),
            Format::Github => PossibleValue::new("github").help("GitHub Actions annotations"),
            Format::Sarif => PossibleValue::new("sarif").help("SARIF 2.1.0"),
        })
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum MinSeverity {
    Notice,
    Warn,
    Error,
    Fatal,
}

impl From<MinSeverity> for smimelint_engine::registry::Status {
    fn from(m: MinSeverity) -> Self {
        use smimelint_engine::registry::Status;
        match m {
            MinSeverity::Notice => Status::Notice,
            MinSeverity::Warn => Status::Warn,
            MinSeverity::Error => Status::Error,
            MinSeverity::Fatal => Status::Fatal,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FailOn {
    Notice,
    Warn,
    Error,
    Fatal,
    Never,
}

impl From<FailOn> for smimelint_engine::config::FailOn {
    fn from(f: FailOn) -> Self {
        use smimelint_engine::config::FailOn as F;
        use smimelint_engine::registry::Status;
        match f {
            FailOn::Notice => F::At(Status::Notice),
            FailOn::Warn => F::At(Status::Warn),
            FailOn::Error => F::At(Status::Error),
            FailOn::Fatal => F::At(Status::Fatal),
            FailOn::Never => F::Never,
        }
    }
}

#[derive(Args, Debug)]
struct LintArgs {
    /// Files or directories to lint; '-' or nothing reads stdin
    paths: Vec<PathBuf>,
    /// Output format
    #[arg(short, long, value_enum, default_value_t = OutFormat(Format::Text))]
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
    /// Lint every input as this kind of document instead of detecting it
    #[arg(long, value_enum, value_name = "KIND", default_value_t = DocumentArg::Auto)]
    kind: DocumentArg,
    /// CRLs and OCSP responses report on subscriber or CA certificates (default: from the
    /// IDP's onlyContains flags, or a root --issuer; else unknown)
    #[arg(long, value_enum, value_name = "SCOPE")]
    scope: Option<ScopeArg>,
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
    /// Run only lints from these sources (SBR, RFC5280, RFC6818, X690, smimelint)
    #[arg(long, value_delimiter = ',', value_name = "SOURCE")]
    include_source: Vec<String>,
    /// Skip lints from these sources
    #[arg(long, value_delimiter = ',', value_name = "SOURCE")]
    exclude_source: Vec<String>,
    /// Lowest status that makes the exit code 1 [default: error]
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Configuration file (default: ./smimelint.toml when it exists)
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Ignore ./smimelint.toml
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    /// Threads (default: all cores); 1 frames, lints and writes on one thread
    #[arg(short = 'j', long, value_name = "N")]
    jobs: Option<usize>,
    /// Colour in text output
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Show only results at this status or above (exit status and summary still count all)
    #[arg(
        short = 's',
        long,
        visible_alias = "severity",
        value_enum,
        value_name = "STATUS"
    )]
    min_severity: Option<MinSeverity>,
    /// Indent each record of --format json
    #[arg(long)]
    pretty: bool,
    /// In directories, read every file, not only *.pem, *.crt, *.cer, *.der, *.b64, *.txt …
    #[arg(long)]
    all_files: bool,
    /// Issuing CA certificate (PEM or DER) for the chain-aware lints
    #[arg(long, value_name = "FILE")]
    issuer: Option<PathBuf>,
    /// Largest certificate accepted, in bytes
    #[arg(long, value_name = "BYTES", default_value_t = smimelint_input::DEFAULT_MAX_CERT_BYTES)]
    max_cert_size: usize,
    /// Read inputs as this format instead of detecting it per file
    #[arg(long, value_name = "FORMAT", default_value = "auto",
          value_parser = ["auto", "pem", "der", "base64"])]
    input_format: String,
    #[command(flatten)]
    report: ReportArgs,
}

/// `--kind`: the document family every input is linted as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum DocumentArg {
    /// Detect from the PEM label or the DER shape
    Auto,
    /// Certificate or TBSCertificate
    Certificate,
    /// CertificateList or TBSCertList
    Crl,
    /// OCSPResponse, BasicOCSPResponse or ResponseData
    Ocsp,
}

impl DocumentArg {
    /// The name [`registry::Lint::documents`] uses.
    fn name(self) -> Option<&'static str> {
        match self {
            DocumentArg::Auto => None,
            DocumentArg::Certificate => Some("certificate"),
            DocumentArg::Crl => Some("crl"),
            DocumentArg::Ocsp => Some("ocsp"),
        }
    }

    fn document(self) -> Option<DocumentKind> {
        match self {
            DocumentArg::Auto => None,
            DocumentArg::Certificate => Some(DocumentKind::Certificate),
            DocumentArg::Crl => Some(DocumentKind::Crl),
            DocumentArg::Ocsp => Some(DocumentKind::Ocsp),
        }
    }
}

/// `--scope`: which certificates a CRL or OCSP response reports on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ScopeArg {
    /// Subscriber (end-entity) certificates
    Subscriber,
    /// CA certificates (an ARL, or responses about subordinate CAs)
    #[value(alias = "arl")]
    Ca,
}

impl ScopeArg {
    fn scope(self) -> Scope {
        match self {
            ScopeArg::Subscriber => Scope::Subscriber,
            ScopeArg::Ca => Scope::Ca,
        }
    }
}

/// Summary and progress options, shared by `lint` and `ct`.
#[derive(Args, Debug)]
struct ReportArgs {
    /// At the end, print counts per lint and status, per type and per issuer (to stderr)
    #[arg(long)]
    summary: bool,
    /// Summary format, text by default (implies --summary)
    #[arg(long, value_enum)]
    summary_format: Option<SummaryFormat>,
    /// Write the summary to FILE instead of stderr (implies --summary)
    #[arg(long, value_name = "FILE")]
    summary_file: Option<PathBuf>,
    /// No progress bar (it is shown only when stderr is a terminal)
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum SummaryFormat {
    Text,
    Json,
}

#[cfg(feature = "ct")]
#[derive(Args, Debug)]
struct CtArgs {
    /// Every option of `lint`; PATHs are files of get-entries responses (JSON, concatenated
    /// or one per line); '-' or nothing reads stdin
    #[command(flatten)]
    lint: LintArgs,
    /// Fetch from this log (its base URL, without /ct/v1/…) instead of reading files
    #[arg(long, value_name = "URL", conflicts_with = "paths")]
    log_url: Option<String>,
    /// Index of the first entry (the first entry read from files, or fetched)
    #[arg(long, value_name = "N", default_value_t = 0)]
    start: u64,
    /// Last index fetched, inclusive (default: the end of the log's current tree)
    #[arg(long, value_name = "M")]
    end: Option<u64>,
    /// Lint every entry, not only S/MIME certificates
    #[arg(long)]
    all_certs: bool,
    /// Entries asked for per get-entries request (the log may return fewer)
    #[arg(long, value_name = "N", default_value_t = 256,
          value_parser = clap::value_parser!(u64).range(1..=65_536))]
    batch_size: u64,
    /// Concurrent requests to the log
    #[arg(long, value_name = "N", default_value_t = 4,
          value_parser = clap::value_parser!(u16).range(1..=64))]
    concurrency: u16,
    /// Retries of a failed request, with exponential back-off
    #[arg(long, value_name = "N", default_value_t = 5)]
    retries: u32,
    /// Wait before the first retry, in milliseconds (doubles per retry, at most 30 s)
    #[arg(long, value_name = "MS", default_value_t = 500)]
    retry_delay_ms: u64,
    /// Timeout of one request, in seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    timeout: u64,
    /// Largest get-entries response read, in bytes; a larger page is a fatal record per entry
    #[arg(long, value_name = "BYTES", default_value_t = smimelint_ct::fetch::DEFAULT_MAX_PAGE_BYTES)]
    max_page_size: u64,
    /// Largest leaf_input of an entry, in decoded bytes; a larger one is a fatal record
    #[arg(long, value_name = "BYTES", default_value_t = smimelint_ct::reader::DEFAULT_MAX_LEAF_BYTES)]
    max_leaf_size: usize,
    /// Largest extra_data of an entry, in decoded bytes; a larger one is a fatal record
    #[arg(long, value_name = "BYTES",
          default_value_t = smimelint_ct::reader::DEFAULT_MAX_EXTRA_DATA_BYTES)]
    max_extra_data_size: usize,
    /// Stop a --log-url scan after this many failures in a row (requests that failed for good,
    /// undecodable entries) and exit 2; 0 never stops
    #[arg(long, value_name = "N", default_value_t = smimelint_ct::fetch::DEFAULT_MAX_FAILURES)]
    max_failures: u32,
}

#[derive(Args, Debug)]
struct MergeArgs {
    /// JSON summaries to merge
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = SummaryFormat::Json)]
    format: SummaryFormat,
}

/// Parses arguments, runs, and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Lint(args) => lint(args),
        Command::Lints {
            format,
            source,
            document,
        } => list(format, &source, document),
        Command::Explain { name } => explain(&name),
        Command::Config { example, config } => config_command(example, config.as_deref()),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut cmd, "smimelint", &mut buf);
            print_out(&buf)
        }
        Command::Man { page, dir } => man(page.as_deref(), dir.as_deref()),
        #[cfg(feature = "ct")]
        Command::Ct(args) => ct(args),
        Command::MergeSummaries(args) => merge_summaries(args),
        #[cfg(feature = "server")]
        Command::Serve(args) => serve(args),
    };
    match result {
        Ok(code) => code,
        Err(msg) => {
            note(&msg);
            ExitCode::from(2)
        }
    }
}

/// The manual: the top page lists a `smimelint-SUBCOMMAND(1)` page per subcommand, and each of
/// those exists (`help` is left out: its page would only repeat the others).
fn man(page: Option<&str>, dir: Option<&std::path::Path>) -> Result<ExitCode, String> {
    let mut cmd = <Cli as clap::CommandFactory>::command().disable_help_subcommand(true);
    // Built, subcommands carry their page names (smimelint-lint).
    cmd.build();
    if let Some(dir) = dir {
        std::fs::create_dir_all(dir).map_err(|e| format!("--dir {}: {e}", dir.display()))?;
        clap_mangen::generate_to(cmd, dir).map_err(|e| format!("--dir {}: {e}", dir.display()))?;
        return Ok(ExitCode::SUCCESS);
    }
    let cmd = match page {
        None => cmd,
        Some(name) => cmd.find_subcommand(name).cloned().ok_or_else(|| {
            let names: Vec<&str> = cmd.get_subcommands().map(|c| c.get_name()).collect();
            format!("no subcommand '{name}' (pages: {})", names.join(", "))
        })?,
    };
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut buf)
        .map_err(|e| e.to_string())?;
    print_out(&buf)
}

/// Writes `bytes` to stdout. A reader that went away (`… | head -1`) ends the command quietly:
/// it has what it wanted.
fn print_out(bytes: &[u8]) -> Result<ExitCode, String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(format!("writing output: {e}")),
    }
}

/// A message on stderr; a closed stderr is no reason to panic.
fn note(msg: &str) {
    // Messages may quote file names and values: no control characters on the terminal.
    let msg = output::terminal_safe_keep_lines(msg);
    let _ = writeln!(std::io::stderr(), "smimelint: {msg}");
}

fn list(
    format: ListFormat,
    sources: &[String],
    document: Option<DocumentArg>,
) -> Result<ExitCode, String> {
    let sources = parse_sources("--source", sources)?;
    let document = document.and_then(DocumentArg::name);
    let listed: Vec<&registry::Lint> = registry::all()
        .iter()
        .copied()
        .filter(|l| sources.is_empty() || sources.contains(&l.source))
        .filter(|l| document.is_none_or(|d| l.documents().contains(&d)))
        .collect();
    let mut out = Vec::new();
    let io = |e: std::io::Error| e.to_string();
    match format {
        ListFormat::Json => {
            let infos: Vec<_> = listed
                .iter()
                .map(|l| smimelint_engine::meta::LintInfo::of(l))
                .collect();
            serde_json::to_writer_pretty(&mut out, &infos).map_err(|e| e.to_string())?;
            writeln!(out).map_err(io)?;
        }
        ListFormat::Markdown if !sources.is_empty() || document.is_some() => {
            return Err(
                "--source and --document apply to the text and json lists; markdown is the whole \
                 book"
                    .into(),
            );
        }
        ListFormat::Markdown => {
            out.write_all(smimelint_engine::xref::lints_markdown().as_bytes())
                .map_err(io)?;
        }
        ListFormat::Text => {
            // One section per document; a lint that checks several is listed in each.
            let sections = [
                ("certificate", "Certificates"),
                ("crl", "CRLs"),
                ("ocsp", "OCSP responses"),
            ];
            let mut first = true;
            for (name, title) in sections {
                if document.is_some_and(|d| d != name) {
                    continue;
                }
                let in_section: Vec<_> = listed
                    .iter()
                    .filter(|l| l.documents().contains(&name))
                    .collect();
                if in_section.is_empty() {
                    continue;
                }
                if !first {
                    writeln!(out).map_err(io)?;
                }
                first = false;
                writeln!(out, "# {title} ({} lints)", in_section.len()).map_err(io)?;
                for l in in_section {
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
    }
    print_out(&out)
}

fn explain(name: &str) -> Result<ExitCode, String> {
    let found = lookup(name);
    if found.is_empty() {
        let near = near_names(name);
        return Err(if near.is_empty() {
            format!("no lint named '{name}' (see `smimelint lints`)")
        } else {
            format!("no lint named '{name}'; did you mean: {}", near.join(", "))
        });
    }
    let pages: Vec<String> = found
        .iter()
        .map(|l| smimelint_engine::meta::explain(l))
        .collect();
    print_out(format!("{}\n", pages.join("\n\n")).as_bytes())
}

/// The lint of that name, or the lints answering to that pkilint code or zlint name (several
/// of ours may share one of theirs).
fn lookup(name: &str) -> Vec<&'static registry::Lint> {
    if let Some(lint) = registry::find(name) {
        return vec![lint];
    }
    registry::all()
        .iter()
        .copied()
        .filter(|l| l.pkilint.contains(&name) || l.zlint.contains(&name))
        .collect()
}

/// Up to five known names (ours, pkilint's, zlint's) closest to `name`, closest first.
fn near_names(name: &str) -> Vec<&'static str> {
    let mut scored: Vec<(f64, &'static str)> = registry::all()
        .iter()
        .flat_map(|l| {
            std::iter::once(l.name)
                .chain(l.pkilint.iter().copied())
                .chain(l.zlint.iter().copied())
        })
        .map(|known| (strsim::jaro_winkler(name, known), known))
        .filter(|(score, _)| *score >= 0.85)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.dedup_by_key(|(_, n)| *n);
    scored.into_iter().take(5).map(|(_, n)| n).collect()
}

fn config_command(example: bool, path: Option<&std::path::Path>) -> Result<ExitCode, String> {
    if example {
        return print_out(smimelint_engine::config::EXAMPLE.as_bytes());
    }
    match smimelint_engine::config::find_and_load(path)? {
        Some(loaded) => {
            let path = loaded.path.as_deref().unwrap_or(std::path::Path::new("?"));
            print_out(format!("{}: ok\n", path.display()).as_bytes())
        }
        None => Err(format!(
            "no {} in the working directory (see `smimelint config --example`)",
            smimelint_engine::config::DEFAULT_FILE
        )),
    }
}

/// The configuration file's settings, if any, with the command line applied on top.
fn options(args: &LintArgs) -> Result<(Options, smimelint_engine::config::FailOn), String> {
    let file = if args.no_config {
        None
    } else {
        smimelint_engine::config::find_and_load(args.config.as_deref())?
    };
    let mut base = Options::default();
    let mut fail_on = smimelint_engine::config::FailOn::from(FailOn::Error);
    let mut file_at = None;
    if let Some(loaded) = &file {
        loaded.apply(&mut base);
        file_at = loaded.at;
        if let Some(f) = loaded.fail_on {
            fail_on = f;
        }
    }
    if let Some(f) = args.fail_on {
        fail_on = f.into();
    }
    let at = match args.at.as_deref() {
        None => file_at,
        Some(s) => Some(parse_at_setting("--at", s)?),
    };
    let override_type = args
        .cert_type
        .as_deref()
        .map(|t| parse_type("--type", t))
        .transpose()?
        .or(base.override_type);
    let policy_map = match &args.policy_map {
        None => base.policy_map.clone(),
        Some(p) => Some(Arc::new(read_policy_map(p)?)),
    };
    // Each list given on the command line replaces the file's.
    fn pick<T: Clone>(cli: Vec<T>, file: &[T]) -> Vec<T> {
        if cli.is_empty() {
            file.to_vec()
        } else {
            cli
        }
    }
    let filter = LintFilter {
        include: pick(
            parse_globs("--include", &args.include)?,
            &base.filter.include,
        ),
        exclude: pick(
            parse_globs("--exclude", &args.exclude)?,
            &base.filter.exclude,
        ),
        include_sources: pick(
            parse_sources("--include-source", &args.include_source)?,
            &base.filter.include_sources,
        ),
        exclude_sources: pick(
            parse_sources("--exclude-source", &args.exclude_source)?,
            &base.filter.exclude_sources,
        ),
    };
    let issuer = args.issuer.as_deref().map(read_issuer).transpose()?;
    let opts = Options {
        issuer,
        at,
        override_type,
        policy_map,
        guess: base.guess && !args.no_guess,
        filter,
        include_passes: args.all,
        overrides: base.overrides,
        constraints: base.constraints,
        document: args.kind.document(),
        scope: args.scope.map(ScopeArg::scope),
    };
    Ok((opts, fail_on))
}

fn read_policy_map(p: &std::path::Path) -> Result<PolicyMap, String> {
    let text = read_capped(p).map_err(|e| format!("--policy-map {}: {e}", p.display()))?;
    PolicyMap::parse(&text).map_err(|e| format!("--policy-map {}: {e}", p.display()))
}

/// Reads the first certificate of an issuer file; anything else there is a usage error.
pub fn read_issuer(path: &std::path::Path) -> Result<Arc<[u8]>, String> {
    let file =
        std::fs::File::open(path).map_err(|e| format!("--issuer {}: {e}", path.display()))?;
    let name = path.display().to_string();
    let item = smimelint_input::frame(&name, file, Limits::default())
        .next()
        .ok_or_else(|| format!("--issuer {name}: no certificate found"))?;
    let der = item.der.map_err(|e| format!("--issuer {name}: {e}"))?;
    match smimelint_cert::Cert::parse(&der) {
        Ok(c) if c.form == smimelint_cert::Form::Certificate => Ok(Arc::from(der)),
        Ok(_) => Err(format!(
            "--issuer {name}: a TBSCertificate, not a certificate"
        )),
        Err(e) => Err(format!("--issuer {name}: not a certificate: {}", e.0)),
    }
}

fn lint(args: LintArgs) -> Result<ExitCode, String> {
    let (linter, fail_on) = setup(&args)?;
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
    let extra = Scan {
        stream_input: reads_stream(&sources),
        small_input: is_small(&sources),
        ..Scan::default()
    };
    let format = args
        .input_format
        .parse()
        .map_err(|e| format!("--input-format {e}"))?;
    let items = runner::items_as(sources, args.all_files, limits(&args), format);
    scan(&args, &linter, fail_on, items, extra)
}

fn limits(args: &LintArgs) -> Limits {
    Limits {
        max_cert_bytes: args.max_cert_size,
        ..Limits::default()
    }
}

/// Most threads `-j` starts, whatever the machine: beyond this, threads only cost memory.
pub const MAX_JOBS: usize = 256;
/// `-j` above this multiple of the cores is clamped.
const JOBS_PER_CORE: usize = 4;

/// The thread count for `-j N`: 0 is refused; more than [`JOBS_PER_CORE`] × cores (and more
/// than [`MAX_JOBS`]) is clamped, with a note on stderr.
fn jobs(requested: usize, cores: usize) -> Result<(usize, Option<String>), String> {
    if requested == 0 {
        return Err("-j 0: the number of threads must be at least 1".into());
    }
    let cap = cores.max(1).saturating_mul(JOBS_PER_CORE).min(MAX_JOBS);
    if requested > cap {
        let note = format!(
            "-j {requested}: using {cap} threads ({JOBS_PER_CORE} per core on {cores} core(s), at most {MAX_JOBS})"
        );
        return Ok((cap, Some(note)));
    }
    Ok((requested, None))
}

/// The linter for `args`, with the thread pool sized as asked.
fn setup(args: &LintArgs) -> Result<(Linter, smimelint_engine::config::FailOn), String> {
    let (opts, fail_on) = options(args)?;
    let linter = Linter::new(opts);
    if let Some(n) = args.jobs {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let (n, note) = jobs(n, cores)?;
        if let Some(note) = note {
            self::note(&note);
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .map_err(|e| e.to_string())?;
    }
    Ok((linter, fail_on))
}

/// Whether one of `sources` is a standard input that is not a regular file (a pipe, a
/// terminal): its writer may wait for each answer before sending more.
fn reads_stream(sources: &[InputSource]) -> bool {
    sources.iter().any(|s| matches!(s, InputSource::Stdin)) && stdin_is_stream()
}

/// Inputs this small (regular files only) are linted without starting threads: a CA's hook
/// linting one certificate per process would pay more for the threads than they save.
const SMALL_INPUT_BYTES: u64 = 64 * 1024;

fn is_small(sources: &[InputSource]) -> bool {
    let mut total = 0;
    for source in sources {
        match source {
            InputSource::Path(p) => match std::fs::metadata(p) {
                Ok(m) if m.is_file() => total += m.len(),
                _ => return false,
            },
            InputSource::Stdin => return false,
        }
    }
    total <= SMALL_INPUT_BYTES
}

#[cfg(unix)]
fn stdin_is_stream() -> bool {
    use std::os::fd::AsFd;
    let metadata = std::io::stdin()
        .as_fd()
        .try_clone_to_owned()
        .map(std::fs::File::from)
        .and_then(|f| f.metadata());
    !metadata.is_ok_and(|m| m.is_file())
}

#[cfg(not(unix))]
fn stdin_is_stream() -> bool {
    true
}

/// What a scan adds to a plain `lint` run.
#[derive(Default)]
struct Scan<'a> {
    skip: Option<runner::SkipFn<'a>>,
    /// Input comes from a pipe or terminal: answer each certificate at once.
    stream_input: bool,
    /// Regular files of at most [`SMALL_INPUT_BYTES`] in all: lint on this thread.
    small_input: bool,
    /// Known number of entries, for the progress bar.
    total: Option<u64>,
    #[cfg(feature = "ct")]
    ct_counts: Option<Arc<smimelint_ct::reader::CtCounts>>,
}

/// Lints `items` to stdout as `args` says: the one path behind `lint` and `ct`.
fn scan<I>(
    args: &LintArgs,
    linter: &Linter,
    fail_on: smimelint_engine::config::FailOn,
    items: I,
    extra: Scan<'_>,
) -> Result<ExitCode, String>
where
    I: Iterator<Item = smimelint_input::InputItem> + Send,
{
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
        }
    };
    let format = args.format.0;
    if args.pretty && format != Format::Json {
        return Err("--pretty applies to --format json".into());
    }
    let report = &args.report;
    let want_summary =
        report.summary || report.summary_file.is_some() || report.summary_format.is_some();
    let mut summary = smimelint_output::summary::Summary::new();
    // A few small files lint in milliseconds: a bar would only flicker.
    let progress = Progress::new(!report.quiet && !extra.small_input, extra.total);
    let opts = runner::RunOptions {
        skip: extra.skip,
        issuers: want_summary,
        flush_each_record: extra.stream_input,
        one_thread: extra.small_input,
    };
    let mut observe = |event: runner::Event<'_>| match event {
        runner::Event::Record { result, issuer } => {
            progress.inc();
            if want_summary {
                summary.add(result, issuer);
            }
        }
        runner::Event::Skipped(reason) => {
            progress.inc();
            if want_summary {
                summary.skip(reason);
            }
        }
        runner::Event::Batch => {}
    };
    let stdout = std::io::stdout();
    let writer = std::io::BufWriter::with_capacity(64 * 1024, progress.around(stdout.lock()));
    let mut sink = if args.pretty {
        output::pretty_json_sink(Box::new(writer))
    } else {
        output::sink(format, Box::new(writer), color)
    };
    if let Some(min) = args.min_severity {
        sink = output::at_least(min.into(), sink);
    }
    let stats = match runner::run_with(linter, items, sink.as_mut(), opts, &mut observe) {
        Ok(s) => s,
        // A closed pipe (`smimelint lint … | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(format!("writing output: {e}")),
    };
    drop(sink);
    progress.finish();
    if want_summary {
        #[cfg(feature = "ct")]
        if let Some(counts) = &extra.ct_counts {
            summary.ct = Some(counts.snapshot());
            summary.stopped = counts.stopped();
        }
        let format = report.summary_format.unwrap_or(SummaryFormat::Text);
        write_summary(&summary, format, report.summary_file.as_deref())?;
    }
    for path in &stats.unreadable {
        note(&format!("{}: unreadable", output::terminal_safe(path)));
    }
    if !stats.unreadable.is_empty() {
        return Ok(ExitCode::from(2));
    }
    Ok(if fail_on.fails(stats.worst) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn render_summary(summary: &smimelint_output::summary::Summary, format: SummaryFormat) -> String {
    match format {
        SummaryFormat::Text => summary.to_text(),
        SummaryFormat::Json => {
            let mut s = serde_json::to_string_pretty(summary).unwrap_or_default();
            s.push('\n');
            s
        }
    }
}

/// Writes the summary to `file`, or to stderr so that stdout holds only results.
fn write_summary(
    summary: &smimelint_output::summary::Summary,
    format: SummaryFormat,
    file: Option<&std::path::Path>,
) -> Result<(), String> {
    let text = render_summary(summary, format);
    match file {
        Some(path) => std::fs::write(path, text)
            .map_err(|e| format!("--summary-file {}: {e}", path.display())),
        None => {
            let _ = std::io::stderr().write_all(text.as_bytes());
            Ok(())
        }
    }
}

fn merge_summaries(args: MergeArgs) -> Result<ExitCode, String> {
    let mut merged = smimelint_output::summary::Summary::new();
    for path in &args.files {
        let text =
            smimelint_engine::config::read_text(path, smimelint_output::summary::MAX_SUMMARY_BYTES)
                .map_err(|e| format!("{}: {e}", path.display()))?;
        let one: smimelint_output::summary::Summary = serde_json::from_str(&text)
            .map_err(|e| format!("{}: not a smimelint JSON summary: {e}", path.display()))?;
        merged
            .merge(&one)
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    print_out(render_summary(&merged, args.format).as_bytes())
}

#[cfg(feature = "ct")]
fn ct(args: CtArgs) -> Result<ExitCode, String> {
    use smimelint_ct::{fetch, filter, reader};
    let (linter, fail_on) = setup(&args.lint)?;
    let counts = Arc::new(reader::CtCounts::default());
    let skip: runner::SkipFn<'_> = &filter::skip_reason;
    let skip = (!args.all_certs).then_some(skip);
    let limits = limits(&args.lint);
    let entry_limits = reader::EntryLimits {
        leaf_input: args.max_leaf_size.max(1),
        extra_data: args.max_extra_data_size.max(1),
    };
    if args.lint.input_format != "auto" {
        return Err("--input-format applies to `lint`; `ct` reads get-entries responses".into());
    }
    if args.end.is_some() && args.log_url.is_none() {
        return Err("--end applies to --log-url; files are read to their end".into());
    }
    match &args.log_url {
        Some(url) => {
            let mut cfg = fetch::FetchConfig::new(url);
            cfg.start = args.start;
            cfg.end = args.end;
            cfg.batch = args.batch_size.max(1);
            cfg.workers = usize::from(args.concurrency);
            cfg.retries = args.retries;
            cfg.backoff = std::time::Duration::from_millis(args.retry_delay_ms);
            cfg.timeout = std::time::Duration::from_secs(args.timeout.max(1));
            cfg.limits = limits;
            cfg.max_page_bytes = args.max_page_size.max(1);
            cfg.entry_limits = entry_limits;
            cfg.max_failures = args.max_failures;
            if args.end.is_some_and(|end| end < args.start) {
                return Err(format!(
                    "--end {} is before --start {}",
                    args.end.unwrap_or_default(),
                    args.start
                ));
            }
            let end = fetch::resolve_end(&cfg)?;
            let (items, total): (Box<dyn Iterator<Item = _> + Send>, u64) = match end {
                Some(end) if end >= args.start => {
                    let (end, clamped) = fetch::clamp_end(args.start, end);
                    if clamped {
                        note(&format!(
                            "{url}: the range is clamped to {} entries, {}-{end}",
                            fetch::MAX_RANGE,
                            args.start
                        ));
                    }
                    (
                        Box::new(fetch::fetch(cfg, end, counts.clone())),
                        end - args.start + 1,
                    )
                }
                _ => (Box::new(std::iter::empty()), 0),
            };
            let extra = Scan {
                skip,
                total: Some(total),
                ct_counts: Some(counts.clone()),
                ..Scan::default()
            };
            let code = scan(&args.lint, &linter, fail_on, items, extra)?;
            match counts.stopped() {
                Some(why) => {
                    note(&format!("scan stopped early: {why}"));
                    Ok(ExitCode::from(2))
                }
                None => Ok(code),
            }
        }
        None => {
            let sources: Vec<InputSource> = if args.lint.paths.is_empty() {
                vec![InputSource::Stdin]
            } else {
                args.lint
                    .paths
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
            let stream_input = reads_stream(&sources);
            let items = reader::read(sources, args.start, limits, entry_limits, counts.clone());
            let extra = Scan {
                skip,
                stream_input,
                ct_counts: Some(counts),
                ..Scan::default()
            };
            scan(&args.lint, &linter, fail_on, items, extra)
        }
    }
}

/// A progress bar on stderr, only when it is a terminal and not `--quiet`.
struct Progress {
    #[cfg(feature = "ct")]
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    #[cfg(feature = "ct")]
    fn new(enabled: bool, total: Option<u64>) -> Progress {
        if !enabled || !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let (bar, template) = match total {
            Some(n) => (
                indicatif::ProgressBar::new(n),
                "{spinner} {elapsed_precise} [{bar:30}] {human_pos}/{human_len} entries {rate} ETA {eta}",
            ),
            None => (
                indicatif::ProgressBar::no_length(),
                "{spinner} {elapsed_precise} {human_pos} entries {rate}",
            ),
        };
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
            let rate = |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0}/s", state.per_sec());
            };
            bar.set_style(style.progress_chars("=> ").with_key("rate", rate));
        }
        Progress { bar: Some(bar) }
    }
    #[cfg(not(feature = "ct"))]
    fn new(_enabled: bool, _total: Option<u64>) -> Progress {
        Progress {}
    }
    /// `out` with the bar taken off the terminal while each write happens, so that results on
    /// the same terminal are never drawn into the bar's line.
    fn around<'w, W: Write + 'w>(&self, out: W) -> Box<dyn Write + 'w> {
        #[cfg(feature = "ct")]
        if let Some(bar) = &self.bar {
            return Box::new(Suspended {
                bar: bar.clone(),
                out,
            });
        }
        Box::new(out)
    }
    fn inc(&self) {
        #[cfg(feature = "ct")]
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }
    fn finish(&self) {
        #[cfg(feature = "ct")]
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
/// Writes with the progress bar cleared, redrawn afterwards.
#[cfg(feature = "ct")]
struct Suspended<W> {
    bar: indicatif::ProgressBar,
    out: W,
}

#[cfg(feature = "ct")]
impl<W: Write> Write for Suspended<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.bar.suspend(|| self.out.write(buf))
    }
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.bar.suspend(|| self.out.write_all(buf))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.bar.suspend(|| self.out.flush())
    }
}

#[cfg(feature = "server")]
#[derive(Args, Debug)]
struct ServeArgs {
    /// Address to listen on (port 0 picks a free port, printed on stderr)
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT")]
    listen: std::net::SocketAddr,
    /// Largest request body, in bytes
    #[arg(long, value_name = "BYTES", default_value_t = smimelint_service::DEFAULT_MAX_BODY_BYTES)]
    max_body_size: usize,
    /// Most certificates in one batch request
    #[arg(long, value_name = "N", default_value_t = smimelint_service::DEFAULT_MAX_BATCH)]
    max_batch: usize,
    /// Per-request timeout (headers, body and linting), in milliseconds
    #[arg(long, value_name = "MS", default_value_t = smimelint_service::DEFAULT_TIMEOUT.as_millis() as u64)]
    timeout_ms: u64,
    /// File mapping CA policy OIDs to types, one 'OID TYPE' per line
    #[arg(long, value_name = "FILE")]
    policy_map: Option<PathBuf>,
    /// Do not log requests on stderr
    #[arg(long)]
    quiet: bool,
    /// Lint requests admitted at once, queued or running; beyond it 503 (0: four per core)
    #[arg(long, value_name = "N", default_value_t = 0)]
    max_in_flight: usize,
    /// Configuration file (default: ./smimelint.toml when it exists)
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Ignore ./smimelint.toml
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
}

#[cfg(feature = "server")]
fn serve(args: ServeArgs) -> Result<ExitCode, String> {
    // The same file `lint` reads, so that the service and the command line agree.
    let mut options = Options::default();
    if !args.no_config {
        if let Some(loaded) = smimelint_engine::config::find_and_load(args.config.as_deref())? {
            loaded.apply(&mut options);
            options.at = loaded.at;
        }
    }
    if let Some(p) = &args.policy_map {
        options.policy_map = Some(Arc::new(read_policy_map(p)?));
    }
    let config = smimelint_service::Config {
        listen: args.listen,
        max_body_bytes: args.max_body_size,
        max_batch: args.max_batch.max(1),
        timeout: std::time::Duration::from_millis(args.timeout_ms.max(1)),
        options,
        log_requests: !args.quiet,
        max_in_flight: args.max_in_flight,
        ..smimelint_service::Config::default()
    };
    smimelint_service::serve_blocking(config).map_err(|e| format!("serve {}: {e}", args.listen))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_are_refused_or_clamped() {
        assert!(jobs(0, 2).unwrap_err().contains("at least 1"));
        assert_eq!(jobs(1, 2).unwrap(), (1, None));
        assert_eq!(jobs(8, 2).unwrap(), (8, None));
        let (n, note) = jobs(9, 2).unwrap();
        assert_eq!(n, 8);
        assert!(note.unwrap().contains("using 8 threads"));
        assert_eq!(jobs(100_000, 2).unwrap().0, 8);
        assert_eq!(jobs(usize::MAX, 1024).unwrap().0, MAX_JOBS);
        assert_eq!(jobs(300, 0).unwrap().0, JOBS_PER_CORE);
    }

    /// Every `--format` name is the output crate's own name for the same format.
    #[test]
    fn format_names_are_the_output_crates() {
        for v in OutFormat::value_variants() {
            let name = v.to_possible_value().expect("shown").get_name().to_owned();
            assert_eq!(name.parse::<Format>(), Ok(v.0), "{name}");
        }
    }
}
