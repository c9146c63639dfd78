//! The `storyline` command line.

mod analyze;
mod bench;
mod bench_stream;
mod cluster;
mod compare;
mod eval;
mod ingest;
mod models;
mod pairs;
mod search;
mod serve;
mod stories;
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
    /// Group documents into stories, online in file order, without a store
    /// (one `{"id", "story"}` line per document).
    Cluster(cluster::Args),
    /// Show what Storyline extracts from one article.
    Analyze(analyze::Args),
    /// Store articles: deduplicate them and assign each to a story.
    Ingest(ingest::Args),
    /// List stored stories (newest or largest first, with filters).
    Stories(stories::ListArgs),
    /// Show one story: headline, key entities and places, timeline, thread.
    Story(stories::ShowArgs),
    /// List groups of exact and near-duplicate articles.
    Dups(stories::DupsArgs),
    /// Full-text search over stored articles.
    Search(search::SearchArgs),
    /// The stored articles most related to one, with the comparison.
    Related(search::RelatedArgs),
    /// Serve the HTTP JSON API and the web pages over a store.
    Serve(serve::Args),
    /// Measure quality against gold labels.
    #[command(subcommand)]
    Eval(eval::EvalCommand),
    /// Fit the scorer on labelled pairs.
    #[command(subcommand)]
    Train(train::TrainCommand),
    /// Install and list the neural models.
    #[command(subcommand)]
    Models(models::ModelsCommand),
    /// Timings for docs/benchmarks.md (not tests).
    #[command(subcommand)]
    Bench(bench::BenchCommand),
}

/// Scorer model choice shared by the commands that score.
#[derive(clap::Args, Clone)]
pub struct ModelArgs {
    /// Scorer model file (JSON written by `storyline train`); default: the ones built in.
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
    /// Do not load neural models: lexical features and the lexical scorer only (faster).
    #[arg(long)]
    lexical: bool,
}

/// Where the store is, for the commands that use one.
#[derive(clap::Args, Clone)]
pub struct StoreArgs {
    /// Store directory (default: $STORYLINE_HOME/store, else the platform
    /// data directory, e.g. ~/.local/share/storyline/store).
    #[arg(long, value_name = "DIR")]
    store: Option<PathBuf>,
}

impl StoreArgs {
    pub fn dir(&self) -> PathBuf {
        self.store.clone().unwrap_or_else(crate::store::default_dir)
    }
}

/// Models chosen for a run: scorers and encoders.
pub struct Loaded {
    user: Option<crate::relate::model::ScorerModel>,
    pub(crate) lexical_only: bool,
}

impl ModelArgs {
    pub(crate) fn load(&self) -> anyhow::Result<Loaded> {
        use crate::relate::model::ScorerModel;
        let user = match &self.model {
            Some(path) => Some(ScorerModel::load(path)?),
            None => None,
        };
        Ok(Loaded {
            user,
            lexical_only: self.lexical,
        })
    }
}

impl Loaded {
    pub fn scorers(&self) -> anyhow::Result<crate::relate::model::Scorers<'_>> {
        use crate::relate::features::FeatureSet;
        use crate::relate::model::Scorers;
        let mut s = Scorers::embedded().map_err(anyhow::Error::msg)?;
        if let Some(m) = &self.user {
            match m.feature_set() {
                Some(FeatureSet::Neural) => s.neural = Some(m),
                // Validated on load: anything else is the lexical set.
                _ => {
                    s.lexical = m;
                    s.neural = None;
                }
            }
        }
        if self.lexical_only {
            s.neural = None;
        }
        Ok(s)
    }

    /// Encoders to embed with: none for `--lexical` or when no neural scorer
    /// would use the vectors.
    pub fn encoders(&self) -> &'static crate::embed::encoders::Encoders {
        use crate::embed::encoders::Encoders;
        static NONE: std::sync::OnceLock<Encoders> = std::sync::OnceLock::new();
        let neural_scorer = self.scorers().map(|s| s.neural.is_some()).unwrap_or(false);
        if self.lexical_only || !neural_scorer {
            return NONE.get_or_init(Encoders::none);
        }
        Encoders::installed()
    }
}

/// A count such as `--limit`: a whole number of at least 1 (a limit of 0
/// would list nothing, and is more likely a slip than a wish).
pub(crate) fn count_arg(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("must be at least 1".into()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("{s:?} is not a whole number")),
    }
}

/// `println!` that returns the write error instead of panicking, so that a
/// closed pipe (`storyline eval ... | head`) ends the command quietly.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)?;
    }};
}
pub(crate) use outln;

/// `eprintln!` that never panics: with stderr closed (`... 2>&1 | head`)
/// a warning is lost, not the run.
macro_rules! errln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}
pub(crate) use errln;

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
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let result = match cli.command {
        Command::Compare(args) => compare::run(args),
        Command::Analyze(args) => analyze::run(args),
        Command::Cluster(args) => cluster::run(args),
        Command::Ingest(args) => ingest::run(args),
        Command::Stories(args) => stories::list(args),
        Command::Story(args) => stories::show(args),
        Command::Dups(args) => stories::dups(args),
        Command::Search(args) => search::search(args),
        Command::Related(args) => search::run_related(args),
        Command::Serve(args) => serve::run(args),
        Command::Eval(cmd) => eval::run(cmd),
        Command::Train(cmd) => train::run(cmd),
        Command::Bench(cmd) => bench::run(cmd),
        Command::Models(cmd) => models::run(cmd),
    };
    match result {
        Ok(code) => code,
        // The reader went away (`storyline stories | head`): what it read was
        // complete, so stop quietly, as Unix tools do.
        Err(e) if reader_went_away(&e) => 0,
        Err(e) => {
            errln!("storyline: error: {e:#}");
            1
        }
    }
}

fn reader_went_away(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
    })
}
