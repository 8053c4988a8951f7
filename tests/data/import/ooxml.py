"""Tiny WordprocessingML writer used by make_fixtures.py.

It writes the XML the way Word does (split runs carrying rsids, w14:paraId,
tracked changes with ids/authors/dates, fields as fldChar runs, ...) and, from
the same inline model, derives the plain / accepted / CriticMarkup text that
goes into expected.json.  Standard library only.
"""
import hashlib
import zipfile
from xml.sax.saxutils import escape as _esc

FIXED_ZIP_DT = (2025, 10, 6, 9, 30, 0)

NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:o="urn:schemas-microsoft-com:office:office" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:w10="urn:schemas-microsoft-com:office:word" '
      'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
      'mc:Ignorable="w14 w15"')

XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def esc(s):
    return _esc(s, {'"': '&quot;'})


# ---------------------------------------------------------------- inline model
class T:
    """Formatted text.  rev='ins'/'del' marks revision done as formatting
    (underline = added, strike = deleted), as in copy-and-paste documents."""
    def __init__(self, text, b=False, i=False, u=False, strike=False, caps=False,
                 color=None, style=None, sup=False, rev=None, lang=None):
        self.text, self.b, self.i, self.u, self.strike = text, b, i, u, strike
        self.caps, self.color, self.style, self.sup, self.rev, self.lang = caps, color, style, sup, rev, lang


def B(t): return T(t, b=True)
def I(t): return T(t, i=True)
def FmtIns(t, color='0000FF'): return T(t, u=True, color=color, rev='ins')
def FmtDel(t, color='FF0000'): return T(t, strike=True, color=color, rev='del')


class Ins:
    def __init__(self, items, author, date, pieces=1):
        self.items = items if isinstance(items, list) else [items]
        self.author, self.date, self.pieces = author, date, pieces


class Del(Ins):
    pass


class MoveFrom:
    def __init__(self, text, name, author, date):
        self.text, self.name, self.author, self.date = text, name, author, date


class MoveTo(MoveFrom):
    pass


class RPrChange:
    """Text whose formatting (bold) was changed with tracking on: no text change."""
    def __init__(self, text, author, date):
        self.text, self.author, self.date = text, author, date


class Fn:
    def __init__(self, text):
        self.text = text


class Link:
    def __init__(self, text, url):
        self.text, self.url = text, url


class Cmt:
    def __init__(self, items, comment, author, date, initials):
        self.items = items if isinstance(items, list) else [items]
        self.comment, self.author, self.date, self.initials = comment, author, date, initials


class Fld:
    def __init__(self, instr, result, simple=False):
        self.instr, self.result, self.simple = instr, result, simple


class ProofErr:
    def __init__(self, text, kind='spell'):
        self.text, self.kind = text, kind


class Bookmark:
    def __init__(self, name, items):
        self.name = name
        self.items = items if isinstance(items, list) else [items]


class SmartTag:
    def __init__(self, element, text):
        self.element, self.text = element, text


class SdtText:
    def __init__(self, text, tag, alias):
        self.text, self.tag, self.alias = text, tag, alias


class PageBreakMark:
    """w:lastRenderedPageBreak (layout cache written by Word, not a break)."""


class Raw:
    def __init__(self, xml, text=''):
        self.xml, self.text = xml, text


# ------------------------------------------------------------ text extraction
def _norm(s):
    return (s.replace('\u2011', '-').replace('\u00ad', '')
             .replace('\t', ' ').replace('\n', ' '))


def text_of(items, view='accepted'):
    """view: 'accepted' (insertions kept, deletions dropped),
    'critic' (CriticMarkup), 'original' (before the changes)."""
    out = []
    for it in items:
        if isinstance(it, str):
            out.append(_norm(it))
        elif isinstance(it, T):
            t = _norm(it.text)
            if it.rev == 'ins':
                out.append({'accepted': t, 'original': '', 'critic': '{++%s++}' % t}[view])
            elif it.rev == 'del':
                out.append({'accepted': '', 'original': t, 'critic': '{--%s--}' % t}[view])
            else:
                out.append(t)
        elif isinstance(it, Del):
            t = text_of(it.items, 'accepted')
            out.append({'accepted': '', 'original': t, 'critic': '{--%s--}' % t}[view])
        elif isinstance(it, Ins):
            t = text_of(it.items, 'accepted')
            out.append({'accepted': t, 'original': '', 'critic': '{++%s++}' % t}[view])
        elif isinstance(it, MoveTo):
            t = _norm(it.text)
            out.append({'accepted': t, 'original': '', 'critic': '{++%s++}' % t}[view])
        elif isinstance(it, MoveFrom):
            t = _norm(it.text)
            out.append({'accepted': '', 'original': t, 'critic': '{--%s--}' % t}[view])
        elif isinstance(it, (Cmt, Bookmark)):
            out.append(text_of(it.items, view))
        elif isinstance(it, (RPrChange, ProofErr, SmartTag, SdtText, Link)):
            out.append(_norm(it.text))
        elif isinstance(it, Fld):
            out.append(_norm(it.result))
        elif isinstance(it, Raw):
            out.append(it.text)
        # Fn, PageBreakMark: no text in the paragraph itself
    return ''.join(out)


