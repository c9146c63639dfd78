//! The embedded default backend: SQLite (bundled) in write-ahead-log mode.
//!
//! One file, `storyline.db`, in the store directory. WAL with
//! `synchronous=NORMAL` keeps every committed transaction across a killed
//! process (SQLite replays or discards the log on the next open), and lets
//! readers run while one writer writes.

use super::*;
use crate::lexicon::fold::{
    name_skeleton, romanised, with_initial_iotation, without_initial_iotation,
};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

/// Migrations, in order; the schema version is how many have run
/// (`PRAGMA user_version`). Never edit a released one: append.
const MIGRATIONS: &[&str] = &[
    // 1: articles, duplicates, stories and their indexes.
    r#"
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        caption TEXT,
        body TEXT,
        url TEXT,
        source TEXT,
        lang TEXT NOT NULL,
        date TEXT,
        date_source TEXT,
        content_hash TEXT NOT NULL,
        duplicate_of TEXT,
        duplicate_kind TEXT,
        duplicate_similarity REAL,
        story INTEGER,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_hash ON articles(content_hash);
    CREATE INDEX articles_story ON articles(story);
    CREATE INDEX articles_duplicate ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
    CREATE TABLE minhash_bands (
        band INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (band, seq)
    ) WITHOUT ROWID;
    CREATE TABLE paragraphs (
        hash INTEGER PRIMARY KEY,
        originals INTEGER NOT NULL
    );
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        headline TEXT NOT NULL,
        headline_article TEXT NOT NULL,
        headline_score REAL NOT NULL,
        articles INTEGER NOT NULL,
        first_date TEXT,
        last_date TEXT,
        created_seq INTEGER NOT NULL,
        updated_seq INTEGER NOT NULL,
        profile BLOB NOT NULL
    );
    CREATE INDEX stories_newest ON stories(updated_seq DESC, id DESC);
    CREATE INDEX stories_largest ON stories(articles DESC, id DESC);
    CREATE TABLE story_keys (
        key TEXT NOT NULL,
        story INTEGER NOT NULL,
        last_seq INTEGER NOT NULL,
        PRIMARY KEY (key, story)
    ) WITHOUT ROWID;
    CREATE INDEX story_keys_recent ON story_keys(key, last_seq DESC);
    CREATE TABLE story_names (
        story INTEGER NOT NULL,
        key TEXT NOT NULL,
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        articles INTEGER NOT NULL,
        PRIMARY KEY (story, key)
    ) WITHOUT ROWID;
    CREATE INDEX story_names_key ON story_names(key);
    CREATE TABLE story_links (
        a INTEGER NOT NULL,
        b INTEGER NOT NULL,
        similarity REAL NOT NULL,
        PRIMARY KEY (a, b)
    ) WITHOUT ROWID;
    "#,
    // 2: story languages from the index alone (story listings read them).
    r#"
    CREATE INDEX articles_story_lang ON articles(story, lang);
    "#,
    // 3: key names keep their rank (rows are listed in the clusterer's
    // order) and places their country, for country filters. Rows written
    // before have neither until their story is next updated.
    r#"
    ALTER TABLE story_names ADD COLUMN rank INTEGER;
    ALTER TABLE story_names ADD COLUMN country TEXT;
    CREATE INDEX story_names_country ON story_names(country) WHERE country IS NOT NULL;
    "#,
    // 4: names of people and organisations keep their romanised skeleton
    // (`fold::romanised`), so that an entity filter in one script finds
    // stories that write the name in another ("Lavrov", "Лавров"). Rows
    // written before have none until their story is next updated.
    r#"
    ALTER TABLE story_names ADD COLUMN skeleton TEXT;
    "#,
    // 5: corrections. A replaced article's earlier versions, whole, in the
    // order they were replaced (`rev` also tells the search index what to
    // index again).
    r#"
    CREATE TABLE article_revisions (
        rev INTEGER PRIMARY KEY,
        seq INTEGER NOT NULL,
        id TEXT NOT NULL,
        title TEXT NOT NULL,
        caption TEXT,
        body TEXT,
        url TEXT,
        source TEXT,
        lang TEXT NOT NULL,
        date TEXT,
        date_source TEXT,
        content_hash TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        replaced_at TEXT NOT NULL
    );
    CREATE INDEX article_revisions_seq ON article_revisions(seq);
    "#,
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

const DB_FILE: &str = "storyline.db";

pub struct SqliteStore {
    dir: PathBuf,
    conn: Connection,
}

fn backend(dir: &Path) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |e| StoreError::Backend {
        path: dir.to_owned(),
        message: e.to_string(),
    }
}

