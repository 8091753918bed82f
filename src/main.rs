fn main() -> std::process::ExitCode {
    smimelint::cli::main()
}
