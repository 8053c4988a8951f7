//! `conference.yaml` → the cycle's description, every value checked at its line and column:
//! names and document symbols written, each meeting ending after it starts, the report
//! language known.

use super::yaml::{self, Block, Document};
use crate::model::{Conference, Date, Diagnostic};

/// Reads `conference.yaml`: the conference when its values have the right types (also when
/// other problems were found, so that the outcome files' dates can still be checked), and
/// every problem found.
pub fn read(path: &str, text: &str) -> (Option<Conference>, Vec<Diagnostic>) {
    let parsed = yaml::parse::<Conference>(text, &Block::file(path));
    let mut diagnostics = parsed.diagnostics;
    if let Some(c) = &parsed.value {
        diagnostics.extend(check(c, &parsed.doc));
    }
    (parsed.value, diagnostics)
}

/// Every problem with the values of a well-typed `conference.yaml`.
fn check(c: &Conference, doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let info = &c.conference;
    let mut texts = vec![
        (
            "conference.name",
            &info.name,
            "the conference's name, e.g. WTDC-29",
        ),
        (
            "conference.title",
            &info.title,
            "the conference's full title",
        ),
        (
            "conference.venue",
            &info.venue,
            "the city and country, e.g. Nairobi, Kenya",
        ),
    ];
    let spec = c.profile.spec();
    match &c.advisory_group {
        Some(ag) => texts.push((
            "advisory_group.name",
            &ag.name,
            "the meeting's name, e.g. TDAG-29",
        )),
        None if spec.advisory_group_required => out.push(
            Diagnostic::error(
                &doc.pos("profile"),
                format!(
                    "a {} cycle needs `advisory_group:`, the last advisory-group meeting before the conference",
                    spec.code
                ),
            )
            .with_help("add `advisory_group: {name: TDAG-29, start: 2029-07-17, end: 2029-07-20}`"),
        ),
        None => {}
    }
    if let Some(council) = &c.council {
        texts.push((
            "council.name",
            &council.name,
            "the session's name, e.g. Council 2028",
        ));
    }
    if let Some(venue) = c
        .coordination_meeting
        .as_ref()
        .and_then(|m| m.venue.as_ref())
    {
        texts.push((
            "coordination_meeting.venue",
            venue,
            "the city, or leave `venue:` out when it is not known",
        ));
    }
    let names: Vec<String> = (0..c.other_meetings.len())
        .map(|i| format!("other_meetings.{i}.name"))
        .collect();
    for (path, m) in names.iter().zip(&c.other_meetings) {
        texts.push((path, &m.name, "the meeting's name, e.g. Council-29"));
    }
    for (path, text, what) in texts {
        if text.trim().is_empty() {
            out.push(
                Diagnostic::error(&doc.pos(path), format!("`{path}` is empty"))
                    .with_help(format!("write {what}")),
            );
        }
    }
    out.extend(symbols(c, doc));
    let mut periods = vec![("conference", info.name.as_str(), info.start, info.end)];
    if let Some(ag) = &c.advisory_group {
        periods.push(("advisory_group", ag.name.as_str(), ag.start, ag.end));
    }
    if let Some(council) = &c.council {
        periods.push(("council", council.name.as_str(), council.start, council.end));
    }
    let others: Vec<String> = (0..c.other_meetings.len())
        .map(|i| format!("other_meetings.{i}"))
        .collect();
    for (path, m) in others.iter().zip(&c.other_meetings) {
        periods.push((path, m.name.as_str(), m.start, m.end));
    }
    for (path, name, start, end) in periods {
        out.extend(ends_before_start(doc, path, name, start, end));
    }
    out.extend(language(&c.language, doc));
    out.extend(clauses(c, doc));
    let Some(ag) = &c.advisory_group else {
        return out;
    };
    if let Some(adopted) = ag.adopted.filter(|d| *d < ag.start || *d > ag.end) {
        out.push(
            Diagnostic::warning(
                &doc.pos("advisory_group.adopted"),
                format!(
                    "`advisory_group.adopted` ({adopted}) is not a day of {} ({} to {})",
                    ag.name, ag.start, ag.end
                ),
            )
            .with_help("the group adopts the synthesis report during its meeting; check the date"),
        );
    }
    out
}

