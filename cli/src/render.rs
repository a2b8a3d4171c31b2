//! `ban-tin-cli render DIST FEED`: the pages of a feed, rendered ahead of time into a built
//! `dist/`, so that the first view of any page is a static page (and link previews and search
//! engines see its content). The app takes over when it has loaded.
//!
//! What it writes into DIST:
//! - `app.html`: the app shell, kept from the build's `index.html` on the first run (the SPA
//!   fallback and the service worker serve it for every other address);
//! - `index.html` (the home list), `tin/<id>/index.html` for every article,
//!   `chuyen-muc/<slug>/index.html` for every section: the app's own views rendered on the host
//!   (`ban_tin::prerender`), with title, description, canonical, Open Graph and Twitter tags;
//! - `sitemap.xml` and `robots.txt`, when `config.json` sets `site_url`.
//!
//! Runs are idempotent (a file is written only when its content changes). Pages of articles
//! and sections no longer in the feed are kept, written again in the current shell, unless
//! `--prune` is given.

use crate::html::{self, ArticleTimes, Head, Parts};
use ban_tin::prerender::{self, Snapshot};
use ban_tin_core::config::Config;
use ban_tin_core::feed::{self, Feed, Item};
use ban_tin_core::i18n::Lang;
use ban_tin_core::{dates, routes, text, urls};
use std::collections::BTreeSet;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The app shell, kept beside the pre-rendered pages.
pub const SHELL_FILE: &str = "app.html";
/// Stands for the deployment's origin when `site_url` is not set: addresses under it are
/// written as paths from the host's root (`/tin-tuc/images/a.jpg`), which work wherever the
/// pages are served. `.invalid` is reserved: it can never be a real host.
const UNKNOWN_SITE: &str = "https://ban-tin.invalid";
/// Longest description written, in characters.
const DESCRIPTION_CHARS: usize = 200;
/// Longest article id written as a folder name, in bytes.
const MAX_ID_BYTES: usize = 200;

pub struct Options {
    pub dist: PathBuf,
    pub feed: String,
    pub prune: bool,
}

#[derive(Debug)]
pub enum Error {
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    Shell(&'static str),
    Config,
    Fetch {
        address: String,
        reason: String,
    },
    TooLarge {
        limit_bytes: u64,
    },
    Feed(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, error } => write!(f, "{}: {error}", path.display()),
            Error::Shell(why) => write!(
                f,
                "the app shell ({SHELL_FILE}, or index.html on the first run) cannot be used: \
                 {why}. Build dist/ again (trunk build --release) and run this again."
            ),
            Error::Config => write!(f, "config.json in DIST is missing or not valid JSON"),
            Error::Fetch { address, reason } => write!(f, "could not read {address}: {reason}"),
            Error::TooLarge { limit_bytes } => write!(
                f,
                "the feed is larger than max_feed_bytes in config.json ({limit_bytes} bytes)"
            ),
            Error::Feed(message) => write!(f, "the feed cannot be shown: {message}"),
        }
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |error| Error::Io {
        path: path.to_path_buf(),
        error,
    }
}

/// What a run did, for the person or the job that ran it.
#[derive(Debug, Default)]
pub struct Report {
    pub articles: usize,
    pub sections: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub kept: usize,
    pub pruned: usize,
    /// Articles without a page of their own, with the reason (the app still shows them).
    pub skipped: Vec<(String, &'static str)>,
    pub sitemap: Option<usize>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "pre-rendered: home, {} articles, {} sections ({} files written, {} unchanged)",
            self.articles, self.sections, self.changed, self.unchanged
        )?;
        if self.kept > 0 {
            writeln!(
                f,
                "kept: {} pages of articles or sections no longer in the feed (--prune deletes them)",
                self.kept
            )?;
        }
        if self.pruned > 0 {
            writeln!(f, "pruned: {} pages no longer in the feed", self.pruned)?;
        }
        for (id, why) in &self.skipped {
            writeln!(
                f,
                "no page for article {id:?}: {why} (the app still shows it)"
            )?;
        }
        match self.sitemap {
            Some(n) => writeln!(f, "sitemap.xml: {n} addresses; robots.txt names it"),
            None => writeln!(
                f,
                "no sitemap.xml, canonical or og:url: set site_url in config.json to write them"
            ),
        }
    }
}

