//! The JSON API under `/v1`. Every error is JSON, `{"error": "..."}`,
//! naming the problem; 4xx for the client's, 5xx only for the server's.

use super::openapi::{ArticleInput, CompareRequest, ErrorBody, IngestAnswer, StoriesPage};
use super::AppState;
use crate::analyse::analyse_with;
use crate::ingest::article::Article;
use crate::ingest::load::{parse_date, ArticleRecord};
use crate::lexicon::fold::fold;
use crate::pipeline::{prepare, store_batch, OnChange, Summary};
use crate::relate::compare;
use crate::store::{StoryFilter, StoryOrder};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use rayon::prelude::*;
use serde::Deserialize;
use serde_json::{json, Value};
use std::sync::Arc;

/// An error answer: status and a message naming the problem.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
    pub details: Option<Value>,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
            details: None,
        }
    }
    pub fn bad_request(m: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, m)
    }
    pub fn unprocessable(m: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, m)
    }
    pub fn not_found(m: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, m)
    }
    pub fn internal(m: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, m)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if self.status.is_server_error() {
            tracing::error!("{}", self.message);
        }
        let mut body = json!({ "error": self.message });
        if let Some(d) = self.details {
            body["items"] = d;
        }
        (self.status, Json(body)).into_response()
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(e: anyhow::Error) -> ApiError {
        ApiError::internal(format!("{e:#}"))
    }
}

impl From<crate::store::StoreError> for ApiError {
    fn from(e: crate::store::StoreError) -> ApiError {
        ApiError::internal(e.to_string())
    }
}

pub type ApiResult = Result<Response, ApiError>;

/// Run blocking work (store, analysis) off the async threads.
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ApiError::internal(format!("worker failed: {e}")))?
}

/// The `limit` of a listing: its default when absent, at most `max`; 0 is
/// refused (it would list nothing).
pub(super) fn page_limit(
    limit: Option<usize>,
    default: usize,
    max: usize,
) -> Result<usize, ApiError> {
    match limit {
        None => Ok(default),
        Some(0) => Err(ApiError::bad_request("limit must be at least 1")),
        Some(n) => Ok(n.min(max)),
    }
}

/// Refuse a body whose declared length is over the limit before reading
/// any of it (bodies without a length are cut at the limit as they are
/// read, by `DefaultBodyLimit`).
pub async fn refuse_oversized(
    State(state): State<Arc<AppState>>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let declared = req
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    match declared {
        Some(n) if n > state.config.max_body as u64 => ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "request body of {n} bytes is over the limit of {} bytes (serve --max-body)",
                state.config.max_body
            ),
        )
        .into_response(),
        _ => next.run(req).await,
    }
}

fn body_error(e: BytesRejection) -> ApiError {
    ApiError::new(
        e.status(),
        format!("cannot read the request body: {}", e.body_text()),
    )
}

/// Refuse a body not declared as JSON (a form post, text, or none), which
/// a client sends by mistake (curl's `-d` sends a form).
fn require_json(headers: &HeaderMap) -> Result<(), ApiError> {
    let declared = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        });
    match declared.as_deref() {
        Some("application/json") => Ok(()),
        Some(t) if t.starts_with("application/") && t.ends_with("+json") => Ok(()),
        other => Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!(
                "the body must be JSON sent with `Content-Type: application/json` (got {})",
                other.map_or("no content type".to_owned(), |t| format!("`{t}`"))
            ),
        )),
    }
}

/// The request body as JSON: declared as JSON, read whole, parsed.
fn json_body(headers: &HeaderMap, body: Result<Bytes, BytesRejection>) -> Result<Value, ApiError> {
    require_json(headers)?;
    parse_json(&body.map_err(body_error)?)
}

fn parse_json(body: &[u8]) -> Result<Value, ApiError> {
    // Windows tools (PowerShell 5) open UTF-8 with a byte-order mark.
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::bad_request("empty request body: send JSON"));
    }
    serde_json::from_slice(body).map_err(|e| ApiError::bad_request(format!("invalid JSON: {e}")))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct IngestQuery {
    /// Store an article whose id is stored with other text or another date
    /// as a correction that replaces the stored version (kept as an earlier
    /// version), instead of reporting a conflict.
    pub replace: Option<bool>,
}

