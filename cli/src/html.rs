//! The pre-rendered page as a document: the deployment's own `index.html` (the app shell, kept
//! as `app.html`) with the page's `<title>`, description, link-preview tags and the rendered
//! app inside `<div id="app">`. Everything from the feed is written as escaped text.

/// The element the app lives in, empty in the shell.
pub const APP_SLOT: &str = r#"<div id="app"></div>"#;
/// Marks a page written by this command (and the path it was rendered for).
pub const PRERENDERED: &str = "data-prerendered=";
const HEAD_START: &str = "<!--prerender:head-->";
const HEAD_END: &str = "<!--/prerender:head-->";
const APP_END: &str = "<!--/prerender:app-->";

/// Text for an HTML text node or a quoted attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// What a page says about itself in its `<head>`, as plain text (escaped when written).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Head {
    pub lang: String,
    /// The document's `<title>`, as the view set it.
    pub title: String,
    /// What a link preview shows as the title: the article's or section's own (the site's
    /// name is `og:site_name`).
    pub headline: String,
    pub description: String,
    /// The page's absolute address, when the site's address is known.
    pub url: Option<String>,
    /// An absolute picture address for link previews.
    pub image: Option<String>,
    pub site_name: String,
    /// `article` (with its times) or `website`.
    pub article: Option<ArticleTimes>,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct ArticleTimes {
    pub published: Option<String>,
    pub modified: Option<String>,
}

impl Head {
    /// The tags after the description: canonical address, Open Graph and Twitter card.
    fn preview_tags(&self) -> String {
        let mut tags = Vec::new();
        let meta = |attribute: &str, name: &str, value: &str| {
            format!(
                r#"<meta {attribute}="{name}" content="{}" />"#,
                escape(value)
            )
        };
        if let Some(url) = &self.url {
            tags.push(format!(
                r#"<link rel="canonical" href="{}" />"#,
                escape(url)
            ));
        }
        let kind = if self.article.is_some() {
            "article"
        } else {
            "website"
        };
        tags.push(meta("property", "og:type", kind));
        tags.push(meta("property", "og:title", &self.headline));
        tags.push(meta("property", "og:description", &self.description));
        if !self.site_name.is_empty() {
            tags.push(meta("property", "og:site_name", &self.site_name));
        }
        if let Some(url) = &self.url {
            tags.push(meta("property", "og:url", url));
        }
        if let Some(image) = &self.image {
            tags.push(meta("property", "og:image", image));
        }
        if let Some(times) = &self.article {
            if let Some(t) = &times.published {
                tags.push(meta("property", "article:published_time", t));
            }
            if let Some(t) = &times.modified {
                tags.push(meta("property", "article:modified_time", t));
            }
        }
        let card = if self.image.is_some() {
            "summary_large_image"
        } else {
            "summary"
        };
        tags.push(meta("name", "twitter:card", card));
        tags.push(meta("name", "twitter:title", &self.headline));
        tags.push(meta("name", "twitter:description", &self.description));
        if let Some(image) = &self.image {
            tags.push(meta("name", "twitter:image", image));
        }
        tags.join("\n    ")
    }
}

