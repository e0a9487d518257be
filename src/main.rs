//! The `diplograph` binary: see `diplograph --help`.

mod cli;

use std::process::ExitCode;

/// mimalloc: many small allocations (tokens, entities, reports) are its strength.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match cli::run() {
        Ok(cli::Outcome::Ok) => ExitCode::SUCCESS,
        Ok(cli::Outcome::Partial) => ExitCode::from(1),
        Err(e) => {
            // A closed pipe (`diplograph pledges | head`) is not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
