//! The web pages: server-rendered HTML (`maud`, which escapes everything it
//! interpolates), one embedded stylesheet, no JavaScript, no external
//! assets. Stories list, story, article with related coverage, compare.

use super::api::{
    blocking, compare_values, find_stories, page_limit, ApiError, DuplicatesQuery, StoriesQuery,
    DUPLICATE_GROUPS, MAX_DUPLICATE_GROUPS,
};
use super::AppState;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup, PreEscaped, DOCTYPE};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashSet;
use std::sync::Arc;

const STYLE: &str = r#"
:root { --fg:#1d1d1f; --muted:#5c5c66; --bg:#fff; --line:#d9d9e0; --accent:#0b57d0; --mark:#fff1a8; }
@media (prefers-color-scheme: dark) { :root { --fg:#ececf1; --muted:#a9a9b3; --bg:#17171a; --line:#38383f; --accent:#8ab4f8; --mark:#5c4d00; } }
* { box-sizing: border-box; }
body { margin:0; font:16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--fg); background:var(--bg); }
header, main, footer { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
header { border-bottom:1px solid var(--line); padding-top:.75rem; padding-bottom:.75rem; }
header a { font-weight:700; text-decoration:none; color:var(--fg); }
a { color:var(--accent); }
h1 { font-size:1.5rem; line-height:1.25; margin:1rem 0 .5rem; }
h2 { font-size:1.15rem; margin:1.5rem 0 .5rem; }
.meta, .muted { color:var(--muted); font-size:.9rem; }
ul.stories, ul.plain { list-style:none; padding:0; margin:0; }
ul.stories li { padding:.75rem 0; border-bottom:1px solid var(--line); }
ul.stories a { font-weight:600; font-size:1.05rem; }
.chips { display:flex; flex-wrap:wrap; gap:.35rem; margin:.35rem 0; padding:0; list-style:none; }
.chips li { border:1px solid var(--line); border-radius:1rem; padding:.05rem .6rem; font-size:.85rem; }
.chips li.shared { background:var(--mark); }
form.filters { display:flex; flex-wrap:wrap; gap:.5rem; align-items:end; margin:1rem 0; }
form.filters label { display:flex; flex-direction:column; font-size:.85rem; color:var(--muted); }
input, select, button { font:inherit; padding:.35rem .5rem; border:1px solid var(--line); border-radius:.35rem; background:var(--bg); color:var(--fg); }
button { background:var(--accent); color:#fff; border:0; cursor:pointer; }
table { border-collapse:collapse; width:100%; }
th, td { text-align:left; padding:.4rem .5rem; border-bottom:1px solid var(--line); vertical-align:top; }
td.num { font-variant-numeric: tabular-nums; white-space:nowrap; }
details { margin:.25rem 0 .25rem 1rem; }
.pairs { display:grid; grid-template-columns:1fr 1fr; gap:.75rem; }
.pairs > div { border:1px solid var(--line); border-radius:.5rem; padding:.5rem .75rem; }
mark { background:var(--mark); color:inherit; }
.body p { margin:.5rem 0; }
/* Titles and names in right-to-left scripts (Arabic) read right to left. */
li, td, .chips li { unicode-bidi: plaintext; }
@media (max-width: 40rem) { .pairs { grid-template-columns:1fr; } td.hide-narrow, th.hide-narrow { display:none; } }
"#;

fn page(title: &str, body: Markup) -> Response {
    let m = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · Storyline" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header { nav aria-label="Site" { a href="/" { "Storyline" } " " span.muted { "· which articles tell the same story" } " · " a href="/duplicates" { "Duplicates" } } }
                main { (body) }
                footer.muted { p { "Scores: 1 = very similar, 4 = very dissimilar (SemEval-2022 Task 8)." } }
            }
        }
    };
    Html(m.into_string()).into_response()
}

fn error_page(e: ApiError) -> Response {
    let status = e.status;
    let mut r = page(
        "Error",
        html! { h1 { "Sorry" } p { (e.message) } p { a href="/" { "Back to the stories" } } },
    );
    *r.status_mut() = status;
    r
}

fn span(v: &Value) -> String {
    match (v["first_date"].as_str(), v["last_date"].as_str()) {
        (Some(a), Some(b)) if a == b => a.to_owned(),
        (Some(a), Some(b)) => format!("{a} – {b}"),
        _ => "undated".to_owned(),
    }
}

/// A listed story's most named entities and places together, most
/// articles first (entities before places on ties).
fn top_labels(story: &Value, n: usize) -> Vec<String> {
    let mut names: Vec<(i64, String)> = ["entities", "places"]
        .iter()
        .flat_map(|k| story[*k].as_array().cloned().unwrap_or_default())
        .filter_map(|x| {
            Some((
                x["articles"].as_i64().unwrap_or(0),
                x["label"].as_str()?.to_owned(),
            ))
        })
        .collect();
    names.sort_by_key(|(articles, _)| std::cmp::Reverse(*articles));
    names.into_iter().take(n).map(|(_, label)| label).collect()
}

fn labels(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|n| n["label"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn opt(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("")
}

/// `/`: the story list with a filter form.
pub async fn index(
    State(state): State<Arc<AppState>>,
    q: Result<Query<StoriesQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    // A hand-edited address (`?limit=abc`) gets the page's own error page.
    let q = match q {
        Ok(Query(q)) => q,
        Err(e) => return error_page(ApiError::bad_request(e.body_text())),
    };
    let q2 = q.clone();
    let found = blocking(move || find_stories(&state, &q2)).await;
    let (stories, next) = match found {
        Ok(x) => x,
        Err(e) => return error_page(e),
    };
    let next_link = next.map(|c| {
        let mut params = vec![("cursor".to_owned(), c.to_string())];
        if let Some(limit) = q.limit {
            params.push(("limit".to_owned(), limit.to_string()));
        }
        for (k, v) in [
            ("q", &q.q),
            ("entity", &q.entity),
            ("place", &q.place),
            ("lang", &q.lang),
            ("from", &q.from),
            ("to", &q.to),
            ("order", &q.order),
        ] {
            if let Some(v) = v.as_deref().filter(|s| !s.is_empty()) {
                params.push((k.to_owned(), v.to_owned()));
            }
        }
        format!(
            "/?{}",
            params
                .iter()
                .map(|(k, v)| format!("{k}={}", urlencode(v)))
                .collect::<Vec<_>>()
                .join("&")
        )
    });
    let largest = q.order.as_deref() == Some("largest");
    page(
        "Stories",
        html! {
            h1 { "Stories" }
            form.filters method="get" action="/" role="search" {
                label { "Words" input type="search" name="q" value=(opt(&q.q)) placeholder="e.g. ceasefire"; }
                label { "Person or organisation" input type="text" name="entity" value=(opt(&q.entity)); }
                label { "Place" input type="text" name="place" value=(opt(&q.place)); }
                label { "Language" input type="text" name="lang" size="4" value=(opt(&q.lang)); }
                label { "From" input type="date" name="from" value=(opt(&q.from)); }
                label { "To" input type="date" name="to" value=(opt(&q.to)); }
                label { "Order"
                    select name="order" {
                        option value="newest" selected[!largest] { "Newest" }
                        option value="largest" selected[largest] { "Largest" }
                    }
                }
                button type="submit" { "Filter" }
            }
            @if stories.is_empty() { p { "No stories match." } }
            ul.stories {
                @for s in &stories {
                    li {
                        a href={ "/stories/" (s["id"]) } { (s["headline"].as_str().unwrap_or("(untitled)")) }
                        div.meta { (crate::views::article_count(s["articles"].as_i64().unwrap_or(0))) " · " (span(s)) " · " (s["languages"].as_array().map(|l| l.iter().filter_map(|x| x.as_str()).collect::<Vec<_>>().join(", ")).unwrap_or_default()) }
                        @let names = top_labels(s, 6);
                        @if !names.is_empty() { ul.chips { @for n in &names { li { (n) } } } }
                    }
                }
            }
            @if let Some(link) = next_link { p { a href=(link) rel="next" { "More stories" } } }
        },
    )
}

/// `/duplicates`: originals with their exact and near copies, largest
/// group first (what `storyline dups` lists).
pub async fn duplicates(
    State(state): State<Arc<AppState>>,
    q: Result<Query<DuplicatesQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let q = match q {
        Ok(Query(q)) => q,
        Err(e) => return error_page(ApiError::bad_request(e.body_text())),
    };
    let limit = match page_limit(q.limit, DUPLICATE_GROUPS, MAX_DUPLICATE_GROUPS) {
        Ok(l) => l,
        Err(e) => return error_page(e),
    };
    let groups = match blocking(move || Ok(state.reader().duplicate_groups(limit)?)).await {
        Ok(g) => g,
        Err(e) => return error_page(e),
    };
    page(
        "Duplicates",
        html! {
            h1 { "Duplicates" }
            p.muted { "Exact copies (the same text once normalised) and near copies (syndicated or lightly edited, same language), each under the article stored first." }
            @if groups.is_empty() { p { "No duplicates stored." } }
            ul.stories {
                @for g in &groups {
                    li {
                        a href={ "/articles/" (urlencode(&g.original.id)) } { (g.original.heading()) }
                        div.meta {
                            (g.original.date.map_or("undated".to_owned(), |d| d.to_string()))
                            @if let Some(src) = source_label(g.original.source.as_deref(), g.original.url.as_deref()) { " · " (src) }
                            @if let Some(story) = g.original.story { " · " a href={ "/stories/" (story) } { "story #" (story) } }
                        }
                        ul {
                            @for c in &g.copies {
                                li {
                                    @if let Some(d) = &c.duplicate { (d.kind.as_str()) " copy (" (format!("{:.2}", d.similarity)) "): " }
                                    a href={ "/articles/" (urlencode(&c.id)) } { (c.heading()) }
                                    @if let Some(src) = source_label(c.source.as_deref(), c.url.as_deref()) { span.muted { " · " (src) } }
                                }
                            }
                        }
                    }
                }
            }
        },
    )
}

/// What the pages show as an article's source: the site of an address
/// ("reuters.com"), the file name of a file ingested from disk (where the
/// server keeps its files is no business of its readers), else the source
/// as given ("Reuters/AP").
fn source_label(source: Option<&str>, url: Option<&str>) -> Option<String> {
    let s = source.or(url).map(str::trim).filter(|s| !s.is_empty())?;
    let file_name = |p: &str| {
        std::path::Path::new(p)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
    };
    if let Ok(u) = url::Url::parse(s) {
        if let Some(host) = u.host_str() {
            return Some(host.trim_start_matches("www.").to_owned());
        }
        if u.scheme() == "file" {
            return file_name(u.path());
        }
    }
    let looks_like_path = s.starts_with(['/', '.', '~'])
        || s.contains('\\')
        || (s.contains('/') && std::path::Path::new(s).extension().is_some());
    match looks_like_path {
        true => file_name(&s.replace('\\', "/")),
        false => Some(s.to_owned()),
    }
}

/// A value made safe for a URL path segment or query.
/// Characters a path segment or query value must escape: all but RFC
/// 3986's unreserved ones, so ids such as `1_10ecb` stay readable.
const ESCAPED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

fn urlencode(s: &str) -> String {
    // "." and ".." as a path segment would be resolved away by browsers.
    if s.chars().all(|c| c == '.') {
        return s.replace('.', "%2E");
    }
    percent_encoding::utf8_percent_encode(s, ESCAPED).to_string()
}

/// `/stories/{id}`.
pub async fn story(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return error_page(ApiError::not_found("story ids are numbers"));
    };
    let found = blocking(move || {
        let store = state.reader();
        let s = store
            .story(id)?
            .ok_or_else(|| ApiError::not_found(format!("There is no story {id}.")))?;
        Ok(crate::views::story_detail(store.as_ref(), &s)?)
    })
    .await;
    let v = match found {
        Ok(v) => v,
        Err(e) => return error_page(e),
    };
    let timeline = v["timeline"].as_array().cloned().unwrap_or_default();
    let originals: Vec<&Value> = timeline
        .iter()
        .filter(|a| a["duplicate"].is_null())
        .collect();
    let copies_of = |id: &Value| -> Vec<&Value> {
        timeline
            .iter()
            .filter(|a| a["duplicate"]["of"] == *id)
            .collect()
    };
    let orphan_copies: Vec<&Value> = timeline
        .iter()
        .filter(|a| {
            !a["duplicate"].is_null() && !originals.iter().any(|o| o["id"] == a["duplicate"]["of"])
        })
        .collect();
    let headline = v["headline"].as_str().unwrap_or("(untitled)").to_owned();
    page(
        &headline,
        html! {
            h1 dir="auto" { (headline) }
            p.meta { (crate::views::article_count(v["articles"].as_i64().unwrap_or(0))) " · " (span(&v)) }
            @let entities = labels(&v["entities"]);
            @let places = labels(&v["places"]);
            // A heading over nothing reads as a fault: say so instead.
            h2 { "Key entities" }
            @if entities.is_empty() { p.meta { "none found" } }
            ul.chips { @for n in entities { li { (n) } } }
            h2 { "Key places" }
            @if places.is_empty() { p.meta { "none found" } }
            ul.chips { @for n in places { li { (n) } } }
            h2 { "Timeline" }
            table {
                thead { tr { th scope="col" { "Date" } th scope="col" { "Article" } th.hide-narrow scope="col" { "Source" } th scope="col" { "Lang" } } }
                tbody {
                    @for a in originals.iter().chain(orphan_copies.iter()) {
                        tr {
                            td.num { (a["date"].as_str().unwrap_or("undated")) }
                            td {
                                a href={ "/articles/" (urlencode(a["id"].as_str().unwrap_or(""))) } { (a["title"].as_str().unwrap_or("")) }
                                @let copies = copies_of(&a["id"]);
                                @if !copies.is_empty() {
                                    details {
                                        summary { (copies.len()) " duplicate" @if copies.len() > 1 { "s" } " folded" }
                                        ul.plain { @for c in &copies {
                                            li { (c["duplicate"]["kind"].as_str().unwrap_or("")) " copy: "
                                                a href={ "/articles/" (urlencode(c["id"].as_str().unwrap_or(""))) } { (source_label(c["source"].as_str(), None).or(c["id"].as_str().map(str::to_owned)).unwrap_or_default()) } }
                                        } }
                                    }
                                }
                            }
                            td.hide-narrow { (source_label(a["source"].as_str(), a["url"].as_str()).unwrap_or_default()) }
                            td { (a["lang"].as_str().unwrap_or("")) }
                        }
                    }
                }
            }
            @let related = v["related_stories"].as_array().cloned().unwrap_or_default();
            @if !related.is_empty() {
                h2 { "Same thread" }
                ul.plain { @for r in &related {
                    li { a href={ "/stories/" (r["id"]) } { (r["headline"].as_str().unwrap_or("")) } }
                } }
            }
        },
    )
}

/// `/articles/{id}`: the article and its related coverage.
pub async fn article(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    let found = blocking(move || {
        let store = state.reader();
        let a = store
            .article(&id)?
            .ok_or_else(|| ApiError::not_found(format!("There is no article {id:?}.")))?;
        let scorers = state.scorers()?;
        let (_, related) =
            crate::related::related(store.as_ref(), &id, 10, &scorers, state.compare_encoders())?;
        let related: Vec<Value> = related
            .iter()
            .map(|r| {
                json!({"id": r.id, "title": r.title, "story": r.story, "found_by": r.found_by,
                    "overall": r.comparison.scores.get(crate::relate::scores::Dimension::Overall),
                    "summary": r.comparison.explanation.summary})
            })
            .collect();
        let earlier = store.earlier_versions(&a.id)?;
        Ok((a, related, earlier))
    })
    .await;
    let (a, related, earlier) = match found {
        Ok(x) => x,
        Err(e) => return error_page(e),
    };
    let heading = a.heading();
    page(
        &heading,
        html! {
            h1 lang=(a.lang) dir="auto" { (heading) }
            p.meta {
                (a.date.map_or("undated".to_owned(), |d| d.to_string())) " · " (a.lang)
                @if let Some(src) = source_label(a.source.as_deref(), a.url.as_deref()) {
                    " · "
                    @match a.url.as_deref().filter(|u| u.starts_with("http")) {
                        Some(u) => a href=(u) rel="noopener" { (src) },
                        None => (src),
                    }
                }
                @if let Some(s) = a.story { " · " a href={ "/stories/" (s) } { "story " (s) } }
            }
            @if let Some(d) = &a.duplicate { p.muted { (d.kind.as_str()) " copy of " a href={ "/articles/" (urlencode(&d.of)) } { (d.of) } } }
            @if let Some(c) = &a.caption { p.muted lang=(a.lang) dir="auto" { (c) } }
            div.body lang=(a.lang) { @for p in a.body.split('\n').filter(|p| !p.trim().is_empty()) { p dir="auto" { (p) } } }
            @if !earlier.is_empty() {
                h2 { "Earlier versions" }
                p.muted { "Corrections replaced this article " (earlier.len()) (if earlier.len() == 1 { " time" } else { " times" }) "; what it said before, oldest first:" }
                @for v in &earlier {
                    details {
                        summary { "Replaced " (v.replaced_at) ": " span lang=(a.lang) dir="auto" { (v.title) } }
                        div.body lang=(a.lang) { @for p in v.body.split('\n').filter(|p| !p.trim().is_empty()) { p dir="auto" { (p) } } }
                    }
                }
            }
            h2 { "Related coverage" }
            @if related.is_empty() { p { "Nothing related is stored." } }
            table {
                @if !related.is_empty() { thead { tr { th scope="col" { "Overall" } th scope="col" { "Article" } th.hide-narrow scope="col" { "Why" } } } }
                tbody { @for r in &related {
                    tr {
                        td.num { (format!("{:.2}", r["overall"].as_f64().unwrap_or(0.0))) }
                        td {
                            a href={ "/articles/" (urlencode(r["id"].as_str().unwrap_or(""))) } { (r["title"].as_str().unwrap_or("")) }
                            " · " a href={ "/compare?a=" (urlencode(&a.id)) "&b=" (urlencode(r["id"].as_str().unwrap_or(""))) } { "compare" }
                        }
                        td.hide-narrow.muted { (r["summary"].as_str().unwrap_or("")) }
                    }
                } }
            }
        },
    )
}

#[derive(Deserialize)]
pub struct CompareQuery {
    a: Option<String>,
    b: Option<String>,
}

/// Highlight the shared words of a sentence.
fn highlight(text: &str, shared: &HashSet<String>) -> Markup {
    let words: Vec<&str> = text.split(' ').collect();
    html! {
        @for (i, w) in words.iter().enumerate() {
            @if i > 0 { " " }
            @let key = crate::lexicon::fold::fold(w.trim_matches(|c: char| !c.is_alphanumeric()));
            @if !key.is_empty() && shared.contains(&key) { mark { (w) } } @else { (w) }
        }
    }
}

/// `/compare?a=ID&b=ID`: seven scores and the evidence side by side.
pub async fn compare(
    State(state): State<Arc<AppState>>,
    Query(q): Query<CompareQuery>,
) -> Response {
    let (Some(a), Some(b)) = (q.a.filter(|s| !s.is_empty()), q.b.filter(|s| !s.is_empty())) else {
        return page(
            "Compare",
            html! {
                h1 { "Compare two articles" }
                form.filters method="get" action="/compare" {
                    label { "First article id" input type="text" name="a" required; }
                    label { "Second article id" input type="text" name="b" required; }
                    button type="submit" { "Compare" }
                }
            },
        );
    };
    let (ia, ib) = (a.clone(), b.clone());
    let found = blocking(move || {
        let store = state.reader();
        let ta = store.article(&ia)?.map(|x| x.heading()).unwrap_or_default();
        let tb = store.article(&ib)?.map(|x| x.heading()).unwrap_or_default();
        drop(store);
        let c = compare_values(&state, &json!({"id": ia}), &json!({"id": ib}))?;
        Ok((c, ta, tb))
    })
    .await;
    let (c, ta, tb) = match found {
        Ok(x) => x,
        Err(e) => return error_page(e),
    };
    let dims = crate::relate::scores::Dimension::ALL.map(|d| d.name());
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|x| {
                x.iter()
                    .filter_map(|s| s.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let shared_places = strings(&c["explanation"]["places"]["shared"]);
    let shared_entities: Vec<String> = c["explanation"]["entities"]["shared"]
        .as_array()
        .map(|x| {
            x.iter()
                .filter_map(|m| m["a"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let pairs = c["explanation"]["sentence_pairs"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    page(
        "Compare",
        html! {
            h1 { "Compare" }
            p { a href={ "/articles/" (urlencode(&a)) } { (ta) } " and " a href={ "/articles/" (urlencode(&b)) } { (tb) } }
            p { (c["explanation"]["summary"].as_str().unwrap_or("")) }
            table aria-label="Scores" {
                thead { tr { th scope="col" { "Dimension" } th scope="col" { "Score" } } }
                tbody { @for d in dims {
                    tr { td { (d) } td.num { (format!("{:.2}", c[d].as_f64().unwrap_or(0.0))) } }
                } }
            }
            h2 { "Shared places" }
            ul.chips { @for p in &shared_places { li.shared { (p) } } }
            @let only_a = strings(&c["explanation"]["places"]["only_a"]); @let only_b = strings(&c["explanation"]["places"]["only_b"]);
            @if !only_a.is_empty() || !only_b.is_empty() {
                p.muted { "Only in the first: " (crate::relate::report::or_none(&only_a)) ". Only in the second: " (crate::relate::report::or_none(&only_b)) "." }
            }
            h2 { "Shared people and organisations" }
            ul.chips { @for e in &shared_entities { li.shared { (e) } } }
            h2 { "Best-matching sentences" }
            @for p in &pairs {
                @let shared: HashSet<String> = strings(&p["shared"]).iter().map(|s| crate::lexicon::fold::fold(s)).collect();
                div.pairs {
                    div dir="auto" { (highlight(p["a"].as_str().unwrap_or(""), &shared)) }
                    div dir="auto" { (highlight(p["b"].as_str().unwrap_or(""), &shared)) }
                }
                p.muted { (pair_similarity(p)) }
            }
        },
    )
}

/// How close a sentence pair is, as the command line says it: by meaning
/// when the articles were embedded (what ranked the pair), and by words.
fn pair_similarity(pair: &serde_json::Value) -> String {
    let words = pair["similarity"].as_f64().unwrap_or(0.0);
    match pair["meaning_similarity"].as_f64() {
        Some(meaning) => format!("meaning {meaning:.2}, words {words:.2}"),
        None => format!("words {words:.2}"),
    }
}

#[cfg(test)]
mod tests {
    use super::{pair_similarity, source_label, urlencode};
    use crate::relate::report::or_none;

    #[test]
    fn sentence_pairs_show_meaning_and_words_and_empty_lists_say_none() {
        let pair = serde_json::json!({"similarity": 0.09, "meaning_similarity": 0.77});
        assert_eq!(pair_similarity(&pair), "meaning 0.77, words 0.09");
        let pair = serde_json::json!({"similarity": 0.5});
        assert_eq!(pair_similarity(&pair), "words 0.50");
        assert_eq!(or_none::<String>(&[]), "none");
        assert_eq!(or_none(&["Kazan", "Moscow"]), "Kazan, Moscow");
    }

    #[test]
    fn links_to_articles_keep_ids_readable_and_whole() {
        assert_eq!(urlencode("1_10ecb"), "1_10ecb");
        assert_eq!(urlencode("wire/2020 03.txt"), "wire%2F2020%2003.txt");
        assert_eq!(urlencode("Çavuşoğlu"), "%C3%87avu%C5%9Fo%C4%9Flu");
        // Dot segments would be resolved away by the browser.
        assert_eq!(urlencode(".."), "%2E%2E");
        assert_eq!(urlencode("."), "%2E");
    }

    #[test]
    fn sources_show_the_site_or_the_file_name_never_the_servers_paths() {
        let label = |s: &str| source_label(Some(s), None);
        assert_eq!(
            label("https://www.reuters.com/world/talks-in-ankara").as_deref(),
            Some("reuters.com")
        );
        assert_eq!(
            label("/home/desk/feeds/2020-03/ankara.txt").as_deref(),
            Some("ankara.txt")
        );
        assert_eq!(label("feeds/ankara.html").as_deref(), Some("ankara.html"));
        assert_eq!(label(r"C:\feeds\ankara.txt").as_deref(), Some("ankara.txt"));
        assert_eq!(
            label("file:///srv/ankara.txt").as_deref(),
            Some("ankara.txt")
        );
        assert_eq!(label("Reuters/AP").as_deref(), Some("Reuters/AP"));
        assert_eq!(
            source_label(None, Some("http://news.example/a")).as_deref(),
            Some("news.example")
        );
        assert_eq!(source_label(Some("  "), None), None);
    }
}
