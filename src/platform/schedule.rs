//! Time and turns of the event loop: giving the browser a chance to paint and answer input
//! during long work, the clock, and User Timing measures for benchmarks and DevTools.

use wasm_bindgen::JsCast;

/// Resolves on the next turn of the event loop (a zero-delay timer): the browser paints and
/// handles input in between.
pub async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = super::browser_window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `f` in a task of its own once the browser has painted the current frame (an animation
/// frame, then a zero-delay timer), so that what is drawn now is on screen before `f` works.
/// In a hidden page it waits until the page is shown again.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    // One compiled copy of the browser glue for every caller.
    fn boxed(f: Box<dyn FnOnce()>) {
        leptos::prelude::request_animation_frame(move || {
            leptos::prelude::set_timeout(f, std::time::Duration::ZERO)
        });
    }
    boxed(Box::new(f));
}

/// Runs `f` in a task of its own, soon (a zero-delay timer): the browser may paint, and
/// answers input, before it.
pub fn in_next_task(f: impl FnOnce() + 'static) {
    fn boxed(f: Box<dyn FnOnce()>) {
        leptos::prelude::set_timeout(f, std::time::Duration::ZERO);
    }
    boxed(Box::new(f));
}

/// Runs `f` in a task of its own after `ms` milliseconds.
pub fn after(ms: u32, f: impl FnOnce() + 'static) {
    fn boxed(ms: u32, f: Box<dyn FnOnce()>) {
        leptos::prelude::set_timeout(f, std::time::Duration::from_millis(u64::from(ms)));
    }
    boxed(ms, Box::new(f));
}

/// How long a task may run before the browser gets a turn (to paint and answer input).
const TASK_BUDGET_MS: f64 = 16.0;

/// Gives the browser a turn once the current task has used its budget, so that long work runs
/// in tasks of about a frame while short work runs in one go (each turn costs a task, and a
/// frame, at start-up).
pub struct Turns {
    since: f64,
}

impl Turns {
    pub fn new() -> Self {
        Turns { since: now() }
    }

    pub async fn take_if_due(&mut self) {
        if now() - self.since >= TASK_BUDGET_MS {
            next_tick().await;
            self.since = now();
        }
    }
}

impl Default for Turns {
    fn default() -> Self {
        Self::new()
    }
}

/// The page's monotonic clock, in milliseconds (`performance.now()`).
pub fn now() -> f64 {
    super::browser_window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The wall clock, in milliseconds since the epoch.
#[cfg(target_arch = "wasm32")]
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn now_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

/// Records a User Timing measure from `start` to now, so that benchmarks and DevTools can read
/// it (`performance.getEntriesByName(name)`).
pub fn measure(name: &str, start: f64) {
    if let Some(performance) = super::browser_window().and_then(|w| w.performance()) {
        let mark = format!("{name}:end");
        let _ = performance.mark(&mark);
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"start".into(), &start.into());
        let _ = js_sys::Reflect::set(&options, &"end".into(), &performance.now().into());
        let measure: Result<js_sys::Function, _> =
            js_sys::Reflect::get(&performance, &"measure".into()).and_then(|f| f.dyn_into());
        if let Ok(measure) = measure {
            let _ = measure.call2(&performance, &name.into(), &options);
        }
        performance.clear_marks_with_mark_name(&mark);
    }
}