/// `POST /v1/articles`: one article object or an array. Every item is
/// validated first; if any is invalid nothing is stored and the answer
/// lists each bad item. Valid batches are stored in one transaction.
#[utoipa::path(post, path = "/v1/articles", tag = "articles", params(IngestQuery),
    request_body(content = ArticleInput, description = "One article, or a JSON array of them"),
    responses((status = 200, description = "What happened to each article", body = IngestAnswer),
        (status = 400, description = "Malformed request", body = ErrorBody), (status = 413, description = "Body over the limit", body = ErrorBody),
        (status = 415, description = "The body is not declared as JSON", body = ErrorBody),
        (status = 422, description = "Invalid articles; nothing stored", body = ErrorBody)))]
pub async fn post_articles(
    State(state): State<Arc<AppState>>,
    q: Result<Query<IngestQuery>, axum::extract::rejection::QueryRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let Query(q) = q.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let value = json_body(&headers, body)?;
    ingest_values(
        state,
        value,
        OnChange::replacing(q.replace.unwrap_or(false)),
    )
    .await
}

/// `PUT /v1/articles/{id}`: store one article under this id; if the id is
/// stored with other text or another date, the article replaces it as a
/// correction (the stored version is kept as an earlier version).
#[utoipa::path(put, path = "/v1/articles/{id}", tag = "articles",
    params(("id" = String, Path, description = "Article id")),
    request_body(content = ArticleInput, description = "The article; its `id`, if given, must be the one in the path"),
    responses((status = 200, description = "What happened to the article (`replaced`, `stored`, `already-stored`, `duplicate`)", body = IngestAnswer),
        (status = 400, description = "Malformed request", body = ErrorBody), (status = 413, description = "Body over the limit", body = ErrorBody),
        (status = 415, description = "The body is not declared as JSON", body = ErrorBody),
        (status = 422, description = "Invalid article, or an id other than the path's; nothing stored", body = ErrorBody)))]
pub async fn put_article(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let mut value = json_body(&headers, body)?;
    let Some(object) = value.as_object_mut() else {
        return Err(ApiError::unprocessable("expected one article object"));
    };
    match object.get("id") {
        None | Some(Value::Null) => {
            object.insert("id".into(), Value::String(id));
        }
        Some(Value::String(given)) if *given == id => {}
        Some(given) => {
            return Err(ApiError::unprocessable(format!(
                "the article's id {given} is not the id in the path, {id:?}"
            )))
        }
    }
    ingest_values(state, value, OnChange::Replace).await
}

async fn ingest_values(state: Arc<AppState>, value: Value, on_change: OnChange) -> ApiResult {
    let items: Vec<Value> = match value {
        Value::Array(v) => v,
        v @ Value::Object(_) => vec![v],
        _ => {
            return Err(ApiError::unprocessable(
                "expected an article object or an array of them",
            ))
        }
    };
    if items.is_empty() {
        return Err(ApiError::unprocessable("the array holds no articles"));
    }
    let mut articles = Vec::with_capacity(items.len());
    let mut problems = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let parsed = serde_json::from_value::<ArticleRecord>(item)
            .map_err(|e| e.to_string())
            .and_then(ArticleRecord::into_article);
        match parsed {
            Ok(a) => articles.push(a),
            Err(e) => problems.push(json!({"index": i, "error": e})),
        }
    }
    if !problems.is_empty() {
        let mut err = ApiError::unprocessable(format!(
            "{} of {} articles are invalid; nothing was stored",
            problems.len(),
            problems.len() + articles.len()
        ));
        err.details = Some(Value::Array(problems));
        return Err(err);
    }
    let st = state.clone();
    let outcomes = blocking(move || {
        let prepared: Vec<_> = articles
            .into_par_iter()
            .enumerate()
            .map(|(i, a)| prepare(a, format!("request item {i}"), &st.cluster_encoders))
            .collect();
        let mut w = st.writer();
        Ok(store_batch(
            w.as_mut(),
            &st.params,
            &prepared,
            &st.cluster_encoders,
            on_change,
        )?)
    })
    .await?;
    for o in &outcomes {
        let status = serde_json::to_value(o)
            .ok()
            .and_then(|v| v["status"].as_str().map(str::to_owned))
            .unwrap_or_default();
        state
            .metrics
            .ingested
            .get_or_create(&super::metrics::OutcomeLabels { status })
            .inc();
    }
    let mut summary = Summary::default();
    summary.add(&outcomes);
    Ok(Json(json!({ "articles": outcomes, "summary": summary })).into_response())
}

