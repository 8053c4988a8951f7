//! Evaluation of near-duplicate detection, printed and asserted:
//!
//! * pair decisions on the labelled set `tests/data/pairs.jsonl`: several similarity measures
//!   (word-set Jaccard, word-bigram Jaccard, TF-IDF cosine, character edit similarity), each
//!   alone and followed by the edit check, swept over thresholds; the threshold is chosen on
//!   one half of the pairs (even lines) and reported on the other half;
//! * the grouping of the example cycle (`input/`, labelled in `tests/data/input-expected.json`)
//!   and of the reference corpus (`../shared/corpus/wtdc25/expected.json`, or under
//!   `RPMSYNTH_CORPUS`; listed as ignored where absent).
//!
//! Run `cargo test --test similarity_eval -- --nocapture` to see the tables.

mod common;

use common::harness::Need;
use std::process::ExitCode;

fn main() -> ExitCode {
    common::harness::main(vec![
        check!(measures_and_thresholds_on_labelled_pairs),
        check!(grouping_of_the_reference_corpus, Need::Corpus),
        check!(grouping_of_the_example_cycle),
    ])
}

/// Prints the evaluation's tables when asked (`-- --nocapture`).
macro_rules! say {
    ($($arg:tt)*) => {
        if common::harness::verbose() {
            println!($($arg)*);
        }
    };
}

use common::{Pairs, member_ids, merged_pairs_json, pairs_in, prf};
use rpmsynth::consolidate::edits::MAX_CHANGED_WORDS;
use rpmsynth::consolidate::edits::harmless;
use rpmsynth::consolidate::normalize::{digest, fingerprint, words};
use rpmsynth::consolidate::sets::jaccard;
use rpmsynth::consolidate::similarity::{Bounds, NearDuplicate, Prepared, Similarity};
use rpmsynth::consolidate::{consolidate, consolidate_with};
use rpmsynth::ingest::{InputFiles, load};
use rpmsynth::model::{Action, Group, GroupKind, Proposal, Region};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// One labelled pair of tests/data/pairs.jsonl.
struct LabelledPair {
    same: bool,
    variation: String,
    a: Proposal,
    b: Proposal,
}

fn proposal(body: &str) -> Proposal {
    Proposal {
        region: Region::AFR,
        id: "P".into(),
        action: Action::MOD,
        title: String::new(),
        body: body.into(),
        declared_target: None,
        declared_topic: None,
        number: None,
        target: None,
        topic: None,
        classified_via: String::new(),
        mark: None,
        heading: String::new(),
        source: Default::default(),
        language: "en".into(),
    }
}

fn labelled_pairs() -> Vec<LabelledPair> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pairs.jsonl");
    std::fs::read_to_string(path)
        .expect("tests/data/pairs.jsonl is part of the repository")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("one JSON object a line");
            LabelledPair {
                same: v["label"] == "same",
                variation: v["variation"].as_str().unwrap().to_string(),
                a: proposal(v["a"].as_str().unwrap()),
                b: proposal(v["b"].as_str().unwrap()),
            }
        })
        .collect()
}

/// Counts of one decision rule on a set of pairs.
#[derive(Default)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    hard_negatives_merged: usize,
    translations_merged: usize,
    wrong: Vec<String>,
}

