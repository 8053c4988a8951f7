//! Inline runs and context paragraphs: lists, quotes, headings with bookmarks.

use docx_rs::{
    Hyperlink, HyperlinkType, IndentLevel, LineSpacing, NumberingId, Paragraph, Run,
    SpecialIndentType,
};
use pulldown_cmark::HeadingLevel;

use super::{Block, Container, HeadingInfo, Piece, Writer, clean, styles};

impl Writer {
    pub(super) fn text(&mut self, text: &str, code: bool) {
        let text = clean(text);
        if text.is_empty() {
            return;
        }
        if self.table.is_some() {
            self.cell_text.push_str(&text);
        }
        let mut run = Run::new();
        if code {
            run = run.style(styles::VERBATIM);
        } else if matches!(self.link, Some(Some(_))) {
            run = run.style(styles::HYPERLINK);
        }
        if self.bold > 0 {
            run = run.bold();
        }
        if self.italic > 0 {
            run = run.italic();
        }
        if self.strike > 0 {
            run = run.strike();
        }
        self.push_run(run.add_text(text));
    }

    pub(super) fn push_run(&mut self, run: Run) {
        match self.link.as_mut() {
            Some(Some(h)) => {
                *h = std::mem::replace(h, Hyperlink::new("", HyperlinkType::Anchor)).add_run(run)
            }
            _ => self.pieces.push(Piece::Run(Box::new(run))),
        }
    }

    pub(super) fn list_depth(&self) -> usize {
        self.containers
            .iter()
            .filter(|c| matches!(c, Container::List { .. }))
            .count()
    }

    /// Writes pending inline content (if any) as a paragraph of the current context.
    pub(super) fn flush(&mut self) {
        if self.table.is_none() && !self.pieces.is_empty() {
            self.emit_paragraph(None);
        }
    }

    /// Writes the pending inline content as a heading or a context paragraph.
    pub(super) fn emit_paragraph(&mut self, heading: Option<HeadingInfo>) {
        let pieces = std::mem::take(&mut self.pieces);
        let mut p = self.para();
        if let Some(h) = heading {
            p = p.style(&h.style);
            let bookmark = h.id.filter(|id| !id.is_empty()).map(|id| {
                self.bookmark_seq += 1;
                (self.bookmark_seq, bookmark_name(&id))
            });
            if let Some((id, name)) = &bookmark {
                p = p.add_bookmark_start(*id, name);
            }
            p = add_pieces(p, pieces);
            if let Some((id, _)) = bookmark {
                p = p.add_bookmark_end(id);
            }
            self.blocks.push(Block::Paragraph(Box::new(p)));
            self.gap_before = 0;
            return;
        }
        let depth = self.list_depth();
        let quotes = self
            .containers
            .iter()
            .filter(|c| matches!(c, Container::Quote))
            .count();
        let list_indent = depth.checked_sub(1).map_or(0, styles::list_indent);
        let innermost_list = self
            .containers
            .iter()
            .rposition(|c| matches!(c, Container::List { .. }));
        let quotes_outside = self.containers[..innermost_list.unwrap_or(0)]
            .iter()
            .filter(|c| matches!(c, Container::Quote))
            .count();
        let num_id = self.containers.iter().rev().find_map(|c| match c {
            Container::List { num_id } => Some(*num_id),
            _ => None,
        });
        let innermost = self
            .containers
            .iter_mut()
            .rev()
            .find(|c| matches!(c, Container::Item { .. } | Container::Quote));
        let mut spacing = None;
        match innermost {
            Some(Container::Item { fresh }) => {
                p = p.style(styles::LIST_PARAGRAPH);
                // A list inside a block quote moves right with the quote.
                let shift = 567 * quotes_outside as i32;
                if std::mem::replace(fresh, false) {
                    let id = num_id.unwrap_or(1);
                    p = p.numbering(NumberingId::new(id), IndentLevel::new(depth - 1));
                    if shift > 0 {
                        let hanging = Some(SpecialIndentType::Hanging(360));
                        p = p.indent(Some(list_indent + shift), hanging, None, None);
                    }
                } else {
                    p = p.indent(Some(list_indent + shift), None, None, None);
                }
                // Items of a loose list (with paragraphs) are spaced like paragraphs.
                if self.in_paragraph {
                    spacing = Some(LineSpacing::new().after(120));
                }
            }
            Some(_) => {
                let left = 567 * quotes as i32 + list_indent;
                p = p
                    .style(styles::QUOTE)
                    .indent(Some(left), None, Some(567), None);
            }
            None => {}
        }
        let gap = std::mem::take(&mut self.gap_before);
        if gap > 0 {
            spacing = Some(spacing.unwrap_or_default().before(gap));
        }
        if let Some(spacing) = spacing {
            p = p.line_spacing(spacing);
        }
        p = add_pieces(p, pieces);
        self.blocks.push(Block::Paragraph(Box::new(p)));
    }
}

/// Word bookmark name for a heading id: letters, digits and `_`, at most 40 chars.
pub(super) fn bookmark_name(id: &str) -> String {
    let mut name: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        name.insert_str(0, "h_");
    }
    if name.len() > 40 {
        // Keep long names unique: prefix plus a hash (FNV-1a) of the whole id.
        let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        name = format!("{}_{:08x}", &name[..31], hash as u32);
    }
    name
}

pub(super) fn heading_number(level: HeadingLevel) -> usize {
    level as usize
}

/// `http:`, `https:`, `mailto:` … — anything else is not a link Word can follow.
pub(super) fn has_scheme(url: &str) -> bool {
    url.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

pub(super) fn add_pieces(mut p: Paragraph, pieces: Vec<Piece>) -> Paragraph {
    for piece in pieces {
        p = match piece {
            Piece::Run(r) => p.add_run(*r),
            Piece::Link(h) => p.add_hyperlink(*h),
        };
    }
    p
}
