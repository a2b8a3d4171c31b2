//! Every interface string, one table per language. The struct makes a missing translation a
//! compile error. Values go into named placeholders (`{count}`, `{query}`…, see [`fill`]);
//! strings with a count have a form for one and for other numbers ([`Plural`], see [`count`]),
//! which Vietnamese writes the same and English does not ("1 article", "2 articles").

use std::fmt::Display;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }

    /// The BCP 47 code, for `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The language a reader switches to from this one.
    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A string with a count in it, in the plural forms of its language (CLDR's "one" and
/// "other", which is all Vietnamese and English need). The count goes into `{count}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural {
    pub one: &'static str,
    pub other: &'static str,
}

impl Plural {
    /// The form for `n`.
    pub fn form(&self, n: u64) -> &'static str {
        if n == 1 {
            self.one
        } else {
            self.other
        }
    }
}

/// `template` with each `{name}` replaced by the value given for `name`. A placeholder without a
/// value stays as written (a test checks that every call site's strings have all they need).
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            let (_, value) = values.iter().find(|(n, _)| *n == name)?;
            Some((value, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(&value.to_string());
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The form of `forms` for `n`, with `n` in `{count}` and the other `values` filled in.
pub fn count(forms: &Plural, n: u64, values: &[(&str, &dyn Display)]) -> String {
    let counted = fill(forms.form(n), &[("count", &n)]);
    if values.is_empty() {
        counted
    } else {
        fill(&counted, values)
    }
}

/// The text before and after the placeholder `{name}` in `template`, for a view that puts an
/// element there (a `<time>` in "Ngày đăng: {date}"). All of it comes before when the template
/// has no such placeholder.
pub fn around<'a>(template: &'a str, name: &str) -> (&'a str, &'a str) {
    let placeholder = format!("{{{name}}}");
    match template.split_once(&placeholder) {
        Some((before, after)) => (before, after),
        None => (template, ""),
    }
}

/// Declares the string table: each key with its Vietnamese and English text, side by side, so
/// a key cannot exist in one language only. `counts` have one Vietnamese form and two English
/// ones (one / other).
macro_rules! strings {
    (
        text { $($key:ident: $vi:literal, $en:literal;)* }
        counts { $($ckey:ident: $cvi:literal, $cone:literal / $cother:literal;)* }
    ) => {
        pub struct Strings {
            $(pub $key: &'static str,)*
            $(pub $ckey: Plural,)*
        }

        pub static VI: Strings = Strings {
            $($key: $vi,)*
            $($ckey: Plural { one: $cvi, other: $cvi },)*
        };
        pub static EN: Strings = Strings {
            $($key: $en,)*
            $($ckey: Plural { one: $cone, other: $cother },)*
        };

        impl Strings {
            /// Every key with its text (each plural form on its own), for checks.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![
                    $((stringify!($key), self.$key),)*
                    $((stringify!($ckey), self.$ckey.one), (stringify!($ckey), self.$ckey.other),)*
                ]
            }
        }
    };
}

