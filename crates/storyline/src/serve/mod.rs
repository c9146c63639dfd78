//! Serve: one process offering the HTTP JSON API (`/v1/...`), the web
//! pages (`/`, `/stories/{id}`, `/articles/{id}`, `/compare`, `/duplicates`), health and
//! Prometheus metrics, over one store.
//!
//! Store calls are blocking (SQLite): handlers run them on tokio's blocking
//! pool. Writes go through one writer handle (SQLite allows one writer at
//! a time anyway); reads go through a small pool of read handles, which run
//! alongside the writer thanks to the write-ahead log.

pub mod api;
pub mod metrics;
pub mod openapi;
pub mod pages;
mod state;

pub use state::{AppState, Config};

use axum::routing::{get, post};
use axum::Router;
use std::sync::Arc;

/// The whole application: API, pages, health, metrics.
pub fn router(state: Arc<AppState>) -> Router {
    let max_body = state.config.max_body;
    Router::new()
        .route("/v1/articles", post(api::post_articles))
        .route(
            "/v1/articles/{id}",
            get(api::get_article).put(api::put_article),
        )
        .route("/v1/articles/{id}/related", get(api::get_related))
        .route("/v1/stories", get(api::list_stories))
        .route("/v1/stories/{id}", get(api::get_story))
        .route("/v1/compare", post(api::post_compare))
        .route("/v1/duplicates", get(api::list_duplicates))
        .route("/v1/search", get(api::search))
        .route("/v1/openapi.json", get(openapi::document))
        .route("/healthz", get(api::healthz))
        .route("/metrics", get(metrics::scrape))
        .route("/", get(pages::index))
        .route("/stories/{id}", get(pages::story))
        .route("/articles/{id}", get(pages::article))
        .route("/compare", get(pages::compare))
        .route("/duplicates", get(pages::duplicates))
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            api::refuse_oversized,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            metrics::track,
        ))
        .layer(axum::extract::DefaultBodyLimit::max(max_body))
        .with_state(state)
}

/// Bind and serve until Ctrl-C.
pub async fn run(state: Arc<AppState>, bind: std::net::SocketAddr) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {bind}: {e}"))?;
    let addr = listener.local_addr()?;
    // Tests and scripts read this line to find the port (with --port 0).
    eprintln!("storyline: listening on http://{addr}");
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
