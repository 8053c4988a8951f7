//! A synthetic preparatory cycle: a complete, valid input folder in memory, deterministic for
//! a seed. Proposals are 50–400 words (median about 61), each about a few subjects it comes
//! back to and citing its input document, some with a numbered list or a table; a chosen share are near-duplicates of another region's proposal (the same
//! target and action, with a change of case, spelling, punctuation, sentence order or an
//! added word), so consolidation has common proposals to find.

use rand::seq::IndexedRandom;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::fmt::Write;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    pub proposals_per_region: usize,
    /// Share of proposals (0–1) that copy another region's proposal with a harmless change.
    pub dup_rate: f64,
    pub seed: u64,
}

const REGIONS: [(&str, &str, &str); 6] = [
    ("AFR", "Africa", "Kigali, Rwanda"),
    ("AMS", "the Americas", "Asunción, Paraguay"),
    ("ARB", "the Arab States", "Muscat, Oman"),
    ("ASP", "Asia and the Pacific", "Bangkok, Thailand"),
    ("CIS", "the CIS region", "Tashkent, Uzbekistan"),
    ("EUR", "Europe", "Ljubljana, Slovenia"),
];

const TOPICS: [(&str, &str); 20] = [
    ("connectivity", "Universal and meaningful connectivity"),
    ("special-needs", "Countries in special need"),
    ("regional-initiatives", "Regional initiatives"),
    (
        "trust-security",
        "Confidence and security in the use of ICTs",
    ),
    ("emergency", "Emergency telecommunications"),
    ("inclusion", "Digital inclusion and accessibility"),
    ("gender-youth", "Gender equality and youth"),
    ("working-methods", "Working methods of ITU-D"),
    ("spectrum", "Spectrum management and broadcasting"),
    ("skills", "Capacity building and digital skills"),
    ("environment", "ICTs, climate change and e-waste"),
    ("policy", "Policy and regulation"),
    ("economics", "Economic aspects and financing"),
    ("digital-services", "Digital services and applications"),
    ("innovation", "Innovation and entrepreneurship"),
    ("standards", "Conformance, interoperability and standards"),
    ("statistics", "ICT statistics and indicators"),
    ("health", "E-health and ICT applications"),
    ("cooperation", "International cooperation and partnerships"),
    ("action-plan", "The Action Plan and the Declaration"),
];

const SUBJECTS: [&str; 8] = [
    "BDT",
    "The Bureau",
    "The Director of BDT",
    "Member States",
    "TDAG",
    "The regional offices",
    "The study groups",
    "Administrations",
];
const VERBS: [&str; 20] = [
    "should organise",
    "should support",
    "is invited to prioritise",
    "should strengthen",
    "should publish",
    "is encouraged to develop",
    "should harmonise",
    "should assist Member States in preparing",
    "should coordinate",
    "is invited to review",
    "should finance",
    "should monitor",
    "is requested to evaluate",
    "should promote",
    "is instructed to establish",
    "should facilitate",
    "ought to expand",
    "is asked to document",
    "should mobilise resources for",
    "should provide training on",
];
const OBJECTS: [&str; 40] = [
    "national broadband plans",
    "regional workshops on spectrum pricing",
    "community networks",
    "universal service funds",
    "computer incident response teams",
    "cyber drills",
    "early warning systems",
    "emergency telecommunication plans",
    "accessibility requirements for public procurement",
    "digital skills programmes for women",
    "youth envoys networks",
    "study group deliverables",
    "guidelines on infrastructure sharing",
    "quality of service measurements",
    "e-waste collection schemes",
    "energy-efficient base stations",
    "digital public infrastructure",
    "interoperable digital identity systems",
    "submarine cable resilience plans",
    "satellite direct-to-device services",
    "open-access fibre networks",
    "regulatory sandboxes",
    "consumer protection frameworks",
    "data protection authorities",
    "child online protection strategies",
    "telemedicine platforms",
    "agricultural information services",
    "digital financial services",
    "ICT price baskets",
    "household surveys on ICT use",
    "conformance testing centres",
    "innovation hubs",
    "start-up incubators",
    "public Wi-Fi programmes",
    "local content in indigenous languages",
    "post-quantum migration plans",
    "spectrum monitoring systems",
    "digital terrestrial television transition plans",
    "fellowship programmes",
    "mentoring programmes for regulators",
];
const PURPOSES: [&str; 16] = [
    "in rural and remote areas",
    "in least developed countries",
    "in small island developing states",
    "in landlocked developing countries",
    "for persons with disabilities",
    "for older persons",
    "with regional telecommunication organizations",
    "with development banks and donors",
    "in cooperation with the other Sectors",
    "within existing budgetary resources",
    "before the next conference",
    "in each region",
    "with the private sector and academia",
    "through the ITU Academy",
    "on the basis of measurable targets",
    "in line with the Sustainable Development Goals",
];
const REASONS: [&str; 10] = [
    "The needs of the region have changed since the last conference.",
    "Many countries lack the capacity to act alone.",
    "Earlier programmes showed promising results that should be extended.",
    "Fragmented efforts lead to duplication and waste of resources.",
    "The membership asked for concrete and measurable outputs.",
    "Investment needs far exceed the public resources available.",
    "Regional cooperation lowers costs for every participant.",
    "The digital divide is widening for the poorest communities.",
    "Regulators need comparable data to take decisions.",
    "Current provisions no longer reflect the technologies in use.",
];