pub fn run(options: &Options) -> Result<Report, Error> {
    // Rendering runs the app's reactive code, which may spawn tasks (none of them needed for
    // the HTML): they get a thread pool instead of the browser's event loop. Set once per
    // process; a second call finds it set, which is fine.
    let _ = any_spawner::Executor::init_futures_executor();
    let dist = &options.dist;
    let shell = load_shell(dist)?;
    let config_path = dist.join("config.json");
    let config_bytes = std::fs::read(&config_path).map_err(|_| Error::Config)?;
    let config = Config::parse(&config_bytes).map_err(|_| Error::Config)?;
    let base_href = base_href(&shell);
    let site = config.site_url.clone();
    let base_url = urls::resolve(site.as_deref().unwrap_or(UNKNOWN_SITE), &base_href)
        .ok_or(Error::Shell("its <base href> is not a path"))?;
    let feed_address = config.choose_feed(&base_url, None).address;
    let bytes = read_feed(&options.feed, &config)?;
    let feed = feed::parse(&bytes, &feed_address)
        .map_err(|e| Error::Feed(e.message(Lang::En.strings())))?;
    let feed = Arc::new(feed);
    let snapshot = Snapshot {
        config: config.clone(),
        feed: Arc::clone(&feed),
        fetched_at_ms: newest_date(&feed).map_or(0.0, |t| t as f64 * 1000.0),
    };
    let site_known = site.is_some();
    let writer = Writer {
        dist,
        shell: &shell,
        snapshot: &snapshot,
        base_url: &base_url,
        site_known,
        lang: config.language,
    };

    let mut report = Report::default();
    let mut written: BTreeSet<PathBuf> = BTreeSet::new();
    let mut sitemap: Vec<(String, Option<i64>)> = Vec::new();

    let home = writer.write(
        routes::HOME,
        |title| Head {
            description: first_of(&[&feed.description, &description_of(&shell)]),
            headline: first_of(&[&feed.title, &title]),
            url: writer.page_url(routes::HOME),
            ..writer.head(title)
        },
        &mut report,
    )?;
    written.insert(home);
    sitemap.push((routes::HOME.to_string(), newest_date(&feed)));

    for section in feed.sections() {
        if section.slug.is_empty() {
            continue;
        }
        let path = routes::section(&section.name);
        let file = writer.write(
            &path,
            |title| Head {
                description: format!("{} – {}", section.name, feed.title),
                headline: section.name.clone(),
                url: writer.page_url(&path),
                ..writer.head(title)
            },
            &mut report,
        )?;
        written.insert(file);
        report.sections += 1;
        sitemap.push((path, None));
    }

    for item in &feed.items {
        if let Err(why) = folder_name(&item.id) {
            report.skipped.push((item.id.clone(), why));
            continue;
        }
        let path = routes::article(&item.id);
        let file = writer.write(&path, |title| writer.article_head(title, item), &mut report)?;
        written.insert(file);
        report.articles += 1;
        sitemap.push((path, item.modified.or(item.published)));
    }

    for file in earlier_pages(dist) {
        if written.contains(&file) {
            continue;
        }
        let Ok(page) = std::fs::read_to_string(&file) else {
            continue;
        };
        let Some(earlier) = Parts::read(&page) else {
            continue;
        };
        if options.prune {
            if let Some(folder) = file.parent() {
                std::fs::remove_dir_all(folder).map_err(io(folder))?;
                report.pruned += 1;
            }
            continue;
        }
        write_if_changed(&file, &earlier.in_shell(&shell), &mut report)?;
        report.kept += 1;
        // The path is as the app writes links: under the base, from the host's root.
        if let Some(app_path) = earlier.path.strip_prefix(&urls::base_path(&base_url)) {
            sitemap.push((app_path.to_string(), None));
        }
    }

    if let Some(site) = &site {
        let count = write_sitemap(dist, &base_url, &sitemap, &mut report)?;
        write_if_changed(
            &dist.join("robots.txt"),
            &format!("User-agent: *\nAllow: /\nSitemap: {site}sitemap.xml\n"),
            &mut report,
        )?;
        report.sitemap = Some(count);
    }
    Ok(report)
}

