//! Display labels for reference ids, from the message catalogue of the report language.

use crate::messages::Catalogue;

/// "Resolution 37", "Question 1/1", "Recommendation ITU-D 19", "Action Plan", "New text"
/// (catalogue keys `target.*`).
pub fn target_long(target: Option<&str>, cat: &Catalogue) -> String {
    label(target, cat, "target")
}

/// "Res. 37", "Q. 1/1", "Rec. D.19", "Action Plan", "Decl.", "New": for the convergence matrix
/// (catalogue keys `short.*`).
pub fn target_short(target: Option<&str>, cat: &Catalogue) -> String {
    label(target, cat, "short")
}

fn label(target: Option<&str>, cat: &Catalogue, form: &str) -> String {
    let text = |kind: &str, params: &[String]| cat.text(&format!("{form}.{kind}"), params);
    let Some(t) = target else {
        return text("none", &[]);
    };
    if let Some(n) = t.strip_prefix("res-") {
        text("res", &[n.to_string()])
    } else if let Some(n) = t.strip_prefix("q-") {
        text("q", &[n.to_string()])
    } else if let Some(rest) = t.strip_prefix("rec-") {
        let (sector, n) = rest.split_once('-').unwrap_or(("d", rest));
        text("rec", &[sector.to_uppercase(), n.to_string()])
    } else if matches!(t, "action-plan" | "declaration" | "new") {
        text(t, &[])
    } else {
        t.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages;

    #[test]
    fn labels_every_kind_of_reference() {
        let (en, fr) = (messages::of("en"), messages::of("fr"));
        assert_eq!(target_long(Some("res-37"), en), "Resolution 37");
        assert_eq!(target_long(Some("res-37"), fr), "Résolution 37");
        assert_eq!(target_long(Some("rec-d-19"), en), "Recommendation ITU-D 19");
        // Short forms never break between their parts (a no-break space).
        assert_eq!(target_short(Some("rec-d-19"), en), "Rec.\u{a0}D.19");
        assert_eq!(target_short(Some("q-1/1"), en), "Q.\u{a0}1/1");
        assert_eq!(target_long(Some("new"), en), "New text");
        assert_eq!(target_long(None, en), "No target");
        let abc = ["A".to_string(), "B".into(), "C".into()];
        assert_eq!(en.join(&abc), "A, B and C");
    }
}