impl Score {
    fn f1(&self) -> f64 {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn line(&self) -> String {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        format!(
            "precision {p:.3} recall {r:.3} F1 {:.3}, hard negatives merged {}, translations merged {}",
            self.f1(),
            self.hard_negatives_merged,
            self.translations_merged
        )
    }
}

/// Scores the decisions `said[i]` on the pairs whose index `keep` accepts.
fn score(
    pairs: &[(&LabelledPair, Prepared, Prepared)],
    keep: impl Fn(usize) -> bool,
    said: &[bool],
) -> Score {
    let mut s = Score::default();
    for (i, (pair, ..)) in pairs.iter().enumerate().filter(|(i, _)| keep(*i)) {
        let said = said[i];
        match (said, pair.same) {
            (true, true) => s.tp += 1,
            (true, false) => s.fp += 1,
            (false, true) => s.fn_ += 1,
            (false, false) => {}
        }
        if said && pair.variation == "hard_negative" {
            s.hard_negatives_merged += 1;
        }
        if said && pair.variation == "translation" {
            s.translations_merged += 1;
        }
        if said != pair.same {
            s.wrong.push(format!("{}:{}", i + 1, pair.variation));
        }
    }
    s
}

/// The compared measures: name and score of a pair of prepared texts.
type Measure<'a> = (&'static str, Box<dyn Fn(&Prepared, &Prepared) -> f64 + 'a>);

fn measures(idf: &HashMap<String, f64>) -> Vec<Measure<'_>> {
    fn bigrams(p: &Prepared) -> Vec<String> {
        let text = &p.words().text;
        let words: Vec<&str> = text.split(' ').collect();
        let mut set: Vec<String> = words.windows(2).map(|w| w.join(" ")).collect();
        set.sort_unstable();
        set.dedup();
        set
    }
    fn tfidf(p: &Prepared, idf: &HashMap<String, f64>) -> HashMap<String, f64> {
        let mut v: HashMap<String, f64> = HashMap::new();
        for t in p.words().text.split(' ') {
            *v.entry(t.to_string()).or_default() += idf.get(t).copied().unwrap_or(1.0);
        }
        v
    }
    vec![
        ("word-set Jaccard", Box::new(|a, b| jaccard(&a.set, &b.set))),
        (
            "word-bigram Jaccard",
            Box::new(|a, b| jaccard(&bigrams(a), &bigrams(b))),
        ),
        (
            "TF-IDF cosine",
            Box::new(move |a, b| {
                let (x, y) = (tfidf(a, idf), tfidf(b, idf));
                let dot: f64 = x.iter().map(|(k, v)| v * y.get(k).unwrap_or(&0.0)).sum();
                let norm = |m: &HashMap<String, f64>| m.values().map(|v| v * v).sum::<f64>().sqrt();
                dot / (norm(&x) * norm(&y)).max(f64::MIN_POSITIVE)
            }),
        ),
        (
            "character edit similarity",
            Box::new(|a, b| strsim::normalized_levenshtein(&a.words().text, &b.words().text)),
        ),
    ]
}

const THRESHOLDS: [f64; 14] = [
    0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95,
];

