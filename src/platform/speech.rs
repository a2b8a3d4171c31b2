//! The browser's speech engine (`speechSynthesis`): the voices it has, speaking one chunk at a
//! time, pause, resume and cancel; and the page being hidden, which ends speech.
//!
//! One utterance is spoken at a time, each with its own end handler; the handler is detached
//! before the utterance is let go, so an engine that reports on a cancelled utterance late finds
//! nothing to call. Where the browser has no speech engine, there are no voices and nothing is
//! spoken.

use ban_tin_core::speech::Voice;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance};

/// How an utterance ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Said to the end.
    Spoken,
    /// The engine gave up (its error code, for the console: `synthesis-failed`, `network`…).
    Failed(String),
}

/// The utterance being spoken and its end handler, kept together so that neither is dropped
/// while the engine may still call it.
struct Speaking {
    utterance: SpeechSynthesisUtterance,
    _on_done: Closure<dyn FnMut(web_sys::Event)>,
}

impl Speaking {
    fn detach(self) {
        self.utterance.set_onend(None);
        self.utterance.set_onerror(None);
    }
}

thread_local! {
    static SPEAKING: RefCell<Option<Speaking>> = const { RefCell::new(None) };
}

/// The engine, where the browser has one.
fn engine() -> Option<SpeechSynthesis> {
    let window = super::browser_window()?;
    let engine = js_sys::Reflect::get(&window, &"speechSynthesis".into()).ok()?;
    engine.is_object().then(|| engine.unchecked_into())
}

/// Whether the browser has a speech engine at all (it may still have no voice).
pub fn has_engine() -> bool {
    engine().is_some()
}

/// A string property of a JavaScript object (a voice's `lang`, an error event's `error`).
fn string_property(object: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(object, &key.into())
        .ok()
        .and_then(|v| v.as_string())
}

/// The voices the browser has now (often none until it has loaded them: see [`watch_voices`]).
pub fn voices() -> Vec<Voice> {
    let Some(engine) = engine() else {
        return Vec::new();
    };
    engine
        .get_voices()
        .iter()
        .filter_map(|voice| {
            let text = |key: &str| string_property(&voice, key);
            let flag = |key: &str| {
                js_sys::Reflect::get(&voice, &key.into())
                    .ok()
                    .and_then(|v| v.as_bool())
                    .unwrap_or(false)
            };
            Some(Voice {
                lang: text("lang")?,
                name: text("name").unwrap_or_default(),
                local: flag("localService"),
                default: flag("default"),
            })
        })
        .collect()
}

/// Calls `changed` with the voices whenever the browser's list changes (Chromium loads them
/// after the page, and may add some later). For the life of the page.
pub fn watch_voices(changed: impl Fn(Vec<Voice>) + 'static) {
    let Some(engine) = engine() else {
        return;
    };
    let handler = Closure::<dyn Fn()>::new(move || changed(voices()));
    engine.set_onvoiceschanged(Some(handler.as_ref().unchecked_ref()));
    // Called for as long as the page lives.
    handler.forget();
}

/// Speaks `text` with `voice` at `rate` (1 is the voice's own speed), in place of anything
/// being spoken, and calls `done` in a task of its own once it is over. Returns false, and never
/// calls `done`, when there is nothing to speak with.
pub fn speak(text: &str, voice: &Voice, rate: f32, done: impl FnOnce(Outcome) + 'static) -> bool {
    let Some(engine) = engine() else {
        return false;
    };
    let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) else {
        return false;
    };
    utterance.set_lang(&voice.tag());
    utterance.set_rate(rate);
    let js_voice = engine.get_voices().iter().find(|v| {
        let same = |key: &str, want: &str| string_property(v, key).is_some_and(|x| x == want);
        same("name", &voice.name) && same("lang", &voice.lang)
    });
    if let Some(js_voice) = js_voice {
        utterance.set_voice(Some(js_voice.unchecked_ref()));
    }
    let mut done = Some(done);
    let on_done = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let outcome = if event.type_() == "error" {
            let code = string_property(&event, "error").unwrap_or_default();
            Outcome::Failed(code)
        } else {
            Outcome::Spoken
        };
        if let Some(done) = done.take() {
            // Not from inside this handler: `done` may speak the next chunk, which lets this
            // handler go.
            super::schedule::in_next_task(move || done(outcome));
        }
    });
    utterance.set_onend(Some(on_done.as_ref().unchecked_ref()));
    utterance.set_onerror(Some(on_done.as_ref().unchecked_ref()));
    let previous = SPEAKING.with(|s| {
        s.borrow_mut().replace(Speaking {
            utterance: utterance.clone(),
            _on_done: on_done,
        })
    });
    if let Some(previous) = previous {
        previous.detach();
        if engine.speaking() || engine.pending() {
            engine.cancel();
        }
    }
    engine.speak(&utterance);
    true
}

/// Whether the engine says it is speaking (paused counts).
pub fn is_speaking() -> bool {
    engine().is_some_and(|e| e.speaking())
}

pub fn pause() {
    if let Some(engine) = engine() {
        engine.pause();
    }
}

pub fn resume() {
    if let Some(engine) = engine() {
        engine.resume();
    }
}

/// Stops speaking and forgets what was queued; no `done` is called for it.
pub fn cancel() {
    let previous = SPEAKING.with(|s| s.borrow_mut().take());
    if let Some(previous) = previous {
        previous.detach();
    }
    if let Some(engine) = engine() {
        // A paused engine stays paused across `cancel` in Chromium: the next `speak` would
        // wait for a `resume` that never comes.
        if engine.paused() {
            engine.resume();
        }
        engine.cancel();
    }
}

/// Calls `hidden` whenever the page is hidden (another tab, the phone locked, the app in the
/// background) or left. For the life of the page.
pub fn on_page_hidden(hidden: impl Fn() + 'static) {
    let Some(window) = super::browser_window() else {
        return;
    };
    let handler = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        let is_hidden = event.type_() == "pagehide"
            || super::browser_window()
                .and_then(|w| w.document())
                .is_none_or(|d| d.hidden());
        if is_hidden {
            hidden();
        }
    });
    let callback: &js_sys::Function = handler.as_ref().unchecked_ref();
    if let Some(document) = window.document() {
        let _ = document.add_event_listener_with_callback("visibilitychange", callback);
    }
    let _ = window.add_event_listener_with_callback("pagehide", callback);
    handler.forget();
}
