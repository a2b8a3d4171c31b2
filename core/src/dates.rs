//! Dates in feeds and on screen.
//!
//! Feeds carry RFC 3339 dates (as JSON Feed asks), RFC 2822 dates (copied from RSS), and dates
//! with no zone at all. A date without a zone is read as Vietnam time, the department's own.
//! Everything is kept as seconds since the Unix epoch and shown in Asia/Ho_Chi_Minh time, which
//! has been UTC+7 without daylight saving since 1975, so a fixed offset is exact and no time
//! zone database is needed in the bundle.

use crate::i18n::Lang;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, Timelike};

/// Seconds east of UTC for Asia/Ho_Chi_Minh.
pub const VIETNAM_OFFSET_SECONDS: i32 = 7 * 3600;

/// Asia/Ho_Chi_Minh as a fixed offset, checked when the program is compiled.
const VIETNAM: FixedOffset = match FixedOffset::east_opt(VIETNAM_OFFSET_SECONDS) {
    Some(offset) => offset,
    None => panic!("UTC+7 is a valid offset"),
};

fn vietnam() -> FixedOffset {
    VIETNAM
}

/// Parses a feed date. Accepts RFC 3339 (also with a space for `T` and a lower-case `t`/`z`),
/// RFC 2822, and local date-times or dates without a zone (read as Vietnam time).
pub fn parse(input: &str) -> Option<i64> {
    let s = input.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.timestamp());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.timestamp());
    }
    // RFC 3339 with a space instead of `T` and a zone ("2023-02-10 08:30:00+07:00").
    let t = s.replacen(' ', "T", 1);
    if let Ok(dt) = DateTime::parse_from_rfc3339(&t) {
        return Some(dt.timestamp());
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%d/%m/%YT%H:%M:%S",
        "%d/%m/%YT%H:%M",
    ] {
        if let Ok(local) = NaiveDateTime::parse_from_str(&t, format) {
            return local_to_timestamp(local);
        }
    }
    for format in ["%Y-%m-%d", "%d/%m/%Y"] {
        if let Ok(date) = NaiveDate::parse_from_str(s, format) {
            return local_to_timestamp(date.and_hms_opt(0, 0, 0)?);
        }
    }
    None
}

fn local_to_timestamp(local: NaiveDateTime) -> Option<i64> {
    local
        .and_local_timezone(vietnam())
        .single()
        .map(|dt| dt.timestamp())
}

/// A moment broken into Vietnam-time fields, for formatting in either language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

impl LocalTime {
    pub fn from_timestamp(seconds: i64) -> Option<Self> {
        let dt = DateTime::from_timestamp(seconds, 0)?.with_timezone(&vietnam());
        Some(Self {
            year: dt.year(),
            month: dt.month(),
            day: dt.day(),
            hour: dt.hour(),
            minute: dt.minute(),
        })
    }

    /// `dd/mm/yyyy`, the Vietnamese way.
    pub fn day_month_year(&self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }

    /// `HH:MM dd/mm`, as in "Cập nhật lúc 08:30 10/02".
    pub fn time_day_month(&self) -> String {
        format!(
            "{:02}:{:02} {:02}/{:02}",
            self.hour, self.minute, self.day, self.month
        )
    }

    /// `HH:MM`.
    pub fn hour_minute(&self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }

    /// Whether two moments fall on the same calendar day in Vietnam.
    pub fn same_day(&self, other: &Self) -> bool {
        (self.year, self.month, self.day) == (other.year, other.month, other.day)
    }
}

/// A calendar day for people: `10/02/2023` in Vietnamese, `10 Feb 2023` in English.
pub fn day(seconds: i64, lang: Lang) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let t = LocalTime::from_timestamp(seconds)?;
    Some(match lang {
        Lang::Vi => t.day_month_year(),
        Lang::En => {
            let month = usize::try_from(t.month)
                .ok()
                .and_then(|m| MONTHS.get(m.checked_sub(1)?))?;
            format!("{} {month} {}", t.day, t.year)
        }
    })
}

/// A moment to the minute for people: `08:30 10/02` in Vietnamese, `08:30, 10 Feb` in English.
pub fn time_and_day(seconds: i64, lang: Lang) -> Option<String> {
    let t = LocalTime::from_timestamp(seconds)?;
    Some(match lang {
        Lang::Vi => t.time_day_month(),
        Lang::En => {
            let day = day(seconds, lang)?;
            let without_year = day.rsplit_once(' ').map_or(day.as_str(), |(d, _)| d);
            format!("{}, {without_year}", t.hour_minute())
        }
    })
}

