//! Lenient reading of JSON Feed documents (1.0 and 1.1) into raw records.
//!
//! Every field is read with a visitor that accepts any JSON value: a wrong type becomes "absent"
//! instead of an error, unknown fields and `_extensions` are skipped, duplicate keys keep the
//! last value, and an item that is not an object is kept as a gap to be counted. The only errors
//! left are broken JSON syntax and a top level that is not an object, so one bad item can never
//! take the rest of the feed down.

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

#[derive(Debug, Default)]
pub struct RawFeed {
    pub version: Option<String>,
    pub title: Option<String>,
    pub home_page_url: Option<String>,
    pub description: Option<String>,
    pub language: Option<String>,
    pub next_url: Option<String>,
    pub authors: Vec<RawAuthor>,
}

#[derive(Debug, Default)]
pub struct RawItem {
    pub id: Option<String>,
    pub url: Option<String>,
    pub external_url: Option<String>,
    pub title: Option<String>,
    pub content_html: Option<String>,
    pub content_text: Option<String>,
    pub summary: Option<String>,
    pub image: Option<String>,
    pub banner_image: Option<String>,
    pub date_published: Option<String>,
    pub date_modified: Option<String>,
    /// JSON Feed 1.1 `authors`.
    pub authors: Vec<RawAuthor>,
    /// JSON Feed 1.0 `author`.
    pub author: Vec<RawAuthor>,
    pub tags: Vec<String>,
    pub language: Option<String>,
    /// The base of relative links in the body (XML's `xml:base`; JSON Feed has none).
    pub base: Option<String>,
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RawAuthor {
    pub name: Option<String>,
    pub url: Option<String>,
}

/// Why a document could not be read at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadError {
    /// Not JSON: syntax error, truncated, or not text.
    Syntax,
    /// JSON, but the top level is not an object.
    NotAnObject,
}

pub fn read(text: &str) -> Result<RawFeed, ReadError> {
    match serde_json::from_str::<TopLevel>(text) {
        Ok(TopLevel(Some(feed))) => Ok(feed),
        Ok(TopLevel(None)) => Err(ReadError::NotAnObject),
        Err(e) if e.is_data() => Err(ReadError::NotAnObject),
        Err(_) => Err(ReadError::Syntax),
    }
}

/// One element of `items`, read on its own: `None` when it is not an object or not even JSON.
pub fn read_item(text: &str) -> Option<RawItem> {
    serde_json::from_str::<ItemSlot>(text)
        .ok()
        .and_then(|slot| slot.0)
}

/// An object key, borrowed from the input when it has no escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