fn measures_and_thresholds_on_labelled_pairs() {
    let labelled = labelled_pairs();
    assert!(labelled.len() >= 150, "at least 150 labelled pairs");
    let pairs: Vec<(&LabelledPair, Prepared, Prepared)> = labelled
        .iter()
        .map(|p| (p, Prepared::new(&p.a), Prepared::new(&p.b)))
        .collect();
    let mut document_frequency: HashMap<String, usize> = HashMap::new();
    for (_, a, b) in &pairs {
        for text in [a, b] {
            let words = &text.words().text;
            let distinct: BTreeSet<&str> = words.split(' ').collect();
            for t in distinct {
                *document_frequency.entry(t.to_string()).or_default() += 1;
            }
        }
    }
    let documents = 2.0 * pairs.len() as f64;
    let idf: HashMap<String, f64> = document_frequency
        .into_iter()
        .map(|(t, n)| (t, (documents / n as f64).ln() + 1.0))
        .collect();
    let same = pairs.iter().filter(|p| p.0.same).count();
    say!(
        "{} labelled pairs: {same} same, {} different ({} hard negatives, {} translations)",
        pairs.len(),
        pairs.len() - same,
        pairs
            .iter()
            .filter(|p| p.0.variation == "hard_negative")
            .count(),
        pairs
            .iter()
            .filter(|p| p.0.variation == "translation")
            .count(),
    );
    let tuning = |i: usize| i.is_multiple_of(2);
    let held_out = |i: usize| !i.is_multiple_of(2);
    let edit_check: Vec<bool> = pairs
        .iter()
        .map(|(_, a, b)| harmless(a.words(), b.words()))
        .collect();
    say!("\nbest threshold of each measure, chosen on the tuning half (even lines):");
    for (name, measure) in measures(&idf) {
        let scores: Vec<f64> = pairs.iter().map(|(_, a, b)| measure(a, b)).collect();
        for guarded in [false, true] {
            let said = |t: f64| -> Vec<bool> {
                (0..pairs.len())
                    .map(|i| scores[i] >= t && (!guarded || edit_check[i]))
                    .collect()
            };
            let f1: Vec<f64> = THRESHOLDS
                .iter()
                .map(|&t| score(&pairs, tuning, &said(t)).f1())
                .collect();
            let best = f1.iter().copied().fold(0.0, f64::max);
            let flat: Vec<f64> = (0..THRESHOLDS.len())
                .filter(|&k| f1[k] >= best - 1e-9)
                .map(|k| THRESHOLDS[k])
                .collect();
            let middle = flat[flat.len() / 2];
            say!(
                "  {name}{}: tuning F1 {best:.3} for t in {:.2}..={:.2}; at t = {middle:.2} held out: {}",
                if guarded { " + edit check" } else { "" },
                flat[0],
                flat[flat.len() - 1],
                score(&pairs, held_out, &said(middle)).line()
            );
        }
    }

    let chosen = NearDuplicate::DEFAULT;
    let said_by = |similarity: NearDuplicate| -> Vec<bool> {
        pairs
            .iter()
            .map(|(_, a, b)| similarity.same(a, b))
            .collect()
    };
    let said = said_by(chosen);
    let all = score(&pairs, |_| true, &said);
    say!(
        "\nchosen: word-set Jaccard >= {:.2} + edit check\n  all pairs: {}\n  tuning half: {}\n  held-out half: {}\n  wrong: {}",
        chosen.threshold,
        all.line(),
        score(&pairs, tuning, &said).line(),
        score(&pairs, held_out, &said).line(),
        all.wrong.join(" ")
    );
    let mut by_variation: Vec<(String, usize, usize)> = Vec::new();
    for (i, (pair, ..)) in pairs.iter().enumerate() {
        let right = said[i] == pair.same;
        match by_variation.iter_mut().find(|v| v.0 == pair.variation) {
            Some(v) => {
                v.1 += usize::from(right);
                v.2 += 1;
            }
            None => by_variation.push((pair.variation.clone(), usize::from(right), 1)),
        }
    }
    // The same rule on whole texts, CriticMarkup read as words: how texts with changes were
    // compared before their changes were (docs/consolidation.md).
    let bounds = Bounds {
        min_jaccard: chosen.threshold,
        max_difference: MAX_CHANGED_WORDS,
    };
    let whole: Vec<bool> = pairs
        .iter()
        .map(|(pair, ..)| {
            let prepare = |p: &Proposal| {
                let mut hashes = Vec::new();
                fingerprint(&p.body, &mut hashes);
                let d = digest(&hashes);
                hashes.sort_unstable();
                hashes.dedup();
                (d, hashes)
            };
            let ((da, sa), (db, sb)) = (prepare(&pair.a), prepare(&pair.b));
            da == db
                || (bounds.admit(&sa, &sb) && harmless(&words(&pair.a.body), &words(&pair.b.body)))
        })
        .collect();
    let amendment = |i: usize| pairs[i].0.variation.starts_with("amendment");
    say!(
        "  whole texts, changes not compared (before): all pairs: {}\n    pairs with changes: {}\n  changes compared (after): pairs with changes: {}",
        score(&pairs, |_| true, &whole).line(),
        score(&pairs, amendment, &whole).line(),
        score(&pairs, amendment, &said).line(),
    );
    say!("  right decisions by variation:");
    for (variation, right, total) in by_variation {
        say!("    {variation}: {right}/{total}");
    }

    assert_eq!(all.hard_negatives_merged, 0, "a hard negative was merged");
    assert_eq!(all.translations_merged, 0, "a translation was merged");
    assert_eq!(all.fp, 0, "a different pair was merged: {:?}", all.wrong);
    let tuning_best = THRESHOLDS
        .iter()
        .map(|&t| score(&pairs, tuning, &said_by(NearDuplicate { threshold: t })).f1())
        .fold(0.0, f64::max);
    assert!(
        score(&pairs, tuning, &said).f1() >= tuning_best - 1e-9,
        "the default threshold is not among the best on the tuning half"
    );
    assert!(score(&pairs, held_out, &said).f1() >= 0.9, "held-out F1");
}

