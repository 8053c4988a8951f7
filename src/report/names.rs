//! People's names as the reports print them: a title and initials stay on one line with the
//! word that follows ("Ms A. Kouassi" never breaks inside a narrow table column).

/// Courtesy and academic titles, in the six ITU languages' usual short forms.
const TITLES: &[&str] = &[
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Prof", "Prof.", "Eng.", "H.E.",
    "M.", "Mme", "Mlle", "Sr.", "Sra.", "Srta.", "г-н", "г-жа", "Д-р",
];

/// `name` with a no-break space after each title and initial ("Mr T. Banda (Malawi)" →
/// "Mr\u{a0}T.\u{a0}Banda (Malawi)").
pub fn unbroken(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 8);
    let mut words = name.split(' ').peekable();
    while let Some(word) = words.next() {
        out.push_str(word);
        match words.peek() {
            Some(next) if !next.is_empty() && !next.starts_with('(') && joins(word) => {
                out.push('\u{a0}')
            }
            Some(_) => out.push(' '),
            None => {}
        }
    }
    out
}

/// Whether `word` is a title or an initial ("A.", "J.-P.", "Th."), which binds to the next word.
fn joins(word: &str) -> bool {
    let initial = word.ends_with('.')
        && word.chars().count() <= 5
        && word.chars().next().is_some_and(char::is_uppercase);
    initial || TITLES.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::unbroken;

    #[test]
    fn titles_and_initials_bind_to_the_next_word() {
        let nb = |s: &str| unbroken(s).replace('\u{a0}', "~");
        assert_eq!(
            nb("Ms A. Kouassi (Côte d'Ivoire)"),
            "Ms~A.~Kouassi (Côte d'Ivoire)"
        );
        assert_eq!(nb("Mr T. Banda"), "Mr~T.~Banda");
        assert_eq!(
            nb("Mme J.-P. Diallo (Sénégal)"),
            "Mme~J.-P.~Diallo (Sénégal)"
        );
        assert_eq!(
            nb("Mr Abdulkarim Ayopo Oloyede"),
            "Mr~Abdulkarim Ayopo Oloyede"
        );
        assert_eq!(nb("Chair of TDAG"), "Chair of TDAG");
        assert_eq!(nb("Ms A.  Double"), "Ms~A.  Double");
        assert_eq!(nb(""), "");
    }
}
