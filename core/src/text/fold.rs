//! Folding for search and addresses: "Đà Nẵng" and "da nang" are the same words.
//!
//! Folding needs no Unicode tables: Vietnamese letters live in a few known code point ranges
//! whose layout gives the base letter (the Latin Extended Additional block cycles through
//! each vowel's tone marks in order), combining marks (U+0300–U+036F) are dropped, so text in
//! NFD folds like NFC, and đ becomes d.

/// The base letter of a Vietnamese (or other Latin) letter with marks, lower-cased; `None`
/// for a combining mark; the character itself (lower-cased) otherwise.
pub fn fold_char(c: char) -> Option<char> {
    let code = u32::from(c);
    let folded = match code {
        0x0300..=0x036F => return None,
        0x00C0..=0x00C5 | 0x00E0..=0x00E5 | 0x0102 | 0x0103 => 'a',
        0x00C8..=0x00CB | 0x00E8..=0x00EB => 'e',
        0x00CC..=0x00CF | 0x00EC..=0x00EF | 0x0128 | 0x0129 => 'i',
        0x00D2..=0x00D6 | 0x00F2..=0x00F6 | 0x00D8 | 0x00F8 | 0x01A0 | 0x01A1 => 'o',
        0x00D9..=0x00DC | 0x00F9..=0x00FC | 0x0168 | 0x0169 | 0x01AF | 0x01B0 => 'u',
        0x00DD | 0x00FD | 0x00FF | 0x0178 => 'y',
        0x00C7 | 0x00E7 => 'c',
        0x00D1 | 0x00F1 => 'n',
        0x0110 | 0x0111 => 'd',
        // Latin Extended Additional, Vietnamese part: Ạ..ặ, Ẹ..ệ, Ỉ..ị, Ọ..ợ, Ụ..ự, Ỳ..ỹ.
        0x1EA0..=0x1EB7 => 'a',
        0x1EB8..=0x1EC7 => 'e',
        0x1EC8..=0x1ECB => 'i',
        0x1ECC..=0x1EE3 => 'o',
        0x1EE4..=0x1EF1 => 'u',
        0x1EF2..=0x1EF9 => 'y',
        _ if c.is_ascii() => c.to_ascii_lowercase(),
        _ => lower(c),
    };
    Some(folded)
}

/// The lower case of a letter of the Latin, Greek, Cyrillic, Armenian or Georgian alphabets,
/// computed from the layout of their Unicode blocks (capitals a fixed distance from their
/// small letters, or in capital-small pairs), so the browser build carries no Unicode case
/// table (about 5 KB compressed). Irregular letters (most of Latin Extended-B, polytonic
/// Greek) and other scripts keep their case. A host test checks every character of these
/// blocks against the standard library.
fn lower(c: char) -> char {
    let code = u32::from(c);
    let pair = |first_capital_is_even: bool| {
        if (code % 2 == 0) == first_capital_is_even {
            code + 1
        } else {
            code
        }
    };
    let lowered = match code {
        // Latin-1: À..Þ except ×.
        0x00C0..=0x00DE if code != 0x00D7 => code + 0x20,
        // Latin Extended-A, in pairs (İ and ı aside; Ÿ pairs with ÿ).
        0x0100..=0x012F | 0x0132..=0x0137 | 0x014A..=0x0177 => pair(true),
        0x0130 => u32::from('i'),
        0x0139..=0x0148 | 0x0179..=0x017E => pair(false),
        0x0178 => 0x00FF,
        // Latin Extended-B: the regular pairs (Romanian Ș Ț among them) and Ə.
        0x01CD..=0x01DC => pair(false),
        0x01DE..=0x01EF | 0x01F8..=0x021F | 0x0222..=0x0233 => pair(true),
        0x018F => 0x0259,
        // Latin Extended Additional outside the Vietnamese letters (folded above).
        0x1E00..=0x1E95 | 0x1EFA..=0x1EFF => pair(true),
        0x1E9E => 0x00DF,
        // Greek (monotonic; polytonic capitals keep their case).
        0x0386 => 0x03AC,
        0x0388..=0x038A => code + 37,
        0x038C => 0x03CC,
        0x038E | 0x038F => code + 63,
        0x0391..=0x03AB if code != 0x03A2 => code + 0x20,
        0x03CF => 0x03D7,
        0x03D8..=0x03EF => pair(true),
        0x03F4 => 0x03B8,
        0x03F7 | 0x03FA => code + 1,
        0x03F9 => 0x03F2,
        0x03FD..=0x03FF => code - 0x82,
        // Cyrillic.
        0x0400..=0x040F => code + 0x50,
        0x0410..=0x042F => code + 0x20,
        0x0460..=0x0481 | 0x048A..=0x04BF | 0x04D0..=0x052F => pair(true),
        0x04C0 => 0x04CF,
        0x04C1..=0x04CE => pair(false),
        // Armenian, Georgian (Asomtavruli to Nuskhuri), full-width Latin.
        0x0531..=0x0556 => code + 0x30,
        0x10A0..=0x10C5 | 0x10C7 | 0x10CD => code + 0x1C60,
        0xFF21..=0xFF3A => code + 0x20,
        _ => code,
    };
    char::from_u32(lowered).unwrap_or(c)
}

/// `s` folded: lower case, without marks, đ → d.
pub fn fold(s: &str) -> String {
    s.chars().filter_map(fold_char).collect()
}