/// Drains whatever is left of a sequence or map so that the reader stays in step.
fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Implements visitor methods for JSON types that a lenient reader treats as "absent":
/// `empty` (null, booleans), `scalars` (strings, numbers), `seq` and `map` (drained, so that
/// the reader stays in step).
macro_rules! absent_for {
    (empty, $value:ty, $absent:expr) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<$value, E> {
            Ok($absent)
        }
        fn visit_unit<E: de::Error>(self) -> Result<$value, E> {
            Ok($absent)
        }
        fn visit_none<E: de::Error>(self) -> Result<$value, E> {
            Ok($absent)
        }
    };
    (numbers, $value:ty, $absent:expr) => {
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<$value, E> {
            Ok($absent)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<$value, E> {
            Ok($absent)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<$value, E> {
            Ok($absent)
        }
    };
    (scalars, $value:ty, $absent:expr) => {
        fn visit_str<E: de::Error>(self, _: &str) -> Result<$value, E> {
            Ok($absent)
        }
        absent_for!(numbers, $value, $absent);
    };
    (seq, $value:ty, $absent:expr) => {
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<$value, A::Error> {
            drain_seq(seq).map(|()| $absent)
        }
    };
    (map, $value:ty, $absent:expr) => {
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<$value, A::Error> {
            drain_map(map).map(|()| $absent)
        }
    };
}

/// Any JSON value read as an optional string: strings as written, numbers as their decimal
/// text (ids are often numbers), everything else absent.
pub struct Loose(pub Option<String>);

struct LooseVisitor;

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Loose;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Loose, E> {
        Ok(Loose(Some(v.to_owned())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Loose, E> {
        Ok(Loose(Some(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Loose, E> {
        Ok(Loose(Some(v.to_string())))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Loose, E> {
        Ok(Loose(Some(v.to_string())))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Loose, E> {
        // A fractional number is no id or text anyone means; leaving it out also keeps float
        // formatting out of the bundle.
        Ok(Loose(None))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Loose, D::Error> {
        d.deserialize_any(self)
    }
    absent_for!(seq, Loose, Loose(None));
    absent_for!(map, Loose, Loose(None));
    absent_for!(empty, Loose, Loose(None));
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LooseVisitor)
    }
}

/// A list of strings (`tags`): an array keeps its string and number members, a lone string
/// counts as a list of one, anything else is an empty list.
struct LooseList(Vec<String>);

impl<'de> Deserialize<'de> for LooseList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ListVisitor;
        impl<'de> Visitor<'de> for ListVisitor {
            type Value = LooseList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<LooseList, A::Error> {
                let mut out = Vec::new();
                while let Some(Loose(value)) = seq.next_element::<Loose>()? {
                    out.extend(value);
                }
                Ok(LooseList(out))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LooseList, E> {
                Ok(LooseList(vec![v.to_owned()]))
            }
            absent_for!(numbers, LooseList, LooseList(Vec::new()));
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<LooseList, D::Error> {
                d.deserialize_any(self)
            }
            absent_for!(map, LooseList, LooseList(Vec::new()));
            absent_for!(empty, LooseList, LooseList(Vec::new()));
        }
        d.deserialize_any(ListVisitor)
    }
}

/// Authors: an array of author objects (1.1 `authors`) or one object (1.0 `author`); members
/// that are not objects are skipped.
struct LooseAuthors(Vec<RawAuthor>);

struct AuthorsVisitor;

impl<'de> Visitor<'de> for AuthorsVisitor {
    type Value = LooseAuthors;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("authors")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<LooseAuthors, A::Error> {
        let mut out = Vec::new();
        while let Some(LooseAuthors(one)) = seq.next_element::<LooseAuthors>()? {
            out.extend(one);
        }
        Ok(LooseAuthors(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LooseAuthors, A::Error> {
        let mut author = RawAuthor::default();
        while let Some(key) = map.next_key::<Key>()? {
            match &*key.0 {
                "name" => author.name = map.next_value::<Loose>()?.0,
                "url" => author.url = map.next_value::<Loose>()?.0,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(LooseAuthors(vec![author]))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<LooseAuthors, E> {
        // Some feeds write the author as a bare name.
        Ok(LooseAuthors(vec![RawAuthor {
            name: Some(v.to_owned()),
            url: None,
        }]))
    }
    absent_for!(numbers, LooseAuthors, LooseAuthors(Vec::new()));
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<LooseAuthors, D::Error> {
        d.deserialize_any(self)
    }
    absent_for!(empty, LooseAuthors, LooseAuthors(Vec::new()));
}

impl<'de> Deserialize<'de> for LooseAuthors {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AuthorsVisitor)
    }
}

/// One member of `items`: an object becomes a raw item, anything else a gap to be counted.
struct ItemSlot(Option<RawItem>);

struct ItemVisitor;

impl<'de> Visitor<'de> for ItemVisitor {
    type Value = ItemSlot;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an item")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ItemSlot, A::Error> {
        let mut item = RawItem::default();
        while let Some(key) = map.next_key::<Key>()? {
            let text = |map: &mut A| map.next_value::<Loose>().map(|l| l.0);
            match &*key.0 {
                "id" => item.id = text(&mut map)?,
                "url" => item.url = text(&mut map)?,
                "external_url" => item.external_url = text(&mut map)?,
                "title" => item.title = text(&mut map)?,
                "content_html" => item.content_html = text(&mut map)?,
                "content_text" => item.content_text = text(&mut map)?,
                "summary" => item.summary = text(&mut map)?,
                "image" => item.image = text(&mut map)?,
                "banner_image" => item.banner_image = text(&mut map)?,
                "date_published" => item.date_published = text(&mut map)?,
                "date_modified" => item.date_modified = text(&mut map)?,
                "language" => item.language = text(&mut map)?,
                "authors" => item.authors = map.next_value::<LooseAuthors>()?.0,
                "author" => item.author = map.next_value::<LooseAuthors>()?.0,
                "tags" => item.tags = map.next_value::<LooseList>()?.0,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(ItemSlot(Some(item)))
    }
    absent_for!(seq, ItemSlot, ItemSlot(None));
    absent_for!(scalars, ItemSlot, ItemSlot(None));
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<ItemSlot, D::Error> {
        d.deserialize_any(self)
    }
    absent_for!(empty, ItemSlot, ItemSlot(None));
}

impl<'de> Deserialize<'de> for ItemSlot {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ItemVisitor)
    }
}

/// The whole document: an object becomes a raw feed; any other JSON value is "not a feed".
struct TopLevel(Option<RawFeed>);

impl<'de> Deserialize<'de> for TopLevel {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct FeedVisitor;
        impl<'de> Visitor<'de> for FeedVisitor {
            type Value = TopLevel;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON Feed object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopLevel, A::Error> {
                let mut feed = RawFeed::default();
                let mut author = Vec::new();
                while let Some(key) = map.next_key::<Key>()? {
                    let text = |map: &mut A| map.next_value::<Loose>().map(|l| l.0);
                    match &*key.0 {
                        "version" => feed.version = text(&mut map)?,
                        "title" => feed.title = text(&mut map)?,
                        "home_page_url" => feed.home_page_url = text(&mut map)?,
                        "description" => feed.description = text(&mut map)?,
                        "language" => feed.language = text(&mut map)?,
                        "next_url" => feed.next_url = text(&mut map)?,
                        "authors" => feed.authors = map.next_value::<LooseAuthors>()?.0,
                        "author" => author = map.next_value::<LooseAuthors>()?.0,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                if feed.authors.is_empty() {
                    feed.authors = author;
                }
                Ok(TopLevel(Some(feed)))
            }
            absent_for!(seq, TopLevel, TopLevel(None));
            absent_for!(scalars, TopLevel, TopLevel(None));
            absent_for!(empty, TopLevel, TopLevel(None));
        }
        d.deserialize_any(FeedVisitor)
    }
}
