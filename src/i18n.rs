//! Every interface string, one table per language. The struct makes a missing translation a
//! compile error; `{}` marks where a value goes (see [`fill`]).

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

/// Puts `value` where the template has `{}`.
pub fn fill(template: &str, value: impl Display) -> String {
    template.replacen("{}", &value.to_string(), 1)
}

/// Declares the string table: each key with its Vietnamese and English text, side by side, so
/// a key cannot exist in one language only.
macro_rules! strings {
    ($($key:ident: $vi:literal, $en:literal;)*) => {
        pub struct Strings {
            $(pub $key: &'static str,)*
        }

        pub static VI: Strings = Strings { $($key: $vi,)* };
        pub static EN: Strings = Strings { $($key: $en,)* };

        impl Strings {
            /// Every key with its text, for checks.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key),)*]
            }
        }
    };
}

strings! {
    kiosk_still_there:
        "Bạn còn đang xem không?",
        "Are you still there?";
    kiosk_countdown:
        "Màn hình sẽ trở về trang chủ sau {} giây để người sau sử dụng.",
        "The screen returns to the home page in {} seconds for the next person.";
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
        "Mã QR của địa chỉ {}",
        "QR code for {}";
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
    section_count:
        "{} tin trong chuyên mục này",
        "{} articles in this section";
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
    search_count:
        "Tìm thấy {} tin cho “{}”.",
        "Found {} articles for “{}”.";
    search_none:
        "Không tìm thấy tin nào cho “{}”. Hãy thử từ khác.",
        "No articles found for “{}”. Try other words.";
    loading_more:
        "Đang tải thêm…",
        "Loading more…";
    more_failed:
        "Không tải thêm được: {}",
        "Could not load more: {}";
    updated_at:
        "Cập nhật lúc {}",
        "Updated at {}";
    offline_notice:
        "Không có mạng. Bạn đang xem tin đã lưu trên máy.",
        "You are offline. You are reading news saved on this device.";
    stale_notice:
        "Chưa cập nhật được tin mới: {}",
        "The news could not be refreshed: {}";
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
        "Cỡ chữ {}%",
        "Text size {}%";
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
        "Ngày đăng: {}",
        "Published: {}";
    updated_on:
        "Cập nhật: {}",
        "Updated: {}";
    authors:
        "Tác giả: {}",
        "By {}";
    tags:
        "Từ khóa",
        "Tags";
    read_original:
        "Xem bài gốc",
        "Read the original";
    back_to_list:
        "Về danh sách tin",
        "Back to the news list";
    news_list:
        "Danh sách tin",
        "News list";
    empty_feed:
        "Chưa có tin nào.",
        "There is no news yet.";
    show_more:
        "Xem thêm",
        "Show more";
    showing_count:
        "Đang hiện {} tin.",
        "Showing {} articles.";
    skipped_items:
        "{} tin bị lỗi định dạng nên không hiển thị.",
        "{} malformed articles are not shown.";
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
    error_timeout:
        "Máy chủ tin tức phản hồi quá chậm (quá {} giây). Hãy thử lại sau ít phút.",
        "The news server is too slow (over {} seconds). Try again in a few minutes.";
    error_http_not_found:
        "Không tìm thấy nguồn tin trên máy chủ (lỗi 404).",
        "The feed was not found on the server (error 404).";
    error_http_server:
        "Máy chủ tin tức đang gặp sự cố (lỗi {}). Hãy thử lại sau ít phút.",
        "The news server has a problem (error {}). Try again in a few minutes.";
    error_http_other:
        "Máy chủ tin tức từ chối yêu cầu (lỗi {}).",
        "The news server refused the request (error {}).";
    error_too_large:
        "Nguồn tin quá lớn (hơn {}) nên không được tải, để máy không bị treo.",
        "The feed is too large (over {}), so it was not loaded, to keep this device responsive.";
    error_not_json:
        "Nguồn tin bị lỗi: nội dung tải về không phải dữ liệu JSON.",
        "The feed is broken: what was downloaded is not JSON.";
    error_not_feed:
        "Nguồn tin bị lỗi: dữ liệu tải về không phải một JSON Feed.",
        "The feed is broken: what was downloaded is not a JSON Feed.";
    error_config:
        "Không đọc được tệp cấu hình của ứng dụng (config.json).",
        "The app's configuration file (config.json) could not be read.";
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

    #[test]
    fn every_key_has_text_in_both_languages() {
        let vi = VI.entries();
        let en = EN.entries();
        assert_eq!(vi.len(), en.len());
        for ((key, v), (_, e)) in vi.iter().zip(&en) {
            assert!(!v.trim().is_empty() && !e.trim().is_empty(), "{key}");
            assert_eq!(
                v.matches("{}").count(),
                e.matches("{}").count(),
                "{key}: placeholders differ"
            );
            assert!(v != e || *key == "app_name", "{key} is not translated");
        }
    }

    #[test]
    fn fill_puts_value_in_place() {
        assert_eq!(fill(VI.published_on, "10/02/2023"), "Ngày đăng: 10/02/2023");
        assert_eq!(fill("no slot", 3), "no slot");
    }
}