/// The folded words of `s`: runs of letters and digits.
pub fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in s.chars() {
        match fold_char(c) {
            None => {}
            Some(f) if f.is_alphanumeric() => current.push(f),
            Some(_) if !current.is_empty() => out.push(std::mem::take(&mut current)),
            Some(_) => {}
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A readable address part for a section name: "Lao động - Việc làm" → "lao-dong-viec-lam".
pub fn slug(name: &str) -> String {
    words(name).join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_without_tables_matches_the_standard_library() {
        let blocks = [
            0x0080..=0x024F,
            0x0370..=0x03FF,
            0x0400..=0x058F,
            0x10A0..=0x10FF,
            0x1E00..=0x1EFF,
            0xFF00..=0xFF5F,
        ];
        let mut checked = 0;
        for code in blocks.into_iter().flatten() {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let mut std_lower = c.to_lowercase();
            let expected = match (std_lower.next(), std_lower.next()) {
                (Some(l), None) => l,
                // İ lower-cases to i + a combining dot, which folding drops.
                (Some(l), Some(_)) => l,
                _ => c,
            };
            // Vietnamese letters never reach `lower` (folding maps them to base letters
            // first); letters outside the pairs it covers (Latin Extended-B, archaic Greek)
            // keep their case; everything else must agree.
            if (0x1EA0..=0x1EF9).contains(&code) {
                assert!(
                    fold_char(c).is_some_and(|f| f.is_ascii_lowercase()),
                    "U+{code:04X}"
                );
                continue;
            }
            let irregular_latin_b = (0x0180..=0x024F).contains(&code)
                && !(0x01CD..=0x01DC).contains(&code)
                && !(0x01DE..=0x01EF).contains(&code)
                && !(0x01F8..=0x021F).contains(&code)
                && !(0x0222..=0x0233).contains(&code)
                && code != 0x018F;
            let covered = !irregular_latin_b && !(0x0370..=0x0385).contains(&code);
            if covered {
                assert_eq!(lower(c), expected, "U+{code:04X}");
                checked += 1;
            } else {
                assert!(lower(c) == expected || lower(c) == c, "U+{code:04X}");
            }
        }
        assert!(checked > 1200, "{checked}");
        assert_eq!(
            fold("ΑΘΗΝΑ Москва ĐÀ NẴNG Ÿ ȘTEFAN"),
            "αθηνα москва da nang y ștefan"
        );
    }

    #[test]
    fn folding_vietnamese() {
        assert_eq!(fold("Đà Nẵng"), "da nang");
        assert_eq!(fold("LAO ĐỘNG"), "lao dong");
        assert_eq!(fold("Lao động"), "lao dong");
        assert_eq!(fold("Thương binh và Xã hội"), "thuong binh va xa hoi");
        assert_eq!(fold("Ưu đãi người có công"), "uu dai nguoi co cong");
        assert_eq!(
            fold("Đa\u{300} Na\u{306}\u{303}ng"),
            "da nang",
            "NFD folds like NFC"
        );
        assert_eq!(fold("Ấ Ầ Ẩ Ẫ Ậ Ắ Ằ Ẳ Ẵ Ặ ạ ả"), "a a a a a a a a a a a a");
        assert_eq!(fold("Ế Ề Ể Ễ Ệ ẹ ẻ ẽ Ỉ ị"), "e e e e e e e e i i");
        assert_eq!(fold("Ố Ồ Ổ Ỗ Ộ Ớ Ờ Ở Ỡ Ợ ọ ỏ"), "o o o o o o o o o o o o");
        assert_eq!(fold("Ứ Ừ Ử Ữ Ự ụ ủ Ỳ Ỵ Ỷ Ỹ"), "u u u u u u u y y y y");
        assert_eq!(fold("Ĩ ĩ Ũ ũ Ơ ơ Ư ư Ă ă"), "i i u u o o u u a a");
    }

    #[test]
    fn every_vietnamese_letter_folds_to_its_base() {
        use unicode_normalization::UnicodeNormalization;
        // Every vowel with every tone, composed, in both cases: 12 x 6 x 2 letters.
        let vowels = [
            ("a", 'a'),
            ("a\u{306}", 'a'),
            ("a\u{302}", 'a'),
            ("e", 'e'),
            ("e\u{302}", 'e'),
            ("i", 'i'),
            ("o", 'o'),
            ("o\u{302}", 'o'),
            ("o\u{31B}", 'o'),
            ("u", 'u'),
            ("u\u{31B}", 'u'),
            ("y", 'y'),
        ];
        let tones = ["", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"];
        let mut seen = 0;
        for (vowel, base) in vowels {
            for tone in tones {
                let lower: String = format!("{vowel}{tone}").nfc().collect();
                let upper: String = lower.to_uppercase().nfc().collect();
                for letter in [lower, upper] {
                    assert_eq!(
                        letter.chars().count(),
                        1,
                        "{letter} is one precomposed letter"
                    );
                    assert_eq!(
                        fold(&letter),
                        base.to_string(),
                        "{letter} {:?}",
                        letter.chars().next()
                    );
                    seen += 1;
                }
            }
        }
        assert_eq!(seen, 144);
        assert_eq!(fold("Đđ"), "dd");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Lao động - Việc làm"), "lao-dong-viec-lam");
        assert_eq!(slug("Tin hoạt động"), "tin-hoat-dong");
        assert_eq!(slug("  Bảo trợ   xã hội!! "), "bao-tro-xa-hoi");
        assert_eq!(slug("Người có công"), "nguoi-co-cong");
        assert_eq!(slug("---"), "");
    }
}