/// The two reports' document symbols: written, one word each (`TDAG-29/9`), and different.
fn symbols(c: &Conference, doc: &Document) -> Vec<Diagnostic> {
    let d = &c.documents;
    let mut out = Vec::new();
    for (path, symbol) in [
        ("documents.synthesis", &d.synthesis),
        ("documents.implementation", &d.implementation),
    ] {
        let pos = doc.pos(path);
        let help = "a document symbol is one word, such as TDAG-29/9 or WTDC-29/17";
        // Under wtsa the synthesis may have no symbol of its own: it is then an annex.
        let optional = path == "documents.synthesis" && !c.profile.spec().advisory_group_required;
        if symbol.trim().is_empty() && !optional {
            out.push(Diagnostic::error(&pos, format!("`{path}` is empty")).with_help(help));
        } else if symbol.trim().contains(char::is_whitespace) {
            out.push(
                Diagnostic::error(
                    &pos,
                    format!("document symbol \"{symbol}\" contains a space"),
                )
                .with_help(help),
            );
        }
    }
    if !d.synthesis.trim().is_empty() && d.synthesis.trim() == d.implementation.trim() {
        out.push(
            Diagnostic::error(
                &doc.pos("documents.implementation"),
                format!(
                    "the two reports have the same document symbol \"{}\"",
                    d.implementation
                ),
            )
            .with_help("the synthesis (a TDAG or TSAG document) and the implementation report (a conference document) each have their own symbol"),
        );
    }
    out
}

/// `resolution_clauses:` names only the profile's clauses, and a revision other than the
/// profile's default comes with its clause labels (else the default's are printed: a warning).
fn clauses(c: &Conference, doc: &Document) -> Vec<Diagnostic> {
    let spec = c.profile.spec();
    let mut out = Vec::new();
    for id in c.resolution_clauses.keys() {
        if !spec.clauses.contains(&id.as_str()) {
            let d = Diagnostic::error(
                &doc.pos(&format!("resolution_clauses.{id}")),
                format!("unknown clause \"{id}\" for a {} cycle", spec.code),
            );
            out.push(
                match crate::suggest::closest(id, spec.clauses.iter().copied()) {
                    Some(best) => d.with_help(format!("did you mean `{best}`?")),
                    None if spec.clauses.is_empty() => {
                        d.with_help("this profile's reports cite no clause by label")
                    }
                    None => d.with_help(format!("clauses: {}", spec.clauses.join(", "))),
                },
            );
        }
    }
    let default = crate::messages::of(&c.language)
        .profiled(spec.code, "resolution_revision", &[])
        .unwrap_or_default();
    let other_revision = c
        .resolution_revision
        .as_ref()
        .is_some_and(|r| r.trim() != default);
    let missing: Vec<&str> = spec
        .clauses
        .iter()
        .copied()
        .filter(|id| !c.resolution_clauses.contains_key(*id))
        .collect();
    if other_revision && !missing.is_empty() {
        out.push(
            Diagnostic::warning(
                &doc.pos("resolution_revision"),
                format!(
                    "no clause labels for {}: the reports cite the clauses of {default} for {}",
                    c.resolution_revision.as_deref().unwrap_or_default(),
                    missing.join(", ")
                ),
            )
            .with_help("give each clause's label under `resolution_clauses:` (docs/profiles.md)"),
        );
    }
    out
}

/// The error for a meeting at `path` whose `end:` is before its `start:`.
fn ends_before_start(
    doc: &Document,
    path: &str,
    name: &str,
    start: Date,
    end: Date,
) -> Option<Diagnostic> {
    (end < start).then(|| {
        Diagnostic::error(
            &doc.pos(&format!("{path}.end")),
            format!("{name} ends ({end}) before it starts ({start})"),
        )
        .with_help("check the `start:` and `end:` dates")
    })
}

