//! QR codes for addresses, drawn as one SVG path so they can be built as ordinary DOM nodes
//! (no SVG or HTML text is ever parsed).

use qrcode::{Color, EcLevel, QrCode};

/// A QR code: its size in modules (without the quiet zone) and an SVG path that draws its
/// dark modules, one `h1v1h-1z` square each, offset by a 4-module quiet zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    pub size: usize,
    pub path: String,
}

/// The quiet zone around a QR code, in modules.
pub const QUIET_ZONE: usize = 4;

/// The QR code of `text`, or `None` when it is too long to encode.
pub fn encode(text: &str) -> Option<Qr> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let size = code.width();
    let mut path = String::with_capacity(size * size * 4);
    for (index, color) in code.to_colors().into_iter().enumerate() {
        if color == Color::Dark {
            let (x, y) = (index % size + QUIET_ZONE, index / size + QUIET_ZONE);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Some(Qr { size, path })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_become_codes() {
        let qr =
            encode("https://www.example.org/tin-tuc/2023-03-17-phien-giao-dich-viec-lam-thang-3");
        let qr = qr.unwrap_or_else(|| panic!("encodable"));
        // Version 4 or so for an address of this length: 33 modules and up, odd-sized.
        assert!(qr.size >= 21 && qr.size % 2 == 1, "{}", qr.size);
        // The three finder patterns put dark squares in three corners.
        assert!(qr
            .path
            .starts_with(&format!("M{QUIET_ZONE} {QUIET_ZONE}h1v1h-1z")));
        assert!(qr.path.matches('z').count() > qr.size * 3);
    }

    #[test]
    fn too_long_is_none() {
        assert_eq!(encode(&"x".repeat(5_000)), None);
    }
}
