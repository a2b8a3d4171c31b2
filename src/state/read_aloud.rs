//! Reading an article aloud ("Nghe bài viết"): the article the page offers to read, the voices
//! the browser has, and the reading itself (which chunk, paused or not). It only ever starts
//! when the reader asks; it stops when the reader leaves the article (`app::RouteChanges`), when
//! the kiosk starts over (`AppState::forget_reader`) and when the page is hidden.
//!
//! The text comes from `ban_tin_core::speech` (written for the ear, in short chunks), the
//! engine is `platform::speech`, and the part being read is marked on the page by
//! `platform::spoken_text`.

use crate::platform::schedule::after;
use crate::platform::{speech, spoken_text};
use crate::state::settings::Settings;
use ban_tin_core::i18n::Lang;
use ban_tin_core::settings::SpeechRate;
use ban_tin_core::speech::{choose_voice, part_of, script, Chunk, Voice};
use leptos::prelude::*;

/// The article on screen, as it can be read aloud.
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    pub title: String,
    pub published: Option<i64>,
    /// The article's language (the feed's, else the interface's): the voice speaks it.
    pub lang: Lang,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Playback {
    Stopped,
    Reading,
    Paused,
    /// The engine gave up; the player says so until the reader closes it or starts again.
    Failed,
}

/// What a screen reader is told when the reading changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Announcement {
    Started,
    Paused,
    Resumed,
    Stopped,
    Finished,
    Failed,
    Rate(SpeechRate),
}

/// Where the reading is: stopped, reading or paused at a chunk, or failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Now {
    playback: Playback,
    /// The chunk being read (or next, while paused).
    position: usize,
}

/// What the reading needs and nobody watches.
#[derive(Default)]
struct Session {
    chunks: Vec<Chunk>,
    voice: Option<Voice>,
    /// Counts the utterances asked for: the end of one that was replaced or stopped since is
    /// ignored.
    generation: u64,
    /// Paused between two chunks (or to take a new speed): resuming speaks the chunk at the
    /// position afresh instead of resuming the engine.
    between: bool,
    /// Counts the offers, so that a view withdraws only its own.
    offers: u64,
    /// Counts the watches over a chunk's end: only the latest may move the reading on.
    watches: u64,
}

/// One slice, few signals: each signal type is code of its own in the WebAssembly.
#[derive(Clone, Copy)]
pub struct ReadAloud {
    /// The article offered, with the number of the view that offered it.
    offer: RwSignal<Option<(u64, Offer)>>,
    voices: RwSignal<Vec<Voice>>,
    now: RwSignal<Now>,
    announcement: RwSignal<Option<Announcement>>,
    session: StoredValue<Session>,
    /// Whether the browser has a speech engine (voices may come later).
    has_engine: bool,
    settings: Settings,
}

impl ReadAloud {
    /// Nothing offered yet; the browser's voices, and the page being hidden, followed from now.
    pub fn new(settings: Settings) -> Self {
        let this = ReadAloud {
            offer: RwSignal::new(None),
            voices: RwSignal::new(speech::voices()),
            now: RwSignal::new(Now {
                playback: Playback::Stopped,
                position: 0,
            }),
            announcement: RwSignal::new(None),
            session: StoredValue::new(Session::default()),
            // A page pre-rendered at deploy time keeps the place too (nearly every browser has
            // an engine), so that the live app taking over moves nothing.
            has_engine: cfg!(feature = "ssr") || speech::has_engine(),
            settings,
        };
        let voices = this.voices;
        speech::watch_voices(move |list| voices.set(list));
        speech::on_page_hidden(move || this.stop());
        this
    }

    /// The article view offers its article; returns the number to withdraw it with.
    pub fn offer(&self, offer: Offer) -> u64 {
        let number = self.session.with_value(|s| s.offers) + 1;
        self.session.update_value(|s| s.offers = number);
        self.offer.set(Some((number, offer)));
        number
    }