struct Writer<'a> {
    dist: &'a Path,
    shell: &'a str,
    snapshot: &'a Snapshot,
    base_url: &'a str,
    site_known: bool,
    lang: Lang,
}

impl Writer<'_> {
    /// Renders the app at `path` and writes its page; returns the file.
    fn write(
        &self,
        path: &str,
        head: impl FnOnce(String) -> Head,
        report: &mut Report,
    ) -> Result<PathBuf, Error> {
        let page = prerender::render(self.snapshot, self.base_url, path);
        let title = page.title.unwrap_or_default();
        let mut head = head(title);
        head.description = text::excerpt(&head.description, DESCRIPTION_CHARS);
        let link = format!("{}{path}", urls::base_path(self.base_url));
        let body = self.relative(&page.body);
        let html = html::page(self.shell, &head, &link, &body);
        let file = self.file_for(path);
        write_if_changed(&file, &html, report)?;
        Ok(file)
    }

    /// `DIST/index.html` for the home, `DIST/<path>/index.html` for the others: the files a
    /// static server finds for the address (`try_files $uri/index.html`), which it decodes.
    fn file_for(&self, path: &str) -> PathBuf {
        let mut file = self.dist.to_path_buf();
        for segment in path.split('/').filter(|s| !s.is_empty()) {
            file.push(urls::decode_component(segment, false));
        }
        file.join("index.html")
    }

    /// Without a known site address, addresses under the stand-in origin become paths from
    /// the host's root.
    fn relative(&self, html: &str) -> String {
        if self.site_known {
            return html.to_string();
        }
        html.replace(&format!("=\"{UNKNOWN_SITE}/"), "=\"/")
    }

    /// An address good for other sites (link previews, search engines): absolute, and not
    /// under the stand-in origin.
    fn public(&self, address: &str) -> Option<String> {
        let address = urls::resolve(self.base_url, address)?;
        (urls::is_http(&address) && !address.starts_with(UNKNOWN_SITE)).then_some(address)
    }

    fn head(&self, title: String) -> Head {
        Head {
            lang: self.lang.code().to_string(),
            headline: title.clone(),
            title,
            description: String::new(),
            url: None,
            image: None,
            site_name: self.snapshot.feed.title.clone(),
            article: None,
        }
    }

    fn page_url(&self, path: &str) -> Option<String> {
        let relative = path.trim_start_matches('/');
        match (self.site_known, relative.is_empty()) {
            (false, _) => None,
            (true, true) => Some(self.base_url.to_string()),
            (true, false) => urls::resolve(self.base_url, relative),
        }
    }

    fn article_head(&self, title: String, item: &Item) -> Head {
        Head {
            description: first_of(&[&item.summary, &item.title]),
            headline: first_of(&[&item.title, &title]),
            url: self.page_url(&routes::article(&item.id)),
            image: item.image.as_deref().and_then(|i| self.public(i)),
            article: Some(ArticleTimes {
                published: item.published.and_then(dates::machine_readable),
                modified: item.modified.and_then(dates::machine_readable),
            }),
            ..self.head(title)
        }
    }
}

fn first_of(texts: &[&str]) -> String {
    texts
        .iter()
        .map(|t| t.trim())
        .find(|t| !t.is_empty())
        .unwrap_or_default()
        .to_string()
}

/// The shell: `app.html` from an earlier run, else the build's `index.html` (kept as
/// `app.html` from now on).
fn load_shell(dist: &Path) -> Result<String, Error> {
    let kept = dist.join(SHELL_FILE);
    if kept.exists() {
        let shell = std::fs::read_to_string(&kept).map_err(io(&kept))?;
        html::check_shell(&shell).map_err(|e| Error::Shell(e.0))?;
        return Ok(shell);
    }
    let index = dist.join("index.html");
    let shell = std::fs::read_to_string(&index).map_err(io(&index))?;
    html::check_shell(&shell).map_err(|e| Error::Shell(e.0))?;
    std::fs::write(&kept, &shell).map_err(io(&kept))?;
    Ok(shell)
}

