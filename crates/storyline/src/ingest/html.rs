//! Saved HTML pages: main text and title by readability (`dom_smoothie`),
//! publication date from the page's metadata.

use super::article::{Article, DateSource};
use super::load::parse_date;
use super::plain::parse_plain;

const MIN_ARTICLE_WORDS: usize = 12;

/// Words of a text: Chinese and Japanese write no spaces between theirs,
/// and Unicode counts each of their characters as one; a word of those
/// languages is about two characters.
fn words(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    let (mut spaced, mut characters) = (0, 0);
    for w in text.unicode_words() {
        if w.chars().all(crate::lexicon::fold::is_unspaced) {
            characters += w.chars().count();
        } else {
            spaced += 1;
        }
    }
    spaced + characters.div_ceil(2)
}

pub fn parse_html(html: &str) -> Result<Article, String> {
    let mut reader = dom_smoothie::Readability::new(html, None, None)
        .map_err(|e| format!("cannot parse HTML: {e}"))?;
    let page = reader
        .parse()
        .map_err(|e| format!("no article text found in the HTML page: {e}"))?;
    let text = page.text_content.trim().to_string();
    // A menu, a cookie wall or an error page yields a few stray words:
    // that is no article.
    if words(&text) < MIN_ARTICLE_WORDS {
        return Err(format!(
            "no article text found in the HTML page (under {MIN_ARTICLE_WORDS} words of main text)"
        ));
    }
    let doc = dom_query::Document::from(html);
    let title = headline(&doc, page.title.trim(), page.site_name.as_deref());
    let mut article = parse_plain(&format!("{title}\n\n{text}"));
    let date = page
        .published_time
        .as_deref()
        .and_then(parse_date)
        .or_else(|| published_date(&doc));
    if let Some(date) = date {
        article.date = Some(date);
        article.date_source = Some(DateSource::HtmlMeta);
    }
    if let Some(lang) = page.lang.as_deref() {
        article.lang = crate::analyse::language::validate_code(lang).ok();
    }
    article.url = canonical_url(&doc);
    article.date_from_address();
    Ok(article)
}

/// The article's headline: the page title without the site's name that
/// pages append ("Storm hits Lisbon | Daily Planet"): the page's own `<h1>`
/// when the title opens with it, else the title cut before a separator
/// that leads to the site name.
fn headline(doc: &dom_query::Document, title: &str, site: Option<&str>) -> String {
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = squeeze(title);
    let h1 = squeeze(&doc.select("h1").first().text());
    if !h1.is_empty()
        && title.len() > h1.len()
        && title.to_lowercase().starts_with(&h1.to_lowercase())
    {
        return h1;
    }
    let mut cut = title.clone();
    if let Some(site) = site.map(squeeze).filter(|s| !s.is_empty()) {
        for sep in [" | ", " - ", " – ", " — ", " :: "] {
            if let Some((head, tail)) = title.rsplit_once(sep) {
                if tail.eq_ignore_ascii_case(&site) && !head.trim().is_empty() {
                    cut = head.trim().to_owned();
                    break;
                }
            }
        }
    }
    // A fuller `<h1>` that opens with the title is the editors' headline,
    // the title a shortened one for search engines ("Sevilla bate su
    // récord de temperatura" / "... con 46,2 grados").
    if h1.len() > cut.len()
        && h1.split_whitespace().count() <= MAX_HEADLINE_WORDS
        && h1.to_lowercase().starts_with(&cut.to_lowercase())
    {
        return h1;
    }
    cut
}

/// Words a headline has at most; a longer `<h1>` is a page's lead.
const MAX_HEADLINE_WORDS: usize = 40;

/// Metadata names (lower case) under which pages give their publication
/// date, beyond the ones readability reads: plain `name="date"` and
/// `pubdate`, Dublin Core, schema.org microdata, Open Graph variants and
/// those of common publishing systems.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "article:published",
    "published_time",
    "publication_date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "sailthru.date",
    "datepublished",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
];