const COUNTRIES: [&str; 60] = [
    "Angola",
    "Argentina",
    "Armenia",
    "Bangladesh",
    "Barbados",
    "Benin",
    "Bhutan",
    "Bolivia",
    "Botswana",
    "Brazil",
    "Burkina Faso",
    "Cambodia",
    "Cameroon",
    "Chad",
    "Chile",
    "Colombia",
    "Comoros",
    "Djibouti",
    "Ecuador",
    "Egypt",
    "Eswatini",
    "Ethiopia",
    "Fiji",
    "Gabon",
    "Georgia",
    "Ghana",
    "Guatemala",
    "Guinea",
    "Haiti",
    "Honduras",
    "Indonesia",
    "Jamaica",
    "Jordan",
    "Kazakhstan",
    "Kenya",
    "Kiribati",
    "Kyrgyzstan",
    "Lesotho",
    "Liberia",
    "Malawi",
    "Maldives",
    "Mali",
    "Mauritania",
    "Mongolia",
    "Morocco",
    "Mozambique",
    "Namibia",
    "Nepal",
    "Niger",
    "Oman",
    "Panama",
    "Paraguay",
    "Peru",
    "Rwanda",
    "Samoa",
    "Senegal",
    "Tonga",
    "Tunisia",
    "Uganda",
    "Zambia",
];
const PARTNERS: [&str; 16] = [
    "UNDP",
    "UNESCO",
    "UNICEF",
    "WHO",
    "FAO",
    "UNEP",
    "the World Bank",
    "the African Union",
    "the GSMA",
    "regional development banks",
    "universities",
    "national regulators",
    "civil society organizations",
    "mobile operators",
    "satellite operators",
    "the ITU Academy",
];
const UNITS: [&str; 8] = [
    "countries",
    "regulators",
    "experts",
    "schools",
    "health centres",
    "villages",
    "administrations",
    "training sessions",
];
/// One generated proposal: what its heading says and its body.
#[derive(Clone)]
struct Proposal {
    title: String,
    target: String,
    action: &'static str,
    topic: usize,
    sentences: Vec<String>,
    extra: String,
    reasons: String,
}

/// The input folder: (path relative to the folder, content), in path order.
pub fn cycle(params: Params) -> Vec<(String, String)> {
    let mut rng = ChaCha8Rng::seed_from_u64(params.seed);
    let mut files = vec![
        ("conference.yaml".to_string(), CONFERENCE.to_string()),
        ("topics.yaml".to_string(), topics()),
    ];
    let mut pool: Vec<Proposal> = Vec::new();
    for (r, (code, name, venue)) in REGIONS.iter().enumerate() {
        let mut proposals = Vec::with_capacity(params.proposals_per_region);
        for _ in 0..params.proposals_per_region {
            let copy = !pool.is_empty() && rng.random_bool(params.dup_rate.clamp(0.0, 1.0));
            proposals.push(if copy {
                let source = pool[rng.random_range(0..pool.len())].clone();
                vary(source, &mut rng)
            } else {
                original(&mut rng)
            });
        }
        let text = rpm_file(r, code, name, venue, &proposals, &mut rng);
        pool.extend(proposals);
        files.push((format!("rpm/{}.md", code.to_lowercase()), text));
    }
    files
}

