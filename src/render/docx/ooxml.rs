//! Schema order for the XML parts docx-rs renders, and a stable relationship order.
//!
//! docx-rs 0.4.22 writes several property containers (`w:pPr`, `w:rPr`, `w:tblPr`,
//! `w:sectPr`, `w:numPr`, `w:style`, `w:lvl`, …) with their children out of the order
//! the WordprocessingML schema prescribes (e.g. `w:tblStyle` after `w:tblBorders`,
//! `w:headerReference` after `w:pgSz`, `w:numId` before `w:ilvl`). LibreOffice does
//! not care; Word may report "unreadable content" or ignore the property. So
//! [`canonicalize`] parses the (machine-written, entity-escaped) XML into a small
//! tree and stably sorts the children of those containers into schema order.

/// One node of the small XML tree: raw text/markup, or an element with children.
enum Node<'a> {
    Raw(&'a str),
    Elem {
        name: &'a str,
        open: &'a str,
        children: Vec<Node<'a>>,
        close: &'a str,
    },
}

/// Schema order of the children of the containers we canonicalize (local names;
/// `a|b` share a rank).
fn child_order(container: &str) -> Option<&'static str> {
    Some(match container {
        "w:pPr" => concat!(
            "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr ",
            "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap ",
            "overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd ",
            "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc ",
            "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr ",
            "sectPr pPrChange",
        ),
        "w:rPr" => concat!(
            "ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike ",
            "dstrike outline shadow emboss imprint noProof snapToGrid vanish webHidden ",
            "color spacing w kern position sz szCs highlight u effect bdr shd fitText ",
            "vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange",
        ),
        "w:tblPr" => concat!(
            "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize ",
            "tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook ",
            "tblCaption tblDescription tblPrChange",
        ),
        "w:tcPr" => concat!(
            "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection ",
            "tcFitText vAlign hideMark headers cellIns cellDel cellMerge tcPrChange",
        ),
        "w:tblBorders" | "w:tcBorders" | "w:pBdr" => {
            "top left start bottom right end between bar insideH insideV tl2br tr2bl"
        }
        "w:tblCellMar" | "w:tcMar" => "top left start bottom right end",
        "w:sectPr" => concat!(
            "headerReference|footerReference footnotePr endnotePr type pgSz pgMar paperSrc ",
            "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg ",
            "textDirection bidi rtlGutter docGrid printerSettings sectPrChange",
        ),
        "w:style" => concat!(
            "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden ",
            "unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr ",
            "rPr tblPr trPr tcPr tblStylePr",
        ),
        "w:lvl" => concat!(
            "start numFmt lvlRestart pStyle isLgl suff lvlText lvlPicBulletId legacy lvlJc ",
            "pPr rPr",
        ),
        "w:abstractNum" => "nsid multiLevelType tmpl name styleLink numStyleLink lvl",
        "w:num" => "abstractNumId lvlOverride",
        "w:numPr" => "ilvl numId numberingChange ins",
        "w:lvlOverride" => "startOverride lvl",
        "w:docDefaults" => "rPrDefault pPrDefault",
        _ => return None,
    })
}

fn rank(order: &str, child: &Node) -> usize {
    let Node::Elem { name, .. } = child else {
        return usize::MAX;
    };
    let local = name.rsplit(':').next().unwrap_or(name);
    order
        .split_whitespace()
        .position(|entry| entry.split('|').any(|n| n == local))
        .unwrap_or(usize::MAX)
}