/// The publication date from metadata readability does not read: `<meta>`
/// by name, property or itemprop, a `datePublished` element, `<time
/// pubdate>`, and JSON-LD without a schema.org context.
fn published_date(doc: &dom_query::Document) -> Option<chrono::NaiveDate> {
    let metas: Vec<(String, String)> = doc
        .select("meta[content]")
        .iter()
        .filter_map(|m| {
            let key = m
                .attr("property")
                .or_else(|| m.attr("name"))
                .or_else(|| m.attr("itemprop"))?;
            Some((key.trim().to_lowercase(), m.attr("content")?.to_string()))
        })
        .collect();
    let from_meta = DATE_META.iter().find_map(|want| {
        metas
            .iter()
            .filter(|(key, _)| key == want)
            .find_map(|(_, content)| parse_date(content))
    });
    from_meta
        .or_else(|| {
            doc.select(r#"[itemprop="datePublished"], time[pubdate]"#)
                .iter()
                .filter_map(|n| n.attr("datetime").or_else(|| n.attr("content")))
                .find_map(|v| parse_date(&v))
        })
        .or_else(|| {
            doc.select(r#"script[type="application/ld+json"]"#)
                .iter()
                .filter_map(|n| serde_json::from_str::<serde_json::Value>(&n.text()).ok())
                .find_map(|v| json_ld_date(&v))
        })
}

/// The first `datePublished` anywhere in a JSON-LD value.
fn json_ld_date(v: &serde_json::Value) -> Option<chrono::NaiveDate> {
    match v {
        serde_json::Value::Object(map) => map
            .get("datePublished")
            .and_then(|d| d.as_str())
            .and_then(parse_date)
            .or_else(|| map.values().find_map(json_ld_date)),
        serde_json::Value::Array(items) => items.iter().find_map(json_ld_date),
        _ => None,
    }
}

/// The page's own address: `<link rel="canonical">`, else `og:url`.
fn canonical_url(doc: &dom_query::Document) -> Option<String> {
    let pick = |selector: &str, attr: &str| {
        doc.select(selector)
            .iter()
            .filter_map(|n| n.attr(attr))
            .map(|v| v.trim().to_string())
            .find(|v| v.starts_with("http"))
    };
    pick(r#"link[rel="canonical"]"#, "href")
        .or_else(|| pick(r#"meta[property="og:url"]"#, "content"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_publication_date_and_text_are_used() {
        let html = r#"<!doctype html><html lang="en"><head><title>Turkey and Russia agree on Idlib</title>
            <meta property="article:published_time" content="2020-03-05T10:00:00Z">
            <link rel="canonical" href="https://news.example/world/idlib-deal"></head>
            <body><nav>Home | World</nav><article><h1>Turkey and Russia agree on Idlib</h1>
            <p>Russian President Vladimir Putin and Turkish President Recep Tayyip Erdogan agreed a ceasefire in Idlib after talks in Moscow on Thursday.</p>
            <p>The deal creates a security corridor along the M4 highway, officials in Ankara said, and joint patrols will begin next week.</p>
            </article></body></html>"#;
        let a = parse_html(html).unwrap();
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2020, 3, 5));
        assert_eq!(a.date_source, Some(DateSource::HtmlMeta));
        assert!(a.title.contains("Idlib"));
        assert!(a.full_text().contains("security corridor"));
        assert!(!a.full_text().contains("Home | World"));
        assert_eq!(
            a.url.as_deref(),
            Some("https://news.example/world/idlib-deal")
        );
    }

    const BODY: &str = "<p>A storm with winds of 120 kilometres an hour hit Lisbon on Saturday, felling trees and closing the port, the civil protection agency said.</p>\
        <p>Ferries across the Tagus were cancelled and schools in the district will stay closed on Monday, the mayor of Lisbon said.</p>";

    fn page(head: &str, body: &str) -> Article {
        let html = format!("<!doctype html><html><head>{head}</head><body><article>{body}{BODY}</article></body></html>");
        parse_html(&html).unwrap()
    }

    #[test]
    fn publication_dates_as_publishing_systems_write_them() {
        let d = chrono::NaiveDate::from_ymd_opt(2021, 2, 14);
        for head in [
            r#"<meta name="date" content="2021-02-14">"#,
            r#"<meta name="pubdate" content="2021-02-14T09:30:00Z">"#,
            r#"<meta name="article:published_time" content="2021-02-14T09:30:00+01:00">"#,
            r#"<meta itemprop="datePublished" content="2021-02-14">"#,
            r#"<meta name="DC.date.issued" content="2021-02-14">"#,
            r#"<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-02-14T09:30:00Z"}</script>"#,
        ] {
            let a = page(head, "");
            assert_eq!(a.date, d, "{head}");
            assert_eq!(a.date_source, Some(DateSource::HtmlMeta), "{head}");
        }
        let a = page("", r#"<time pubdate datetime="2021-02-14">Feb 14</time>"#);
        assert_eq!(a.date, d);
        // A page with no date stays undated.
        assert_eq!(page("", "").date, None);
    }

    #[test]
    fn a_short_page_without_spaces_is_an_article_and_a_cookie_wall_is_not() {
        // Two sentences of Chinese: no spaces, yet some forty words.
        let html = "<!doctype html><html lang=\"zh\"><head><title>台风登陆</title></head><body><article>\
            <p>台风10号于29日在鹿儿岛县登陆，造成六人死亡。</p>\
            <p>新干线在东京和名古屋之间恢复运行，丰田汽车表示将于3日恢复生产。</p></article></body></html>";
        let a = parse_html(html).unwrap();
        assert!(a.full_text().contains("鹿儿岛县"));
        let wall = "<!doctype html><html><head><title>Consent</title></head><body><div>\
            <p>We use cookies. Accept all or manage your choices.</p></div></body></html>";
        let err = parse_html(wall).unwrap_err();
        assert!(err.contains("no article text"), "{err}");
        let chinese_wall =
            "<!doctype html><html lang=\"zh\"><head><title>隐私</title></head><body><div>\
            <p>我们使用Cookie。接受全部。</p></div></body></html>";
        assert!(parse_html(chinese_wall).is_err());
    }

    #[test]
    fn the_headline_leaves_the_site_name_out() {
        let a = page(
            "<title>Storm hits Lisbon | Daily Planet</title>",
            "<h1>Storm hits Lisbon</h1>",
        );
        assert_eq!(a.title, "Storm hits Lisbon");
        let a = page(
            r#"<title>Storm hits Lisbon - Daily Planet</title><meta property="og:site_name" content="Daily Planet">"#,
            "",
        );
        assert_eq!(a.title, "Storm hits Lisbon");
        // A fuller `<h1>` than the title is the headline.
        let a = page(
            "<title>Sevilla bate su récord de temperatura | Diario</title>",
            "<h1>Sevilla bate su récord de temperatura con 46,2 grados</h1>",
        );
        assert_eq!(
            a.title,
            "Sevilla bate su récord de temperatura con 46,2 grados"
        );
    }
}
