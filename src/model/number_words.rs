//! English number words ("sixty-nine", "one hundred"): the value of each word.

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The value of one number word, in any case: 0–19, the tens, and 100 for "hundred".
pub fn value(word: &str) -> Option<usize> {
    let word = word.to_lowercase();
    UNITS
        .iter()
        .position(|u| *u == word)
        .or_else(|| TENS.iter().position(|t| *t == word).map(|t| (t + 2) * 10))
        .or_else(|| (word == "hundred").then_some(100))
}
