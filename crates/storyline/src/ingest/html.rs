//! Saved HTML pages: main text and title by readability (`dom_smoothie`),
//! publication date from the page's metadata.

use super::article::{Article, DateSource};
use super::load::parse_date;
use super::plain::parse_plain;

const MIN_ARTICLE_WORDS: usize = 12;

pub fn parse_html(html: &str) -> Result<Article, String> {
    let mut reader = dom_smoothie::Readability::new(html, None, None)
        .map_err(|e| format!("cannot parse HTML: {e}"))?;
    let page = reader
        .parse()
        .map_err(|e| format!("no article text found in the HTML page: {e}"))?;
    let text = page.text_content.trim().to_string();
    // A menu, a cookie wall or an error page yields a few stray words:
    // that is no article.
    if text.split_whitespace().count() < MIN_ARTICLE_WORDS {
        return Err(format!(
            "no article text found in the HTML page (under {MIN_ARTICLE_WORDS} words of main text)"
        ));
    }
    let mut article = parse_plain(&format!("{}\n\n{}", page.title.trim(), text));
    if let Some(date) = page.published_time.as_deref().and_then(parse_date) {
        article.date = Some(date);
        article.date_source = Some(DateSource::HtmlMeta);
    }
    if let Some(lang) = page.lang.as_deref() {
        article.lang = crate::analyse::language::validate_code(lang).ok();
    }
    article.url = canonical_url(html);
    article.date_from_address();
    Ok(article)
}

/// The page's own address: `<link rel="canonical">`, else `og:url`.
fn canonical_url(html: &str) -> Option<String> {
    let doc = dom_query::Document::from(html);
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
}
