//! Files → model: reads an input folder into a [`Cycle`]; the contract is docs/input-format.md.

mod body;
mod catalogue;
mod conference;
mod files;
mod front_matter;
mod itu_heading;
pub mod limits;
mod lines;
mod merge;
mod outcome;
mod yaml;

pub use body::initiative_code;
pub use files::{FOLDERS, InputFiles, relative, wanted};
pub use lines::LineIndex;

use crate::model::{Cycle, Diagnostic, InterRegionalMeeting, Proposal, SourcePos, Topic};
use rayon::prelude::*;

/// What ingest produced: the cycle when there were no errors, and every diagnostic found.
#[derive(Debug)]
pub struct Ingested {
    pub cycle: Option<Cycle>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads every file of the input set and checks it; all problems of the run are reported together.
pub fn load(input: &InputFiles) -> Ingested {
    let mut diagnostics = Vec::new();
    let texts: Vec<(&str, &str)> = input
        .files
        .iter()
        .filter_map(|(path, bytes)| match decode(path, bytes) {
            Ok(text) => Some((path.as_str(), text)),
            Err(d) => {
                diagnostics.push(d);
                None
            }
        })
        .collect();
    let find = |names: [&str; 2]| texts.iter().find(|(p, _)| names.contains(p));
    let conference = required(
        find(["conference.yaml", "conference.yml"]),
        "conference.yaml",
        &mut diagnostics,
    )
    .and_then(|(path, text)| {
        let (conference, problems) = conference::read(path, text);
        diagnostics.extend(problems);
        conference
    });
    let topics = required(
        find(["topics.yaml", "topics.yml"]),
        "topics.yaml",
        &mut diagnostics,
    )
    .and_then(|(path, text)| {
        let (topics, problems) = catalogue::read(path, text);
        diagnostics.extend(problems);
        topics
    });
    let in_folder = |folder: &str| {
        texts
            .iter()
            .filter(|(p, _)| {
                p.strip_prefix(folder)
                    .is_some_and(|rest| rest.starts_with('/'))
            })
            .collect::<Vec<_>>()
    };
    let window = conference.as_ref().map(outcome::cycle_window);
    let rpm_results: Vec<_> = in_folder("rpm")
        .into_par_iter()
        .map(|(p, t)| outcome::rpm(p, t, window))
        .collect();
    let irm_results: Vec<_> = in_folder("inter-regional")
        .into_par_iter()
        .map(|(p, t)| outcome::inter_regional(p, t, window))
        .collect();
    let mut outcomes = Vec::new();
    for (outcome, diags) in rpm_results {
        diagnostics.extend(diags);
        outcomes.extend(outcome);
    }
    let mut inter_regional: Vec<InterRegionalMeeting> = Vec::new();
    for result in irm_results {
        match result {
            Ok(m) => inter_regional.push(m),
            Err(d) => diagnostics.extend(d),
        }
    }
    let (rpms, parts) = merge::merge(outcomes, &mut diagnostics);
    if let Some(topics) = &topics {
        let proposals = rpms.iter().map(|r| &r.proposals);
        let proposals = proposals.chain(parts.iter().map(|p| &p.proposals));
        diagnostics.extend(check_topics(topics, proposals.flatten()));
    }
    diagnostics.sort_by_key(|d| (d.severity, d.pos()));
    let cycle = match (conference, topics) {
        (Some(conference), Some(topics)) if !diagnostics.iter().any(Diagnostic::is_error) => {
            Some(Cycle {
                conference,
                topics,
                rpms,
                parts,
                inter_regional,
            })
        }
        _ => None,
    };
    Ingested { cycle, diagnostics }
}

fn required<'a>(
    found: Option<&(&'a str, &'a str)>,
    name: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(&'a str, &'a str)> {
    if found.is_none() {
        diagnostics.push(
            Diagnostic::error(
                &SourcePos::new(name, 0, 0),
                format!("the input folder has no {name}"),
            )
            .with_help("run `rpmsynth init DIR` to see a complete example"),
        );
    }
    found.copied()
}

/// UTF-8 text without a byte-order mark; invalid bytes are reported as line:column.
fn decode<'a>(path: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        return Err(too_large(path, bytes.len() as u64));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = e.valid_up_to();
        let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or("");
        let (line, column) = LineIndex::new(prefix).line_col(valid);
        Diagnostic::error(
            &SourcePos::new(path, line, column),
            format!("the file is not valid UTF-8 (byte offset {valid})"),
        )
        .with_help("save the file as UTF-8")
    })
}