    /// The view that offered `number` is gone (unless another has offered since). The reading
    /// goes on: a view drawn anew in place (a refresh, another language) offers it again, and
    /// leaving the article stops it.
    pub fn withdraw(&self, number: u64) {
        if self.offer.with_untracked(|o| o.as_ref().map(|(n, _)| *n)) == Some(number) {
            self.offer.set(None);
        }
    }

    /// Whether the browser has a speech engine: the bar keeps a place for the control on
    /// articles, so that nothing moves when its voices come.
    pub fn has_engine(&self) -> bool {
        self.has_engine
    }

    /// Whether there is an article to read and a voice to read it with (tracked).
    pub fn available(&self) -> bool {
        self.offer.with(|offer| {
            offer.as_ref().is_some_and(|(_, offer)| {
                self.voices
                    .with(|voices| choose_voice(voices, offer.lang).is_some())
            })
        })
    }

    pub fn playback(&self) -> Playback {
        self.now.get().playback
    }

    fn playback_untracked(&self) -> Playback {
        self.now.get_untracked().playback
    }

    fn set_playback(&self, playback: Playback) {
        self.now.update(|now| now.playback = playback);
    }

    /// Whether it is reading now (not paused): a kiosk counts that as use.
    pub fn is_reading_untracked(&self) -> bool {
        self.playback_untracked() == Playback::Reading
    }

    /// The last change, for screen readers (tracked).
    pub fn announcement(&self) -> Option<Announcement> {
        self.announcement.get()
    }

    /// Which part of the article is being read, and of how many (tracked): the title, the date
    /// and each block of the body are one part each.
    pub fn progress(&self) -> (usize, usize) {
        let position = self.now.get().position;
        self.session
            .with_value(|session| part_of(&session.chunks, position))
    }

    /// Reads the offered article from its title on.
    pub fn start(&self) {
        let Some((_, offer)) = self.offer.get_untracked() else {
            return;
        };
        let voice = self
            .voices
            .with_untracked(|voices| choose_voice(voices, offer.lang).cloned());
        let Some(voice) = voice else {
            return;
        };
        let blocks = spoken_text::article_blocks();
        let chunks = script(&offer.title, offer.published, &blocks, offer.lang);
        if chunks.is_empty() {
            return;
        }
        speech::cancel();
        self.session.update_value(|s| {
            s.chunks = chunks;
            s.voice = Some(voice);
        });
        self.set_playback(Playback::Reading);
        self.announcement.set(Some(Announcement::Started));
        self.speak_at(0);
    }

    fn speak_at(&self, index: usize) {
        let (chunk, voice, generation) = self.session.with_value(|s| {
            (
                s.chunks.get(index).cloned(),
                s.voice.clone(),
                s.generation + 1,
            )
        });
        let (Some(chunk), Some(voice)) = (chunk, voice) else {
            self.finish();
            return;
        };
        self.session.update_value(|s| {
            s.generation = generation;
            s.between = false;
        });
        self.now.update(|now| now.position = index);
        spoken_text::mark(chunk.part);
        let this = *self;
        let rate = self.settings.speech_rate_untracked().factor();
        let asked = speech::speak(&chunk.text, &voice, rate, move |outcome| {
            this.spoken(generation, index, outcome)
        });
        if !asked {
            self.fail("no engine");
            return;
        }
        self.watch(generation, index);
    }

    /// An end that never comes (Chromium's remote voices stop after about fifteen seconds
    /// without a word) must not leave the reading stuck: once the chunk has had about twice
    /// the time it takes to say, the reading moves on. While paused it waits; `resume` watches
    /// again.
    fn watch(&self, generation: u64, index: usize) {
        let chars = self
            .session
            .with_value(|s| s.chunks.get(index).map_or(0, |c| c.text.chars().count()));
        let rate = self.settings.speech_rate_untracked().factor();
        // About 70 ms a character at 1×, doubled, and five seconds for the engine to start.
        let ms = (chars as f32 * 140.0 / rate) as u32 + 5000;
        let watch = self.session.with_value(|s| s.watches) + 1;
        self.session.update_value(|s| s.watches = watch);
        let this = *self;
        after(ms, move || {
            let latest = this.session.with_value(|s| s.watches) == watch;
            if latest && this.playback_untracked() == Playback::Reading {
                this.spoken(generation, index, speech::Outcome::Spoken);
            }
        });
    }

