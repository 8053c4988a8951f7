//! Page geometry, the style sheet, list numbering definitions and the page header.

use docx_rs::{
    AbstractNumbering, BorderType, Docx, Header, Level, LevelJc, LevelText, LineSpacing,
    LineSpacingType, NumberFormat, PageNum, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, RunFonts, Shading, ShdType, SpecialIndentType, Start, Style, StyleType, Tab,
    TabValueType, TableBorder, TableBorderPosition, TableBorders, TableCellMargins, WidthType,
};

/// A4 portrait, in twentieths of a point (twips).
pub(super) const PAGE_WIDTH: u32 = 11906;
pub(super) const PAGE_HEIGHT: u32 = 16838;
/// 2 cm left/right, 2.5 cm top/bottom, header 1.25 cm from the edge.
pub(super) const MARGIN_SIDE: i32 = 1134;
pub(super) const MARGIN_TOP_BOTTOM: i32 = 1418;
pub(super) const HEADER_DISTANCE: i32 = 709;
/// Width of the text block: what a full-width table may use.
pub(super) const TEXT_WIDTH: usize = PAGE_WIDTH as usize - 2 * MARGIN_SIDE as usize;

/// Body font (Carlito is its metric-compatible substitute on Linux).
const FONT: &str = "Calibri";
const MONO: &str = "Consolas";
/// Dark blue of headings and the title; grey of secondary text.
const ACCENT: &str = "1F4E79";
const GREY: &str = "404040";
pub(super) const TABLE_HEADER_FILL: &str = "DCE6F1";
const RULE: &str = "8EA9C1";

/// Style ids used by the writer.
pub(super) const TITLE: &str = "Title";
pub(super) const SUBTITLE: &str = "Subtitle";
pub(super) const LIST_PARAGRAPH: &str = "ListParagraph";
pub(super) const QUOTE: &str = "Quote";
pub(super) const TABLE_TEXT: &str = "TableText";
pub(super) const SOURCE_CODE: &str = "SourceCode";
pub(super) const HYPERLINK: &str = "Hyperlink";
pub(super) const VERBATIM: &str = "VerbatimChar";
pub(super) const TABLE_STYLE: &str = "ReportTable";
const HEADER: &str = "Header";

/// Abstract numbering ids (docx-rs reserves abstractNum/num 1 for its own default).
pub(super) const BULLET_ABSTRACT: usize = 2;
pub(super) const ORDERED_ABSTRACT: usize = 3;
/// Left indent of list level `level` (the hanging label sits 360 twips before it).
pub(super) fn list_indent(level: usize) -> i32 {
    720 + 360 * level as i32
}

pub(super) fn heading_style(level: usize) -> String {
    format!("Heading{}", level.clamp(1, 4))
}

fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new().before(before).after(after)
}

fn paragraph_style(id: &str, name: &str) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
}

fn heading(level: usize, size: usize, before: u32, after: u32, italic: bool) -> Style {
    let mut s = paragraph_style(&heading_style(level), &format!("heading {level}"))
        .size(size)
        .bold()
        .color(ACCENT)
        .line_spacing(spacing(before, after))
        .outline_lvl(level - 1);
    if italic {
        s = s.italic();
    }
    s.paragraph_property = s.paragraph_property.keep_next(true).keep_lines(true);
    s
}

