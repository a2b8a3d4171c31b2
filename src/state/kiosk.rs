//! Kiosk mode's state: whether it is on (and how it is set up), the address shown as a QR code,
//! and the attract screen.

use ban_tin_core::config::KioskConfig;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Kiosk {
    /// Kiosk mode, when on (deployment config, or `?kiosk=1` for this browser session).
    config: RwSignal<Option<KioskConfig>>,
    /// Whether `?kiosk=1` asked for it in this session.
    trial: StoredValue<bool>,
    /// An address leaving the app, shown as a QR code.
    qr_target: RwSignal<Option<String>>,
    /// Headlines cycling on screen while nobody uses the kiosk.
    attract: RwSignal<bool>,
}

impl Kiosk {
    /// Off, unless `trial` (`?kiosk=1`) turns it on with the default setup.
    pub fn new(trial: bool) -> Self {
        Kiosk {
            config: RwSignal::new(trial.then(KioskConfig::default)),
            trial: StoredValue::new(trial),
            qr_target: RwSignal::new(None),
            attract: RwSignal::new(false),
        }
    }

    /// The setup while kiosk mode is on (tracked).
    pub fn config(&self) -> Option<KioskConfig> {
        self.config.get()
    }

    /// Whether kiosk mode is on (tracked).
    pub fn is_on(&self) -> bool {
        self.config.with(Option::is_some)
    }

    pub fn is_on_untracked(&self) -> bool {
        self.config.with_untracked(Option::is_some)
    }

    /// Applies the deployment's setup (`None`: off, unless this session asked for kiosk mode).
    pub fn configure(&self, configured: Option<KioskConfig>) {
        let config = configured.or_else(|| self.trial.get_value().then(KioskConfig::default));
        if self.config.get_untracked() != config {
            self.config.set(config);
        }
    }

    /// The address shown as a QR code (tracked).
    pub fn qr_target(&self) -> Option<String> {
        self.qr_target.get()
    }

    pub fn has_qr(&self) -> bool {
        self.qr_target.with(Option::is_some)
    }

    pub fn show_qr(&self, address: String) {
        self.qr_target.set(Some(address));
    }

    pub fn close_qr(&self) {
        if self.qr_target.with_untracked(Option::is_some) {
            self.qr_target.set(None);
        }
    }

    /// Whether the attract screen is up (tracked).
    pub fn attract(&self) -> bool {
        self.attract.get()
    }

    pub fn set_attract(&self, on: bool) {
        if self.attract.get_untracked() != on {
            self.attract.set(on);
        }
    }
}