    fn spoken(&self, generation: u64, index: usize, outcome: speech::Outcome) {
        let (current, count) = self.session.with_value(|s| (s.generation, s.chunks.len()));
        if generation != current {
            return;
        }
        let paused = self.playback_untracked() == Playback::Paused;
        match outcome {
            // Some engines (Android's) stop the utterance on pause instead of holding it:
            // resuming says that chunk again.
            speech::Outcome::Failed(code)
                if paused && matches!(code.as_str(), "interrupted" | "canceled") =>
            {
                self.session.update_value(|s| s.between = true);
            }
            speech::Outcome::Failed(code) => self.fail(&code),
            speech::Outcome::Spoken => {
                let next = index + 1;
                if next >= count {
                    self.finish();
                } else if paused {
                    self.now.update(|now| now.position = next);
                    self.session.update_value(|s| s.between = true);
                } else {
                    self.speak_at(next);
                }
            }
        }
    }

    pub fn pause(&self) {
        if self.playback_untracked() == Playback::Reading {
            speech::pause();
            self.set_playback(Playback::Paused);
            self.announcement.set(Some(Announcement::Paused));
        }
    }

    pub fn resume(&self) {
        if self.playback_untracked() != Playback::Paused {
            return;
        }
        self.set_playback(Playback::Reading);
        self.announcement.set(Some(Announcement::Resumed));
        let position = self.now.get_untracked().position;
        if self.session.with_value(|s| s.between) {
            // The engine is still paused: a new utterance would wait behind it.
            speech::cancel();
            self.speak_at(position);
            return;
        }
        speech::resume();
        let generation = self.session.with_value(|s| s.generation);
        self.watch(generation, position);
        // An engine that let the utterance go on pause without a word (some Android ones)
        // has nothing to resume: say the chunk again.
        let this = *self;
        after(400, move || {
            let same = this.session.with_value(|s| s.generation) == generation;
            if same && this.is_reading_untracked() && !speech::is_speaking() {
                this.speak_at(position);
            }
        });
    }

    /// Stops reading (and closes the player after a failure).
    pub fn stop(&self) {
        let was = self.playback_untracked();
        if was == Playback::Stopped {
            return;
        }
        self.end();
        if was != Playback::Failed {
            self.announcement.set(Some(Announcement::Stopped));
        }
    }

    /// A new speed, remembered with the other settings; the chunk being read starts again at
    /// it.
    pub fn set_rate(&self, rate: SpeechRate) {
        if rate == self.settings.speech_rate_untracked() {
            return;
        }
        self.settings.set_speech_rate(rate);
        self.announcement.set(Some(Announcement::Rate(rate)));
        match self.playback_untracked() {
            Playback::Reading => self.speak_at(self.now.get_untracked().position),
            Playback::Paused => {
                self.session.update_value(|s| {
                    s.generation += 1;
                    s.between = true;
                });
                speech::cancel();
            }
            Playback::Stopped | Playback::Failed => {}
        }
    }

    fn finish(&self) {
        self.end();
        self.announcement.set(Some(Announcement::Finished));
    }

    fn fail(&self, code: &str) {
        leptos::logging::warn!("reading aloud stopped: the speech engine reported '{code}'");
        self.end();
        self.set_playback(Playback::Failed);
        self.announcement.set(Some(Announcement::Failed));
    }

    fn end(&self) {
        self.session.update_value(|s| s.generation += 1);
        speech::cancel();
        spoken_text::unmark();
        self.set_playback(Playback::Stopped);
    }
}
