//! A quick structural pass over a JSON Feed document: the top-level members other than
//! `items` (as a small JSON object of their own) and where each element of `items` starts and
//! ends, without parsing them. The elements are then parsed one by one, in small batches, so a
//! feed of 10,000 items never blocks the page for long, and an item with broken syntax is
//! skipped and counted instead of failing the whole feed.

use std::ops::Range;

#[derive(Debug, PartialEq, Eq)]
pub struct Split {
    /// `{…}` with every top-level member except `items`.
    pub meta: String,
    /// Byte ranges of the elements of `items`; `None` when there is no `items` array.
    pub items: Option<Vec<Range<usize>>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitError {
    /// The text is not a JSON object (it may still be other JSON).
    NotAnObject,
    /// Broken structure: unterminated string or container, stray characters.
    Syntax,
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), SplitError> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(SplitError::Syntax)
        }
    }

    /// Skips a string whose opening quote is at the cursor. Runs of ordinary bytes are
    /// skipped with one search, which is what makes this pass fast.
    fn skip_string(&mut self) -> Result<(), SplitError> {
        self.expect(b'"')?;
        loop {
            let rest = self.bytes.get(self.at..).unwrap_or_default();
            let offset = rest
                .iter()
                .position(|b| matches!(b, b'"' | b'\\'))
                .ok_or(SplitError::Syntax)?;
            self.at += offset;
            if self.peek() == Some(b'"') {
                self.at += 1;
                return Ok(());
            }
            // A backslash: skip it and the byte it escapes.
            self.at += 2;
        }
    }

    /// Skips one value of any kind, nested containers included, without recursion.
    fn skip_value(&mut self) -> Result<(), SplitError> {
        match self.peek() {
            None => Err(SplitError::Syntax),
            Some(b'"') => self.skip_string(),
            Some(b'{' | b'[') => {
                let mut depth = 0usize;
                loop {
                    match self.peek() {
                        None => return Err(SplitError::Syntax),
                        Some(b'"') => self.skip_string()?,
                        Some(b'{' | b'[') => {
                            depth += 1;
                            self.at += 1;
                        }
                        Some(b'}' | b']') => {
                            depth = depth.checked_sub(1).ok_or(SplitError::Syntax)?;
                            self.at += 1;
                            if depth == 0 {
                                return Ok(());
                            }
                        }
                        Some(_) => {
                            let rest = self.bytes.get(self.at..).unwrap_or_default();
                            self.at += rest
                                .iter()
                                .position(|b| matches!(b, b'"' | b'{' | b'[' | b'}' | b']'))
                                .unwrap_or(rest.len());
                        }
                    }
                }
            }
            Some(b'}' | b']' | b',' | b':') => Err(SplitError::Syntax),
            Some(_) => {
                let start = self.at;
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                ) {
                    self.at += 1;
                }
                if self.at == start {
                    Err(SplitError::Syntax)
                } else {
                    Ok(())
                }
            }
        }
    }
}

/// The whole pass at once (see [`Splitter`] for the same in steps).
#[cfg(test)]
pub fn split(text: &str) -> Result<Split, SplitError> {
    let mut splitter = Splitter::default();
    while !splitter.step(text, usize::MAX)? {}
    Ok(splitter.finish())
}

/// What follows a value inside a container closed by `closer`: `true` after a comma (another
/// value comes), `false` after the closer.
fn after_value(c: &mut Cursor<'_>, closer: u8) -> Result<bool, SplitError> {
    match c.peek() {
        Some(b',') => {
            c.at += 1;
            Ok(true)
        }
        Some(b) if b == closer => {
            c.at += 1;
            Ok(false)
        }
        _ => Err(SplitError::Syntax),
    }
}

/// Where the pass stands between two steps.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Before the opening `{`.
    #[default]
    Start,
    /// After `{` or a `,` between members: a member (or, after `{`, the closing `}`) is next.
    Member { first: bool },
    /// Inside `items`: an element (or, at its start, the closing `]`) is next.
    Element { first: bool },
    /// After a member: `,` or `}` is next.
    AfterMember,
    /// After the closing `}`: only whitespace may follow.
    End,
}

/// The structural pass in steps of about `budget` bytes, so that the browser can paint and
/// answer input between two steps of a large document. Same result as [`split`].
#[derive(Debug, Default)]
pub struct Splitter {
    at: usize,
    phase: Phase,
    meta: String,
    items: Option<Vec<Range<usize>>>,
}

