//! `/metrics` in the Prometheus text format (`prometheus-client`):
//! requests and latencies per route, articles ingested, and the store's
//! articles, stories and size read at scrape time.

use super::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;
use std::time::Instant;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    pub method: String,
    pub route: String,
    pub status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    pub route: String,
}

pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram>,
    pub ingested: Family<OutcomeLabels, Counter>,
    articles: Gauge<i64, std::sync::atomic::AtomicI64>,
    stories: Gauge<i64, std::sync::atomic::AtomicI64>,
    store_bytes: Gauge<f64, AtomicU64>,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct OutcomeLabels {
    pub status: String,
}

impl Metrics {
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("storyline");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register("http_requests", "HTTP requests answered", requests.clone());
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(exponential_buckets(0.0005, 2.0, 16))
        });
        registry.register(
            "http_request_duration_seconds",
            "Time to answer a request",
            latency.clone(),
        );
        let ingested = Family::<OutcomeLabels, Counter>::default();
        registry.register(
            "articles_ingested",
            "Articles received through the API, by outcome",
            ingested.clone(),
        );
        let articles = Gauge::default();
        registry.register("store_articles", "Articles in the store", articles.clone());
        let stories = Gauge::default();
        registry.register("store_stories", "Stories in the store", stories.clone());
        let store_bytes = Gauge::default();
        registry.register(
            "store_size_bytes",
            "Bytes the store directory takes on disk",
            store_bytes.clone(),
        );
        Metrics {
            registry,
            requests,
            latency,
            ingested,
            articles,
            stories,
            store_bytes,
        }
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

/// Middleware: count and time every request by its route pattern (not
/// its path, which would make one series per article id).
pub async fn track(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |m| m.as_str().to_owned());
    let method = req.method().to_string();
    let start = Instant::now();
    let resp = next.run(req).await;
    let m = &state.metrics;
    m.requests
        .get_or_create(&RequestLabels {
            method,
            route: route.clone(),
            status: resp.status().as_u16(),
        })
        .inc();
    m.latency
        .get_or_create(&RouteLabels { route })
        .observe(start.elapsed().as_secs_f64());
    resp
}

pub async fn scrape(State(state): State<Arc<AppState>>) -> Response {
    let s = state.clone();
    let counts = tokio::task::spawn_blocking(move || s.reader().counts()).await;
    let m = &state.metrics;
    if let Ok(Ok(c)) = counts {
        m.articles.set(c.articles);
        m.stories.set(c.stories);
        m.store_bytes.set(c.bytes_on_disk as f64);
    }
    let mut body = String::new();
    if let Err(e) = prometheus_client::encoding::text::encode(&mut body, &m.registry) {
        return super::api::ApiError::internal(format!("cannot encode metrics: {e}"))
            .into_response();
    }
    (
        [(
            CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        body,
    )
        .into_response()
}