def changes_of(items):
    ch = []
    for it in items:
        if isinstance(it, Del):
            t = text_of(it.items)
            ch.append({'type': 'del', 'text': t, 'critic': '{--%s--}' % t, 'author': it.author, 'date': it.date})
        elif isinstance(it, Ins):
            t = text_of(it.items)
            ch.append({'type': 'ins', 'text': t, 'critic': '{++%s++}' % t, 'author': it.author, 'date': it.date})
        elif isinstance(it, MoveTo):
            t = _norm(it.text)
            ch.append({'type': 'move_to', 'move': it.name, 'text': t, 'critic': '{++%s++}' % t,
                       'author': it.author, 'date': it.date})
        elif isinstance(it, MoveFrom):
            t = _norm(it.text)
            ch.append({'type': 'move_from', 'move': it.name, 'text': t, 'critic': '{--%s--}' % t,
                       'author': it.author, 'date': it.date})
        elif isinstance(it, T) and it.rev:
            t = _norm(it.text)
            ch.append({'type': it.rev, 'via': 'underline' if it.rev == 'ins' else 'strike', 'text': t,
                       'critic': ('{++%s++}' if it.rev == 'ins' else '{--%s--}') % t, 'author': None, 'date': None})
        elif isinstance(it, (Cmt, Bookmark)):
            ch.extend(changes_of(it.items))
    return ch


# ----------------------------------------------------------------- the writer
class Rng:
    def __init__(self, seed):
        self.s = int(hashlib.sha256(seed.encode()).hexdigest()[:16], 16)

    def next(self, n):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (self.s >> 33) % n