impl SqliteStore {
    pub fn open(dir: &Path, mode: OpenMode) -> Result<SqliteStore> {
        let file = dir.join(DB_FILE);
        if !file.exists() {
            if mode == OpenMode::Existing {
                return Err(StoreError::Missing {
                    path: dir.to_owned(),
                });
            }
            if dir.exists() && !dir.is_dir() {
                return Err(StoreError::Backend {
                    path: dir.to_owned(),
                    message: "is a file, not a store directory".into(),
                });
            }
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Backend {
                path: dir.to_owned(),
                message: format!("cannot create the store directory: {e}"),
            })?;
        }
        let err = backend(dir);
        let mut conn = Connection::open(&file).map_err(&err)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(&err)?;
        // Refuse a newer schema before changing anything, WAL mode included.
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| StoreError::Backend {
                path: dir.to_owned(),
                message: format!("{DB_FILE} is not a Storyline store: {e}"),
            })?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path: dir.to_owned(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(&err)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(&err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(&err)?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = conn.transaction().map_err(&err)?;
            tx.execute_batch(sql).map_err(&err)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)
                .map_err(&err)?;
            tx.commit().map_err(&err)?;
            tracing::info!(
                "store {}: schema migrated to version {}",
                dir.display(),
                i + 1
            );
        }
        Ok(SqliteStore {
            dir: dir.to_owned(),
            conn,
        })
    }

    fn err(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        backend(&self.dir)
    }
}

const ARTICLE_COLUMNS: &str = "a.seq, a.id, a.title, a.caption, COALESCE(a.body, o.body, ''), a.url, a.source, a.lang, a.date, a.date_source, a.duplicate_of, a.duplicate_kind, a.duplicate_similarity, a.story, a.ingested_at";
const ARTICLE_FROM: &str = "articles a LEFT JOIN articles o ON o.id = a.duplicate_of";

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

fn article_row(r: &Row) -> rusqlite::Result<StoredArticle> {
    article_row_at(r, 0)
}

/// An article from `ARTICLE_COLUMNS` starting at column `at`.
fn article_row_at(r: &Row, at: usize) -> rusqlite::Result<StoredArticle> {
    let duplicate = match (
        r.get::<_, Option<String>>(at + 10)?,
        r.get::<_, Option<String>>(at + 11)?,
    ) {
        (Some(of), Some(kind)) => DuplicateKind::parse(&kind).map(|kind| Duplicate {
            of,
            kind,
            similarity: r
                .get::<_, Option<f64>>(at + 12)
                .ok()
                .flatten()
                .unwrap_or(1.0),
        }),
        _ => None,
    };
    Ok(StoredArticle {
        seq: r.get(at)?,
        id: r.get(at + 1)?,
        title: r.get(at + 2)?,
        caption: r.get(at + 3)?,
        body: r.get(at + 4)?,
        url: r.get(at + 5)?,
        source: r.get(at + 6)?,
        lang: r.get(at + 7)?,
        date: date(r.get(at + 8)?),
        date_source: r.get(at + 9)?,
        duplicate,
        story: r.get(at + 13)?,
        ingested_at: r.get(at + 14)?,
    })
}

const STORY_COLUMNS: &str = "s.id, s.headline, s.headline_article, s.articles, s.first_date, s.last_date, s.created_seq, s.updated_seq, (SELECT group_concat(lang) FROM (SELECT lang FROM articles WHERE story = s.id GROUP BY lang ORDER BY count(*) DESC, lang))";

fn story_row(r: &Row) -> rusqlite::Result<StorySummary> {
    let langs: Option<String> = r.get(8)?;
    Ok(StorySummary {
        id: r.get(0)?,
        headline: r.get(1)?,
        headline_article: r.get(2)?,
        articles: r.get(3)?,
        first_date: date(r.get(4)?),
        last_date: date(r.get(5)?),
        created_seq: r.get(6)?,
        updated_seq: r.get(7)?,
        languages: langs
            .map(|l| l.split(',').map(str::to_owned).collect())
            .unwrap_or_default(),
    })
}

impl Store for SqliteStore {
    fn dir(&self) -> &Path {
        &self.dir
    }

