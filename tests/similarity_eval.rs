//! Evaluation of the near-duplicate measure: pair decisions on the labelled set
//! (tests/data/pairs.jsonl) and merged pairs on the reference corpus. Prints a threshold
//! sweep (`cargo test --test similarity_eval -- --nocapture`).

mod common;

use common::{Pairs, merged_pairs_json, pairs_in, prf};
use rpmsynth::consolidate::consolidate_with;
use rpmsynth::consolidate::similarity::{NearDuplicate, Similarity};
use rpmsynth::ingest::{InputFiles, load};

/// Pairs of qualified ids that end up merged into one entry.
fn merged_pairs(groups: &[rpmsynth::model::Group]) -> Pairs {
    pairs_in(groups.iter().flat_map(|g| match g.kind {
        rpmsynth::model::GroupKind::Common => vec![g.members.clone()],
        rpmsynth::model::GroupKind::Variant => g.clusters.clone(),
        rpmsynth::model::GroupKind::Single => vec![],
    }))
}

fn corpus_pairs(similarity: &dyn Similarity) -> Option<(Pairs, Pairs)> {
    cycle_pairs(&common::reference_corpus()?, "expected.json", similarity)
}

/// Merged pairs of a cycle, and the expected ones from its labelled groups file.
fn cycle_pairs(
    corpus: &std::path::Path,
    expected_file: &str,
    similarity: &dyn Similarity,
) -> Option<(Pairs, Pairs)> {
    let cycle = load(&InputFiles::from_dir(corpus).unwrap()).cycle.unwrap();
    let got = merged_pairs(&consolidate_with(cycle, similarity).groups);
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(corpus.join(expected_file)).unwrap())
            .unwrap();
    let want = merged_pairs_json(&expected);
    Some((got, want))
}

#[test]
fn threshold_sweep_on_the_reference_corpus() {
    for t in [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9] {
        let Some((got, want)) = corpus_pairs(&NearDuplicate { threshold: t }) else {
            return;
        };
        let (p, r, f) = prf(&got, &want);
        println!(
            "corpus merged pairs, jaccard >= {t:.2}: precision {p:.3} recall {r:.3} F1 {f:.3}"
        );
    }
}

#[test]
fn threshold_sweep_on_the_example_cycle() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for t in [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9] {
        let (got, want) = cycle_pairs(
            &root.join("input"),
            "../tests/data/input-expected.json",
            &NearDuplicate { threshold: t },
        )
        .unwrap();
        let (p, r, f) = prf(&got, &want);
        println!(
            "example merged pairs, jaccard >= {t:.2}: precision {p:.3} recall {r:.3} F1 {f:.3}"
        );
    }
}

/// One labelled pair of tests/data/pairs.jsonl.
struct LabelledPair {
    same: bool,
    variation: String,
    a: rpmsynth::model::Proposal,
    b: rpmsynth::model::Proposal,
}

fn proposal(body: &str) -> rpmsynth::model::Proposal {
    rpmsynth::model::Proposal {
        region: rpmsynth::model::Region::AFR,
        id: "P".into(),
        action: rpmsynth::model::Action::MOD,
        title: String::new(),
        body: body.into(),
        declared_target: None,
        declared_topic: None,
        target: None,
        topic: None,
        classified_via: String::new(),
        source: Default::default(),
    }
}

fn labelled_pairs() -> Vec<LabelledPair> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pairs.jsonl");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            LabelledPair {
                same: v["label"] == "same",
                variation: v["variation"].as_str().unwrap().to_string(),
                a: proposal(v["a"].as_str().unwrap()),
                b: proposal(v["b"].as_str().unwrap()),
            }
        })
        .collect()
}

/// (precision, recall, F1, hard negatives merged, wrong decisions by variation) of one measure.
fn evaluate(
    pairs: &[LabelledPair],
    similarity: &dyn Similarity,
) -> (f64, f64, f64, usize, Vec<String>) {
    use rpmsynth::consolidate::similarity::Prepared;
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    let mut hard = 0;
    let mut wrong = Vec::new();
    for (i, pair) in pairs.iter().enumerate() {
        let said = similarity.same(&Prepared::new(&pair.a), &Prepared::new(&pair.b));
        match (said, pair.same) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            (false, true) => fn_ += 1.0,
            (false, false) => {}
        }
        if said && pair.variation == "hard_negative" {
            hard += 1;
        }
        if said != pair.same {
            wrong.push(format!("{}#{}", pair.variation, i + 1));
        }
    }
    let p = if tp + fp == 0.0 { 1.0 } else { tp / (tp + fp) };
    let r = if tp + fn_ == 0.0 {
        1.0
    } else {
        tp / (tp + fn_)
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f, hard, wrong)
}

#[test]
fn threshold_sweep_on_labelled_pairs() {
    let pairs = labelled_pairs();
    println!(
        "{} labelled pairs ({} same)",
        pairs.len(),
        pairs.iter().filter(|p| p.same).count()
    );
    for t in [0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9] {
        let (p, r, f, hard, wrong) = evaluate(&pairs, &NearDuplicate { threshold: t });
        println!(
            "pairs, jaccard >= {t:.2}: precision {p:.3} recall {r:.3} F1 {f:.3}, hard negatives merged {hard}, wrong: {}",
            wrong.join(" ")
        );
    }
}
