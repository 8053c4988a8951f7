//! The block containers the writer is inside (lists, their items, quotations) and what they
//! make of a paragraph: its style, number, indents and spacing.

use super::para::{Props, Role};
use super::styles;
use crate::render::ParagraphKind;

/// One open container.
enum Container {
    List {
        num_id: usize,
    },
    /// `fresh` until the item's first paragraph (which carries the number) is written.
    Item {
        fresh: bool,
    },
    Quote,
}

/// The open containers, outermost first.
#[derive(Default)]
pub struct Nesting {
    open: Vec<Container>,
}

impl Nesting {
    /// Opens a block quotation.
    pub fn open_quote(&mut self) {
        self.open.push(Container::Quote);
    }

    /// Opens a list whose numbering instance is `num_id`.
    pub fn open_list(&mut self, num_id: usize) {
        self.open.push(Container::List { num_id });
    }

    /// Opens a list item.
    pub fn open_item(&mut self) {
        self.open.push(Container::Item { fresh: true });
    }

    /// Closes the innermost container.
    pub fn close(&mut self) {
        self.open.pop();
    }

    /// Nothing is open: a paragraph here is top-level body text.
    pub fn is_empty(&self) -> bool {
        self.open.is_empty()
    }

    /// How many lists are open.
    pub fn list_depth(&self) -> usize {
        self.open
            .iter()
            .filter(|c| matches!(c, Container::List { .. }))
            .count()
    }

    /// The innermost container is an item whose number is not written yet.
    pub fn item_unnumbered(&self) -> bool {
        matches!(self.open.last(), Some(Container::Item { fresh: true }))
    }

    /// Properties and role of the next paragraph here (list item, quotation, or a
    /// top-level caption, note, source or body text); `loose` when it is a Markdown
    /// paragraph (in a list item: the list is loose). The first paragraph of an item takes
    /// its number.
    pub fn paragraph(&mut self, loose: bool, kind: Option<ParagraphKind>) -> (Props, Role) {
        let mut props = Props::default();
        let depth = self.list_depth();
        let list_indent = depth.checked_sub(1).map_or(0, styles::list_indent);
        let innermost_list = self
            .open
            .iter()
            .rposition(|c| matches!(c, Container::List { .. }));
        let quotes_outside = self.open[..innermost_list.unwrap_or(0)]
            .iter()
            .filter(|c| matches!(c, Container::Quote))
            .count() as u32;
        let quotes = self
            .open
            .iter()
            .filter(|c| matches!(c, Container::Quote))
            .count() as u32;
        let num_id = self.open.iter().rev().find_map(|c| match c {
            Container::List { num_id } => Some(*num_id),
            _ => None,
        });
        let innermost = self
            .open
            .iter_mut()
            .rev()
            .find(|c| matches!(c, Container::Item { .. } | Container::Quote));
        let mut role = Role::Text;
        match innermost {
            Some(Container::Item { fresh }) => {
                props.style = Some(styles::LIST_PARAGRAPH.into());
                // A list inside a block quote moves right with the quote.
                let shift = 567 * quotes_outside;
                if std::mem::replace(fresh, false) {
                    props.number = Some((depth - 1, num_id.unwrap_or(1)));
                    if shift > 0 {
                        props.indent = Some((list_indent + shift, Some(360), None));
                    }
                } else {
                    props.indent = Some((list_indent + shift, None, None));
                }
                // Items of a loose list (with paragraphs) are spaced like paragraphs.
                if loose {
                    props.after = Some(120);
                }
            }
            Some(_) => {
                props.style = Some(styles::QUOTE.into());
                props.indent = Some((567 * quotes + list_indent, None, Some(567)));
            }
            None => match kind {
                Some(ParagraphKind::Caption) => {
                    props.style = Some(styles::CAPTION.into());
                    role = Role::Caption;
                }
                Some(ParagraphKind::Note) => props.style = Some(styles::NOTE.into()),
                Some(ParagraphKind::Source) => props.style = Some(styles::SOURCE.into()),
                None => {}
            },
        }
        (props, role)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_numbers_its_first_paragraph_only() {
        let mut n = Nesting::default();
        n.open_list(3);
        n.open_item();
        assert!(n.item_unnumbered());
        let (first, role) = n.paragraph(false, None);
        assert_eq!((first.number, role), (Some((0, 3)), Role::Text));
        let (second, _) = n.paragraph(true, None);
        assert_eq!(
            (second.number, second.indent, second.after),
            (None, Some((720, None, None)), Some(120))
        );
    }

    #[test]
    fn only_a_top_level_caption_is_a_caption() {
        let mut n = Nesting::default();
        let (props, role) = n.paragraph(true, Some(ParagraphKind::Caption));
        assert_eq!(
            (props.style.as_deref(), role),
            (Some(styles::CAPTION), Role::Caption)
        );
        n.open_quote();
        let (props, role) = n.paragraph(true, Some(ParagraphKind::Caption));
        assert_eq!(
            (props.style.as_deref(), role),
            (Some(styles::QUOTE), Role::Text)
        );
    }
}