    fn begin(&mut self) -> Result<Box<dyn Txn + '_>> {
        let dir = self.dir.clone();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(backend(&dir))?;
        Ok(Box::new(SqliteTxn { dir, tx }))
    }

    fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        self.conn
            .query_row(
                &format!("SELECT {ARTICLE_COLUMNS} FROM {ARTICLE_FROM} WHERE a.id = ?1"),
                [id],
                article_row,
            )
            .optional()
            .map_err(self.err())
    }

    fn article_by_seq(&self, seq: i64) -> Result<Option<StoredArticle>> {
        self.conn
            .query_row(
                &format!("SELECT {ARTICLE_COLUMNS} FROM {ARTICLE_FROM} WHERE a.seq = ?1"),
                [seq],
                article_row,
            )
            .optional()
            .map_err(self.err())
    }

    fn revised_after(&self, rev: i64, limit: usize) -> Result<Vec<(i64, StoredArticle)>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT r.rev, {ARTICLE_COLUMNS} FROM article_revisions r JOIN articles a ON a.seq = r.seq
                 LEFT JOIN articles o ON o.id = a.duplicate_of WHERE r.rev > ?1 ORDER BY r.rev LIMIT ?2"
            ))
            .map_err(self.err())?;
        let rows = stmt
            .query_map(params![rev, limit as i64], |r| {
                // `article_row` reads from column 0: shift past `rev`.
                let rev: i64 = r.get(0)?;
                Ok((rev, article_row_at(r, 1)?))
            })
            .map_err(self.err())?;
        rows.collect::<rusqlite::Result<_>>().map_err(self.err())
    }

    fn earlier_versions(&self, id: &str) -> Result<Vec<EarlierVersion>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT rev, title, caption, COALESCE(body, ''), date, ingested_at, replaced_at
                 FROM article_revisions WHERE id = ?1 ORDER BY rev",
            )
            .map_err(self.err())?;
        let rows = stmt
            .query_map([id], |r| {
                Ok(EarlierVersion {
                    revision: r.get(0)?,
                    title: r.get(1)?,
                    caption: r.get(2)?,
                    body: r.get(3)?,
                    date: date(r.get(4)?),
                    stored_at: r.get(5)?,
                    replaced_at: r.get(6)?,
                })
            })
            .map_err(self.err())?;
        rows.collect::<rusqlite::Result<_>>().map_err(self.err())
    }

    fn articles_after(&self, seq: i64, limit: usize) -> Result<Vec<StoredArticle>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {ARTICLE_COLUMNS} FROM {ARTICLE_FROM} WHERE a.seq > ?1 ORDER BY a.seq LIMIT ?2"
            ))
            .map_err(self.err())?;
        let rows = stmt
            .query_map(params![seq, limit as i64], article_row)
            .map_err(self.err())?;
        rows.collect::<rusqlite::Result<_>>().map_err(self.err())
    }

    fn story(&self, id: i64) -> Result<Option<StorySummary>> {
        self.conn
            .query_row(
                &format!("SELECT {STORY_COLUMNS} FROM stories s WHERE s.id = ?1"),
                [id],
                story_row,
            )
            .optional()
            .map_err(self.err())
    }

    fn stories(&self, f: &StoryFilter) -> Result<Vec<StorySummary>> {
        let mut clauses: Vec<String> = Vec::new();
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        use rusqlite::types::Value;
        if let Some(e) = &f.entity {
            args.push(Value::Text(e.clone()));
            let n = args.len();
            // The full name, its last word (a surname alone), or the
            // acronym a label gives in brackets ("... Organization (NATO)");
            // in any language or script, by the skeleton of a name of four
            // letters or more (shorter ones collide by chance). Rows stored
            // by earlier versions hold the plain romanised one.
            // A given name transliterated with or without the iotation of
            // its initial "e" ("Yelena" / "Elena") is tried both ways.
            let skeleton = name_skeleton(e);
            let across_scripts = if skeleton.chars().filter(char::is_ascii_alphabetic).count() >= 4
            {
                let mut forms = vec![
                    without_initial_iotation(&skeleton),
                    with_initial_iotation(&without_initial_iotation(&skeleton)),
                    skeleton,
                    romanised(e),
                ];
                forms.sort();
                forms.dedup();
                let marks: Vec<String> = forms
                    .into_iter()
                    .map(|f| {
                        args.push(Value::Text(f));
                        format!("?{}", args.len())
                    })
                    .collect();
                let like: String = marks
                    .iter()
                    .map(|m| format!(" OR skeleton LIKE '% ' || {m}"))
                    .collect();
                format!(" OR skeleton IN ({}){like}", marks.join(", "))
            } else {
                String::new()
            };
            // One word is also a first word: a family name written first
            // ("Yoon" of "Yoon Suk Yeol") or a name used alone ("Tedros"
            // of "Tedros Adhanom Ghebreyesus").
            let first_word = if e.contains(' ') {
                String::new()
            } else {
                format!(" OR key LIKE ?{n} || ' %'")
            };
            clauses.push(format!(
                "s.id IN (SELECT story FROM story_names WHERE (key = ?{n} OR key LIKE '% ' || ?{n}{first_word} OR label LIKE '%(' || ?{n} || ')%'{across_scripts}) AND kind <> 'place')"
            ));
        }
        if let Some(places) = &f.places {
            let mut marks = |values: &[String]| -> String {
                let first = args.len() + 1;
                args.extend(values.iter().map(|v| Value::Text(v.clone())));
                (first..first + values.len())
                    .map(|i| format!("?{i}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let keys = marks(&places.keys);
            let countries = marks(&places.countries);
            clauses.push(format!(
                "s.id IN (SELECT story FROM story_names WHERE kind = 'place' AND (key IN ({keys}) OR country IN ({countries})))"
            ));
        }
        if let Some(l) = &f.language {
            args.push(Value::Text(l.clone()));
            clauses.push(format!(
                "EXISTS (SELECT 1 FROM articles WHERE story = s.id AND lang = ?{})",
                args.len()
            ));
        }
        // One article dated within the range: a story with articles on
        // both sides of it but none inside has no coverage there. The
        // story's span narrows the candidates first.
        if f.from.is_some() || f.to.is_some() {
            let mut within = Vec::new();
            let mut span = Vec::new();
            if let Some(d) = f.from {
                args.push(Value::Text(d.to_string()));
                within.push(format!("date >= ?{}", args.len()));
                span.push(format!("s.last_date >= ?{}", args.len()));
            }
            if let Some(d) = f.to {
                args.push(Value::Text(d.to_string()));
                within.push(format!("date <= ?{}", args.len()));
                span.push(format!("s.first_date <= ?{}", args.len()));
            }
            clauses.extend(span);
            clauses.push(format!(
                "EXISTS (SELECT 1 FROM articles WHERE story = s.id AND {})",
                within.join(" AND ")
            ));
        }
        let (key, order) = match f.order {
            StoryOrder::Newest => ("updated_seq", "s.updated_seq DESC, s.id DESC"),
            StoryOrder::Largest => ("articles", "s.articles DESC, s.id DESC"),
        };
        if let Some(after) = f.after {
            args.push(Value::Integer(after));
            clauses.push(format!(
                "(s.{key}, s.id) < (SELECT {key}, id FROM stories WHERE id = ?{})",
                args.len()
            ));
        }
        let filter = if clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", clauses.join(" AND "))
        };
        args.push(Value::Integer(f.limit.max(1) as i64));
        let sql = format!(
            "SELECT {STORY_COLUMNS} FROM stories s {filter} ORDER BY {order} LIMIT ?{}",
            args.len()
        );
        let mut stmt = self.conn.prepare(&sql).map_err(self.err())?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args), story_row)
            .map_err(self.err())?;
        rows.collect::<rusqlite::Result<_>>().map_err(self.err())
    }

    fn story_articles(&self, id: i64, limit: usize) -> Result<Vec<StoredArticle>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {ARTICLE_COLUMNS} FROM {ARTICLE_FROM} WHERE a.story = ?1 ORDER BY a.date IS NULL, a.date, a.seq LIMIT ?2"
            ))
            .map_err(self.err())?;
        let rows = stmt
            .query_map(params![id, limit as i64], article_row)
            .map_err(self.err())?;
        rows.collect::<rusqlite::Result<_>>().map_err(self.err())
    }

    fn linked_stories(&self, id: i64) -> Result<Vec<(StorySummary, f64)>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {STORY_COLUMNS}, l.similarity FROM story_links l JOIN stories s ON s.id = CASE WHEN l.a = ?1 THEN l.b ELSE l.a END WHERE l.a = ?1 OR l.b = ?1 ORDER BY l.similarity DESC LIMIT 20"
            ))
            .map_err(self.err())?;
        let rows = stmt
            .query_map([id], |r| Ok((story_row(r)?, r.get::<_, f64>(9)?)))
            .map_err(self.err())?;
        rows.collect::<rusqlite::Result<_>>().map_err(self.err())
    }

    fn story_place_keys_without_country(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT DISTINCT key FROM story_names WHERE kind = 'place' AND country IS NULL",
            )
            .map_err(self.err())?;
        let rows = stmt.query_map([], |r| r.get(0)).map_err(self.err())?;
        rows.collect::<rusqlite::Result<_>>().map_err(self.err())
    }

    fn story_names(&self, id: i64, limit: usize) -> Result<Vec<StoryName>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT key, kind, label, articles, country FROM story_names WHERE story = ?1
                 ORDER BY rank IS NULL, rank, articles DESC, key LIMIT ?2",
            )
            .map_err(self.err())?;
        let rows = stmt
            .query_map(params![id, limit as i64], |r| {
                Ok(StoryName {
                    key: r.get(0)?,
                    kind: r.get(1)?,
                    label: r.get(2)?,
                    articles: r.get(3)?,
                    country: r.get(4)?,
                })
            })
            .map_err(self.err())?;
        rows.collect::<rusqlite::Result<_>>().map_err(self.err())
    }

    fn duplicate_groups(&self, limit: usize) -> Result<Vec<DuplicateGroup>> {
        let originals: Vec<String> = {
            let mut stmt = self
                .conn
                .prepare(
                    "SELECT duplicate_of FROM articles WHERE duplicate_of IS NOT NULL GROUP BY duplicate_of ORDER BY count(*) DESC, min(seq) LIMIT ?1",
                )
                .map_err(self.err())?;
            let rows = stmt
                .query_map([limit as i64], |r| r.get(0))
                .map_err(self.err())?;
            rows.collect::<rusqlite::Result<_>>().map_err(self.err())?
        };
        let mut groups = Vec::with_capacity(originals.len());
        for id in originals {
            let Some(original) = self.article(&id)? else {
                continue;
            };
            let mut stmt = self
                .conn
                .prepare_cached(&format!(
                    "SELECT {ARTICLE_COLUMNS} FROM {ARTICLE_FROM} WHERE a.duplicate_of = ?1 ORDER BY a.seq"
                ))
                .map_err(self.err())?;
            let copies = stmt
                .query_map([&id], article_row)
                .map_err(self.err())?
                .collect::<rusqlite::Result<_>>()
                .map_err(self.err())?;
            groups.push(DuplicateGroup { original, copies });
        }
        Ok(groups)
    }

    fn counts(&self) -> Result<Counts> {
        let (articles, exact, near): (i64, i64, i64) = self
            .conn
            .query_row(
                "SELECT count(*), count(*) FILTER (WHERE duplicate_kind = 'exact'), count(*) FILTER (WHERE duplicate_kind = 'near') FROM articles",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .map_err(self.err())?;
        let stories: i64 = self
            .conn
            .query_row("SELECT count(*) FROM stories", [], |r| r.get(0))
            .map_err(self.err())?;
        let bytes_on_disk = walk_size(&self.dir);
        Ok(Counts {
            articles,
            exact_duplicates: exact,
            near_duplicates: near,
            stories,
            bytes_on_disk,
        })
    }
}