#[utoipa::path(get, path = "/v1/articles/{id}", tag = "articles",
    params(("id" = String, Path, description = "Article id")),
    responses((status = 200, description = "The stored article; `earlier_versions` (oldest first) when corrections replaced it", body = Object),
        (status = 404, description = "No such article", body = ErrorBody)))]
pub async fn get_article(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> ApiResult {
    let article = blocking(move || {
        let store = state.reader();
        let Some(a) = store.article(&id)? else {
            return Ok(Err(id));
        };
        Ok(Ok((a, store.earlier_versions(&id)?)))
    })
    .await?;
    match article {
        Ok((a, earlier)) => {
            let mut v = serde_json::to_value(a).map_err(|e| ApiError::internal(e.to_string()))?;
            // Versions corrections replaced, oldest first: only when there are.
            if !earlier.is_empty() {
                v["earlier_versions"] = json!(earlier);
            }
            Ok(Json(v).into_response())
        }
        Err(id) => Err(ApiError::not_found(format!("no article {id:?}"))),
    }
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LimitQuery {
    /// Most results (1 to 50, default 10).
    pub limit: Option<usize>,
}

#[utoipa::path(get, path = "/v1/articles/{id}/related", tag = "articles",
    params(("id" = String, Path, description = "Article id"), LimitQuery),
    responses((status = 200, description = "Related articles, most similar first, each with its comparison", body = Object),
        (status = 400, description = "Malformed request", body = ErrorBody),
        (status = 404, description = "No such article", body = ErrorBody)))]
pub async fn get_related(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    q: Result<Query<LimitQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult {
    let Query(q) = q.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let limit = page_limit(q.limit, 10, 50)?;
    let related = blocking(move || {
        let store = state.reader();
        if store.article(&id)?.is_none() {
            return Err(ApiError::not_found(format!("no article {id:?}")));
        }
        let scorers = state.scorers()?;
        let (_, related) = crate::related::related(
            store.as_ref(),
            &id,
            limit,
            &scorers,
            state.compare_encoders(),
        )?;
        Ok(related)
    })
    .await?;
    Ok(Json(json!({ "related": related })).into_response())
}

#[derive(Deserialize, Default, Clone, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StoriesQuery {
    /// A person or organisation the story names (accents and case ignored).
    pub entity: Option<String>,
    /// A city or region the story names.
    pub place: Option<String>,
    /// Language of one of its articles (ISO 639-1).
    pub lang: Option<String>,
    /// Stories with an article dated on or after (YYYY-MM-DD).
    pub from: Option<String>,
    /// Stories with an article dated on or before (YYYY-MM-DD).
    pub to: Option<String>,
    /// Full-text query over the stories' articles.
    pub q: Option<String>,
    /// `newest` (default) or `largest`.
    pub order: Option<String>,
    /// Stories per page (1 to 100, default 20).
    pub limit: Option<usize>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<i64>,
}

fn date_param(name: &str, v: &Option<String>) -> Result<Option<chrono::NaiveDate>, ApiError> {
    match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => parse_date(s).map(Some).ok_or_else(|| {
            ApiError::bad_request(format!(
                "`{name}`: cannot read {s:?} as a date (use YYYY-MM-DD)"
            ))
        }),
    }
}