/// The shell's `<base href>`, "/" when it has none (comments do not count: the shell's own
/// comment shows the line to write under a sub-path).
fn base_href(shell: &str) -> String {
    let mut rest = shell;
    while let Some(at) = rest.find("<base href=\"").or_else(|| rest.find("<!--")) {
        let (before, after) = rest.split_at(at);
        if let Some(comment) = before.find("<!--") {
            // A comment starts before the tag: skip it.
            rest = rest[comment..].split_once("-->").map_or("", |(_, r)| r);
            continue;
        }
        if let Some(value) = after.strip_prefix("<base href=\"") {
            return value.split('"').next().unwrap_or("/").to_string();
        }
        rest = after.split_once("-->").map_or("", |(_, r)| r);
    }
    "/".to_string()
}

fn description_of(shell: &str) -> String {
    let start = r#"<meta name="description" content=""#;
    shell
        .find(start)
        .and_then(|at| shell[at + start.len()..].split('"').next())
        .map(text::decode_entities)
        .map(|d| d.into_owned())
        .unwrap_or_default()
}

/// The newest date in the feed: what the pages show as the time of their copy.
fn newest_date(feed: &Feed) -> Option<i64> {
    feed.items
        .iter()
        .filter_map(|i| i.modified.max(i.published))
        .max()
}

/// Whether the id can be one folder name that a static server finds again from the decoded
/// address.
fn folder_name(id: &str) -> Result<(), &'static str> {
    if id.is_empty() || id == "." || id == ".." {
        return Err("its id is not a possible folder name");
    }
    if id.contains(['/', '\\']) {
        return Err("its id contains a slash, which servers read as a folder");
    }
    if id.chars().any(char::is_control) {
        return Err("its id contains control characters");
    }
    if id.len() > MAX_ID_BYTES {
        return Err("its id is longer than a folder name may be");
    }
    Ok(())
}

fn read_feed(feed: &str, config: &Config) -> Result<Vec<u8>, Error> {
    let limit = config.max_feed_bytes;
    let reader: Box<dyn Read> = if urls::is_http(feed) {
        let response = ureq::get(feed)
            .timeout(std::time::Duration::from_secs(u64::from(
                config.fetch_timeout_seconds,
            )))
            .call()
            .map_err(|e| Error::Fetch {
                address: feed.to_string(),
                reason: e.to_string(),
            })?;
        response.into_reader()
    } else {
        let path = Path::new(feed);
        Box::new(std::fs::File::open(path).map_err(io(path))?)
    };
    let mut bytes = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::Fetch {
            address: feed.to_string(),
            reason: e.to_string(),
        })?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge { limit_bytes: limit });
    }
    Ok(bytes)
}

/// Pre-rendered pages already in DIST (from this run or earlier ones).
fn earlier_pages(dist: &Path) -> Vec<PathBuf> {
    let mut pages = Vec::new();
    for segment in [routes::ARTICLE_SEGMENT, routes::SECTION_SEGMENT] {
        let Ok(entries) = std::fs::read_dir(dist.join(segment)) else {
            continue;
        };
        for entry in entries.flatten() {
            let file = entry.path().join("index.html");
            if file.is_file() {
                pages.push(file);
            }
        }
    }
    pages.sort();
    pages
}

fn write_if_changed(file: &Path, content: &str, report: &mut Report) -> Result<(), Error> {
    if std::fs::read(file).is_ok_and(|old| old == content.as_bytes()) {
        report.unchanged += 1;
        return Ok(());
    }
    if let Some(folder) = file.parent() {
        std::fs::create_dir_all(folder).map_err(io(folder))?;
    }
    std::fs::write(file, content).map_err(io(file))?;
    report.changed += 1;
    Ok(())
}

