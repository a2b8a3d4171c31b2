// A recording stand-in for the browser's speech engine (`speechSynthesis` and
// `SpeechSynthesisUtterance`), installed by an init script before the app loads. Headless
// Chromium has no voices here, so the app would never offer to read aloud without it.
//
// Nothing is said: each utterance waits until the test ends it (`endUtterance`), so that a
// test steps through an article chunk by chunk. `window.__speech` records every utterance
// (text, lang, rate, voice) and every call (speak, pause, resume, cancel).

/** Voices as Chromium describes them. */
export const VIETNAMESE = [
  { name: 'Tiếng Việt (máy)', lang: 'vi-VN', localService: true, default: false, voiceURI: 'vi-local' },
  { name: 'English', lang: 'en-US', localService: true, default: true, voiceURI: 'en-local' },
];
export const ONLY_FRENCH = [{ name: 'Français', lang: 'fr-FR', localService: true, default: true, voiceURI: 'fr' }];

/**
 * Installs the fake engine on `page` with `voices`; with `late`, the voices arrive after the
 * page loaded (through `voiceschanged`), as Chromium does. `voices: null` leaves the browser
 * with no `speechSynthesis` at all.
 */
export async function installSpeech(page, { voices = VIETNAMESE, late = false } = {}) {
  await page.addInitScript(({ voices, late }) => {
    if (voices === null) {
      delete window.speechSynthesis;
      delete window.SpeechSynthesisUtterance;
      return;
    }
    const record = { utterances: [], calls: [] };
    let current = null;
    // An utterance asked for while the engine is paused waits, as in Chromium and WebKit.
    let held = null;
    let available = late ? [] : voices;
    class Utterance {
      constructor(text) {
        this.text = text;
        this.lang = '';
        this.voice = null;
        this.rate = 1;
        this.onend = null;
        this.onerror = null;
      }
    }
    const engine = {
      speaking: false,
      pending: false,
      paused: false,
      onvoiceschanged: null,
      getVoices: () => available.slice(),
      speak(utterance) {
        record.calls.push('speak');
        record.utterances.push({ text: utterance.text, lang: utterance.lang, rate: utterance.rate, voice: utterance.voice?.name ?? null });
        if (this.paused) {
          held = utterance;
          this.pending = true;
          return;
        }
        current = utterance;
        this.speaking = true;
      },
      pause() { record.calls.push('pause'); this.paused = true; },
      resume() {
        record.calls.push('resume');
        this.paused = false;
        if (held) {
          current = held;
          held = null;
          this.pending = false;
          this.speaking = true;
        }
      },
      cancel() {
        record.calls.push('cancel');
        const cancelled = [current, held].filter(Boolean);
        current = null;
        held = null;
        this.speaking = false;
        this.pending = false;
        // The cancelled utterances report late, as some engines do ("end" in WebKit, an
        // "interrupted" error in Chromium): nothing must come of it.
        setTimeout(() => {
          for (const u of cancelled) {
            u.onerror?.({ type: 'error', error: 'interrupted', utterance: u });
            u.onend?.({ type: 'end', utterance: u });
          }
        }, 0);
      },
    };
    Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true });
    window.SpeechSynthesisUtterance = Utterance;
    window.__speech = {
      record,
      /** Ends the utterance being spoken, as the engine does when it has said it. */
      end(error) {
        const done = current;
        if (!done) return false;
        current = null;
        engine.speaking = false;
        if (error) done.onerror?.({ type: 'error', error, utterance: done });
        else done.onend?.({ type: 'end', utterance: done });
        return true;
      },
      speaking: () => current?.text ?? null,
      held: () => held?.text ?? null,
      addVoices() {
        available = voices;
        engine.onvoiceschanged?.();
      },
    };
  }, { voices, late });
}

/** What has been spoken so far: [{ text, lang, rate, voice }]. */
export const utterances = (page) => page.evaluate(() => window.__speech.record.utterances);
/** The engine calls so far, in order: 'speak', 'pause', 'resume', 'cancel'. */
export const calls = (page) => page.evaluate(() => window.__speech.record.calls);

/** Ends the utterance being spoken and waits until the app has asked for the next one (or
 * stopped asking): the app speaks the next chunk in a task of its own. */
export async function endUtterance(page, error) {
  const before = (await utterances(page)).length;
  await page.evaluate((error) => window.__speech.end(error), error);
  await page.waitForFunction((before) => window.__speech.record.utterances.length > before || !document.querySelector('.listen-player') || document.querySelector('.listen-failed'), before);
}