/// Pairs merged into one entry by the model's groups.
fn merged_pairs(groups: &[Group]) -> Pairs {
    pairs_in(groups.iter().flat_map(|g| match g.kind {
        GroupKind::Common => vec![g.members.clone()],
        GroupKind::Variant => g.clusters.clone(),
        GroupKind::Single => vec![],
    }))
}

/// Merged-pair precision, recall and F1 of a cycle's grouping against its labelled groups,
/// and whether every group has the expected members and kind.
fn grouping_quality(
    dir: &Path,
    expected: &Path,
    similarity: &dyn Similarity,
) -> ((f64, f64, f64), bool) {
    let cycle = load(&InputFiles::from_dir(dir).unwrap()).cycle.unwrap();
    let groups = consolidate_with(cycle, similarity).groups;
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(expected).unwrap()).unwrap();
    let quality = prf(&merged_pairs(&groups), &merged_pairs_json(&expected));
    let kinds = |members: Vec<String>, kind: String| (members.into_iter().collect(), kind);
    let got: BTreeSet<(BTreeSet<String>, String)> = groups
        .iter()
        .map(|g| {
            let kind = serde_json::to_value(g.kind).unwrap();
            kinds(g.members.clone(), kind.as_str().unwrap().to_string())
        })
        .collect();
    let want: BTreeSet<(BTreeSet<String>, String)> = expected["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| kinds(member_ids(g), g["kind"].as_str().unwrap().to_string()))
        .collect();
    (quality, got == want)
}

fn report_grouping(name: &str, dir: &Path, expected: &Path) -> (f64, bool) {
    for t in [0.5, 0.6, 0.7, 0.8, 0.9] {
        let ((p, r, f), exact) = grouping_quality(dir, expected, &NearDuplicate { threshold: t });
        say!(
            "{name}, jaccard >= {t:.2} + edit check: merged pairs precision {p:.3} recall {r:.3} F1 {f:.3}; every group as expected: {exact}"
        );
    }
    let ((p, r, f), exact) = grouping_quality(dir, expected, &NearDuplicate::DEFAULT);
    say!(
        "{name}, default: merged pairs precision {p:.3} recall {r:.3} F1 {f:.3}; every group as expected: {exact}"
    );
    (f, exact)
}

fn grouping_of_the_reference_corpus() {
    let corpus = common::reference_corpus();
    let (f1, exact) = report_grouping("reference corpus", &corpus, &corpus.join("expected.json"));
    assert!(f1 >= 0.95, "grouping F1 {f1:.3} below 0.95");
    assert!(exact, "groups or kinds differ from expected.json");
}

fn grouping_of_the_example_cycle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (f1, exact) = report_grouping(
        "example cycle",
        &root.join("input"),
        &root.join("tests/data/input-expected.json"),
    );
    assert!(f1 >= 0.95, "grouping F1 {f1:.3} below 0.95");
    assert!(
        exact,
        "groups or kinds differ from tests/data/input-expected.json"
    );
    // The default consolidation is the one the reports use.
    let cycle = load(&InputFiles::from_dir(&root.join("input")).unwrap())
        .cycle
        .unwrap();
    assert_eq!(
        consolidate(cycle.clone()).groups.len(),
        consolidate_with(cycle, &NearDuplicate::DEFAULT)
            .groups
            .len()
    );
}
