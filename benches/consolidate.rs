//! Consolidation cost on synthetic cycles: reads (ingest) and consolidates 6 × 2,000 and
//! 6 × 20,000 proposals in memory and prints the median of three runs and the ratio; then
//! aligns six regions' amendments to a 20-page resolution (median of 21 runs).
//!
//! `cargo bench --bench consolidate` (add `-- 200` to try another size per region, `--
//! amendments` for the amendments alone).

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "../examples/synth/cycle.rs"]
mod cycle;

use rpmsynth::consolidate::consolidate;
use rpmsynth::ingest::{InputFiles, load};
use std::time::{Duration, Instant};

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

/// CPU time (user and system, all threads) this process has used, from /proc (Linux;
/// zero elsewhere): unlike wall time, it does not grow when other work shares the machine.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (in parentheses): utime and stime are the 12th and 13th.
    let fields: Vec<u64> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest)
        .unwrap_or_default()
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|f| f.parse().ok())
        .collect();
    // Clock ticks of 10 ms (USER_HZ is 100 on Linux).
    Duration::from_millis(fields.iter().sum::<u64>() * 10)
}

/// (ingest, consolidate, consolidate CPU) median times for `per_region` proposals in each
/// region.
fn measure(per_region: usize) -> (Duration, Duration, Duration, usize) {
    let mut input = InputFiles::default();
    for (path, text) in cycle::cycle(cycle::Params {
        proposals_per_region: per_region,
        dup_rate: 0.2,
        seed: 1,
    }) {
        input.insert(&path, text);
    }
    let (mut ingest, mut consolidation, mut cpu, mut groups) =
        (Vec::new(), Vec::new(), Vec::new(), 0);
    for _ in 0..3 {
        let started = Instant::now();
        let cycle = load(&input).cycle.expect("the synthetic cycle is valid");
        ingest.push(started.elapsed());
        let (started, cpu_started) = (Instant::now(), cpu_time());
        let consolidated = consolidate(cycle);
        consolidation.push(started.elapsed());
        cpu.push(cpu_time().saturating_sub(cpu_started));
        // Freeing the cycle is not consolidating it.
        groups = consolidated.groups.len();
        drop(consolidated);
    }
    (median(ingest), median(consolidation), median(cpu), groups)
}

/// A resolution of about 20 pages (400 paragraphs, some numbered lists and a table; about
/// 10,500 words) and six regions' amendments to it: each region marks about 40 changes
/// (replacements, insertions, deletions, list items added), a third of them shared with
/// the next region.
fn amendments() -> Vec<rpmsynth::model::Proposal> {
    use rpmsynth::model::{Action, Proposal, Region, SourcePos};
    let paragraph = |i: usize| match i % 25 {
        10 => format!(
            "- item {i}: training of national experts in incident response;\n- item {i}: regional exercises with the Regional Offices;"
        ),
        20 => format!(
            "| Activity {i} | Lead |\n|---|---|\n| Global Cybersecurity Index | BDT |\n| Regional exercises | Regional Offices |"
        ),
        _ => format!(
            "{i} to encourage Member States, in particular developing countries, to establish, where appropriate, computer incident response teams and to cooperate with one another and with the Bureau in responding to incidents."
        ),
    };
    let base: Vec<String> = (0..400).map(paragraph).collect();
    Region::ALL
        .iter()
        .enumerate()
        .map(|(r, region)| {
            let text: Vec<String> = base
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    // A change every tenth paragraph, shifted by region; every third one also
                    // made by the next region.
                    let k = (i + 3 * r) % 30;
                    let shared = (i + 3 * (r + 5)) % 30;
                    let mark = |p: &str, k: usize| match k {
                        0 => p.replacen("encourage", "{~~encourage~>urge~~}", 1),
                        10 => p.replacen(", where appropriate,", "{--, where appropriate--},", 1),
                        20 => {
                            p.replacen("computer incident", "{++national ++}computer incident", 1)
                        }
                        _ => p.to_string(),
                    };
                    let mut out = mark(p, k);
                    if k % 10 != 0 && shared % 10 == 0 && shared / 10 != 1 {
                        out = mark(&out, shared);
                        // Odd regions replace the word otherwise: an overlap.
                        if shared == 0 && r % 2 == 1 {
                            out = out.replacen("~>urge~~}", "~>invite~~}", 1);
                        }
                    }
                    if i % 25 == 10 && k < 3 {
                        out.push_str(&format!("{{++\n- item {i}: cyberdrills by region {r};++}}"));
                    }
                    out
                })
                .collect();
            Proposal {
                region: *region,
                id: format!("P{r}"),
                action: Action::MOD,
                title: "Resolution 45".into(),
                body: text.join("\n\n"),
                declared_target: None,
                declared_topic: None,
                number: None,
                target: Some("res-45".into()),
                topic: Some("cybersecurity".into()),
                classified_via: String::new(),
                mark: None,
                heading: String::new(),
                source: SourcePos::new("rpm/x.md", 1, 1),
                language: "en".into(),
            }
        })
        .collect()
}

/// Aligns six regions' amendments to a 20-page resolution: median of 21 runs.
fn measure_amendments() {
    use rpmsynth::model::{Action, Group, GroupKind};
    let proposals = amendments();
    let members: Vec<&rpmsynth::model::Proposal> = proposals.iter().collect();
    let group = Group {
        id: "cybersecurity/res-45/MOD".into(),
        topic: Some("cybersecurity".into()),
        target: Some("res-45".into()),
        action: Action::MOD,
        members: members.iter().map(|p| p.qualified_id()).collect(),
        regions: members.iter().map(|p| p.region).collect(),
        kind: GroupKind::Variant,
        clusters: Vec::new(),
    };
    let mut runs = Vec::new();
    let mut aligned = None;
    for _ in 0..21 {
        let started = Instant::now();
        aligned = rpmsynth::consolidate::amendments::align(&group, &members);
        runs.push(started.elapsed());
    }
    let a = aligned.expect("the regions mark changes");
    let words = proposals[0].body.split_whitespace().count();
    println!(
        "amendments: 6 regions x a 20-page resolution ({words} words, {} KB each): align {:.2} ms \
         (median of 21; {} changes, {} overlaps, {} members)",
        proposals[0].body.len() / 1024,
        median(runs).as_secs_f64() * 1e3,
        a.changes.len(),
        a.overlaps.len(),
        a.members.len(),
    );
}

fn main() {
    if std::env::args().skip(1).any(|a| a == "amendments") {
        measure_amendments();
        return;
    }
    let sizes: Vec<usize> = match std::env::args().skip(1).find_map(|a| a.parse().ok()) {
        Some(n) => vec![n],
        None => vec![2_000, 20_000],
    };
    println!(
        "machine: {} threads available",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let mut results = Vec::new();
    for n in sizes {
        let (ingest, consolidation, cpu, groups) = measure(n);
        println!(
            "6 x {n:>6} proposals: ingest {:>8.1} ms, consolidate {:>8.1} ms \
             (CPU {:>6.0} ms, all threads; {groups} groups)",
            ingest.as_secs_f64() * 1e3,
            consolidation.as_secs_f64() * 1e3,
            cpu.as_secs_f64() * 1e3,
        );
        results.push((n, ingest, consolidation));
    }
    if let [(n1, i1, c1), (n2, i2, c2)] = results[..] {
        println!(
            "{}x the proposals: ingest {:.1}x the time, consolidate {:.1}x the time",
            n2 / n1,
            i2.as_secs_f64() / i1.as_secs_f64(),
            c2.as_secs_f64() / c1.as_secs_f64()
        );
    }
    measure_amendments();
}