const CONFERENCE: &str = "profile: wtdc
conference:
  name: WTDC-29
  title: World Telecommunication Development Conference
  venue: Nairobi, Kenya
  start: 2029-11-05
  end: 2029-11-16
advisory_group:
  name: TDAG-29
  start: 2029-07-17
  end: 2029-07-20
coordination_meeting:
  date: 2029-07-16
  venue: Geneva
other_meetings:
  - { name: Council-29, start: 2029-06-19, end: 2029-06-28 }
documents:
  synthesis: TDAG-29/9
  implementation: WTDC-29/17
language: en
";

/// Twenty topics; topic k lists resolutions k+1, k+21, …, k+81 and one Question.
fn topics() -> String {
    let mut out = String::from("topics:\n");
    for (k, (id, title)) in TOPICS.iter().enumerate() {
        let refs: Vec<String> = (0..5)
            .map(|j| format!("res-{}", k + 1 + 20 * j))
            .chain(std::iter::once(format!("q-{}/{}", k % 7 + 1, k % 2 + 1)))
            .chain((k == TOPICS.len() - 1).then(|| "action-plan".to_string()))
            .chain((k == TOPICS.len() - 1).then(|| "declaration".to_string()))
            .collect();
        let _ = writeln!(
            out,
            "  - id: {id}\n    title: {title}\n    refs: [{}]",
            refs.join(", ")
        );
    }
    out
}

/// What one proposal is about: a few objects and purposes its sentences come back to, as
/// real proposals do (independent texts then share about a fifth of their words).
struct Theme {
    subjects: Vec<&'static str>,
    verbs: Vec<&'static str>,
    objects: Vec<&'static str>,
    purposes: Vec<&'static str>,
    countries: Vec<&'static str>,
    partners: Vec<&'static str>,
}

impl Theme {
    fn new(rng: &mut ChaCha8Rng) -> Theme {
        Theme {
            subjects: SUBJECTS.sample(rng, 2).copied().collect(),
            verbs: VERBS.sample(rng, 4).copied().collect(),
            objects: OBJECTS.sample(rng, 3).copied().collect(),
            purposes: PURPOSES.sample(rng, 2).copied().collect(),
            countries: COUNTRIES.sample(rng, 6).copied().collect(),
            partners: PARTNERS.sample(rng, 3).copied().collect(),
        }
    }
}

