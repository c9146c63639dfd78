//! The OpenAPI document, generated from the handlers' annotations
//! (`utoipa`) and served at `/v1/openapi.json`.

use axum::Json;
use serde_json::Value;
use utoipa::{OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Storyline",
        description = "Tells which news articles tell the same story. Scores use the SemEval-2022 Task 8 scale: 1 = very similar, 4 = very dissimilar."
    ),
    paths(
        super::api::post_articles,
        super::api::put_article,
        super::api::get_article,
        super::api::get_related,
        super::api::list_stories,
        super::api::get_story,
        super::api::post_compare,
        super::api::list_duplicates,
        super::api::search,
        super::api::healthz,
    ),
    components(schemas(ArticleInput, CompareRequest, ErrorBody, IngestAnswer, StoriesPage))
)]
pub struct ApiDoc;

/// An article as the API takes it (the JSONL ingest fields).
#[allow(dead_code)]
#[derive(ToSchema)]
pub struct ArticleInput {
    /// Stable id; default: the URL, else a hash of the text.
    id: Option<String>,
    title: Option<String>,
    /// The body (title line first when `title` is absent).
    text: String,
    url: Option<String>,
    /// Publication date, YYYY-MM-DD or RFC 3339.
    date: Option<String>,
    /// ISO 639-1; detected when absent.
    lang: Option<String>,
    source: Option<String>,
}

/// `{"a": ARTICLE, "b": ARTICLE}`, each `{"id": ...}` or an inline article.
#[allow(dead_code)]
#[derive(ToSchema)]
pub struct CompareRequest {
    #[schema(value_type = Object)]
    a: Value,
    #[schema(value_type = Object)]
    b: Value,
}

/// Every error answer.
#[allow(dead_code)]
#[derive(ToSchema)]
pub struct ErrorBody {
    /// What is wrong, naming the input.
    error: String,
    /// Per-item problems of a batch (`index`, `error`).
    #[schema(value_type = Option<Vec<Object>>)]
    items: Option<Vec<Value>>,
}

#[allow(dead_code)]
#[derive(ToSchema)]
pub struct IngestAnswer {
    /// Per article, in order: `id`, `status` (`stored`, `duplicate`,
    /// `already-stored`, `replaced` with its `revision`, `conflict`),
    /// `story`, `duplicate_of`.
    #[schema(value_type = Vec<Object>)]
    articles: Vec<Value>,
    #[schema(value_type = Object)]
    summary: Value,
}

#[allow(dead_code)]
#[derive(ToSchema)]
pub struct StoriesPage {
    #[schema(value_type = Vec<Object>)]
    stories: Vec<Value>,
    /// Pass as `cursor` for the next page; null on the last.
    next_cursor: Option<i64>,
}

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