/// The time of day in Vietnam, `HH:MM`, for the kiosk's clock.
pub fn clock(seconds: i64) -> Option<String> {
    Some(LocalTime::from_timestamp(seconds)?.hour_minute())
}

/// RFC 3339 in Vietnam time, for `<time datetime>`.
pub fn machine_readable(seconds: i64) -> Option<String> {
    let dt = DateTime::from_timestamp(seconds, 0)?.with_timezone(&vietnam());
    Some(dt.to_rfc3339())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> i64 {
        DateTime::parse_from_rfc3339(s)
            .map(|d| d.timestamp())
            .unwrap_or(i64::MIN)
    }

    #[test]
    fn rfc3339_forms() {
        let expected = ts("2023-02-10T01:30:00Z");
        for input in [
            "2023-02-10T08:30:00+07:00",
            "2023-02-10T01:30:00Z",
            "2023-02-10t01:30:00z",
            "2023-02-10T01:30:00.000Z",
            "2023-02-10 08:30:00+07:00",
            " 2023-02-10T08:30:00+07:00 ",
        ] {
            assert_eq!(parse(input), Some(expected), "{input}");
        }
    }

    #[test]
    fn the_kiosk_clock_shows_vietnam_time() {
        assert_eq!(clock(ts("2023-02-10T01:05:00Z")).as_deref(), Some("08:05"));
        assert_eq!(clock(ts("2023-02-10T17:59:00Z")).as_deref(), Some("00:59"));
    }

    #[test]
    fn rfc2822_forms() {
        let expected = ts("2023-02-10T01:30:00Z");
        for input in [
            "Fri, 10 Feb 2023 08:30:00 +0700",
            "Fri, 10 Feb 2023 01:30:00 GMT",
            "10 Feb 2023 01:30:00 +0000",
        ] {
            assert_eq!(parse(input), Some(expected), "{input}");
        }
    }

    #[test]
    fn zoneless_dates_are_vietnam_time() {
        assert_eq!(
            parse("2023-02-10T08:30:00"),
            Some(ts("2023-02-10T01:30:00Z"))
        );
        assert_eq!(parse("2023-02-10 08:30"), Some(ts("2023-02-10T01:30:00Z")));
        assert_eq!(parse("2023-02-10"), Some(ts("2023-02-09T17:00:00Z")));
        assert_eq!(parse("10/02/2023"), Some(ts("2023-02-09T17:00:00Z")));
        assert_eq!(parse("10/02/2023 08:30"), Some(ts("2023-02-10T01:30:00Z")));
    }

    #[test]
    fn garbage_is_none() {
        for input in [
            "",
            "tomorrow",
            "2023-13-45",
            "Fri, 99 Foo 2023",
            "9999999999999999999",
        ] {
            assert_eq!(parse(input), None, "{input}");
        }
        assert_eq!(parse(&"2".repeat(10_000)), None);
    }

    #[test]
    fn shown_in_vietnam_time() {
        // 17:30 UTC on the 9th is 00:30 on the 10th in Vietnam.
        let t = LocalTime::from_timestamp(ts("2023-02-09T17:30:00Z"));
        assert_eq!(t.map(|t| t.day_month_year()).as_deref(), Some("10/02/2023"));
        assert_eq!(
            t.map(|t| t.time_day_month()).as_deref(),
            Some("00:30 10/02")
        );
        assert_eq!(
            machine_readable(ts("2023-02-09T17:30:00Z")).as_deref(),
            Some("2023-02-10T00:30:00+07:00")
        );
        assert_eq!(LocalTime::from_timestamp(i64::MAX), None);
        let t = ts("2023-02-09T17:30:00Z");
        assert_eq!(day(t, Lang::Vi).as_deref(), Some("10/02/2023"));
        assert_eq!(day(t, Lang::En).as_deref(), Some("10 Feb 2023"));
        assert_eq!(time_and_day(t, Lang::Vi).as_deref(), Some("00:30 10/02"));
        assert_eq!(time_and_day(t, Lang::En).as_deref(), Some("00:30, 10 Feb"));
    }
}
