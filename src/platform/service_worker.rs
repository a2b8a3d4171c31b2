//! Installable and updatable: registers the service worker (`sw.js`, written by the build),
//! notices when a new build's worker is waiting, and switches to it when the reader accepts.
//! Also follows the network: `online` / `offline` events.

use js_sys::{Object, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// How often an open app asks the server whether a new build exists.
const UPDATE_CHECK: Duration = Duration::from_secs(30 * 60);

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    static RELOAD_ON_CHANGE: Rc<RefCell<bool>> = Rc::new(RefCell::new(false));
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    // `navigator.serviceWorker` is missing on insecure origins and in some private modes.
    let value = Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    value.dyn_into::<ServiceWorkerContainer>().ok()
}

/// Registers `sw.js` (relative to the document's base, so the scope follows a sub-path) and
/// calls `update_ready` when a new build's worker has installed and waits.
pub fn register(update_ready: impl Fn() + 'static) {
    let update_ready: Rc<dyn Fn()> = Rc::new(update_ready);
    let Some(container) = container() else {
        return;
    };
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if RELOAD_ON_CHANGE.with(|r| *r.borrow()) {
            let _ = window().location().reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();

    let options = web_sys::RegistrationOptions::new();
    options.set_scope("./");
    let promise = container.register_with_options("sw.js", &options);
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(promise).await else {
            return;
        };
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        let controlled = move || container_controlled();
        if registration.waiting().is_some() && controlled() {
            update_ready();
        }
        let watched = registration.clone();
        let on_found = Rc::clone(&update_ready);
        let on_update = Closure::<dyn FnMut()>::new(move || {
            if let Some(installing) = watched.installing() {
                watch_installing(&installing, Rc::clone(&on_found));
            }
        });
        registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
        on_update.forget();
        if let Some(installing) = registration.installing() {
            watch_installing(&installing, update_ready);
        }
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
        let _ = set_interval_with_handle(check_for_update, UPDATE_CHECK);
    });
}

fn container_controlled() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

fn watch_installing(worker: &ServiceWorker, update_ready: Rc<dyn Fn()>) {
    let watched = worker.clone();
    let on_state = Closure::<dyn FnMut()>::new(move || {
        // "installed" while a worker already controls the page: a new build is waiting.
        if watched.state() == ServiceWorkerState::Installed && container_controlled() {
            update_ready();
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}

/// Asks the server for a new `sw.js` now (also done every 30 minutes).
pub fn check_for_update() {
    REGISTRATION.with(|r| {
        if let Some(registration) = r.borrow().as_ref() {
            if let Ok(promise) = registration.update() {
                spawn_local(async move {
                    let _ = JsFuture::from(promise).await;
                });
            }
        }
    });
}

/// Switches to the waiting build: it takes control, and the page reloads when it has.
pub fn apply_update() {
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|reg| reg.waiting()));
    match waiting {
        Some(worker) => {
            RELOAD_ON_CHANGE.with(|r| *r.borrow_mut() = true);
            let message = Object::new();
            let _ = Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
            let _ = worker.post_message(&message);
        }
        None => {
            let _ = window().location().reload();
        }
    }
}

/// Tells `on_change` what the browser says about the network: now, and at every `online` /
/// `offline` event for as long as the page lives.
pub fn follow_network(on_change: impl Fn(bool) + 'static) {
    let on_change = Rc::new(on_change);
    on_change(window().navigator().on_line());
    let on_offline = Rc::clone(&on_change);
    let _ = window_event_listener(leptos::ev::online, move |_| on_change(true));
    let _ = window_event_listener(leptos::ev::offline, move |_| on_offline(false));
}
