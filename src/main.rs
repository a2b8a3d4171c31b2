fn main() {
    ban_tin::start();
}