/// Splits `xml` into a forest of nodes; `None` when the markup is not balanced.
fn parse(xml: &str) -> Option<Vec<Node<'_>>> {
    let mut stack: Vec<(&str, &str, Vec<Node>)> = Vec::new();
    let mut top: Vec<Node> = Vec::new();
    let mut pos = 0;
    let bytes = xml.as_bytes();
    while pos < xml.len() {
        let (node_end, node) = if bytes[pos] != b'<' {
            let end = xml[pos..].find('<').map_or(xml.len(), |i| pos + i);
            (end, Some(Node::Raw(&xml[pos..end])))
        } else if xml[pos..].starts_with("<?") || xml[pos..].starts_with("<!--") {
            let close = if xml[pos..].starts_with("<?") {
                "?>"
            } else {
                "-->"
            };
            let end = pos + xml[pos..].find(close)? + close.len();
            (end, Some(Node::Raw(&xml[pos..end])))
        } else {
            // Find the end of the tag, skipping quoted attribute values.
            let mut i = pos + 1;
            let mut quote = None;
            while i < xml.len() {
                let b = bytes[i];
                match quote {
                    Some(q) if b == q => quote = None,
                    Some(_) => {}
                    None if b == b'"' || b == b'\'' => quote = Some(b),
                    None if b == b'>' => break,
                    None => {}
                }
                i += 1;
            }
            let end = i + 1;
            if end > xml.len() {
                return None;
            }
            let tag = &xml[pos..end];
            if tag.starts_with("</") {
                let (name, open, children) = stack.pop()?;
                let elem = Node::Elem {
                    name,
                    open,
                    children,
                    close: tag,
                };
                match stack.last_mut() {
                    Some(parent) => parent.2.push(elem),
                    None => top.push(elem),
                }
                pos = end;
                continue;
            }
            let name_end = tag[1..]
                .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
                .map_or(tag.len(), |i| i + 1);
            let name = &tag[1..name_end];
            if tag.ends_with("/>") {
                let elem = Node::Elem {
                    name,
                    open: tag,
                    children: Vec::new(),
                    close: "",
                };
                (end, Some(elem))
            } else {
                stack.push((name, tag, Vec::new()));
                (end, None)
            }
        };
        if let Some(node) = node {
            match stack.last_mut() {
                Some(parent) => parent.2.push(node),
                None => top.push(node),
            }
        }
        pos = node_end;
    }
    stack.is_empty().then_some(top)
}

fn write(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Raw(s) => out.push_str(s),
            Node::Elem {
                open,
                children,
                close,
                ..
            } => {
                out.push_str(open);
                write(children, out);
                out.push_str(close);
            }
        }
    }
}

fn reorder(nodes: &mut [Node]) {
    for node in nodes.iter_mut() {
        if let Node::Elem { name, children, .. } = node {
            reorder(children);
            if let Some(order) = child_order(name) {
                children.sort_by_key(|c| rank(order, c));
            }
        }
    }
}

/// Reorders the children of WordprocessingML property containers into schema order.
/// Returns the input unchanged if it cannot be split into balanced elements.
pub(super) fn canonicalize(xml: Vec<u8>) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(&xml) else {
        return xml;
    };
    let Some(mut nodes) = parse(text) else {
        return xml;
    };
    reorder(&mut nodes);
    let mut out = String::with_capacity(text.len());
    write(&nodes, &mut out);
    out.into_bytes()
}

/// Sorts the hyperlink relationships of `word/_rels/document.xml.rels` by their
/// number: docx-rs collects them through a `HashMap`, so their order otherwise
/// changes from one process to the next.
pub(super) fn sort_relationships(xml: Vec<u8>) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(&xml) else {
        return xml;
    };
    let Some(mut nodes) = parse(text) else {
        return xml;
    };
    for node in nodes.iter_mut() {
        if let Node::Elem {
            name: "Relationships",
            children,
            ..
        } = node
        {
            children.sort_by_key(|c| match c {
                Node::Elem { open, .. } => open
                    .split("Id=\"rIdHyperlink")
                    .nth(1)
                    .and_then(|rest| rest.split('"').next())
                    .and_then(|n| n.parse::<usize>().ok())
                    .map_or((0, 0), |n| (1, n)),
                Node::Raw(_) => (0, 0),
            });
        }
    }
    let mut out = String::with_capacity(text.len());
    write(&nodes, &mut out);
    out.into_bytes()
}
