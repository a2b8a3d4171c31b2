//! `ban-tin-cli check` as the web team runs it: the exit codes, and usage errors.

use std::process::{Command, Output};

fn check(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ban-tin-cli"))
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .arg("check")
        .args(args)
        .output()
        .expect("ban-tin-cli runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_feed_the_app_shows_exits_0() {
    let output = check(&["public/sample-feed.rss.xml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.contains("\nFormat: RSS 2.0\n"), "{out}");
    assert!(out.contains("\nItems the app will show: 16\n"), "{out}");
    assert!(
        out.ends_with("Result: OK, the app will show 16 items.\n"),
        "{out}"
    );
}

#[test]
fn the_address_option_is_read_in_both_forms() {
    for args in [
        [
            "public/sample-feed.json",
            "--address",
            "https://e.org/tin/feed.json",
        ]
        .as_slice(),
        [
            "--address=https://e.org/tin/feed.json",
            "public/sample-feed.json",
        ]
        .as_slice(),
    ] {
        let output = check(args);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            stderr(&output)
        );
        let out = stdout(&output);
        assert!(
            out.contains("\nAddress: https://e.org/tin/feed.json\n"),
            "{out}"
        );
        assert!(out.contains("\nWarnings: none\n"), "{out}");
    }
}

#[test]
fn a_document_the_app_cannot_show_exits_1() {
    for feed in [
        "tests/fixtures/xml/cut-off.xml",
        "tests/fixtures/xml/html-error-page.xml",
        "tests/fixtures/check/no-usable-items.json",
    ] {
        let output = check(&[feed]);
        assert_eq!(output.status.code(), Some(1), "{feed}: {}", stdout(&output));
        assert!(stdout(&output).contains("\nResult: FAIL, "), "{feed}");
    }
    let out = stdout(&check(&["tests/fixtures/xml/cut-off.xml"]));
    assert!(out.contains("\nNot a feed: "), "{out}");
}

#[test]
fn usage_errors_and_unreadable_feeds_exit_2() {
    for (args, problem) in [
        (&[][..], "FEED is missing"),
        (
            &["public/sample-feed.json", "--verbose"][..],
            "unknown option --verbose",
        ),
        (
            &["public/sample-feed.json", "--address"][..],
            "--address needs a URL",
        ),
        (
            &["public/sample-feed.json", "--address", "ftp://e.org/f"][..],
            "--address must be an http(s) address",
        ),
        (&["a.json", "b.json"][..], "one FEED only"),
    ] {
        let output = check(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let err = stderr(&output);
        assert!(err.contains(problem), "{args:?}: {err}");
        assert!(err.contains("exit codes:"), "{args:?}: {err}");
        assert!(stdout(&output).is_empty(), "{args:?}");
    }
    let missing = check(&["tests/fixtures/check/no-such-feed.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing)
        .starts_with("ban-tin-cli check: could not read tests/fixtures/check/no-such-feed.json: "));
}

#[test]
fn help_names_the_exit_codes() {
    let output = check(&["--help"]);
    assert_eq!(output.status.code(), Some(0));
    let out = stdout(&output);
    assert!(
        out.starts_with("usage: ban-tin-cli check FEED [--address URL]"),
        "{out}"
    );
    for code in ["  0  ", "  1  ", "  2  "] {
        assert!(out.contains(code), "{out}");
    }
}
