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

pub struct Strings {
    pub app_name: &'static str,
    pub skip_to_content: &'static str,
    pub home: &'static str,
    pub loading: &'static str,
    pub published_on: &'static str,
    pub updated_on: &'static str,
    pub authors: &'static str,
    pub tags: &'static str,
    pub read_original: &'static str,
    pub back_to_list: &'static str,
    pub news_list: &'static str,
    pub empty_feed: &'static str,
    pub show_more: &'static str,
    pub showing_count: &'static str,
    pub skipped_items: &'static str,
    pub retry: &'static str,
    pub error_title: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub article_not_found_title: &'static str,
    pub article_not_found_text: &'static str,
    pub feed_refused: &'static str,
    pub footer_source: &'static str,
    pub error_offline: &'static str,
    pub error_network: &'static str,
    pub error_timeout: &'static str,
    pub error_http_not_found: &'static str,
    pub error_http_server: &'static str,
    pub error_http_other: &'static str,
    pub error_too_large: &'static str,
    pub error_not_json: &'static str,
    pub error_not_feed: &'static str,
    pub error_config: &'static str,
}

pub static VI: Strings = Strings {
    app_name: "Bản tin",
    skip_to_content: "Bỏ qua, đến nội dung chính",
    home: "Trang chủ",
    loading: "Đang tải tin…",
    published_on: "Ngày đăng: {}",
    updated_on: "Cập nhật: {}",
    authors: "Tác giả: {}",
    tags: "Từ khóa",
    read_original: "Xem bài gốc",
    back_to_list: "Về danh sách tin",
    news_list: "Danh sách tin",
    empty_feed: "Chưa có tin nào.",
    show_more: "Xem thêm",
    showing_count: "Đang hiện {} tin",
    skipped_items: "{} tin bị lỗi định dạng nên không hiển thị.",
    retry: "Thử lại",
    error_title: "Không tải được tin tức",
    not_found_title: "Không tìm thấy trang",
    not_found_text: "Địa chỉ này không có trong Bản tin. Có thể đường dẫn bị sai hoặc đã cũ.",
    article_not_found_title: "Không tìm thấy bài viết",
    article_not_found_text: "Bài viết này không có trong nguồn tin. Có thể bài đã được gỡ xuống hoặc đường dẫn bị sai.",
    feed_refused: "Địa chỉ nguồn tin trong đường dẫn không được phép, nên Bản tin hiển thị nguồn tin mặc định.",
    footer_source: "Nguồn tin",
    error_offline: "Thiết bị đang không có mạng. Hãy kết nối mạng rồi thử lại.",
    error_network: "Không kết nối được tới máy chủ tin tức. Hãy kiểm tra kết nối mạng rồi thử lại.",
    error_timeout: "Máy chủ tin tức phản hồi quá chậm (quá {} giây). Hãy thử lại sau ít phút.",
    error_http_not_found: "Không tìm thấy nguồn tin trên máy chủ (lỗi 404).",
    error_http_server: "Máy chủ tin tức đang gặp sự cố (lỗi {}). Hãy thử lại sau ít phút.",
    error_http_other: "Máy chủ tin tức từ chối yêu cầu (lỗi {}).",
    error_too_large: "Nguồn tin quá lớn (hơn {}) nên không được tải, để máy không bị treo.",
    error_not_json: "Nguồn tin bị lỗi: nội dung tải về không phải dữ liệu JSON.",
    error_not_feed: "Nguồn tin bị lỗi: dữ liệu tải về không phải một JSON Feed.",
    error_config: "Không đọc được tệp cấu hình của ứng dụng (config.json).",
};

pub static EN: Strings = Strings {
    app_name: "Bản tin",
    skip_to_content: "Skip to main content",
    home: "Home",
    loading: "Loading news…",
    published_on: "Published: {}",
    updated_on: "Updated: {}",
    authors: "By {}",
    tags: "Tags",
    read_original: "Read the original",
    back_to_list: "Back to the news list",
    news_list: "News list",
    empty_feed: "There is no news yet.",
    show_more: "Show more",
    showing_count: "Showing {} articles",
    skipped_items: "{} malformed articles are not shown.",
    retry: "Try again",
    error_title: "The news could not be loaded",
    not_found_title: "Page not found",
    not_found_text: "This address is not part of Bản tin. The link may be wrong or out of date.",
    article_not_found_title: "Article not found",
    article_not_found_text:
        "This article is not in the feed. It may have been taken down, or the link may be wrong.",
    feed_refused: "The feed address in the link is not allowed, so Bản tin shows its default feed.",
    footer_source: "Source",
    error_offline: "This device is offline. Connect to a network and try again.",
    error_network: "The news server could not be reached. Check the connection and try again.",
    error_timeout: "The news server is too slow (over {} seconds). Try again in a few minutes.",
    error_http_not_found: "The feed was not found on the server (error 404).",
    error_http_server: "The news server has a problem (error {}). Try again in a few minutes.",
    error_http_other: "The news server refused the request (error {}).",
    error_too_large:
        "The feed is too large (over {}), so it was not loaded, to keep this device responsive.",
    error_not_json: "The feed is broken: what was downloaded is not JSON.",
    error_not_feed: "The feed is broken: what was downloaded is not a JSON Feed.",
    error_config: "The app's configuration file (config.json) could not be read.",
};

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
    fn fill_puts_value_in_place() {
        assert_eq!(fill(VI.published_on, "10/02/2023"), "Ngày đăng: 10/02/2023");
        assert_eq!(fill("no slot", 3), "no slot");
    }
}
