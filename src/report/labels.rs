//! Display labels for reference ids and findings.

/// "Resolution 37", "Question 1/1", "Recommendation ITU-D 19", "Action Plan", "New text".
pub fn target_long(target: Option<&str>) -> String {
    label(
        target,
        [
            "Resolution ",
            "Question ",
            "Recommendation ITU-",
            "Action Plan",
            "Declaration",
            "New text",
            "No target",
        ],
    )
}

/// "Res. 37", "Q. 1/1", "Rec. D.19", "Action Plan", "Decl.", "New": for the convergence matrix.
pub fn target_short(target: Option<&str>) -> String {
    label(
        target,
        ["Res. ", "Q. ", "Rec. ", "Action Plan", "Decl.", "New", "—"],
    )
}

fn label(target: Option<&str>, words: [&str; 7]) -> String {
    let [res, q, rec, plan, decl, new, none] = words;
    let Some(t) = target else {
        return none.to_string();
    };
    if let Some(n) = t.strip_prefix("res-") {
        format!("{res}{n}")
    } else if let Some(n) = t.strip_prefix("q-") {
        format!("{q}{n}")
    } else if let Some(rest) = t.strip_prefix("rec-") {
        let (sector, n) = rest.split_once('-').unwrap_or(("d", rest));
        let sep = if rec.ends_with('-') { " " } else { "." };
        format!("{rec}{}{sep}{n}", sector.to_uppercase())
    } else {
        match t {
            "action-plan" => plan.to_string(),
            "declaration" => decl.to_string(),
            "new" => new.to_string(),
            other => other.to_string(),
        }
    }
}

/// "Africa, Americas and Europe".
pub fn join_and(items: &[String]) -> String {
    join_with(items, "and")
}

/// "Africa, Americas {and} Europe", with the word for "and" of a report language.
pub fn join_with(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_every_kind_of_reference() {
        assert_eq!(target_long(Some("res-37")), "Resolution 37");
        assert_eq!(target_long(Some("rec-d-19")), "Recommendation ITU-D 19");
        assert_eq!(target_short(Some("rec-d-19")), "Rec. D.19");
        assert_eq!(target_short(Some("q-1/1")), "Q. 1/1");
        assert_eq!(target_long(Some("new")), "New text");
        assert_eq!(target_long(None), "No target");
        assert_eq!(
            join_and(&["A".into(), "B".into(), "C".into()]),
            "A, B and C"
        );
    }
}