fn walk_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

struct SqliteTxn<'c> {
    dir: PathBuf,
    tx: rusqlite::Transaction<'c>,
}

impl SqliteTxn<'_> {
    fn err(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        backend(&self.dir)
    }
}

fn head_row(r: &Row) -> rusqlite::Result<ArticleHead> {
    Ok(ArticleHead {
        seq: r.get(0)?,
        id: r.get(1)?,
        content_hash: r.get(2)?,
        story: r.get(3)?,
        duplicate_of: r.get(4)?,
        date: date(r.get(5)?),
    })
}

const HEAD_COLUMNS: &str = "seq, id, content_hash, story, duplicate_of, date";

fn state_row(r: &Row) -> rusqlite::Result<StoryState> {
    Ok(StoryState {
        headline: r.get(0)?,
        headline_article: r.get(1)?,
        headline_score: r.get(2)?,
        articles: r.get(3)?,
        first_date: date(r.get(4)?),
        last_date: date(r.get(5)?),
        created_seq: r.get(6)?,
        updated_seq: r.get(7)?,
        profile: r.get(8)?,
    })
}

impl SqliteTxn<'_> {
    /// Insert a story (`id` None: a new id) or replace its state.
    fn put_story(&mut self, id: Option<i64>, s: &StoryState) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO stories (id, headline, headline_article, headline_score, articles, first_date, last_date, created_seq, updated_seq, profile)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                 ON CONFLICT (id) DO UPDATE SET headline = excluded.headline,
                   headline_article = excluded.headline_article, headline_score = excluded.headline_score,
                   articles = excluded.articles, first_date = excluded.first_date, last_date = excluded.last_date,
                   created_seq = excluded.created_seq, updated_seq = excluded.updated_seq, profile = excluded.profile",
            )
            .and_then(|mut st| {
                st.execute(params![
                    id,
                    s.headline,
                    s.headline_article,
                    s.headline_score,
                    s.articles,
                    s.first_date.map(|d| d.to_string()),
                    s.last_date.map(|d| d.to_string()),
                    s.created_seq,
                    s.updated_seq,
                    s.profile,
                ])
            })
            .map_err(self.err())?;
        Ok(id.unwrap_or_else(|| self.tx.last_insert_rowid()))
    }
}