/// Why the shell cannot be used as a template.
#[derive(Debug)]
pub struct NotAShell(pub &'static str);

/// Checks that `shell` is the app's `index.html` as this version builds it.
pub fn check_shell(shell: &str) -> Result<(), NotAShell> {
    if shell.contains(PRERENDERED) {
        return Err(NotAShell("it is a pre-rendered page, not the app shell"));
    }
    for (needle, what) in [
        (APP_SLOT, r#"no empty <div id="app"></div>"#),
        ("<title>", "no <title>"),
        (
            r#"<meta name="description""#,
            "no <meta name=\"description\">",
        ),
        ("<html", "no <html> element"),
    ] {
        if !shell.contains(needle) {
            return Err(NotAShell(what));
        }
    }
    Ok(())
}

/// Replaces the first `start … end` span of `html` (both included) by `with`.
fn replace_span(html: &str, start: &str, end: &str, with: &str) -> String {
    let Some(from) = html.find(start) else {
        return html.to_string();
    };
    let Some(length) = html[from..].find(end) else {
        return html.to_string();
    };
    let to = from + length + end.len();
    format!("{}{with}{}", &html[..from], &html[to..])
}

/// The page: `shell` with `head` and the app's markup `body` rendered for `path` (the link
/// the page is served at, as the app writes it).
pub fn page(shell: &str, head: &Head, path: &str, body: &str) -> String {
    Parts {
        head_tags: head.preview_tags(),
        title: escape(&head.title),
        description: escape(&head.description),
        lang: escape(&head.lang),
        path: escape(path),
        body: body.to_string(),
    }
    .in_shell(shell)
}

/// What a page adds to the shell, as escaped HTML. Read back from an earlier run's page, it is
/// written again in the current shell (an article that has left the feed keeps its page, with
/// the current build's files).
pub struct Parts {
    pub head_tags: String,
    pub title: String,
    pub description: String,
    pub lang: String,
    pub path: String,
    pub body: String,
}

fn between<'a>(html: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = html.find(start)? + start.len();
    let length = html[from..].find(end)?;
    Some(&html[from..from + length])
}

impl Parts {
    pub fn read(page: &str) -> Option<Parts> {
        let app_start = page.find(&format!(r#"<div id="app" {PRERENDERED}""#))?;
        let app = &page[app_start..];
        let path = between(app, &format!("{PRERENDERED}\""), "\"")?;
        let body_start = app.find('>')? + 1;
        let body_end = app.find(&format!("</div>{APP_END}"))?;
        Some(Parts {
            head_tags: between(page, HEAD_START, HEAD_END)?.trim().to_string(),
            title: between(page, "<title>", "</title>")?.to_string(),
            description: between(page, r#"<meta name="description" content=""#, "\"")?.to_string(),
            lang: between(page, r#"<html lang=""#, "\"")?.to_string(),
            path: path.to_string(),
            body: app.get(body_start..body_end)?.to_string(),
        })
    }

    /// The page in `shell`: its language, title, description and preview tags in the head,
    /// the app's markup in `<div id="app">`, and no "needs JavaScript" message (content exists).
    pub fn in_shell(&self, shell: &str) -> String {
        let html = replace_span(
            shell,
            "<html",
            ">",
            &format!(r#"<html lang="{}">"#, self.lang),
        );
        let html = replace_span(
            &html,
            "<title>",
            "</title>",
            &format!("<title>{}</title>", self.title),
        );
        let html = replace_span(
            &html,
            r#"<meta name="description""#,
            ">",
            &format!(
                "<meta name=\"description\" content=\"{}\" />\n    {HEAD_START}\n    {}\n    {HEAD_END}",
                self.description, self.head_tags
            ),
        );
        let html = replace_span(&html, "<noscript>", "</noscript>", "");
        html.replacen(
            APP_SLOT,
            &format!(
                r#"<div id="app" {PRERENDERED}"{}">{}</div>{APP_END}"#,
                self.path, self.body
            ),
            1,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = r#"<!doctype html>
<html lang="vi">
  <head>
    <title>Bản tin</title>
    <meta name="description" content="Tin tức" />
  </head>
  <body>
    <noscript><p>Cần JavaScript</p></noscript>
    <div id="app"></div>
  </body>
</html>"#;

    fn hostile_head() -> Head {
        Head {
            lang: "vi".into(),
            title: r#"</title><script>alert(1)</script>"#.into(),
            headline: r#"<script>alert(2)</script>"#.into(),
            description: r#"" onload="x"#.into(),
            url: Some("https://tin.example.org/tin/a\"b".into()),
            image: Some("https://tin.example.org/p.jpg?a=1&b=\"2\"".into()),
            site_name: "Sở <b>".into(),
            article: Some(ArticleTimes {
                published: Some("2026-12-01T08:00:00+07:00".into()),
                modified: None,
            }),
        }
    }

    #[test]
    fn everything_from_the_feed_is_escaped_text() {
        let page = page(SHELL, &hostile_head(), "/tin/a", "<p>x</p>");
        assert!(!page.contains("<script>"));
        assert!(page.contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
        assert!(page.contains(r#"<meta name="description" content="&quot; onload=&quot;x" />"#));
        assert!(page.contains(r#"content="https://tin.example.org/p.jpg?a=1&amp;b=&quot;2&quot;""#));
        assert!(page.contains(r#"<meta property="og:site_name" content="Sở &lt;b&gt;" />"#));
        assert!(page.contains(
            r#"<meta property="og:title" content="&lt;script&gt;alert(2)&lt;/script&gt;" />"#
        ));
        assert!(page.contains(r#"<meta property="og:type" content="article" />"#));
        assert!(!page.contains("noscript"));
        assert!(page.contains(r#"<div id="app" data-prerendered="/tin/a"><p>x</p></div>"#));
        assert_eq!(page.matches("<title>").count(), 1);
    }

    #[test]
    fn without_the_site_address_no_absolute_page_address_is_written() {
        let head = Head {
            url: None,
            image: None,
            ..hostile_head()
        };
        let page = page(SHELL, &head, "/", "");
        assert!(!page.contains("canonical"));
        assert!(!page.contains("og:url"));
        assert!(!page.contains("og:image"));
        assert!(page.contains(r#"<meta name="twitter:card" content="summary" />"#));
    }

    #[test]
    fn an_earlier_page_is_written_again_unchanged_in_the_same_shell() {
        let first = page(SHELL, &hostile_head(), "/tin/a", "<article>x</article>");
        let earlier = Parts::read(&first).expect("a pre-rendered page");
        assert_eq!(earlier.in_shell(SHELL), first);
        let new_shell = SHELL.replace(
            "<head>",
            "<head>\n    <link rel=\"stylesheet\" href=\"main-2.css\" />",
        );
        let again = earlier.in_shell(&new_shell);
        assert!(again.contains("main-2.css") && again.contains("<article>x</article>"));
    }

    #[test]
    fn only_the_shell_is_a_template() {
        assert!(check_shell(SHELL).is_ok());
        let rendered = page(SHELL, &Head::default(), "/", "");
        assert!(check_shell(&rendered).is_err());
        assert!(check_shell("<html><title></title></html>").is_err());
    }
}