/// The error for a file over [`limits::MAX_FILE_BYTES`].
pub fn too_large(path: &str, size: u64) -> Diagnostic {
    Diagnostic::error(
        &SourcePos::new(path, 0, 0),
        format!(
            "the file is too large: {} MiB, the limit is {} MiB",
            size >> 20,
            limits::MAX_FILE_BYTES >> 20
        ),
    )
    .with_help("an outcome file holds one meeting's outcome; split or shorten it")
}

/// Every `topic=` attribute must name a catalogue topic.
fn check_topics<'a>(
    topics: &[Topic],
    proposals: impl Iterator<Item = &'a Proposal>,
) -> Vec<Diagnostic> {
    let ids: Vec<&str> = topics.iter().map(|t| t.id.as_str()).collect();
    proposals
        .filter_map(|p| {
            let topic = p.declared_topic.as_deref()?;
            if ids.contains(&topic) {
                return None;
            }
            let d = Diagnostic::error(
                &p.source,
                format!("unknown topic \"{topic}\" in proposal {}", p.qualified_id()),
            );
            Some(match crate::suggest::closest(topic, ids.iter().copied()) {
                Some(s) => d.with_help(format!(
                    "did you mean `{s}`? topics are listed in topics.yaml"
                )),
                None => d.with_help("topics are listed in topics.yaml"),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFERENCE: &str = "profile: wtdc\nconference: {name: W, title: T, venue: V, start: 2025-11-17, end: 2025-11-28}\nadvisory_group: {name: TDAG, start: 2025-07-22, end: 2025-07-25}\ndocuments: {synthesis: S, implementation: I}\n";

    fn rpm(region: &str, start: &str) -> String {
        format!(
            "---\nregion: {region}\nmeeting:\n  symbol: RPM\n  title: T\n  venue: V\n  start: {start}\n  end: 2025-06-05\n---\n\n# Proposals\n\n## P {{#P1 action=MOD target=res-1 topic=t}}\n\nText.\n"
        )
    }

    fn input(files: &[(&str, String)]) -> InputFiles {
        let mut input = InputFiles::default();
        input.insert("conference.yaml", CONFERENCE);
        input.insert(
            "topics.yaml",
            "topics:\n  - {id: t, title: T, refs: [res-1]}\n",
        );
        for (path, text) in files {
            input.insert(path, text.clone());
        }
        input
    }

    #[test]
    fn aliases_too_long_together_are_refused_at_the_line_that_crosses_the_limit() {
        let alias = |i: usize| format!("alias number {i} of a flood");
        let lines: Vec<String> = (0..3_000)
            .map(|i| format!("      - {}", alias(i)))
            .collect();
        let topics = format!(
            "topics:\n  - id: t\n    title: T\n    refs: [res-1]\n    aliases:\n{}\n",
            lines.join("\n")
        );
        let mut files = input(&[("rpm/afr.md", rpm("AFR", "2025-06-03"))]);
        files.insert("topics.yaml", topics.clone());
        let ingested = load(&files);
        assert!(ingested.cycle.is_none());
        let d = &ingested.diagnostics[0];
        assert!(d.message.contains("topic aliases are too long"), "{d}");
        let mut total = 0;
        let crossing = (0..)
            .find(|&i| {
                total += alias(i).chars().count();
                total > limits::MAX_ALIAS_CHARS
            })
            .unwrap();
        assert_eq!((d.file.as_str(), d.line), ("topics.yaml", crossing + 6));
        assert!(
            topics
                .lines()
                .nth(d.line - 1)
                .unwrap()
                .ends_with(&alias(crossing))
        );
    }

    #[test]
    fn a_file_over_the_size_limit_is_refused_before_decoding() {
        let big = vec![b'a'; limits::MAX_FILE_BYTES as usize + 1];
        let err = decode("rpm/afr.md", &big).unwrap_err();
        assert!(err.message.contains("too large"), "{err}");
    }

    #[test]
    fn reads_a_valid_cycle_with_bom_and_crlf() {
        let afr = format!("\u{feff}{}", rpm("AFR", "2025-06-03").replace('\n', "\r\n"));
        let ingested = load(&input(&[("rpm/afr.md", afr)]));
        assert!(
            ingested.diagnostics.is_empty(),
            "{:?}",
            ingested.diagnostics
        );
        let cycle = ingested.cycle.unwrap();
        let p = &cycle.rpms[0].proposals[0];
        assert_eq!((p.qualified_id().as_str(), p.source.line), ("AFR/P1", 13));
    }

    #[test]
    fn reports_every_file_problem_in_one_run_with_lines() {
        let ingested = load(&input(&[
            ("rpm/afr.md", rpm("AFRICA", "2025-06-03")),
            ("rpm/ams.md", rpm("AMS", "2025-02-30")),
            ("rpm/arb.md", rpm("ARB", "2025-06-09")),
            ("rpm/eur.md", "---\nregion: EUR\n".to_string()),
            ("rpm/x.md", rpm("ARB", "2025-06-03")),
        ]));
        assert!(ingested.cycle.is_none());
        let got: Vec<String> = ingested
            .diagnostics
            .iter()
            .map(|d| format!("{}:{}", d.file, d.line))
            .collect();
        assert_eq!(
            got,
            [
                "rpm/afr.md:2",
                "rpm/ams.md:7",
                "rpm/arb.md:8",
                "rpm/eur.md:1",
                "rpm/x.md:2"
            ]
        );
        let messages: Vec<&str> = ingested
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert!(messages[0].contains("unknown region \"AFRICA\""));
        assert!(messages[1].contains("\"2025-02-30\" is not a valid date"));
        assert!(messages[2].contains("ends (2025-06-05) before it starts (2025-06-09)"));
        assert!(messages[3].contains("never closed"));
        assert!(messages[4].contains("a second RPM outcome for region ARB"));
    }

    #[test]
    fn dates_outside_the_cycle_and_unknown_languages_are_errors() {
        let late = rpm("AFR", "2025-06-03").replace("end: 2025-06-05", "end: 2025-11-17");
        let early = rpm("AMS", "2021-11-16");
        let mut files = input(&[("rpm/afr.md", late), ("rpm/ams.md", early)]);
        files.insert(
            "conference.yaml",
            format!("{CONFERENCE}language: Russian\n"),
        );
        let got: Vec<String> = load(&files)
            .diagnostics
            .iter()
            .map(|d| format!("{}:{} {}", d.file, d.line, d.message))
            .collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].starts_with("conference.yaml:5 unknown report language \"Russian\""));
        assert!(got[1].starts_with("rpm/afr.md:8 meeting RPM ends 2025-11-17, outside the cycle (2021-11-17 to 2025-11-16)"), "{got:?}");
        assert!(
            got[2].starts_with("rpm/ams.md:7 meeting RPM starts 2021-11-16"),
            "{got:?}"
        );
        let ok = rpm("AMS", "2021-11-17");
        assert!(load(&input(&[("rpm/ams.md", ok)])).diagnostics.is_empty());
    }

    #[test]
    fn a_meeting_wholly_outside_the_cycle_is_one_error_naming_both_dates() {
        let old = rpm("ARB", "2021-06-01").replace("end: 2025-06-05", "end: 2021-06-03");
        let got: Vec<String> = load(&input(&[("rpm/arb.md", old)]))
            .diagnostics
            .iter()
            .map(|d| format!("{}:{}:{} {}", d.file, d.line, d.column, d.message))
            .collect();
        assert_eq!(
            got,
            [
                "rpm/arb.md:7:10 meeting RPM starts 2021-06-01 and ends 2021-06-03, outside the cycle (2021-11-17 to 2025-11-16)"
            ]
        );
    }

    /// A part of a region's outcome: front matter without `meeting:`, then `body`.
    fn part(front: &str, body: &str) -> String {
        format!("---\n{front}---\n\n{body}")
    }

    #[test]
    fn parts_join_their_regions_rpm_after_it_and_parts_alone_are_kept_with_a_warning() {
        let package = part(
            "region: AFR\ndocument: Addendum 1 to Document WTDC-25/29\nsource: ATU\n",
            "# Proposals\n\n## MOD AFCP/29A1/1 RESOLUTION 1 – Rules\n\nText.\n\n## SUP RESOLUTION 2\n\nGone.\n",
        );
        let alone = part(
            "region: EUR\nlanguage: fr\n",
            "# Proposals\n\n## ADD EUR/33A3/1 DRAFT NEW RESOLUTION [EUR-1]\n\nNew.\n",
        );
        let ingested = load(&input(&[
            ("rpm/afr-package.md", package),
            ("rpm/afr.md", rpm("AFR", "2025-06-03")),
            ("rpm/eur-addendum.md", alone),
        ]));
        let diags: Vec<String> = ingested
            .diagnostics
            .iter()
            .map(|d| format!("{}:{} {}", d.file, d.line, d.message))
            .collect();
        assert_eq!(
            diags,
            [
                "rpm/eur-addendum.md:2 region EUR gives parts of its outcome (rpm/eur-addendum.md) but no RPM outcome: it is reported as holding no RPM, and the parts' proposals are consolidated"
            ]
        );
        let cycle = ingested.cycle.unwrap();
        let afr = cycle.rpm(crate::model::Region::AFR).unwrap();
        let ids: Vec<&str> = afr.proposals.iter().map(|p| p.id.as_str()).collect();
        // The RPM's own proposals first, then the part's; a number is the id, else REGION-Pn.
        assert_eq!(ids, ["P1", "AFCP/29A1/1", "AFR-P3"]);
        assert_eq!(afr.source, "rpm/afr.md, rpm/afr-package.md");
        assert!(
            afr.body
                .ends_with("# Addendum 1 to Document WTDC-25/29 (ATU)\n\n# Proposals\n\n## MOD AFCP/29A1/1 RESOLUTION 1 – Rules\n\nText.\n\n## SUP RESOLUTION 2\n\nGone."),
            "{}",
            afr.body
        );
        assert!(cycle.rpm(crate::model::Region::EUR).is_none());
        let eur = &cycle.parts[0];
        assert_eq!(
            (
                eur.region,
                eur.language.as_str(),
                eur.proposals[0].id.as_str()
            ),
            (crate::model::Region::EUR, "fr", "EUR/33A3/1")
        );
        let all: Vec<String> = cycle.proposals().map(|p| p.qualified_id()).collect();
        assert_eq!(
            all,
            ["AFR/P1", "AFR/AFCP/29A1/1", "AFR/AFR-P3", "EUR/EUR/33A3/1"]
        );
    }

    #[test]
    fn an_id_twice_in_a_region_is_an_error_and_rpm_keys_are_not_keys_of_a_part() {
        let second = part(
            "region: AFR\nparticipation: {participants: 3}\n",
            "# Proposals\n\n## Again {#P1 action=MOD}\n\nAgain.\n",
        );
        let document =
            rpm("AMS", "2025-06-03").replace("region: AMS\n", "region: AMS\ndocument: D\n");
        let got: Vec<String> = load(&input(&[
            ("rpm/afr.md", rpm("AFR", "2025-06-03")),
            ("rpm/afr-2.md", second),
            ("rpm/ams.md", document),
        ]))
        .diagnostics
        .iter()
        .map(|d| format!("{}:{} {}", d.file, d.line, d.message))
        .collect();
        assert_eq!(
            got,
            [
                "rpm/afr-2.md:3 a file without `meeting:` is a part of its region's outcome, which has no `participation:`",
                "rpm/afr-2.md:8 duplicate proposal id `P1`",
                "rpm/ams.md:3 `document:` is for a part of a region's outcome (a file without `meeting:`)",
            ]
        );
    }

    #[test]
    fn placeholders_are_errors_at_their_line_naming_the_key() {
        let afr = rpm("AFR", "2025-06-03")
            .replace(
                "start: 2025-06-03",
                "start: \"FILL IN: not found in RPM-AFR25-41-E.docx\"",
            )
            .replace("venue: V", "venue: FILL IN");
        let got: Vec<String> = load(&input(&[("rpm/afr.md", afr)]))
            .diagnostics
            .iter()
            .map(|d| format!("{}:{}:{} {}", d.file, d.line, d.column, d.message))
            .collect();
        assert_eq!(
            got,
            [
                "rpm/afr.md:6:10 fill in meeting.venue",
                "rpm/afr.md:7:10 fill in meeting.start, not found in RPM-AFR25-41-E.docx",
            ]
        );
    }
}