/// Stories matching a query, one page, with the cursor of the next.
pub fn find_stories(
    state: &AppState,
    q: &StoriesQuery,
) -> Result<(Vec<Value>, Option<i64>), ApiError> {
    let limit = page_limit(q.limit, 20, 100)?;
    let order = match q.order.as_deref() {
        None | Some("" | "newest") => StoryOrder::Newest,
        Some("largest") => StoryOrder::Largest,
        Some(o) => {
            return Err(ApiError::bad_request(format!(
                "`order`: {o:?} is not `newest` or `largest`"
            )))
        }
    };
    let text = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(fold)
    };
    let (from, to) = (date_param("from", &q.from)?, date_param("to", &q.to)?);
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(ApiError::bad_request(format!(
                "`from` {f} is after `to` {t}: no date can be both"
            )));
        }
    }
    let mut filter = StoryFilter {
        entity: text(&q.entity).map(|e| crate::cluster::stored::entity_filter_key(&e)),
        places: match q.place.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(p) => Some(crate::cluster::stored::place_filter(
                state.reader().as_ref(),
                p,
            )?),
            None => None,
        },
        language: text(&q.lang)
            .map(|l| crate::analyse::language::validate_code(&l))
            .transpose()
            .map_err(ApiError::bad_request)?,
        from,
        to,
        order,
        after: q.cursor,
        limit: limit + 1,
    };
    let wanted: Option<std::collections::HashSet<i64>> =
        match q.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(query) => {
                let ix = state.search()?;
                Some(
                    ix.search(query, 500)?
                        .into_iter()
                        .filter_map(|h| h.story)
                        .collect(),
                )
            }
        };
    let store = state.reader();
    let mut page = Vec::new();
    loop {
        let batch = store.stories(&filter)?;
        let exhausted = batch.len() < filter.limit;
        for s in &batch {
            filter.after = Some(s.id);
            if wanted.as_ref().is_none_or(|w| w.contains(&s.id)) {
                page.push(s.clone());
            }
        }
        if page.len() > limit || exhausted {
            break;
        }
        filter.limit = 200;
    }
    let next = if page.len() > limit {
        page.truncate(limit);
        page.last().map(|s| s.id)
    } else {
        None
    };
    let stories = page
        .iter()
        .map(|s| crate::views::story(store.as_ref(), s))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((stories, next))
}

#[utoipa::path(get, path = "/v1/stories", tag = "stories", params(StoriesQuery),
    responses((status = 200, description = "One page of stories", body = StoriesPage), (status = 400, description = "Malformed request", body = ErrorBody)))]
pub async fn list_stories(
    State(state): State<Arc<AppState>>,
    q: Result<Query<StoriesQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult {
    let Query(q) = q.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let (stories, next) = blocking(move || find_stories(&state, &q)).await?;
    Ok(Json(json!({ "stories": stories, "next_cursor": next })).into_response())
}

#[utoipa::path(get, path = "/v1/stories/{id}", tag = "stories",
    params(("id" = i64, Path, description = "Story id")),
    responses((status = 200, description = "The story: timeline, key entities and places, related stories", body = Object),
        (status = 400, description = "A story id that is no number", body = ErrorBody),
        (status = 404, description = "No such story", body = ErrorBody)))]
pub async fn get_story(
    State(state): State<Arc<AppState>>,
    id: Result<Path<i64>, axum::extract::rejection::PathRejection>,
) -> ApiResult {
    let Path(id) = id.map_err(|_| ApiError::bad_request("story ids are numbers"))?;
    let v = blocking(move || {
        let store = state.reader();
        let s = store
            .story(id)?
            .ok_or_else(|| ApiError::not_found(format!("no story {id}")))?;
        Ok(crate::views::story_detail(store.as_ref(), &s)?)
    })
    .await?;
    Ok(Json(v).into_response())
}

/// An article to compare: a stored one by id, or one given inline.
fn resolve(state: &AppState, side: &str, v: &Value) -> Result<Article, ApiError> {
    let obj = v
        .as_object()
        .ok_or_else(|| ApiError::unprocessable(format!("`{side}`: expected an object")))?;
    if obj.contains_key("text") && obj.contains_key("id") {
        return Err(ApiError::unprocessable(format!(
            "`{side}`: give `id` (a stored article) or `text` (an inline one), not both"
        )));
    }
    if obj.contains_key("text") {
        let record: ArticleRecord = serde_json::from_value(v.clone())
            .map_err(|e| ApiError::unprocessable(format!("`{side}`: {e}")))?;
        return record
            .into_article()
            .map_err(|e| ApiError::unprocessable(format!("`{side}`: {e}")));
    }
    match obj.get("id") {
        Some(id) => {
            let id = id.as_str().map_or_else(|| id.to_string(), str::to_owned);
            let a = state
                .reader()
                .article(&id)?
                .ok_or_else(|| ApiError::not_found(format!("`{side}`: no article {id:?}")))?;
            Ok(a.to_article())
        }
        None => Err(ApiError::unprocessable(format!(
            "`{side}`: give `id` (a stored article) or `text`"
        ))),
    }
}

/// Compare two articles; the same JSON as `storyline compare --json`.
pub fn compare_values(state: &AppState, a: &Value, b: &Value) -> Result<Value, ApiError> {
    let a = resolve(state, "a", a)?;
    let b = resolve(state, "b", b)?;
    let enc = state.compare_encoders();
    let (aa, ab) = rayon::join(|| analyse_with(&a, enc), || analyse_with(&b, enc));
    let scorers = state.scorers()?;
    let c = compare(&aa, &ab, (&a.label(), &b.label()), &scorers);
    serde_json::to_value(c).map_err(|e| ApiError::internal(e.to_string()))
}