fn write_sitemap(
    dist: &Path,
    base_url: &str,
    pages: &[(String, Option<i64>)],
    report: &mut Report,
) -> Result<usize, Error> {
    let mut entries = BTreeSet::new();
    for (path, modified) in pages {
        let relative = path.trim_start_matches('/');
        let url = if relative.is_empty() {
            Some(base_url.to_string())
        } else {
            urls::resolve(base_url, relative)
        };
        let Some(url) = url else {
            continue;
        };
        let lastmod = modified
            .and_then(dates::machine_readable)
            .map(|t| format!("<lastmod>{}</lastmod>", html::escape(&t)))
            .unwrap_or_default();
        entries.insert(format!(
            "  <url><loc>{}</loc>{lastmod}</url>\n",
            html::escape(&url)
        ));
    }
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n{}</urlset>\n",
        entries.iter().cloned().collect::<String>()
    );
    write_if_changed(&dist.join("sitemap.xml"), &xml, report)?;
    Ok(entries.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A dist/ with the real shell's shape, the sample feed and a config.
    struct Dist(PathBuf);

    impl Dist {
        fn new(name: &str, config: &str) -> Dist {
            let dir =
                std::env::temp_dir().join(format!("ban-tin-cli-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            let shell =
                std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../index.html"))
                    .unwrap();
            std::fs::write(dir.join("index.html"), shell).unwrap();
            std::fs::write(dir.join("config.json"), config).unwrap();
            Dist(dir)
        }

        fn feed(&self, items: Option<usize>) -> String {
            let sample = std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../public/sample-feed.json"
            ))
            .unwrap();
            let mut feed: serde_json::Value = serde_json::from_str(&sample).unwrap();
            if let (Some(n), Some(list)) = (items, feed["items"].as_array_mut()) {
                list.truncate(n);
            }
            let path = self.0.join("feed-input.json");
            std::fs::write(&path, feed.to_string()).unwrap();
            path.to_string_lossy().into_owned()
        }

        fn read(&self, file: &str) -> String {
            std::fs::read_to_string(self.0.join(file)).unwrap_or_default()
        }

        fn run(&self, feed: String, prune: bool) -> Report {
            run(&Options {
                dist: self.0.clone(),
                feed,
                prune,
            })
            .unwrap()
        }
    }

    impl Drop for Dist {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    const SEED: &str = "tin/2023-02-10-hoi-nghi-trien-khai-nhiem-vu-2023/index.html";
    /// The fifth item of the sample feed.
    const FIFTH: &str = "tin/2023-01-06-phat-dong-thi-dua-nam-2023/index.html";

    #[test]
    fn renders_the_app_views_for_every_page_and_a_second_run_changes_nothing() {
        let dist = Dist::new("twice", r#"{"feed_url": "sample-feed.json"}"#);
        let first = dist.run(dist.feed(None), false);
        assert_eq!((first.articles, first.sections), (16, 5));
        assert_eq!(first.sitemap, None);
        let seed = dist.read(SEED);
        assert!(seed.contains(
            r#"<div id="app" data-prerendered="/tin/2023-02-10-hoi-nghi-trien-khai-nhiem-vu-2023">"#
        ));
        assert!(seed.contains("<h1>Hội nghị triển khai nhiệm vụ năm 2023"));
        assert!(seed.contains(r#"<div class="article-body"><p>Sáng ngày 09/02/2023"#));
        // Relative pictures resolve against the configured feed address, as paths.
        assert!(seed.contains(r#"src="/images/sample/hoi-nghi.svg""#));
        assert!(!seed.contains("ban-tin.invalid"));
        assert!(!seed.contains("<noscript>") && !seed.contains("canonical"));
        assert!(dist.read("index.html").contains(r#"class="entry-title""#));
        assert!(dist.read("app.html").contains(r#"<div id="app"></div>"#));
        assert!(dist
            .read("chuyen-muc/tin-hoat-dong/index.html")
            .contains("<h1>Tin hoạt động</h1>"));

        let second = dist.run(dist.feed(None), false);
        assert_eq!(second.changed, 0, "{second}");
        assert_eq!(dist.read(SEED), seed);
    }

    #[test]
    fn pages_of_articles_that_left_the_feed_are_kept_unless_pruned() {
        let dist = Dist::new("kept", "{}");
        dist.run(dist.feed(None), false);
        let fifth = dist.read(FIFTH);
        assert!(fifth.contains("<h1>Phát động phong trào thi đua"));
        let report = dist.run(dist.feed(Some(3)), false);
        assert!(report.kept >= 13, "{report}");
        // Its page stays as it was; only the feed's own pages changed.
        assert_eq!(dist.read(FIFTH), fifth);
        let report = dist.run(dist.feed(Some(3)), true);
        assert!(report.pruned >= 13, "{report}");
        assert!(dist.read(FIFTH).is_empty());
        assert!(!dist.read(SEED).is_empty());
    }

    #[test]
    fn with_a_site_address_pages_get_absolute_addresses_and_a_sitemap() {
        let dist = Dist::new(
            "site",
            r#"{"feed_url": "sample-feed.json", "site_url": "https://tin.example.org/"}"#,
        );
        let report = dist.run(dist.feed(None), false);
        assert_eq!(report.sitemap, Some(22));
        let seed = dist.read(SEED);
        assert!(seed.contains(r#"<link rel="canonical" href="https://tin.example.org/tin/2023-02-10-hoi-nghi-trien-khai-nhiem-vu-2023" />"#));
        assert!(seed.contains(r#"<meta property="og:image" content="https://tin.example.org/images/sample/hoi-nghi.svg" />"#));
        assert!(seed.contains(
            r#"<meta property="article:published_time" content="2023-02-10T08:30:00+07:00" />"#
        ));
        let sitemap = dist.read("sitemap.xml");
        assert!(sitemap.contains("<loc>https://tin.example.org/chuyen-muc/tin-hoat-dong</loc>"));
        assert!(dist
            .read("robots.txt")
            .contains("Sitemap: https://tin.example.org/sitemap.xml"));
    }

    #[test]
    fn hostile_titles_stay_text_in_the_head_and_the_page() {
        let dist = Dist::new("hostile", "{}");
        let feed = serde_json::json!({
            "version": "https://jsonfeed.org/version/1.1",
            "title": "</title><script>alert(1)</script>",
            "items": [{
                "id": "x",
                "title": "\"><img src=x onerror=alert(1)>",
                "summary": "</script><script>alert(2)</script>",
                "content_html": "<p onclick=\"alert(3)\">a</p><script>alert(4)</script>"
            }]
        });
        let path = dist.0.join("hostile.json");
        std::fs::write(&path, feed.to_string()).unwrap();
        dist.run(path.to_string_lossy().into_owned(), false);
        let page = dist.read("tin/x/index.html");
        for bad in ["alert(4)", "onclick", "<img src=x", "<script>alert"] {
            assert!(!page.contains(bad), "{bad} in {page}");
        }
        assert!(
            page.contains("<title>&quot;&gt;&lt;img src=x onerror=alert(1)&gt; – Bản tin</title>")
        );
    }

    #[test]
    fn ids_that_cannot_be_one_folder_get_no_page() {
        assert!(folder_name("2023-02-10-hoi-nghi").is_ok());
        assert!(folder_name("tin tức 1").is_ok());
        for id in ["", ".", "..", "a/b", "a\\b", "a\u{0}b", &"x".repeat(201)] {
            assert!(folder_name(id).is_err(), "{id:?}");
        }
    }

    #[test]
    fn the_base_comes_from_the_shell() {
        assert_eq!(base_href(r#"<base href="/tin-tuc/" />"#), "/tin-tuc/");
        assert_eq!(base_href("<head></head>"), "/");
        assert_eq!(
            base_href(r#"<!-- write <base href="/tin-tuc/" /> --> <base href="/" />"#),
            "/"
        );
        assert_eq!(
            base_href(r#"<!-- a --><base href="/a/" /><!-- <base href="/b/" /> -->"#),
            "/a/"
        );
    }
}