/// Applies page size, margins, document defaults (the Normal style) and all styles.
pub(super) fn apply(docx: Docx) -> Docx {
    let mut title = paragraph_style(TITLE, "Title")
        .size(52)
        .bold()
        .color(ACCENT)
        .line_spacing(spacing(1200, 240));
    title.paragraph_property = title.paragraph_property.keep_next(true);
    let mut subtitle = paragraph_style(SUBTITLE, "Subtitle")
        .size(30)
        .color(GREY)
        .line_spacing(spacing(0, 480));
    subtitle.paragraph_property = subtitle.paragraph_property.keep_next(true);

    let mut quote = paragraph_style(QUOTE, "Quote").italic().color(GREY).indent(
        Some(567),
        None,
        Some(567),
        None,
    );
    quote.paragraph_property = quote.paragraph_property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Left)
                .val(BorderType::Single)
                .size(18)
                .space(8)
                .color(RULE),
        ),
    );

    let mut code = paragraph_style(SOURCE_CODE, "Source Code")
        .fonts(RunFonts::new().ascii(MONO).hi_ansi(MONO).cs(MONO))
        .size(19)
        .line_spacing(spacing(0, 120).line(240).line_rule(LineSpacingType::Auto));
    code.paragraph_property = code.paragraph_property.shading(
        Shading::new()
            .shd_type(ShdType::Clear)
            .color("auto")
            .fill("F2F2F2"),
    );

    let mut header = paragraph_style(HEADER, "header").size(18).color(GREY);
    header.paragraph_property = header.paragraph_property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(4)
                .space(4)
                .color(RULE),
        ),
    );

    docx.page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .default_tab_stop(720)
        .page_margin(
            docx_rs::PageMargin::new()
                .top(MARGIN_TOP_BOTTOM)
                .bottom(MARGIN_TOP_BOTTOM)
                .left(MARGIN_SIDE)
                .right(MARGIN_SIDE)
                .header(HEADER_DISTANCE)
                .footer(HEADER_DISTANCE)
                .gutter(0),
        )
        .default_fonts(
            RunFonts::new()
                .ascii(FONT)
                .hi_ansi(FONT)
                .east_asia(FONT)
                .cs(FONT),
        )
        .default_size(22)
        .default_line_spacing(spacing(0, 120).line(264).line_rule(LineSpacingType::Auto))
        .add_style(title)
        .add_style(subtitle)
        .add_style(heading(1, 32, 360, 120, false))
        .add_style(heading(2, 26, 280, 100, false))
        .add_style(heading(3, 23, 240, 80, false))
        .add_style(heading(4, 22, 200, 60, true))
        .add_style(paragraph_style(LIST_PARAGRAPH, "List Paragraph").line_spacing(spacing(0, 60)))
        .add_style(quote)
        .add_style(
            paragraph_style(TABLE_TEXT, "Table Text")
                .size(18)
                .line_spacing(spacing(20, 20).line(240).line_rule(LineSpacingType::Auto)),
        )
        .add_style(code)
        .add_style(header)
        .add_style(
            Style::new(HYPERLINK, StyleType::Character)
                .name("Hyperlink")
                .color("0563C1")
                .underline("single"),
        )
        .add_style(
            Style::new(VERBATIM, StyleType::Character)
                .name("Verbatim Char")
                .fonts(RunFonts::new().ascii(MONO).hi_ansi(MONO).cs(MONO))
                .size(20),
        )
        .add_style(
            Style::new(TABLE_STYLE, StyleType::Table)
                .name("Report Table")
                .set_borders(table_borders())
                .margins(table_margins()),
        )
        .add_abstract_numbering(list_levels(BULLET_ABSTRACT, false))
        .add_abstract_numbering(list_levels(ORDERED_ABSTRACT, true))
}

pub(super) fn table_borders() -> TableBorders {
    let border = |pos| {
        TableBorder::new(pos)
            .border_type(BorderType::Single)
            .size(4)
            .color(RULE)
    };
    TableBorders::new()
        .set(border(TableBorderPosition::Top))
        .set(border(TableBorderPosition::Left))
        .set(border(TableBorderPosition::Bottom))
        .set(border(TableBorderPosition::Right))
        .set(border(TableBorderPosition::InsideH))
        .set(border(TableBorderPosition::InsideV))
}

pub(super) fn table_margins() -> TableCellMargins {
    TableCellMargins::new()
        .margin_top(28, WidthType::Dxa)
        .margin_bottom(28, WidthType::Dxa)
        .margin_left(85, WidthType::Dxa)
        .margin_right(85, WidthType::Dxa)
}

/// Nine list levels: bullets • ◦ ▪ or numbers 1. a. i., repeating every three levels.
fn list_levels(id: usize, ordered: bool) -> AbstractNumbering {
    let mut abs = AbstractNumbering::new(id);
    for level in 0..9 {
        let (format, text) = if ordered {
            match level % 3 {
                0 => ("decimal", format!("%{}.", level + 1)),
                1 => ("lowerLetter", format!("%{}.", level + 1)),
                _ => ("lowerRoman", format!("%{}.", level + 1)),
            }
        } else {
            ("bullet", ["•", "◦", "▪"][level % 3].to_string())
        };
        abs = abs.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new(format),
                LevelText::new(text),
                LevelJc::new("left"),
            )
            .indent(
                Some(list_indent(level)),
                Some(SpecialIndentType::Hanging(360)),
                None,
                None,
            ),
        );
    }
    abs
}

/// Page header: the document symbol on the left, the page number on the right.
pub(super) fn header(symbol: &str, para_id: String) -> Header {
    let p = Paragraph::new()
        .id(para_id)
        .style(HEADER)
        .add_tab(Tab::new().val(TabValueType::Right).pos(TEXT_WIDTH))
        .add_run(docx_rs::Run::new().add_text(symbol).add_tab())
        .add_page_num(PageNum::new());
    Header::new().add_paragraph(p)
}