#[utoipa::path(post, path = "/v1/compare", tag = "compare", request_body = CompareRequest,
    responses((status = 200, description = "Seven scores (1 = very similar, 4 = very dissimilar) with the explanation", body = Object),
        (status = 400, description = "Malformed request", body = ErrorBody), (status = 404, description = "A stored article named by id is missing", body = ErrorBody),
        (status = 415, description = "The body is not declared as JSON", body = ErrorBody),
        (status = 422, description = "An article is invalid", body = ErrorBody)))]
pub async fn post_compare(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let v = json_body(&headers, body)?;
    let (Some(a), Some(b)) = (v.get("a").cloned(), v.get("b").cloned()) else {
        return Err(ApiError::unprocessable(
            "expected {\"a\": ARTICLE, \"b\": ARTICLE}, each {\"id\": ...} or {\"text\": ...}",
        ));
    };
    let c = blocking(move || compare_values(&state, &a, &b)).await?;
    Ok(Json(c).into_response())
}

/// Duplicate groups listed by default, and at most.
pub(super) const DUPLICATE_GROUPS: usize = 50;
pub(super) const MAX_DUPLICATE_GROUPS: usize = 500;

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DuplicatesQuery {
    /// Most groups (1 to 500, default 50), largest first.
    pub limit: Option<usize>,
}

#[utoipa::path(get, path = "/v1/duplicates", tag = "articles", params(DuplicatesQuery),
    responses((status = 200, description = "Duplicate groups, largest first: each original with its exact and near copies", body = Object), (status = 400, description = "Malformed request", body = ErrorBody)))]
pub async fn list_duplicates(
    State(state): State<Arc<AppState>>,
    q: Result<Query<DuplicatesQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult {
    let Query(q) = q.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let limit = page_limit(q.limit, DUPLICATE_GROUPS, MAX_DUPLICATE_GROUPS)?;
    let groups = blocking(move || Ok(state.reader().duplicate_groups(limit)?)).await?;
    Ok(Json(json!({ "groups": crate::views::duplicate_groups(&groups) })).into_response())
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    /// Words to look for.
    pub q: Option<String>,
    /// Most hits (1 to 100, default 10).
    pub limit: Option<usize>,
}

#[utoipa::path(get, path = "/v1/search", tag = "search", params(SearchQuery),
    responses((status = 200, description = "Best-matching stored articles", body = Object), (status = 400, description = "Malformed request", body = ErrorBody)))]
pub async fn search(
    State(state): State<Arc<AppState>>,
    q: Result<Query<SearchQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult {
    let Query(q) = q.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let query =
        q.q.filter(|s| !s.trim().is_empty())
            .ok_or_else(|| ApiError::bad_request("`q`: give words to search for"))?;
    let limit = page_limit(q.limit, 10, 100)?;
    let hits = blocking(move || Ok(state.search()?.search(&query, limit)?)).await?;
    Ok(Json(json!({ "hits": hits })).into_response())
}

#[utoipa::path(get, path = "/healthz", tag = "operations",
    responses((status = 200, description = "Serving, with store counts", body = Object)))]
pub async fn healthz(State(state): State<Arc<AppState>>) -> ApiResult {
    let counts = blocking(move || Ok(state.reader().counts()?)).await?;
    Ok(
        Json(json!({"status": "ok", "articles": counts.articles, "stories": counts.stories}))
            .into_response(),
    )
}

pub async fn not_found() -> ApiError {
    ApiError::not_found("no such route; see /v1/openapi.json")
}

/// A route that exists, asked with a method it does not take.
pub async fn method_not_allowed(method: axum::http::Method, uri: axum::http::Uri) -> ApiError {
    ApiError::new(
        axum::http::StatusCode::METHOD_NOT_ALLOWED,
        format!(
            "{method} is not allowed on {}; see /v1/openapi.json",
            uri.path()
        ),
    )
}

impl From<crate::index::search::SearchError> for ApiError {
    fn from(e: crate::index::search::SearchError) -> ApiError {
        ApiError::internal(e.to_string())
    }
}
