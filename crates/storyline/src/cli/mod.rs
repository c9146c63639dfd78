//! The `storyline` command line.

mod analyze;
mod bench;
mod compare;
mod eval;
mod pairs;
mod train;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "storyline",
    version,
    about = "Tells which news articles tell the same story"
)]
pub struct Cli {
    /// More log output on stderr (-v info, -vv debug).
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compare two articles (SemEval-2022 Task 8 scale, 1 = very similar, 4 = very dissimilar).
    Compare(compare::Args),
    /// Show what Storyline extracts from one article.
    Analyze(analyze::Args),
    /// Measure quality against gold labels.
    #[command(subcommand)]
    Eval(eval::EvalCommand),
    /// Fit the scorer on labelled pairs.
    #[command(subcommand)]
    Train(train::TrainCommand),
    /// Timings for docs/benchmarks.md (not tests).
    #[command(subcommand)]
    Bench(bench::BenchCommand),
}

/// Scorer model choice shared by the commands that score.
#[derive(clap::Args, Clone)]
pub struct ModelArgs {
    /// Scorer model file (JSON written by `storyline train`); default: the one built in.
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
}

impl ModelArgs {
    fn load(&self) -> anyhow::Result<std::borrow::Cow<'static, crate::relate::model::ScorerModel>> {
        use crate::relate::model::ScorerModel;
        Ok(match &self.model {
            Some(path) => std::borrow::Cow::Owned(ScorerModel::load(path)?),
            None => {
                std::borrow::Cow::Borrowed(ScorerModel::embedded().map_err(anyhow::Error::msg)?)
            }
        })
    }
}

/// Run the CLI; returns the process exit code.
pub fn run() -> i32 {
    let cli = Cli::parse();
    let level = match cli.verbose {
        0 => "warn",
        1 => "info",
        _ => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("STORYLINE_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(level));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
    let result = match cli.command {
        Command::Compare(args) => compare::run(args),
        Command::Analyze(args) => analyze::run(args),
        Command::Eval(cmd) => eval::run(cmd),
        Command::Train(cmd) => train::run(cmd),
        Command::Bench(cmd) => bench::run(cmd),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("storyline: error: {e:#}");
            1
        }
    }
}
