//! `storyline serve`: the HTTP API and web pages.

use super::{ModelArgs, StoreArgs};
use crate::serve::{AppState, Config};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

#[derive(clap::Args)]
pub struct Args {
    /// Address to listen on (loopback by default; 0.0.0.0 for all).
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
    /// Port (0 picks a free one; the address is printed on stderr).
    #[arg(long, default_value_t = 7878)]
    port: u16,
    #[command(flatten)]
    store: StoreArgs,
    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = 8 * 1024 * 1024)]
    max_body: usize,
    #[command(flatten)]
    model: ModelArgs,
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let models = args.model.load()?;
    let config = Config {
        store: args.store.dir(),
        max_body: args.max_body,
    };
    let state = Arc::new(AppState::open(config, models)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(crate::serve::run(
        state,
        SocketAddr::new(args.bind, args.port),
    ))?;
    Ok(0)
}
