fn main() {
    std::process::exit(storyline::cli::run());
}
