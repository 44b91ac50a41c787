//! The `labour-market` binary: everything lives in the library so tests can drive it.

fn main() -> std::process::ExitCode {
    labour_server::cli::main()
}