fn sentence(rng: &mut ChaCha8Rng, theme: &Theme) -> String {
    let pick = |rng: &mut ChaCha8Rng, words: &[&'static str]| *words.choose(rng).unwrap_or(&"");
    match rng.random_range(0..3) {
        0 => format!(
            "{} {} {} {}, starting with {} and {}.",
            pick(rng, &theme.subjects),
            pick(rng, &theme.verbs),
            pick(rng, &theme.objects),
            pick(rng, &theme.purposes),
            pick(rng, &theme.countries),
            pick(rng, &theme.countries),
        ),
        1 => format!(
            "Working with {}, {} {} {} in at least {} {} by {}.",
            pick(rng, &theme.partners),
            pick(rng, &theme.subjects).to_lowercase(),
            pick(rng, &theme.verbs),
            pick(rng, &theme.objects),
            rng.random_range(3..3000),
            pick(rng, &UNITS),
            rng.random_range(2026..2036),
        ),
        _ => format!(
            "{} {} {} and report on {} {}, as requested by {}.",
            pick(rng, &theme.subjects),
            pick(rng, &theme.verbs),
            pick(rng, &theme.objects),
            pick(rng, &theme.objects),
            pick(rng, &theme.purposes),
            pick(rng, &theme.countries),
        ),
    }
}

fn original(rng: &mut ChaCha8Rng) -> Proposal {
    let roll = rng.random_range(0..100);
    let (target, action) = match roll {
        0..80 => (
            format!("res-{}", rng.random_range(1..=100)),
            [
                "MOD", "MOD", "MOD", "MOD", "MOD", "MOD", "MOD", "SUP", "NOC",
            ][rng.random_range(0..9)],
        ),
        80..90 => (
            format!("q-{}/{}", rng.random_range(1..=7), rng.random_range(1..=2)),
            "MOD",
        ),
        90..93 => ("action-plan".to_string(), "MOD"),
        93..95 => ("declaration".to_string(), "MOD"),
        _ => ("new".to_string(), "ADD"),
    };
    let topic = topic_of(&target).unwrap_or_else(|| rng.random_range(0..TOPICS.len()));
    // 50–400 words, median about 61 and mean about 108: between the proposals of the
    // reference cycle (median 57, mean 68) and of the bundled example (median 100, mean 106).
    let u: f64 = rng.random();
    let words = 50 + (350.0 * u.powi(5)) as usize;
    let theme = Theme::new(rng);
    let mut sentences = Vec::new();
    let mut count = 0;
    while count < words {
        let s = sentence(rng, &theme);
        count += s.split_whitespace().count();
        sentences.push(s);
    }
    let extra = match rng.random_range(0..100) {
        0..20 => {
            let items: Vec<String> = (1..=3)
                .map(|i| format!("{i}. {};", OBJECTS.choose(rng).unwrap_or(&"")))
                .collect();
            format!("The Bureau is invited to address:\n\n{}", items.join("\n"))
        }
        20..25 => {
            let mut table = String::from("| Output | Partner | Indicator |\n|---|---|---|\n");
            for _ in 0..3 {
                let _ = writeln!(
                    table,
                    "| {} | {} | {} countries assisted |",
                    OBJECTS.choose(rng).unwrap_or(&""),
                    ["UNDP", "World Bank", "UNESCO", "WHO"]
                        .choose(rng)
                        .unwrap_or(&""),
                    rng.random_range(5..40)
                );
            }
            table
        }
        _ => String::new(),
    };
    let title = title(&target, rng);
    let reasons = format!(
        "{} See contribution RPM-C/{}.",
        REASONS.choose(rng).unwrap_or(&""),
        rng.random_range(1..1_000_000)
    );
    // The whole proposal (text, list or table, reasons) stays within MAX_WORDS.
    let around = format!("{extra} **Reasons:** {reasons}")
        .split_whitespace()
        .count();
    while sentences.len() > 1 && count + around > MAX_WORDS {
        count -= sentences.pop().map_or(0, |s| s.split_whitespace().count());
    }
    Proposal {
        title,
        target,
        action,
        topic,
        sentences,
        extra,
        reasons,
    }
}

/// The longest proposal body, in words (white-space separated, reasons included).
const MAX_WORDS: usize = 400;

/// A proposal's title: an existing text's own title (every region proposing on Resolution
/// 37 uses the same one), or a new text's subject with the countries that asked for it.
fn title(target: &str, rng: &mut ChaCha8Rng) -> String {
    let capitalised = |s: &str| {
        let mut t = s.to_string();
        t[..1].make_ascii_uppercase();
        t
    };
    let number: usize = target
        .bytes()
        .filter(u8::is_ascii_digit)
        .fold(0, |n, d| n * 10 + usize::from(d - b'0'));
    match target {
        "new" => format!(
            "{} {}, as proposed by {}",
            capitalised(OBJECTS.choose(rng).unwrap_or(&"")),
            PURPOSES.choose(rng).unwrap_or(&""),
            COUNTRIES.choose(rng).unwrap_or(&"")
        ),
        "action-plan" => "The Action Plan".to_string(),
        "declaration" => "The Declaration".to_string(),
        _ => format!(
            "{} {}",
            capitalised(OBJECTS[number % OBJECTS.len()]),
            PURPOSES[number % PURPOSES.len()]
        ),
    }
}

/// The topic that lists a target (see [`topics`]).
fn topic_of(target: &str) -> Option<usize> {
    if let Some(n) = target.strip_prefix("res-") {
        return n.parse::<usize>().ok().map(|n| (n - 1) % 20);
    }
    matches!(target, "action-plan" | "declaration").then_some(TOPICS.len() - 1)
}

/// A copy of `p` with one change that leaves its request as it was.
fn vary(mut p: Proposal, rng: &mut ChaCha8Rng) -> Proposal {
    let swap = p.sentences.len() > 1;
    let first = &mut p.sentences[0];
    match rng.random_range(0..6) {
        0 => {
            *first = first
                .replace("Member States", "member states")
                .replace("The Bureau", "the Bureau")
        }
        1 => {
            for s in &mut p.sentences {
                *s = s
                    .replace("organise", "organize")
                    .replace("prioritise", "prioritize")
                    .replace("harmonise", "harmonize")
                    .replace("programmes", "programs")
                    .replace("centres", "centers");
            }
        }
        2 => *first = first.replacen(" and report on", ", and report on", 1),
        3 if swap => p.sentences.swap(0, 1),
        4 => *first = first.replacen(" should ", " should also ", 1),
        _ => *first = first.replacen(' ', "  ", 1),
    }
    p
}

fn rpm_file(
    r: usize,
    code: &str,
    name: &str,
    venue: &str,
    proposals: &[Proposal],
    rng: &mut ChaCha8Rng,
) -> String {
    let mut out = String::with_capacity(proposals.len() * 1500);
    let _ = write!(
        out,
        "---\nregion: {code}\nmeeting:\n  symbol: RPM-{code}29\n  title: Regional Preparatory Meeting for {name}\n  venue: {venue}\n  start: 2029-0{m}-1{d}\n  end: 2029-0{m}-1{e}\n  chair: Ms A. Chair{r} ({venue_country})\n  vice_chairs: [Mr B. Vice{r}]\n  regional_organizations: [RO{r}]\nparticipation:\n  member_states: {ms}\n  sector_members: {sm}\n  participants: {pa}\n  ldc_fellowships: {ldc}\nlanguage: en\n---\n\n# Regional priorities\n\n",
        m = 1 + r,
        d = 2,
        e = 4,
        venue_country = venue.split(", ").last().unwrap_or(venue),
        ms = rng.random_range(10..50),
        sm = rng.random_range(5..40),
        pa = rng.random_range(100..400),
        ldc = rng.random_range(0..30),
    );
    for i in 1..=5 {
        let _ = writeln!(out, "{i}. {}.", OBJECTS.choose(rng).unwrap_or(&""));
    }
    out.push_str("\n# Regional initiatives\n\n");
    for i in 1..=3 {
        let theme = Theme::new(rng);
        let _ = write!(
            out,
            "## {code}{i}: {} {{#{code}{i}}}\n\n**Objective:** {}\n\n**Expected results:**\n\n1. {}.\n2. {}.\n\n",
            OBJECTS.choose(rng).unwrap_or(&""),
            sentence(rng, &theme),
            OBJECTS.choose(rng).unwrap_or(&""),
            OBJECTS.choose(rng).unwrap_or(&"")
        );
    }
    out.push_str("# Proposals\n\n");
    for (n, p) in proposals.iter().enumerate() {
        // One proposal in ten leaves its topic to be found from its target.
        let topic = if n % 10 == 3 && p.target != "new" {
            String::new()
        } else {
            format!(" topic={}", TOPICS[p.topic].0)
        };
        let _ = write!(
            out,
            "## {} {{#{code}-P{} action={} target={}{topic}}}\n\n{}\n\n",
            p.title,
            n + 1,
            p.action,
            p.target,
            p.sentences.join(" ")
        );
        if !p.extra.is_empty() {
            let _ = write!(out, "{}\n\n", p.extra);
        }
        let _ = write!(out, "**Reasons:** {}\n\n", p.reasons);
    }
    out
}