impl Splitter {
    /// Goes on over `text` (always the same text) for about `budget` more bytes; `true` once
    /// the whole document has been read.
    pub fn step(&mut self, text: &str, budget: usize) -> Result<bool, SplitError> {
        let mut c = Cursor {
            bytes: text.as_bytes(),
            at: self.at,
        };
        let stop = self.at.saturating_add(budget);
        let result = loop {
            if c.at >= stop && self.phase != Phase::End {
                break Ok(false);
            }
            c.skip_whitespace();
            match self.phase {
                Phase::Start => {
                    if c.peek() != Some(b'{') {
                        break Err(SplitError::NotAnObject);
                    }
                    c.at += 1;
                    self.meta.push('{');
                    self.phase = Phase::Member { first: true };
                }
                Phase::Member { first } => {
                    if first && c.peek() == Some(b'}') {
                        c.at += 1;
                        self.phase = Phase::End;
                        continue;
                    }
                    if let Err(e) = self.member(text, &mut c) {
                        break Err(e);
                    }
                }
                Phase::Element { first } => {
                    if first && c.peek() == Some(b']') {
                        c.at += 1;
                        self.phase = Phase::AfterMember;
                        continue;
                    }
                    let start = c.at;
                    if let Err(e) = c.skip_value() {
                        break Err(e);
                    }
                    self.items.get_or_insert_with(Vec::new).push(start..c.at);
                    c.skip_whitespace();
                    match after_value(&mut c, b']') {
                        Ok(true) => self.phase = Phase::Element { first: false },
                        Ok(false) => self.phase = Phase::AfterMember,
                        Err(e) => break Err(e),
                    }
                }
                Phase::AfterMember => match after_value(&mut c, b'}') {
                    Ok(true) => self.phase = Phase::Member { first: false },
                    Ok(false) => self.phase = Phase::End,
                    Err(e) => break Err(e),
                },
                Phase::End => {
                    break if c.peek().is_some() {
                        Err(SplitError::Syntax)
                    } else {
                        Ok(true)
                    };
                }
            }
        };
        self.at = c.at;
        result
    }

    /// One member: its key, and its value kept for `meta` or, for `items`, the elements next.
    fn member(&mut self, text: &str, c: &mut Cursor<'_>) -> Result<(), SplitError> {
        let member_start = c.at;
        c.skip_string()?;
        let key = text
            .get(member_start + 1..c.at.saturating_sub(1))
            .unwrap_or("");
        c.skip_whitespace();
        c.expect(b':')?;
        c.skip_whitespace();
        if key == "items" && c.peek() == Some(b'[') {
            c.at += 1;
            self.items = Some(Vec::new());
            self.phase = Phase::Element { first: true };
        } else {
            c.skip_value()?;
            if self.meta.len() > 1 {
                self.meta.push(',');
            }
            self.meta
                .push_str(text.get(member_start..c.at).unwrap_or(""));
            self.phase = Phase::AfterMember;
        }
        Ok(())
    }

    /// What the pass found, once [`Splitter::step`] has said it is done.
    pub fn finish(mut self) -> Split {
        self.meta.push('}');
        Split {
            meta: self.meta,
            items: self.items,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> (String, Option<Vec<&str>>) {
        let split = split(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        let items = split
            .items
            .map(|ranges| ranges.into_iter().map(|r| &text[r]).collect());
        (split.meta, items)
    }

    #[test]
    fn members_and_elements() {
        let text = r#" { "title" : "a,}]", "items": [ {"id":"1","x":[1,{"y":"]"}]} , 2, "s\"]" ,null ] , "next_url":"n" } "#;
        let (meta, items) = pieces(text);
        assert_eq!(meta, r#"{"title" : "a,}]","next_url":"n"}"#);
        assert_eq!(
            items,
            Some(vec![
                r#"{"id":"1","x":[1,{"y":"]"}]}"#,
                "2",
                r#""s\"]""#,
                "null"
            ])
        );
        assert!(serde_json::from_str::<serde_json::Value>(&meta).is_ok());
    }

    #[test]
    fn empty_and_missing_items() {
        assert_eq!(pieces("{}"), ("{}".into(), None));
        assert_eq!(pieces(r#"{"items":[]}"#), ("{}".into(), Some(vec![])));
        assert_eq!(
            pieces(r#"{"items":"no"}"#),
            (r#"{"items":"no"}"#.into(), None)
        );
    }

    #[test]
    fn broken_structure() {
        for text in [
            r#"{"a":"#,
            r#"{"items":[{"id":1}"#,
            r#"{"a":1} x"#,
            r#"{"a" 1}"#,
            r#"{"a":"unterminated}"#,
            "{,}",
            r#"{"items":[1,,2]}"#,
        ] {
            assert_eq!(split(text), Err(SplitError::Syntax), "{text}");
        }
        for text in ["[]", "\"x\"", "", "  "] {
            assert_eq!(split(text), Err(SplitError::NotAnObject), "{text}");
        }
    }

    #[test]
    fn deep_nesting_without_recursion() {
        let text = format!(
            r#"{{"items":[{}{}]}}"#,
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert_eq!(split(&text).map(|s| s.items.map(|i| i.len())), Ok(Some(1)));
    }

    /// Steps of any size find what one pass finds, errors included.
    #[test]
    fn steps_find_what_one_pass_finds() {
        for text in [
            r#" { "title" : "a,}]", "items": [ {"id":"1","x":[1,{"y":"]"}]} , 2, "s\"]" ,null ] , "next_url":"n" } "#,
            "{}",
            r#"{"items":[]}"#,
            r#"{"items":[{"id":1}"#,
            r#"{"items":[1,,2]}"#,
            r#"{"a":1} x"#,
            "[]",
            "",
        ] {
            let whole = split(text);
            for budget in [1, 2, 7, 64] {
                let mut splitter = Splitter::default();
                let mut steps = 0;
                let stepped = loop {
                    steps += 1;
                    match splitter.step(text, budget) {
                        Ok(true) => break Ok(splitter.finish()),
                        Ok(false) => assert!(steps <= text.len() + 2, "{text}: no progress"),
                        Err(e) => break Err(e),
                    }
                };
                assert_eq!(stepped, whole, "{text} in steps of {budget}");
            }
        }
    }
}
