//! `ban-tin-cli`: Bản tin's commands for the web team, native, on the core crate and the app's
//! own views.
//!
//! ```text
//! ban-tin-cli render DIST FEED [--prune]
//! ban-tin-cli check FEED [--address URL]
//! ```
//!
//! `render` pre-renders the pages of FEED (a file, or an http(s) address) into DIST (a built
//! `dist/`): see `render.rs`. `scripts/prerender.sh` wraps it.
//!
//! `check` reports what the app will make of FEED, and what its publisher can fix: see
//! `check.rs`. `scripts/check-feed.sh` wraps it.

mod check;
mod html;
mod render;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: ban-tin-cli render DIST FEED [--prune]
  DIST   a built dist/ directory (trunk build --release)
  FEED   the feed to render: a file, or an http(s) address
  --prune  also delete pre-rendered pages of articles and sections no longer in the feed

ban-tin-cli check FEED [--address URL]    (ban-tin-cli check --help: the exit codes)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "check") {
        return check_command(&args[1..]);
    }
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

/// `check FEED [--address URL]`: the report on stdout, exit code 0 or 1 (see `check.rs`); 2
/// for a usage error or a FEED that cannot be read.
fn check_command(args: &[String]) -> ExitCode {
    let mut feed = None;
    let mut address = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--help" | "-h" => {
                println!("{}", check::USAGE);
                return ExitCode::SUCCESS;
            }
            "--address" => match rest.next() {
                Some(value) => address = Some(value.clone()),
                None => return check_usage("--address needs a URL"),
            },
            _ if arg.starts_with("--address=") => {
                address = Some(arg["--address=".len()..].to_string());
            }
            _ if arg.starts_with('-') && arg.len() > 1 => {
                return check_usage(&format!("unknown option {arg}"));
            }
            _ if feed.is_none() => feed = Some(arg.clone()),
            _ => return check_usage(&format!("one FEED only (also given: {arg})")),
        }
    }
    let Some(feed) = feed else {
        return check_usage("FEED is missing");
    };
    if address
        .as_deref()
        .is_some_and(|a| !ban_tin_core::urls::is_http(a))
    {
        return check_usage("--address must be an http(s) address");
    }
    match check::run(&check::Options { feed, address }) {
        Ok(checked) => {
            print!("{}", checked.text);
            ExitCode::from(checked.code)
        }
        Err(error) => {
            eprintln!("ban-tin-cli check: {error}");
            ExitCode::from(2)
        }
    }
}

fn check_usage(problem: &str) -> ExitCode {
    eprintln!("ban-tin-cli check: {problem}\n{}", check::USAGE);
    ExitCode::from(2)
}