strings! {
  text {
    kiosk_still_there:
        "Bạn còn đang xem không?",
        "Are you still there?";
    kiosk_continue:
        "Tiếp tục",
        "Continue";
    qr_title:
        "Đọc tiếp trên điện thoại",
        "Continue on your phone";
    qr_text:
        "Trang này nằm ngoài Bản tin. Quét mã QR bằng camera điện thoại để mở trang:",
        "This page is outside Bản tin. Scan the QR code with your phone's camera to open it:";
    qr_label:
        "Mã QR của địa chỉ {address}",
        "QR code for {address}";
    close:
        "Đóng",
        "Close";
    attract_label:
        "Tin nổi bật",
        "Headlines";
    attract_touch:
        "Chạm để đọc",
        "Touch to read";
    share:
        "Chia sẻ",
        "Share";
    link_copied:
        "Đã chép đường dẫn bài viết.",
        "The article's link is copied.";
    search_preparing:
        "Đang chuẩn bị tìm kiếm…",
        "Preparing the search…";
    sections:
        "Chuyên mục",
        "Sections";
    section:
        "Chuyên mục",
        "Section";
    section_not_found_title:
        "Không có chuyên mục này",
        "Section not found";
    section_not_found_text:
        "Bản tin không có chuyên mục nào ở địa chỉ này. Có thể đường dẫn bị sai hoặc đã cũ.",
        "Bản tin has no section at this address. The link may be wrong or out of date.";
    related:
        "Tin cùng chuyên mục",
        "More in this section";
    previous_next:
        "Bài trước và bài sau",
        "Previous and next article";
    previous_article:
        "Bài trước",
        "Previous article";
    next_article:
        "Bài sau",
        "Next article";
    search_label:
        "Tìm tin",
        "Search news";
    search_placeholder:
        "Ví dụ: lao động",
        "For example: lao dong";
    search_button:
        "Tìm",
        "Search";
    search_title:
        "Tìm kiếm",
        "Search";
    search_hint:
        "Gõ từ cần tìm vào ô tìm kiếm, có dấu hay không dấu đều được.",
        "Type what you are looking for in the search box, with or without Vietnamese marks.";
    search_none:
        "Không tìm thấy tin nào cho “{query}”. Hãy thử từ khác.",
        "No articles found for “{query}”. Try other words.";
    loading_more:
        "Đang tải thêm…",
        "Loading more…";
    more_failed:
        "Không tải thêm được: {reason}",
        "Could not load more: {reason}";
    updated_at:
        "Cập nhật lúc {time}",
        "Updated at {time}";
    offline_notice:
        "Không có mạng. Bạn đang xem tin đã lưu trên máy.",
        "You are offline. You are reading news saved on this device.";
    stale_notice:
        "Chưa cập nhật được tin mới: {reason}",
        "The news could not be refreshed: {reason}";
    update_available:
        "Có phiên bản mới của Bản tin.",
        "A new version of Bản tin is available.";
    reload:
        "Tải lại",
        "Reload";
    image_offline:
        "Ảnh chưa được lưu trên máy nên không xem được khi không có mạng.",
        "This picture is not saved on this device, so it cannot be shown offline.";
    article_offline_title:
        "Bài viết chưa được lưu trên máy",
        "Article not saved on this device";
    article_offline_text:
        "Bài viết này không có trong bản tin đã lưu, nên không đọc được khi không có mạng. Hãy kết nối mạng rồi thử lại.",
        "This article is not in the news saved on this device, so it cannot be read offline. Connect to a network and try again.";
    main_nav:
        "Điều hướng chính",
        "Main navigation";
    display_settings:
        "Tùy chọn hiển thị",
        "Display settings";
    text_size:
        "Cỡ chữ",
        "Text size";
    text_smaller:
        "Giảm cỡ chữ",
        "Decrease text size";
    text_default:
        "Cỡ chữ mặc định",
        "Default text size";
    text_larger:
        "Tăng cỡ chữ",
        "Increase text size";
    text_size_now:
        "Cỡ chữ {percent}%",
        "Text size {percent}%";
    listen:
        "Nghe bài viết",
        "Listen";
    listen_stop:
        "Dừng đọc",
        "Stop reading";
    listen_pause:
        "Tạm dừng",
        "Pause";
    listen_resume:
        "Đọc tiếp",
        "Resume";
    listen_player:
        "Đọc bài viết thành tiếng",
        "Reading aloud";
    listen_rate:
        "Tốc độ đọc",
        "Reading speed";
    listen_progress:
        "Đang đọc phần {part} trên {total}",
        "Reading part {part} of {total}";
    listen_paused_at:
        "Đã tạm dừng ở phần {part} trên {total}",
        "Paused at part {part} of {total}";
    listen_started:
        "Bắt đầu đọc bài viết",
        "Reading the article aloud";
    listen_paused:
        "Đã tạm dừng đọc",
        "Reading paused";
    listen_resumed:
        "Đọc tiếp bài viết",
        "Reading resumed";
    listen_stopped:
        "Đã dừng đọc",
        "Reading stopped";
    listen_finished:
        "Đã đọc hết bài viết",
        "Finished reading the article";
    listen_failed:
        "Giọng đọc của trình duyệt bị lỗi nên đã dừng đọc. Hãy thử lại.",
        "The browser's voice stopped working, so reading stopped. Try again.";
    listen_rate_now:
        "Tốc độ đọc {rate}",
        "Reading speed {rate}";
    settings:
        "Tùy chọn",
        "Settings";
    language:
        "Ngôn ngữ",
        "Language";
    clock:
        "Bây giờ là",
        "The time now";
    theme:
        "Giao diện",
        "Theme";
    theme_auto:
        "Theo hệ thống",
        "System";
    theme_light:
        "Sáng",
        "Light";
    theme_dark:
        "Tối",
        "Dark";
    theme_contrast:
        "Tương phản cao",
        "High contrast";
    other_language:
        "English",
        "Tiếng Việt";
    app_name:
        "Bản tin",
        "Bản tin";
    skip_to_content:
        "Bỏ qua, đến nội dung chính",
        "Skip to main content";
    home:
        "Trang chủ",
        "Home";
    loading:
        "Đang tải tin…",
        "Loading news…";
    published_on:
        "Ngày đăng: {date}",
        "Published: {date}";
    updated_on:
        "Cập nhật: {date}",
        "Updated: {date}";
    authors:
        "Tác giả: {names}",
        "By {names}";
    tags:
        "Từ khóa",
        "Tags";
    read_original:
        "Xem bài gốc",
        "Read the original";
    back_to_list:
        "Về danh sách tin",
        "Back to the news list";
    empty_feed:
        "Chưa có tin nào.",
        "There is no news yet.";
    show_more:
        "Xem thêm",
        "Show more";
    retry:
        "Thử lại",
        "Try again";
    error_title:
        "Không tải được tin tức",
        "The news could not be loaded";
    not_found_title:
        "Không tìm thấy trang",
        "Page not found";
    not_found_text:
        "Địa chỉ này không có trong Bản tin. Có thể đường dẫn bị sai hoặc đã cũ.",
        "This address is not part of Bản tin. The link may be wrong or out of date.";
    article_not_found_title:
        "Không tìm thấy bài viết",
        "Article not found";
    article_not_found_text:
        "Bài viết này không có trong nguồn tin. Có thể bài đã được gỡ xuống hoặc đường dẫn bị sai.",
        "This article is not in the feed. It may have been taken down, or the link may be wrong.";
    feed_refused:
        "Địa chỉ nguồn tin trong đường dẫn không được phép, nên Bản tin hiển thị nguồn tin mặc định.",
        "The feed address in the link is not allowed, so Bản tin shows its default feed.";
    footer_source:
        "Nguồn tin",
        "Source";
    error_offline:
        "Thiết bị đang không có mạng. Hãy kết nối mạng rồi thử lại.",
        "This device is offline. Connect to a network and try again.";
    error_network:
        "Không kết nối được tới máy chủ tin tức. Hãy kiểm tra kết nối mạng rồi thử lại.",
        "The news server could not be reached. Check the connection and try again.";
    error_http_not_found:
        "Không tìm thấy nguồn tin trên máy chủ (lỗi 404).",
        "The feed was not found on the server (error 404).";
    error_http_server:
        "Máy chủ tin tức đang gặp sự cố (lỗi {status}). Hãy thử lại sau ít phút.",
        "The news server has a problem (error {status}). Try again in a few minutes.";
    error_http_other:
        "Máy chủ tin tức từ chối yêu cầu (lỗi {status}).",
        "The news server refused the request (error {status}).";
    table_region:
        "Bảng (vuốt hoặc cuộn ngang để xem hết)",
        "Table (swipe or scroll sideways to see all of it)";
    error_too_large:
        "Nguồn tin quá lớn (hơn {size}) nên không được tải, để máy không bị treo.",
        "The feed is too large (over {size}), so it was not loaded, to keep this device responsive.";
    error_not_json:
        "Nguồn tin bị lỗi: nội dung tải về không đọc được (không phải JSON, RSS hay Atom).",
        "The feed is broken: what was downloaded cannot be read (it is not JSON, RSS or Atom).";
    error_not_feed:
        "Nguồn tin bị lỗi: dữ liệu tải về không phải một nguồn tin (JSON Feed, RSS hay Atom).",
        "The feed is broken: what was downloaded is not a news feed (JSON Feed, RSS or Atom).";
    error_page_not_allowed:
        "Trang tiếp theo của nguồn tin nằm ở một địa chỉ mà trang này không được phép tải.",
        "The feed's next page is at an address this site is not allowed to load.";
    error_config:
        "Không đọc được tệp cấu hình của ứng dụng (config.json).",
        "The app's configuration file (config.json) could not be read.";
  }
  counts {
    kiosk_countdown:
        "Màn hình sẽ trở về trang chủ sau {count} giây để người sau sử dụng.",
        "The screen returns to the home page in {count} second for the next person." / "The screen returns to the home page in {count} seconds for the next person.";
    section_count:
        "{count} tin trong chuyên mục này",
        "{count} article in this section" / "{count} articles in this section";
    search_count:
        "Tìm thấy {count} tin cho “{query}”.",
        "Found {count} article for “{query}”." / "Found {count} articles for “{query}”.";
    showing_count:
        "Đang hiện {count} tin.",
        "Showing {count} article." / "Showing {count} articles.";
    skipped_items:
        "{count} tin bị lỗi định dạng nên không hiển thị.",
        "{count} malformed article is not shown." / "{count} malformed articles are not shown.";
    error_timeout:
        "Máy chủ tin tức phản hồi quá chậm (quá {count} giây). Hãy thử lại sau ít phút.",
        "The news server is too slow (over {count} second). Try again in a few minutes." / "The news server is too slow (over {count} seconds). Try again in a few minutes.";
  }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        assert_eq!(Lang::from_code("vi-VN"), Some(Lang::Vi));
        assert_eq!(Lang::from_code("EN_us"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code(""), None);
        assert_eq!(Lang::En.code(), "en");
    }

    /// The names in `{…}` of a template, sorted.
    fn placeholders(template: &str) -> Vec<&str> {
        let mut names: Vec<&str> = template
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn every_key_has_text_in_both_languages_with_the_same_named_placeholders() {
        let vi = VI.entries();
        let en = EN.entries();
        assert_eq!(vi.len(), en.len());
        for ((key, v), (_, e)) in vi.iter().zip(&en) {
            assert!(!v.trim().is_empty() && !e.trim().is_empty(), "{key}");
            assert_eq!(
                placeholders(v),
                placeholders(e),
                "{key}: placeholders differ"
            );
            for name in placeholders(v) {
                assert!(
                    !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase()),
                    "{key}: placeholder {{{name}}} has no name"
                );
            }
            assert!(v != e || *key == "app_name", "{key} is not translated");
        }
        // Every plural string counts with {count}.
        for (key, text) in vi.iter().chain(&en) {
            if key.ends_with("_count") || *key == "skipped_items" {
                assert!(placeholders(text).contains(&"count"), "{key}");
            }
        }
    }

    #[test]
    fn counts_agree_with_their_number() {
        let query: &dyn Display = &"lao động";
        assert_eq!(
            count(&EN.search_count, 1, &[("query", query)]),
            "Found 1 article for “lao động”."
        );
        assert_eq!(
            count(&EN.search_count, 2, &[("query", query)]),
            "Found 2 articles for “lao động”."
        );
        assert_eq!(
            count(&EN.search_count, 0, &[("query", query)]),
            "Found 0 articles for “lao động”."
        );
        assert_eq!(
            count(&VI.search_count, 1, &[("query", query)]),
            "Tìm thấy 1 tin cho “lao động”."
        );
        assert_eq!(
            count(&EN.section_count, 1, &[]),
            "1 article in this section"
        );
        assert_eq!(count(&EN.showing_count, 1, &[]), "Showing 1 article.");
        assert_eq!(
            count(&EN.skipped_items, 1, &[]),
            "1 malformed article is not shown."
        );
        assert!(count(&EN.kiosk_countdown, 1, &[]).contains("in 1 second for"));
        assert!(count(&EN.kiosk_countdown, 20, &[]).contains("in 20 seconds"));
    }

    #[test]
    fn fill_puts_values_in_place() {
        assert_eq!(
            fill(VI.published_on, &[("date", &"10/02/2023")]),
            "Ngày đăng: 10/02/2023"
        );
        assert_eq!(
            fill("{a} and {b} and {a}", &[("a", &1), ("b", &"x")]),
            "1 and x and 1"
        );
        assert_eq!(fill("no slot", &[("a", &3)]), "no slot");
        assert_eq!(fill("{missing} {", &[]), "{missing} {");
        assert_eq!(around(VI.published_on, "date"), ("Ngày đăng: ", ""));
        assert_eq!(around("By {names}.", "names"), ("By ", "."));
        assert_eq!(around("none", "date"), ("none", ""));
    }
}
