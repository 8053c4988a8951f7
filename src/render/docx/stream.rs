//! The body as it is written: blocks arrive in order, the last paragraphs wait until the
//! block after them is known (which decides whether they stay on its page), then each is
//! written once and the XML goes to the package in pieces.

use super::para::{Paragraph, Role};

/// Where the body's XML goes while it is written (the package's document part).
pub type Sink<'a> = &'a mut dyn FnMut(&str) -> std::io::Result<()>;

/// How much body XML is held before it goes to the sink (a large report's body is
/// hundreds of megabytes).
pub const PIECE: usize = 1 << 20;

/// A block of the body.
#[derive(Debug)]
pub enum Block {
    /// A paragraph.
    Paragraph(Paragraph),
    /// A table, as XML.
    Table(String),
}

/// The keeping rules, applied to the paragraphs waiting (oldest first; adjacent, the last
/// directly before `next`) once the next block is known:
///
/// * a caption stays on the page of whatever follows it;
/// * the text paragraph that introduces a table stays with it;
/// * when a caption introduces a table, so does the paragraph before the caption;
/// * the text paragraph that introduces a list stays with its first item;
/// * headings, code, contents entries and page breaks get nothing (their styles keep
///   headings with what follows).
pub fn keep_with_next(waiting: &mut [Paragraph], next: &Block) {
    let Some((last, before)) = waiting.split_last_mut() else {
        return;
    };
    if last.role() == Role::Caption {
        last.keep_with_next();
    }
    if let Block::Paragraph(item) = next
        && item.is_list_item()
        && last.role() == Role::Text
        && !last.is_list_item()
    {
        last.keep_with_next();
    }
    if !matches!(next, Block::Table(_)) || !matches!(last.role(), Role::Text | Role::Caption) {
        return;
    }
    last.keep_with_next();
    if last.role() == Role::Caption
        && let Some(before) = before.last_mut()
        && matches!(before.role(), Role::Text | Role::Caption)
    {
        before.keep_with_next();
    }
}

/// How the body written so far ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    Nothing,
    Paragraph,
    Table,
    Section,
}

/// The body being written: the paragraphs waiting, the XML not yet sent, the sink.
pub struct Stream<'a> {
    /// Paragraphs whose next block is not known yet: at most two (a caption and the
    /// paragraph before it).
    waiting: Vec<Paragraph>,
    /// The XML written and not yet handed to `sink`.
    out: String,
    sink: Sink<'a>,
    /// How much XML is held before it is sent.
    piece: usize,
    /// The first error of `sink`; nothing more is sent after it.
    failed: Option<std::io::Error>,
    end: End,
    /// Paragraphs are right to left.
    bidi: bool,
}

impl<'a> Stream<'a> {
    /// A stream handing its XML to `sink` in pieces of about `piece` bytes, holding about
    /// `capacity` bytes.
    pub fn new(sink: Sink<'a>, piece: usize, capacity: usize) -> Stream<'a> {
        Stream {
            waiting: Vec::with_capacity(3),
            out: String::with_capacity(capacity),
            sink,
            piece,
            failed: None,
            end: End::Nothing,
            bidi: false,
        }
    }

    /// Writes every paragraph right to left.
    pub fn right_to_left(mut self, bidi: bool) -> Stream<'a> {
        self.bidi = bidi;
        self
    }

    /// Adds the next block: decides what the paragraphs before it keep, writes those that
    /// can no longer change and queues a paragraph.
    pub fn push(&mut self, block: Block) {
        keep_with_next(&mut self.waiting, &block);
        match block {
            Block::Paragraph(p) => {
                // Only the last paragraph waiting may still gain a keep (if `p` is a caption
                // and a table follows it).
                let written = self.waiting.len().saturating_sub(1);
                self.write_waiting(written);
                self.waiting.push(p);
            }
            Block::Table(xml) => {
                self.write_waiting(self.waiting.len());
                self.out.push_str(&xml);
                self.end = End::Table;
            }
        }
    }

    /// Writes the first `n` paragraphs waiting.
    fn write_waiting(&mut self, n: usize) {
        for p in self.waiting.drain(..n) {
            p.write_directed(&mut self.out, self.bidi);
            self.end = match p.role() {
                Role::SectionEnd => End::Section,
                _ => End::Paragraph,
            };
        }
    }

    /// Hands the XML written to the sink once there is a piece of it.
    pub fn send(&mut self) {
        if self.out.len() < self.piece || self.out.is_empty() {
            return;
        }
        if self.failed.is_none()
            && let Err(e) = (self.sink)(&self.out)
        {
            self.failed = Some(e);
        }
        self.out.clear();
    }

