fn main() {
    // The app starts in a task of its own, after the one that finished compiling and
    // instantiating the WebAssembly (see `state::startup`).
    ban_tin::start_soon();
}
