// mimalloc: the lint loop allocates small, short-lived values (findings, decoded views); see
// README "Performance" for the measured difference.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    smimelint::cli::main()
}