    /// Writes what waits and returns the XML not yet sent, ending in a paragraph as Word
    /// expects (an empty body, or one ending in a table or a section break, gets one).
    pub fn finish(mut self) -> std::io::Result<String> {
        self.write_waiting(self.waiting.len());
        if let Some(e) = self.failed {
            return Err(e);
        }
        if self.end != End::Paragraph {
            self.out.push_str("<w:p/>");
        }
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::super::para::Props;
    use super::*;

    fn para(role: Role) -> Paragraph {
        Paragraph::new(Props::default(), role, String::new())
    }

    fn kept(roles: &[Role], next: Block) -> Vec<bool> {
        let mut waiting: Vec<Paragraph> = roles.iter().map(|r| para(*r)).collect();
        keep_with_next(&mut waiting, &next);
        waiting.iter().map(Paragraph::keeps_with_next).collect()
    }

    fn table() -> Block {
        Block::Table(String::new())
    }

    fn text() -> Block {
        Block::Paragraph(para(Role::Text))
    }

    #[test]
    fn the_paragraph_that_introduces_a_table_stays_with_it() {
        assert_eq!(kept(&[Role::Text, Role::Text], table()), [false, true]);
        assert_eq!(kept(&[Role::Text, Role::Text], text()), [false, false]);
    }

    #[test]
    fn a_caption_stays_with_its_table_and_brings_the_paragraph_before() {
        assert_eq!(kept(&[Role::Text, Role::Caption], table()), [true, true]);
        assert_eq!(kept(&[Role::Caption, Role::Caption], table()), [true, true]);
        assert_eq!(kept(&[Role::Caption], table()), [true]);
    }

    #[test]
    fn the_paragraph_that_introduces_a_list_stays_with_its_first_item() {
        let item = || {
            let props = Props {
                number: Some((0, 1)),
                ..Props::default()
            };
            Paragraph::new(props, Role::Text, String::new())
        };
        assert_eq!(kept(&[Role::Text], Block::Paragraph(item())), [true]);
        // An item before the next item is not kept: a list may break between its items.
        let mut waiting = vec![item()];
        keep_with_next(&mut waiting, &Block::Paragraph(item()));
        assert!(!waiting[0].keeps_with_next());
    }

    #[test]
    fn a_caption_stays_with_whatever_follows() {
        assert_eq!(kept(&[Role::Text, Role::Caption], text()), [false, true]);
    }

    #[test]
    fn headings_code_and_section_ends_get_no_keep_of_their_own() {
        assert_eq!(kept(&[Role::Text, Role::Fixed], table()), [false, false]);
        assert_eq!(kept(&[Role::Fixed, Role::Caption], table()), [false, true]);
        assert_eq!(kept(&[Role::SectionEnd], table()), [false]);
    }

    #[test]
    fn paragraphs_wait_for_the_next_block_and_are_written_once() {
        let mut sent = String::new();
        let mut sink = |xml: &str| {
            sent.push_str(xml);
            Ok(())
        };
        let mut stream = Stream::new(&mut sink, 0, 0);
        let body = |style: &str, role| {
            Block::Paragraph(Paragraph::new(Props::styled(style), role, String::new()))
        };
        stream.push(body("A", Role::Text));
        stream.push(body("B", Role::Text));
        stream.push(body("C", Role::Caption));
        stream.send();
        stream.push(Block::Table("<w:tbl/>".into()));
        let rest = stream.finish().unwrap();
        assert_eq!(
            sent + &rest,
            concat!(
                r#"<w:p><w:pPr><w:pStyle w:val="A"/></w:pPr></w:p>"#,
                r#"<w:p><w:pPr><w:pStyle w:val="B"/><w:keepNext/></w:pPr></w:p>"#,
                r#"<w:p><w:pPr><w:pStyle w:val="C"/><w:keepNext/></w:pPr></w:p>"#,
                "<w:tbl/><w:p/>"
            )
        );
    }

    #[test]
    fn a_body_ends_in_a_paragraph() {
        let mut sink = |_: &str| Ok(());
        assert_eq!(Stream::new(&mut sink, 0, 0).finish().unwrap(), "<w:p/>");
        let mut sink = |_: &str| Ok(());
        let mut stream = Stream::new(&mut sink, usize::MAX, 0);
        stream.push(Block::Paragraph(para(Role::SectionEnd)));
        assert_eq!(stream.finish().unwrap(), "<w:p></w:p><w:p/>");
        let mut sink = |_: &str| Ok(());
        let mut stream = Stream::new(&mut sink, usize::MAX, 0);
        stream.push(text());
        assert_eq!(stream.finish().unwrap(), "<w:p></w:p>");
    }
}
