//! `ban-tin-cli`: Bản tin's commands for the web team, native, on the core crate and the app's
//! own views.
//!
//! ```text
//! ban-tin-cli render DIST FEED [--prune]
//! ```
//!
//! `render` pre-renders the pages of FEED (a file, or an http(s) address) into DIST (a built
//! `dist/`): see `render.rs`. `scripts/prerender.sh` wraps it.

mod html;
mod render;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: ban-tin-cli render DIST FEED [--prune]
  DIST   a built dist/ directory (trunk build --release)
  FEED   the feed to render: a file, or an http(s) address
  --prune  also delete pre-rendered pages of articles and sections no longer in the feed";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (flags, positional): (Vec<&String>, Vec<&String>) =
        args.iter().partition(|a| a.starts_with("--"));
    let prune = flags.iter().any(|f| f.as_str() == "--prune");
    let unknown = flags
        .iter()
        .find(|f| !matches!(f.as_str(), "--prune" | "--help"));
    match (positional.as_slice(), unknown) {
        ([command, dist, feed], None) if command.as_str() == "render" => {
            let options = render::Options {
                dist: PathBuf::from(dist.as_str()),
                feed: feed.to_string(),
                prune,
            };
            match render::run(&options) {
                Ok(report) => {
                    print!("{report}");
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    eprintln!("ban-tin-cli render: {error}");
                    ExitCode::FAILURE
                }
            }
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