class Doc:
    def __init__(self, name, lang='en-GB', word_like=True, track=False, title='', creator='', created='2025-09-01T08:00:00Z'):
        self.name, self.lang, self.word_like, self.track = name, lang, word_like, track
        self.title, self.creator, self.created = title, creator, created
        self.rng = Rng(name)
        self.rsids = [hashlib.md5(('%s-%d' % (name, i)).encode()).hexdigest()[:8].upper() for i in range(7)]
        self.body = []
        self.footnotes = []          # xml of w:footnote id>=1
        self.comments = []           # xml of w:comment
        self.hyperlinks = []         # (rid, url)
        self.nums = []               # (numId, abstractId, start)
        self.ids = {'chg': 100, 'bm': 0, 'cmt': 0, 'fn': 0, 'num': 0}
        self.footer = None
        self.header = None
        self.stats = {'fields': [], 'footnotes': 0, 'comment_paragraphs': 0, 'comments': 0,
                      'tracked': {'ins': 0, 'del': 0, 'moveFrom': 0, 'moveTo': 0, 'rPrChange': 0, 'pPrIns': 0}}
        self._para_has_comment = False

    # -- helpers
    def rsid(self):
        return self.rsids[self.rng.next(len(self.rsids))]

    def cid(self):
        self.ids['chg'] += 1
        return self.ids['chg']

    def new_num(self, abstract, start=None):
        self.ids['num'] += 1
        self.nums.append((self.ids['num'], abstract, start))
        return self.ids['num']

    # -- runs
    def _rpr(self, f, extra=''):
        if f is None:
            return '<w:rPr>%s</w:rPr>' % extra if extra else ''
        p = []
        if f.style: p.append('<w:rStyle w:val="%s"/>' % f.style)
        if f.b: p.append('<w:b/><w:bCs/>')
        if f.i: p.append('<w:i/><w:iCs/>')
        if f.caps: p.append('<w:caps/>')
        if f.strike: p.append('<w:strike/>')
        if f.color: p.append('<w:color w:val="%s"/>' % f.color)
        if f.u: p.append('<w:u w:val="single"/>')
        if f.sup: p.append('<w:vertAlign w:val="superscript"/>')
        if f.lang: p.append('<w:lang w:val="%s"/>' % f.lang)
        p.append(extra)
        s = ''.join(p)
        return '<w:rPr>%s</w:rPr>' % s if s else ''

    def _content(self, text, deleted=False):
        tag = 'w:delText' if deleted else 'w:t'
        out, buf = [], []

        def flush():
            if buf:
                s = ''.join(buf)
                sp = ' xml:space="preserve"' if (s[:1].isspace() or s[-1:].isspace() or '  ' in s) else ''
                out.append('<%s%s>%s</%s>' % (tag, sp, esc(s), tag))
                buf.clear()
        for ch in text:
            special = {'\t': '<w:tab/>', '\n': '<w:br/>', '\u2011': '<w:noBreakHyphen/>',
                       '\u00ad': '<w:softHyphen/>'}.get(ch)
            if special:
                flush()
                out.append(special)
            else:
                buf.append(ch)
        flush()
        return ''.join(out)

    def _split(self, text):
        """Split text where Word would (anywhere, mid-word included)."""
        if not self.word_like or len(text) < 6:
            return [text]
        parts, i = [], 0
        while i < len(text):
            n = 3 + self.rng.next(38)
            parts.append(text[i:i + n])
            i += n
        return parts

    def runs(self, text, f=None, deleted=False, extra_rpr='', split=True):
        out = []
        for part in (self._split(text) if split else [text]):
            attrs = ''
            if self.word_like:
                r = self.rsid()
                attrs = ' w:rsidR="%s"' % r
                if f is not None or extra_rpr:
                    attrs += ' w:rsidRPr="%s"' % r
                if deleted:
                    attrs = ' w:rsidDel="%s"' % self.rsids[-1] + attrs
            out.append('<w:r%s>%s%s</w:r>' % (attrs, self._rpr(f, extra_rpr), self._content(part, deleted)))
        return ''.join(out)

    def _chg_attrs(self, it):
        return 'w:id="%d" w:author="%s" w:date="%s"' % (self.cid(), esc(it.author), it.date)

    def inline(self, items, deleted=False):
        out = []
        for it in items:
            if isinstance(it, str):
                out.append(self.runs(it, deleted=deleted))
            elif isinstance(it, T):
                out.append(self.runs(it.text, it, deleted=deleted))
            elif isinstance(it, Del):
                self.stats['tracked']['del'] += 1
                out.append('<w:del %s>%s</w:del>' % (self._chg_attrs(it), self.inline(it.items, deleted=True)))
            elif isinstance(it, Ins):
                # Word often writes one insertion as several adjacent w:ins (same author, date)
                self.stats['tracked']['ins'] += max(1, it.pieces)
                if it.pieces > 1 and len(it.items) == 1 and isinstance(it.items[0], str):
                    s = it.items[0]
                    cut = [len(s) * k // it.pieces for k in range(it.pieces + 1)]
                    for a, b in zip(cut, cut[1:]):
                        out.append('<w:ins %s>%s</w:ins>' % (self._chg_attrs(it), self.runs(s[a:b], split=False)))
                else:
                    out.append('<w:ins %s>%s</w:ins>' % (self._chg_attrs(it), self.inline(it.items)))
            elif isinstance(it, MoveTo):   # before MoveFrom: MoveTo subclasses it
                self.stats['tracked']['moveTo'] += 1
                rid = self.cid()
                out.append('<w:moveToRangeStart w:id="%d" w:author="%s" w:date="%s" w:name="%s"/>'
                           % (rid, esc(it.author), it.date, it.name))
                out.append('<w:moveTo %s>%s</w:moveTo>' % (self._chg_attrs(it), self.runs(it.text)))
                out.append('<w:moveToRangeEnd w:id="%d"/>' % rid)
            elif isinstance(it, MoveFrom):
                self.stats['tracked']['moveFrom'] += 1
                rid = self.cid()
                out.append('<w:moveFromRangeStart w:id="%d" w:author="%s" w:date="%s" w:name="%s"/>'
                           % (rid, esc(it.author), it.date, it.name))
                out.append('<w:moveFrom %s>%s</w:moveFrom>' % (self._chg_attrs(it), self.runs(it.text)))
                out.append('<w:moveFromRangeEnd w:id="%d"/>' % rid)
            elif isinstance(it, RPrChange):
                self.stats['tracked']['rPrChange'] += 1
                f = T(it.text, b=True)
                extra = '<w:rPrChange %s><w:rPr/></w:rPrChange>' % self._chg_attrs(it)
                r = self.rsid()
                out.append('<w:r w:rsidR="%s" w:rsidRPr="%s"><w:rPr><w:b/><w:bCs/>%s</w:rPr>%s</w:r>'
                           % (r, r, extra, self._content(it.text)))
            elif isinstance(it, Fn):
                self.ids['fn'] += 1
                n = self.ids['fn']
                self.stats['footnotes'] += 1
                out.append('<w:r w:rsidR="%s"><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                           '<w:footnoteReference w:id="%d"/></w:r>' % (self.rsid(), n))
                self.footnotes.append(
                    '<w:footnote w:id="%d"><w:p w:rsidR="%s" w:rsidRDefault="%s"><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                    '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                    '<w:r><w:tab/></w:r>%s</w:p></w:footnote>' % (n, self.rsids[0], self.rsids[0], self.runs(it.text)))
            elif isinstance(it, Link):
                rid = 'rId%d' % (100 + len(self.hyperlinks))
                self.hyperlinks.append((rid, it.url))
                out.append('<w:hyperlink r:id="%s" w:history="1">%s</w:hyperlink>'
                           % (rid, self.runs(it.text, T('', style='Hyperlink'), split=False)))
            elif isinstance(it, Cmt):
                n = self.ids['cmt']
                self.ids['cmt'] += 1
                self.stats['comments'] += 1
                self._para_has_comment = True
                out.append('<w:commentRangeStart w:id="%d"/>' % n)
                out.append(self.inline(it.items))
                out.append('<w:commentRangeEnd w:id="%d"/>' % n)
                out.append('<w:r w:rsidR="%s"><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                           '<w:commentReference w:id="%d"/></w:r>' % (self.rsid(), n))
                self.comments.append(
                    '<w:comment w:id="%d" w:author="%s" w:date="%s" w:initials="%s"><w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
                    '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>%s</w:p></w:comment>'
                    % (n, esc(it.author), it.date, it.initials, self.runs(it.comment, split=False)))
            elif isinstance(it, Fld):
                self.stats['fields'].append({'part': 'document', 'instr': it.instr.strip(),
                                             'kind': 'fldSimple' if it.simple else 'fldChar'})
                if it.simple:
                    out.append('<w:fldSimple w:instr="%s">%s</w:fldSimple>' % (esc(it.instr), self.runs(it.result, split=False)))
                else:
                    out.append(self.field_runs(it.instr, it.result))
            elif isinstance(it, ProofErr):
                a, b = ('spellStart', 'spellEnd') if it.kind == 'spell' else ('gramStart', 'gramEnd')
                out.append('<w:proofErr w:type="%s"/>%s<w:proofErr w:type="%s"/>' % (a, self.runs(it.text), b))
            elif isinstance(it, Bookmark):
                n = self.ids['bm']
                self.ids['bm'] += 1
                out.append('<w:bookmarkStart w:id="%d" w:name="%s"/>%s<w:bookmarkEnd w:id="%d"/>'
                           % (n, it.name, self.inline(it.items), n))
            elif isinstance(it, SmartTag):
                out.append('<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="%s">%s</w:smartTag>'
                           % (it.element, self.runs(it.text, split=False)))
            elif isinstance(it, SdtText):
                out.append('<w:sdt><w:sdtPr><w:alias w:val="%s"/><w:tag w:val="%s"/><w:id w:val="%d"/><w:text/></w:sdtPr>'
                           '<w:sdtContent>%s</w:sdtContent></w:sdt>' % (esc(it.alias), esc(it.tag), 1000 + self.cid(),
                                                                         self.runs(it.text, split=False)))
            elif isinstance(it, PageBreakMark):
                out.append('<w:r w:rsidR="%s"><w:lastRenderedPageBreak/></w:r>' % self.rsid())
            elif isinstance(it, Raw):
                out.append(it.xml)
            else:
                raise TypeError(it)
        return ''.join(out)

    def field_runs(self, instr, result):
        return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                '<w:r><w:instrText xml:space="preserve">%s</w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                '<w:r><w:rPr><w:noProof/></w:rPr><w:t>%s</w:t></w:r>'
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>' % (esc(instr), esc(result)))

    # -- paragraphs
    def para_xml(self, items, style=None, jc=None, num=None, keep_next=False, tabs=None, ind=None,
                 spacing=None, mark_ins=None, mark_rpr=None, outline=None):
        self._para_has_comment = False
        inner = self.inline(items)
        p = []
        if style: p.append('<w:pStyle w:val="%s"/>' % style)
        if keep_next: p.append('<w:keepNext/>')
        if num: p.append('<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (num[1], num[0]))
        if tabs: p.append('<w:tabs>%s</w:tabs>' % ''.join('<w:tab w:val="%s" w:pos="%d"/>' % t for t in tabs))
        if spacing: p.append('<w:spacing %s/>' % spacing)
        if ind: p.append('<w:ind %s/>' % ind)
        if jc: p.append('<w:jc w:val="%s"/>' % jc)
        if outline is not None: p.append('<w:outlineLvl w:val="%d"/>' % outline)
        rpr = ''
        if mark_ins:
            self.stats['tracked']['pPrIns'] += 1
            rpr = '<w:ins w:id="%d" w:author="%s" w:date="%s"/>' % (self.cid(), esc(mark_ins[0]), mark_ins[1])
        if mark_rpr:
            rpr += mark_rpr
        if rpr:
            p.append('<w:rPr>%s</w:rPr>' % rpr)
        ppr = '<w:pPr>%s</w:pPr>' % ''.join(p) if p else ''
        if self._para_has_comment:
            self.stats['comment_paragraphs'] += 1
        if self.word_like:
            pid = '%08X' % (self.rng.next(0x7FFFFFFF) + 1)
            r = self.rsid()
            attrs = ' w14:paraId="%s" w14:textId="77777777" w:rsidR="%s" w:rsidRDefault="%s" w:rsidP="%s"' % (
                pid, r, self.rsids[0], r)
        else:
            attrs = ''
        return '<w:p%s>%s%s</w:p>' % (attrs, ppr, inner)

    def p(self, items, **kw):
        if isinstance(items, (str, T)) or not isinstance(items, list):
            items = [items]
        self.body.append(self.para_xml(items, **kw))

    def table(self, rows, widths, style='TableGrid', borders=True, jc=None):
        """rows: list of rows; a row is a list of cells; a cell is
        (list_of_paragraph_xml, gridSpan) or list_of_paragraph_xml."""
        tw = sum(widths)
        b = ''
        if borders is False:
            b = ('<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>'
                 '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>')
        x = ['<w:tbl><w:tblPr><w:tblStyle w:val="%s"/><w:tblW w:w="%d" w:type="dxa"/>%s%s'
             '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
             'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>' % (
                 style, tw, '<w:jc w:val="%s"/>' % jc if jc else '', b)]
        x += ['<w:gridCol w:w="%d"/>' % w for w in widths]
        x.append('</w:tblGrid>')
        for row in rows:
            x.append('<w:tr%s>' % (' w:rsidR="%s" w:rsidTr="%s"' % (self.rsids[0], self.rsids[0]) if self.word_like else ''))
            col = 0
            for cell in row:
                paras, span = (cell if isinstance(cell, tuple) else (cell, 1))
                w = sum(widths[col:col + span])
                x.append('<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>%s</w:tcPr>%s</w:tc>' % (
                    w, '<w:gridSpan w:val="%d"/>' % span if span > 1 else '', ''.join(paras) or '<w:p/>'))
                col += span
            x.append('</w:tr>')
        x.append('</w:tbl>')
        self.body.append(''.join(x))
        self.stats['tables'] = self.stats.get('tables', 0) + 1

    def raw(self, xml):
        self.body.append(xml)

    # -- parts
    def footer_xml(self, left_text, page_field=True, simple=False):
        self.stats['fields'].append({'part': 'footer', 'instr': 'PAGE', 'kind': 'fldSimple' if simple else 'fldChar'})
        fld = ('<w:fldSimple w:instr=" PAGE \\* MERGEFORMAT "><w:r><w:rPr><w:noProof/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>'
               if simple else self.field_runs(' PAGE   \\* MERGEFORMAT ', '1'))
        return ('<w:ftr %s><w:p><w:pPr><w:pStyle w:val="Footer"/><w:tabs><w:tab w:val="right" w:pos="9639"/></w:tabs></w:pPr>'
                '<w:r><w:t>%s</w:t></w:r><w:r><w:tab/></w:r>%s</w:p></w:ftr>' % (NS, esc(left_text), fld))

    def header_xml(self, text, page=True):
        self.stats['fields'].append({'part': 'header', 'instr': 'PAGE', 'kind': 'fldSimple'})
        return ('<w:hdr %s><w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>'
                '<w:r><w:t xml:space="preserve">- </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple>'
                '<w:r><w:t xml:space="preserve"> -</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>'
                '<w:r><w:t>%s</w:t></w:r></w:p></w:hdr>' % (NS, esc(text)))


# ------------------------------------------------------------------- styles
def _pstyle(sid, name, based='Normal', nxt='Normal', ppr='', rpr='', ui=None, qformat=False, link=None):
    return ('<w:style w:type="paragraph" w:customStyle="%d" w:styleId="%s"><w:name w:val="%s"/>%s<w:next w:val="%s"/>%s%s'
            '<w:pPr>%s</w:pPr><w:rPr>%s</w:rPr></w:style>' % (
                1 if ui is None else 0, sid, name, '<w:basedOn w:val="%s"/>' % based if based else '', nxt,
                '<w:link w:val="%s"/>' % link if link else '',
                ('<w:uiPriority w:val="%d"/>' % ui if ui is not None else '') + ('<w:qFormat/>' if qformat else ''),
                ppr, rpr))


def styles_xml(lang='en-GB', font='Times New Roman'):
    s = [XML_DECL, '<w:styles %s>' % NS,
         '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="%s" w:eastAsia="SimSun" w:hAnsi="%s" w:cs="%s"/>'
         '<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="%s" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
         '<w:pPrDefault><w:pPr><w:spacing w:before="120"/></w:pPr></w:pPrDefault></w:docDefaults>' % (font, font, font, lang),
         '<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" w:defUnhideWhenUsed="0" '
         'w:defQFormat="0" w:count="376"><w:lsdException w:name="Normal" w:uiPriority="0" w:qFormat="1"/>'
         '<w:lsdException w:name="heading 1" w:uiPriority="9" w:qFormat="1"/></w:latentStyles>',
         '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
         '<w:pPr><w:tabs><w:tab w:val="left" w:pos="794"/><w:tab w:val="left" w:pos="1191"/><w:tab w:val="left" w:pos="1588"/>'
         '<w:tab w:val="left" w:pos="1985"/></w:tabs><w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="0"/>'
         '<w:autoSpaceDN w:val="0"/><w:adjustRightInd w:val="0"/><w:textAlignment w:val="baseline"/></w:pPr>'
         '<w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s"/><w:sz w:val="24"/></w:rPr></w:style>' % (font, font),
         '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>'
         '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
         '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>'
         '<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
         '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
         '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/>'
         '<w:semiHidden/><w:unhideWhenUsed/></w:style>',
         ]
    for lvl, (size, before) in enumerate([(28, 480), (24, 320), (24, 200)], start=1):
        s.append(_pstyle('Heading%d' % lvl, 'heading %d' % lvl, nxt='Normal', ui=9, qformat=True,
                         ppr='<w:keepNext/><w:keepLines/><w:spacing w:before="%d"/><w:ind w:left="794" w:hanging="794"/>'
                             '<w:outlineLvl w:val="%d"/>' % (before, lvl - 1),
                         rpr='<w:b/><w:sz w:val="%d"/>' % size))
    s += [
        _pstyle('Title', 'Title', ui=10, qformat=True, ppr='<w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/>',
                rpr='<w:b/><w:caps/><w:sz w:val="28"/>'),
        _pstyle('Proposal', 'Proposal', ppr='<w:keepNext/><w:spacing w:before="240"/>', rpr='<w:b/>'),
        _pstyle('ResNo', 'Res_No', ppr='<w:keepNext/><w:keepLines/><w:spacing w:before="480"/><w:jc w:val="center"/>',
                rpr='<w:caps/><w:sz w:val="28"/>', nxt='Restitle'),
        _pstyle('Restitle', 'Res_title', ppr='<w:keepNext/><w:keepLines/><w:spacing w:before="240"/><w:jc w:val="center"/>',
                rpr='<w:b/><w:sz w:val="28"/>', nxt='Normalaftertitle'),
        _pstyle('Normalaftertitle', 'Normal after title', ppr='<w:spacing w:before="360"/>'),
        _pstyle('Call', 'Call', ppr='<w:keepNext/><w:keepLines/><w:spacing w:before="160"/><w:ind w:left="794"/>',
                rpr='<w:i/>'),
        _pstyle('Reasons', 'Reasons', ppr='<w:spacing w:before="240"/>'),
        _pstyle('Headingb', 'Heading_b', ppr='<w:keepNext/><w:spacing w:before="160"/>', rpr='<w:b/>'),
        _pstyle('Source', 'Source', ppr='<w:spacing w:before="840" w:after="200"/><w:jc w:val="center"/>',
                rpr='<w:b/><w:sz w:val="28"/>'),
        _pstyle('Title1', 'Title 1', ppr='<w:spacing w:before="240"/><w:jc w:val="center"/>', rpr='<w:caps/><w:sz w:val="28"/>'),
        _pstyle('Title2', 'Title 2', based='Title1', ppr='<w:spacing w:before="120"/>', rpr=''),
        _pstyle('enumlev1', 'enumlev1', ppr='<w:spacing w:before="80"/><w:ind w:left="794" w:hanging="794"/>'),
        _pstyle('Tabletext', 'Table_text', ppr='<w:spacing w:before="40" w:after="40"/>', rpr='<w:sz w:val="22"/>'),
        _pstyle('Tablehead', 'Table_head', based='Tabletext', ppr='<w:keepNext/><w:jc w:val="center"/>', rpr='<w:b/>'),
        _pstyle('ListParagraph', 'List Paragraph', ui=34, qformat=True, ppr='<w:ind w:left="720"/><w:contextualSpacing/>'),
        _pstyle('TOCHeading', 'TOC Heading', ui=39, ppr='<w:keepNext/><w:spacing w:before="240" w:after="120"/>', rpr='<w:b/>'),
        _pstyle('TOC1', 'toc 1', ui=39, ppr='<w:tabs><w:tab w:val="left" w:pos="567"/><w:tab w:val="right" w:leader="dot" w:pos="9639"/></w:tabs>'
                '<w:spacing w:before="240"/><w:ind w:left="567" w:right="567" w:hanging="567"/>'),
        _pstyle('TOC2', 'toc 2', based='TOC1', ui=39, ppr='<w:spacing w:before="80"/><w:ind w:left="1134"/>'),
        _pstyle('Header', 'header', ui=99, ppr='<w:tabs><w:tab w:val="center" w:pos="4820"/></w:tabs><w:spacing w:before="0"/><w:jc w:val="center"/>',
                rpr='<w:sz w:val="18"/>'),
        _pstyle('Footer', 'footer', ui=99, ppr='<w:spacing w:before="0"/>', rpr='<w:caps/><w:noProof/><w:sz w:val="16"/>'),
        _pstyle('FootnoteText', 'footnote text', ui=99, ppr='<w:keepLines/><w:tabs><w:tab w:val="left" w:pos="256"/></w:tabs>'
                '<w:ind w:left="256" w:hanging="256"/>', rpr='<w:sz w:val="20"/>'),
        _pstyle('CommentText', 'annotation text', ui=99, rpr='<w:sz w:val="20"/>'),
        _pstyle('Note', 'Note', ppr='<w:spacing w:before="80"/>', rpr='<w:sz w:val="22"/>'),
        '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/>'
        '<w:uiPriority w:val="99"/><w:rPr><w:position w:val="6"/><w:sz w:val="18"/></w:rPr></w:style>',
        '<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:basedOn w:val="DefaultParagraphFont"/>'
        '<w:uiPriority w:val="99"/><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>',
        '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/>'
        '<w:uiPriority w:val="99"/><w:rPr><w:color w:val="0000FF"/><w:u w:val="single"/></w:rPr></w:style>',
        '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>'
        '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        '</w:tblBorders></w:tblPr></w:style>',
        '</w:styles>']
    return ''.join(s)


# ---------------------------------------------------------------- numbering
def _lvls(kind):
    out = []
    for i in range(9):
        ind = 720 + 360 * i if kind != 'itu' else 794 * (i + 1)
        hang = 360 if kind != 'itu' else 794
        if kind == 'decimal':
            fmt, txt = [('decimal', '%1.'), ('lowerLetter', '%2)'), ('lowerRoman', '(%3)')][i % 3]
            txt = txt.replace('%1', '%%%d' % (i + 1)).replace('%2', '%%%d' % (i + 1)).replace('%3', '%%%d' % (i + 1))
            rpr = ''
        elif kind == 'itu':      # ITU "resolves" numbering: 1, 1.1, 1.1.1 followed by a tab
            fmt = 'decimal'
            txt = '.'.join('%%%d' % (k + 1) for k in range(i + 1))
            rpr = ''
        else:                    # bullets, Word's Symbol-font bullet (a private-use character)
            fmt = 'bullet'
            txt, font = [('\uf0b7', 'Symbol'), ('o', 'Courier New'), ('\uf0a7', 'Wingdings')][i % 3]
            rpr = '<w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s" w:hint="default"/></w:rPr>' % (font, font)
        out.append('<w:lvl w:ilvl="%d" w:tplc="%08X"><w:start w:val="1"/><w:numFmt w:val="%s"/>'
                   '<w:lvlText w:val="%s"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="%d" w:hanging="%d"/></w:pPr>%s</w:lvl>'
                   % (i, 0x04090000 + i * 3 + (7 if kind == 'bullet' else 15), fmt, esc(txt), ind, hang, rpr))
    return ''.join(out)


ABSTRACT = {0: 'decimal', 1: 'bullet', 2: 'itu'}


def numbering_xml(nums):
    s = [XML_DECL, '<w:numbering %s>' % NS]
    for aid, kind in ABSTRACT.items():
        s.append('<w:abstractNum w:abstractNumId="%d" w15:restartNumberingAfterBreak="0"><w:nsid w:val="%08X"/>'
                 '<w:multiLevelType w:val="%s"/><w:tmpl w:val="%08X"/>%s</w:abstractNum>'
                 % (aid, 0x1A2B3C00 + aid, 'multilevel' if kind == 'itu' else 'hybridMultilevel', 0x0409001F + aid, _lvls(kind)))
    for num_id, aid, start in nums:
        ov = ('<w:lvlOverride w:ilvl="0"><w:startOverride w:val="%d"/></w:lvlOverride>' % start) if start else ''
        s.append('<w:num w:numId="%d"><w:abstractNumId w:val="%d"/>%s</w:num>' % (num_id, aid, ov))
    s.append('</w:numbering>')
    return ''.join(s)


# ------------------------------------------------------------- package parts
CT_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.'
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'


def settings_xml(doc):
    fn = ('<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
          '<w:endnotePr><w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr>') if doc.footnotes else ''
    rs = '<w:rsids><w:rsidRoot w:val="%s"/>%s</w:rsids>' % (
        doc.rsids[0], ''.join('<w:rsid w:val="%s"/>' % r for r in sorted(doc.rsids)))
    return (XML_DECL + '<w:settings %s><w:zoom w:percent="100"/><w:proofState w:spelling="clean" w:grammar="clean"/>'
            '%s<w:defaultTabStop w:val="794"/><w:hyphenationZone w:val="357"/><w:characterSpacingControl w:val="doNotCompress"/>%s'
            '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
            '<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '</w:compat>%s<w:themeFontLang w:val="%s"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>'
            % (NS, '<w:trackRevisions/>' if doc.track else '', fn, rs, doc.lang))


def core_xml(doc):
    return (XML_DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<dc:title>%s</dc:title><dc:creator>%s</dc:creator><cp:lastModifiedBy>%s</cp:lastModifiedBy><cp:revision>7</cp:revision>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified><dc:language>%s</dc:language></cp:coreProperties>'
            % (esc(doc.title), esc(doc.creator), esc(doc.creator), doc.created, doc.created, doc.lang))


APP_XML = (XML_DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>PE_WTDC-25.dotm</Template>'
           '<TotalTime>42</TotalTime><Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity>'
           '<Company>International Telecommunication Union (ITU)</Company><AppVersion>16.0000</AppVersion></Properties>')

FONT_TABLE = (XML_DECL + '<w:fonts %s><w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>'
              '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font><w:font w:name="Symbol"><w:panose1 w:val="05050102010706020507"/>'
              '<w:charset w:val="02"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font><w:font w:name="Calibri">'
              '<w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>' % NS)

WEB_SETTINGS = XML_DECL + '<w:webSettings %s><w:optimizeForBrowser/><w:allowPNG/></w:webSettings>' % NS


def _notes(kind, items):
    sep = ''.join('<w:%s w:type="%s" w:id="%d"><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
                  '<w:r><w:%s/></w:r></w:p></w:%s>' % (kind, t, i, t2, kind)
                  for t, i, t2 in [('separator', -1, 'separator'), ('continuationSeparator', 0, 'continuationSeparator')])
    return XML_DECL + '<w:%ss %s>%s%s</w:%ss>' % (kind, NS, sep, ''.join(items), kind)


def save_docx(doc, path):
    sect = ['<w:sectPr w:rsidR="%s">' % doc.rsids[0]]
    rels = [('rId1', REL + 'styles', 'styles.xml'), ('rId2', REL + 'settings', 'settings.xml'),
            ('rId3', REL + 'webSettings', 'webSettings.xml'), ('rId4', REL + 'fontTable', 'fontTable.xml'),
            ('rId5', REL + 'numbering', 'numbering.xml')]
    ct = [('/word/document.xml', CT_MAIN + 'document.main+xml'), ('/word/styles.xml', CT_MAIN + 'styles+xml'),
          ('/word/settings.xml', CT_MAIN + 'settings+xml'), ('/word/webSettings.xml', CT_MAIN + 'webSettings+xml'),
          ('/word/fontTable.xml', CT_MAIN + 'fontTable+xml'), ('/word/numbering.xml', CT_MAIN + 'numbering+xml'),
          ('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'),
          ('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml')]
    parts = []
    if doc.header:
        rels.append(('rId10', REL + 'header', 'header1.xml'))
        ct.append(('/word/header1.xml', CT_MAIN + 'header+xml'))
        parts.append(('word/header1.xml', doc.header))
        sect.append('<w:headerReference w:type="default" r:id="rId10"/>')
    if doc.footer:
        rels.append(('rId11', REL + 'footer', 'footer1.xml'))
        ct.append(('/word/footer1.xml', CT_MAIN + 'footer+xml'))
        parts.append(('word/footer1.xml', doc.footer))
        sect.append('<w:footerReference w:type="default" r:id="rId11"/>')
    if doc.footnotes:
        rels += [('rId12', REL + 'footnotes', 'footnotes.xml'), ('rId13', REL + 'endnotes', 'endnotes.xml')]
        ct += [('/word/footnotes.xml', CT_MAIN + 'footnotes+xml'), ('/word/endnotes.xml', CT_MAIN + 'endnotes+xml')]
        parts += [('word/footnotes.xml', _notes('footnote', doc.footnotes)), ('word/endnotes.xml', _notes('endnote', []))]
    if doc.comments:
        rels.append(('rId14', REL + 'comments', 'comments.xml'))
        ct.append(('/word/comments.xml', CT_MAIN + 'comments+xml'))
        parts.append(('word/comments.xml', XML_DECL + '<w:comments %s>%s</w:comments>' % (NS, ''.join(doc.comments))))
    sect.append('<w:pgSz w:w="11907" w:h="16840" w:code="9"/><w:pgMar w:top="1418" w:right="1134" w:bottom="1134" '
                'w:left="1134" w:header="567" w:footer="567" w:gutter="0"/><w:cols w:space="720"/>'
                '<w:docGrid w:linePitch="326"/></w:sectPr>')
    body = (XML_DECL + '<w:document %s><w:body>%s%s</w:body></w:document>' % (NS, ''.join(doc.body), ''.join(sect)))
    doc_rels = ''.join('<Relationship Id="%s" Type="%s" Target="%s"/>' % r for r in rels)
    doc_rels += ''.join('<Relationship Id="%s" Type="%shyperlink" Target="%s" TargetMode="External"/>' % (rid, REL, esc(u))
                        for rid, u in doc.hyperlinks)
    files = [
        ('[Content_Types].xml', XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         + ''.join('<Override PartName="%s" ContentType="%s"/>' % c for c in ct) + '</Types>'),
        ('_rels/.rels', XML_DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
         '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
         '</Relationships>'),
        ('word/document.xml', body),
        ('word/_rels/document.xml.rels', XML_DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         + doc_rels + '</Relationships>'),
        ('word/styles.xml', styles_xml(doc.lang)),
        ('word/numbering.xml', numbering_xml(doc.nums)),
        ('word/settings.xml', settings_xml(doc)),
        ('word/webSettings.xml', WEB_SETTINGS),
        ('word/fontTable.xml', FONT_TABLE),
        ('docProps/core.xml', core_xml(doc)),
        ('docProps/app.xml', APP_XML),
    ] + parts
    write_zip(path, files)


def write_zip(path, files):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, FIXED_ZIP_DT)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data.encode('utf-8') if isinstance(data, str) else data)