/// The report language must have a message catalogue.
fn language(language: &str, doc: &Document) -> Option<Diagnostic> {
    if crate::messages::find(language).is_some() {
        return None;
    }
    let mut known: Vec<&str> = crate::messages::languages().collect();
    known.sort_unstable();
    let d = Diagnostic::error(
        &doc.pos("language"),
        format!(
            "unknown report language \"{language}\"; expected one of {}",
            known.join(", ")
        ),
    );
    Some(
        match crate::model::language::suggest(language)
            .or_else(|| crate::suggest::closest(language, known.iter().copied()))
        {
            Some(best) => d.with_help(format!(
                "did you mean `{best}`? a language is a message catalogue, templates/messages/LANG.yaml"
            )),
            None => d.with_help("a language is a message catalogue, templates/messages/LANG.yaml"),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALID: &str = "profile: wtdc\nconference: {name: W, title: T, venue: V, start: 2025-11-17, end: 2025-11-28}\nadvisory_group: {name: TDAG, start: 2025-07-22, end: 2025-07-25}\ncoordination_meeting: {date: 2025-07-21}\nother_meetings:\n  - {name: GSR, start: 2025-06-01, end: 2025-06-03}\ndocuments: {synthesis: TDAG-25/9, implementation: WTDC-25/17}\n";

    fn problems(yaml: &str) -> Vec<String> {
        read("conference.yaml", yaml)
            .1
            .iter()
            .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
            .collect()
    }

    #[test]
    fn an_adoption_date_outside_the_advisory_group_meeting_is_a_warning() {
        let yaml = VALID.replace("end: 2025-07-25}", "end: 2025-07-25, adopted: 2025-08-01}");
        assert_eq!(
            problems(&yaml),
            [
                "3:75 `advisory_group.adopted` (2025-08-01) is not a day of TDAG (2025-07-22 to 2025-07-25)"
            ]
        );
        let yaml = VALID.replace("end: 2025-07-25}", "end: 2025-07-25, adopted: 2025-07-24}");
        assert!(problems(&yaml).is_empty());
    }

    #[test]
    fn a_valid_file_reads_without_a_word() {
        let (c, diagnostics) = read("conference.yaml", VALID);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(c.unwrap().documents.synthesis, "TDAG-25/9");
    }

    #[test]
    fn every_value_is_checked_at_its_place() {
        let yaml = VALID
            .replace("name: W,", "name: '',")
            .replace("venue: V", "venue: ' '")
            .replace("end: 2025-07-25", "end: 2025-07-20")
            .replace("{date: 2025-07-21}", "{date: 2025-07-21, venue: ''}")
            .replace("end: 2025-06-03", "end: 2025-05-03")
            .replace("implementation: WTDC-25/17", "implementation: TDAG-25/9")
            .replace("synthesis: TDAG-25/9", "synthesis: TDAG 25/9")
            + "language: frr\n";
        assert_eq!(
            problems(&yaml),
            [
                "2:20 `conference.name` is empty",
                "2:41 `conference.venue` is empty",
                "4:49 `coordination_meeting.venue` is empty",
                "7:24 document symbol \"TDAG 25/9\" contains a space",
                "3:54 TDAG ends (2025-07-20) before it starts (2025-07-22)",
                "6:41 GSR ends (2025-05-03) before it starts (2025-06-01)",
                "8:11 unknown report language \"frr\"; expected one of ar, en, es, fr, ru, zh",
            ]
        );
        let same = VALID.replace("implementation: WTDC-25/17", "implementation: TDAG-25/9");
        assert_eq!(
            problems(&same),
            ["7:51 the two reports have the same document symbol \"TDAG-25/9\""]
        );
        let late = VALID.replace("end: 2025-11-28", "end: 2025-11-01");
        assert_eq!(
            problems(&late),
            ["2:67 W ends (2025-11-01) before it starts (2025-11-17)"]
        );
    }

    #[test]
    fn type_errors_and_value_errors_are_reported_together_when_the_type_allows() {
        let yaml = VALID
            .replace("other_meetings:", "other_meeting:")
            .replace("name: W,", "name: '',");
        let (c, diagnostics) = read("conference.yaml", &yaml);
        assert_eq!(diagnostics.len(), 2, "{diagnostics:?}");
        assert!(
            diagnostics[0]
                .message
                .starts_with("unknown field `other_meeting`")
        );
        assert_eq!(diagnostics[1].message, "`conference.name` is empty");
        assert!(c.is_some());
    }
}