impl Txn for SqliteTxn<'_> {
    fn article_head(&mut self, id: &str) -> Result<Option<ArticleHead>> {
        self.tx
            .prepare_cached(&format!(
                "SELECT {HEAD_COLUMNS} FROM articles WHERE id = ?1"
            ))
            .and_then(|mut s| s.query_row([id], head_row).optional())
            .map_err(self.err())
    }

    fn article_with_hash(&mut self, hash: &str) -> Result<Option<ArticleHead>> {
        self.tx
            .prepare_cached(&format!(
                "SELECT {HEAD_COLUMNS} FROM articles WHERE content_hash = ?1 AND body IS NOT NULL ORDER BY seq LIMIT 1"
            ))
            .and_then(|mut s| s.query_row([hash], head_row).optional())
            .map_err(self.err())
    }

    fn band_matches(&mut self, bands: &[i64]) -> Result<Vec<(i64, usize)>> {
        let mut hits: std::collections::HashMap<i64, usize> = Default::default();
        let mut stmt = self
            .tx
            .prepare_cached("SELECT seq FROM minhash_bands WHERE band = ?1 LIMIT 1000")
            .map_err(backend(&self.dir))?;
        for b in bands {
            let rows = stmt
                .query_map([b], |r| r.get::<_, i64>(0))
                .map_err(backend(&self.dir))?;
            for seq in rows {
                *hits.entry(seq.map_err(backend(&self.dir))?).or_default() += 1;
            }
        }
        let mut v: Vec<(i64, usize)> = hits.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(v)
    }

    fn article_text(&mut self, seq: i64) -> Result<Option<(ArticleHead, String)>> {
        self.tx
            .prepare_cached(&format!(
                "SELECT {HEAD_COLUMNS}, title, COALESCE(caption, ''), COALESCE(body, '') FROM articles WHERE seq = ?1"
            ))
            .and_then(|mut s| {
                s.query_row([seq], |r| {
                    let text = format!(
                        "{}\n\n{}\n\n{}",
                        r.get::<_, String>(6)?,
                        r.get::<_, String>(7)?,
                        r.get::<_, String>(8)?
                    );
                    Ok((head_row(r)?, text))
                })
                .optional()
            })
            .map_err(self.err())
    }

    fn insert_article(&mut self, a: &NewArticle) -> Result<i64> {
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        self.tx
            .prepare_cached(
                "INSERT INTO articles (id, title, caption, body, url, source, lang, date, date_source, content_hash, duplicate_of, duplicate_kind, duplicate_similarity, story, ingested_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            )
            .and_then(|mut s| {
                s.execute(params![
                    a.id,
                    a.title,
                    a.caption,
                    a.body,
                    a.url,
                    a.source,
                    a.lang,
                    a.date.map(|d| d.to_string()),
                    a.date_source,
                    a.content_hash,
                    a.duplicate.as_ref().map(|d| d.of.clone()),
                    a.duplicate.as_ref().map(|d| d.kind.as_str()),
                    a.duplicate.as_ref().map(|d| d.similarity),
                    a.story,
                    now,
                ])
            })
            .map_err(self.err())?;
        Ok(self.tx.last_insert_rowid())
    }

    fn replace_article(&mut self, seq: i64, a: &NewArticle) -> Result<i64> {
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let dir = self.dir.clone();
        let run =
            |sql: &str, p: &[&dyn rusqlite::ToSql]| self.tx.execute(sql, p).map_err(backend(&dir));
        run(
            "INSERT INTO article_revisions (seq, id, title, caption, body, url, source, lang, date, date_source, content_hash, ingested_at, replaced_at)
             SELECT a.seq, a.id, a.title, COALESCE(a.caption, o.caption), COALESCE(a.body, o.body), a.url, a.source, a.lang, a.date, a.date_source, a.content_hash, a.ingested_at, ?2
             FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of WHERE a.seq = ?1",
            &[&seq, &now],
        )?;
        let rev = self.tx.last_insert_rowid();
        // Exact copies read their text from this article: they keep the
        // text they copied.
        run(
            "UPDATE articles SET body = (SELECT body FROM articles WHERE seq = ?1),
               caption = (SELECT caption FROM articles WHERE seq = ?1)
             WHERE duplicate_of = (SELECT id FROM articles WHERE seq = ?1) AND body IS NULL",
            &[&seq],
        )?;
        run(
            "UPDATE articles SET title = ?2, caption = ?3, body = ?4, url = ?5, source = ?6, lang = ?7, date = ?8, date_source = ?9,
               content_hash = ?10, duplicate_of = ?11, duplicate_kind = ?12, duplicate_similarity = ?13
             WHERE seq = ?1",
            &[
                &seq,
                &a.title,
                &a.caption,
                &a.body,
                &a.url,
                &a.source,
                &a.lang,
                &a.date.map(|d| d.to_string()),
                &a.date_source,
                &a.content_hash,
                &a.duplicate.as_ref().map(|d| d.of.clone()),
                &a.duplicate.as_ref().map(|d| d.kind.as_str()),
                &a.duplicate.as_ref().map(|d| d.similarity),
            ],
        )?;
        run("DELETE FROM minhash_bands WHERE seq = ?1", &[&seq])?;
        Ok(rev)
    }

    fn insert_bands(&mut self, seq: i64, bands: &[i64]) -> Result<()> {
        let mut stmt = self
            .tx
            .prepare_cached("INSERT OR IGNORE INTO minhash_bands (band, seq) VALUES (?1, ?2)")
            .map_err(backend(&self.dir))?;
        for b in bands {
            stmt.execute(params![b, seq]).map_err(backend(&self.dir))?;
        }
        Ok(())
    }

    fn paragraphs_seen(&mut self, hashes: &[i64], min: i64) -> Result<Vec<i64>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT originals FROM paragraphs WHERE hash = ?1")
            .map_err(backend(&self.dir))?;
        let mut out = Vec::new();
        for h in hashes {
            let n: Option<i64> = stmt
                .query_row([h], |r| r.get(0))
                .optional()
                .map_err(backend(&self.dir))?;
            if n.unwrap_or(0) >= min {
                out.push(*h);
            }
        }
        Ok(out)
    }

    fn count_paragraphs(&mut self, hashes: &[i64]) -> Result<()> {
        let mut stmt = self
            .tx
            .prepare_cached(
                "INSERT INTO paragraphs (hash, originals) VALUES (?1, 1)
                 ON CONFLICT (hash) DO UPDATE SET originals = originals + 1",
            )
            .map_err(backend(&self.dir))?;
        for h in hashes {
            stmt.execute([h]).map_err(backend(&self.dir))?;
        }
        Ok(())
    }

    fn set_article_story(&mut self, seq: i64, story: i64) -> Result<()> {
        self.tx
            .prepare_cached("UPDATE articles SET story = ?2 WHERE seq = ?1")
            .and_then(|mut s| s.execute(params![seq, story]))
            .map_err(self.err())?;
        Ok(())
    }

    fn story_candidates(&mut self, keys: &[String], per_key: usize) -> Result<Vec<(i64, usize)>> {
        let mut hits: std::collections::HashMap<i64, usize> = Default::default();
        let mut stmt = self
            .tx
            .prepare_cached(
                "SELECT story FROM story_keys WHERE key = ?1 ORDER BY last_seq DESC LIMIT ?2",
            )
            .map_err(backend(&self.dir))?;
        for k in keys {
            let rows = stmt
                .query_map(params![k, per_key as i64], |r| r.get::<_, i64>(0))
                .map_err(backend(&self.dir))?;
            for s in rows {
                *hits.entry(s.map_err(backend(&self.dir))?).or_default() += 1;
            }
        }
        let mut v: Vec<(i64, usize)> = hits.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
        Ok(v)
    }

    fn story_state(&mut self, id: i64) -> Result<Option<StoryState>> {
        self.tx
            .prepare_cached(
                "SELECT headline, headline_article, headline_score, articles, first_date, last_date, created_seq, updated_seq, profile FROM stories WHERE id = ?1",
            )
            .and_then(|mut s| s.query_row([id], state_row).optional())
            .map_err(self.err())
    }

    fn story_recent_originals(&mut self, id: i64, limit: usize) -> Result<Vec<StoredArticle>> {
        // `articles_story` orders by (story, seq): newest first without a sort.
        let mut stmt = self
            .tx
            .prepare_cached(&format!(
                "SELECT {ARTICLE_COLUMNS} FROM {ARTICLE_FROM} WHERE a.story = ?1 AND a.duplicate_of IS NULL ORDER BY a.seq DESC LIMIT ?2"
            ))
            .map_err(self.err())?;
        let rows = stmt
            .query_map(params![id, limit as i64], article_row)
            .map_err(self.err())?;
        rows.collect::<rusqlite::Result<_>>().map_err(self.err())
    }

    fn create_story(&mut self, s: &StoryState) -> Result<i64> {
        self.put_story(None, s)
    }

    fn update_story(&mut self, id: i64, s: &StoryState) -> Result<()> {
        self.put_story(Some(id), s).map(|_| ())
    }

    fn index_story(&mut self, id: i64, keys: &[String], seq: i64) -> Result<()> {
        let mut stmt = self
            .tx
            .prepare_cached(
                "INSERT INTO story_keys (key, story, last_seq) VALUES (?1, ?2, ?3)
                 ON CONFLICT (key, story) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)",
            )
            .map_err(backend(&self.dir))?;
        for k in keys {
            stmt.execute(params![k, id, seq])
                .map_err(backend(&self.dir))?;
        }
        Ok(())
    }

    fn set_story_names(&mut self, id: i64, names: &[StoryName]) -> Result<()> {
        self.tx
            .execute("DELETE FROM story_names WHERE story = ?1", [id])
            .map_err(backend(&self.dir))?;
        let mut stmt = self
            .tx
            .prepare_cached(
                "INSERT OR IGNORE INTO story_names (story, key, kind, label, articles, rank, country, skeleton)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .map_err(backend(&self.dir))?;
        // In rank order; a key given twice (a place and a country of one
        // name) keeps its first, higher rank.
        for (rank, n) in names.iter().enumerate() {
            stmt.execute(params![
                id,
                n.key,
                n.kind,
                n.label,
                n.articles,
                rank as i64,
                n.country,
                (n.kind != "place").then(|| name_skeleton(&n.key))
            ])
            .map_err(backend(&self.dir))?;
        }
        Ok(())
    }

    fn link_stories(&mut self, a: i64, b: i64, similarity: f64) -> Result<()> {
        let (a, b) = if a < b { (a, b) } else { (b, a) };
        self.tx
            .execute(
                "INSERT INTO story_links (a, b, similarity) VALUES (?1, ?2, ?3)
                 ON CONFLICT (a, b) DO UPDATE SET similarity = max(similarity, excluded.similarity)",
                params![a, b, similarity],
            )
            .map_err(self.err())?;
        Ok(())
    }

    fn commit(self: Box<Self>) -> Result<()> {
        let dir = self.dir;
        self.tx.commit().map_err(backend(&dir))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_from_a_newer_schema_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        drop(SqliteStore::open(dir.path(), OpenMode::Create).unwrap());
        let file = dir.path().join(DB_FILE);
        {
            let c = Connection::open(&file).unwrap();
            c.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
                .unwrap();
        }
        let before = std::fs::read(&file).unwrap();
        let e = SqliteStore::open(dir.path(), OpenMode::Create)
            .err()
            .expect("refused");
        assert!(matches!(e, StoreError::NewerSchema { .. }), "{e}");
        assert!(e.to_string().contains("newer Storyline"), "{e}");
        assert_eq!(std::fs::read(&file).unwrap(), before, "file untouched");
    }

    #[test]
    fn an_older_store_is_migrated_and_keeps_its_articles() {
        let dir = tempfile::tempdir().unwrap();
        {
            let mut store = SqliteStore::open(dir.path(), OpenMode::Create).unwrap();
            let mut tx = store.begin().unwrap();
            tx.insert_article(&NewArticle {
                id: "a1".into(),
                title: "Title".into(),
                caption: None,
                body: Some("Body text.".into()),
                url: None,
                source: None,
                lang: "en".into(),
                date: None,
                date_source: None,
                content_hash: "h".into(),
                duplicate: None,
                story: None,
            })
            .unwrap();
            tx.commit().unwrap();
        }
        {
            // Roll the file back to schema version 1.
            let c = Connection::open(dir.path().join(DB_FILE)).unwrap();
            c.execute_batch(
                "DROP INDEX articles_story_lang; DROP INDEX story_names_country;
                 ALTER TABLE story_names DROP COLUMN rank; ALTER TABLE story_names DROP COLUMN country;
                 ALTER TABLE story_names DROP COLUMN skeleton;
                 DROP TABLE article_revisions;
                 PRAGMA user_version = 1;",
            )
            .unwrap();
        }
        let store = SqliteStore::open(dir.path(), OpenMode::Existing).unwrap();
        let version: i64 = store
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        let count = |sql: &str| -> i64 { store.conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(
            count("SELECT count(*) FROM sqlite_master WHERE name = 'articles_story_lang'"),
            1
        );
        assert_eq!(
            count("SELECT count(*) FROM pragma_table_info('story_names') WHERE name = 'skeleton'"),
            1
        );
        assert_eq!(
            count("SELECT count(*) FROM sqlite_master WHERE name = 'article_revisions'"),
            1
        );
        assert_eq!(
            count("SELECT count(*) FROM pragma_table_info('story_names') WHERE name = 'country'"),
            1
        );
        assert_eq!(store.article("a1").unwrap().unwrap().body, "Body text.");
    }

    #[test]
    fn reading_commands_do_not_create_a_store() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope");
        let e = SqliteStore::open(&missing, OpenMode::Existing)
            .err()
            .expect("missing");
        assert!(e.to_string().contains("storyline ingest"), "{e}");
        assert!(!missing.exists());
    }

    #[test]
    fn a_file_that_is_not_a_database_is_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(DB_FILE),
            b"hello, not sqlite at all, no header",
        )
        .unwrap();
        let e = SqliteStore::open(dir.path(), OpenMode::Create)
            .err()
            .expect("refused");
        assert!(e.to_string().contains("not a Storyline store"), "{e}");
    }
}
