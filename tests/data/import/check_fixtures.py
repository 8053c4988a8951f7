#!/usr/bin/env python3
"""Independent checks of the fixtures (does not use ooxml.py):

  * every part of every good .docx parses, [Content_Types].xml covers it, every
    relationship target exists;
  * a quirk inventory (which Word oddities each file contains) and a check that
    every quirk of the brief occurs at least once and every Word-like file has rsids;
  * tracked changes / formatting revisions read straight from document.xml agree with
    expected.json, and so do the proposal marks and numbers;
  * python-docx opens each file; `--pdf DIR` also converts each with LibreOffice.
"""
import json
import os
import re
import subprocess
import sys
import zipfile

from lxml import etree

HERE = os.path.dirname(os.path.abspath(__file__))
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
R = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
QUIRKS = {
    'run rsids': lambda x: len(x.xpath('//w:r[@w:rsidR]', namespaces=NSM)),
    'w14:paraId': lambda x: len(x.xpath('//w:p[@w14:paraId]', namespaces=NSM)),
    'noBreakHyphen': lambda x: len(x.findall('.//' + W + 'noBreakHyphen')),
    'softHyphen': lambda x: len(x.findall('.//' + W + 'softHyphen')),
    'tab': lambda x: len(x.findall('.//' + W + 'r/' + W + 'tab')),
    'br': lambda x: len(x.findall('.//' + W + 'br')),
    'typographic quotes': lambda x: sum(len(re.findall('[\u201c\u201d\u2018\u2019\u00ab\u00bb]', t.text or ''))
                                        for t in x.iter(W + 't')),
    'U+00A0': lambda x: sum((t.text or '').count('\u00a0') for t in x.iter(W + 't')),
    'proofErr': lambda x: len(x.findall('.//' + W + 'proofErr')),
    'bookmarkStart': lambda x: len(x.findall('.//' + W + 'bookmarkStart')),
    'lastRenderedPageBreak': lambda x: len(x.findall('.//' + W + 'lastRenderedPageBreak')),
    'commentRangeStart': lambda x: len(x.findall('.//' + W + 'commentRangeStart')),
    'fldChar begin': lambda x: len(x.xpath('//w:fldChar[@w:fldCharType="begin"]', namespaces=NSM)),
    'fldSimple': lambda x: len(x.findall('.//' + W + 'fldSimple')),
    'footnoteReference': lambda x: len(x.findall('.//' + W + 'footnoteReference')),
    'hyperlink r:id': lambda x: len(x.xpath('//w:hyperlink[@r:id]', namespaces=NSM)),
    'hyperlink anchor': lambda x: len(x.xpath('//w:hyperlink[@w:anchor]', namespaces=NSM)),
    'tbl': lambda x: len(x.findall('.//' + W + 'tbl')),
    'smartTag': lambda x: len(x.findall('.//' + W + 'smartTag')),
    'sdt': lambda x: len(x.findall('.//' + W + 'sdt')),
    'ins': lambda x: len(x.findall('.//' + W + 'ins')),
    'del/delText': lambda x: len(x.findall('.//' + W + 'delText')),
    'moveFrom+range': lambda x: len(x.findall('.//' + W + 'moveFromRangeStart')),
    'moveTo+range': lambda x: len(x.findall('.//' + W + 'moveToRangeStart')),
    'rPrChange': lambda x: len(x.findall('.//' + W + 'rPrChange')),
    'u (direct)': lambda x: len(x.xpath('//w:r/w:rPr/w:u', namespaces=NSM)),
    'strike': lambda x: len(x.findall('.//' + W + 'strike')),
    'numPr': lambda x: len(x.findall('.//' + W + 'numPr')),
    'Heading style': lambda x: len(x.xpath('//w:pStyle[starts-with(@w:val,"Heading")]', namespaces=NSM)),
}
NSM = {'w': W[1:-1], 'r': R[1:-1], 'w14': 'http://schemas.microsoft.com/office/word/2010/wordml'}
WORD_LIKE = ['rpm-ams17-chairman', 'atu-wtdc25-package', 'citel-iap', 'arb-package', 'apt-acp', 'rcc-addendum',
             'cept-eur', 'cept-fr']


def check_package(path):
    errs = []
    z = zipfile.ZipFile(path)
    names = set(z.namelist())
    ct = etree.fromstring(z.read('[Content_Types].xml'), PARSER)
    CT = '{http://schemas.openxmlformats.org/package/2006/content-types}'
    overrides = {o.get('PartName') for o in ct.iter(CT + 'Override')}
    defaults = {d.get('Extension') for d in ct.iter(CT + 'Default')}
    for n in names:
        if n.endswith('.xml') or n.endswith('.rels'):
            try:
                etree.fromstring(z.read(n), PARSER)
            except etree.XMLSyntaxError as e:
                errs.append('%s: %s' % (n, e))
        if '/' + n not in overrides and n.rsplit('.', 1)[-1] not in defaults and n != '[Content_Types].xml':
            errs.append('no content type for %s' % n)
    for o in overrides:
        if o[1:] not in names:
            errs.append('content type for missing part %s' % o)
    for n in names:
        if n.endswith('.rels'):
            base = n.replace('_rels/', '').replace('.rels', '')
            folder = os.path.dirname(base)
            for rel in etree.fromstring(z.read(n), PARSER):
                if rel.get('TargetMode') == 'External':
                    continue
                t = os.path.normpath(os.path.join(folder, rel.get('Target'))).lstrip('/')
                if t not in names:
                    errs.append('%s: missing target %s' % (n, t))
    return errs


def text_runs(el, deleted=False):
    out = []
    for e in el.iter():
        if e.tag in (W + 't', W + 'delText'):
            out.append(e.text or '')
        elif e.tag in (W + 'tab', W + 'br'):
            if e.getparent().tag == W + 'r':
                out.append(' ')
        elif e.tag == W + 'noBreakHyphen':
            out.append('-')
    return ''.join(out)


def tracked_from_xml(doc):
    got = []
    for e in doc.iter(W + 'ins', W + 'del', W + 'moveFrom', W + 'moveTo'):
        if e.getparent().tag == W + 'rPr':      # paragraph-mark revision
            continue
        typ = {'ins': 'ins', 'del': 'del', 'moveFrom': 'move_from', 'moveTo': 'move_to'}[e.tag[len(W):]]
        item = (typ, e.get(W + 'author'), e.get(W + 'date'), text_runs(e))
        # merge adjacent elements of one change (same type/author/date, nothing between them)
        prev = e.getprevious()
        if got and prev is not None and prev.tag == e.tag and got[-1][:3] == item[:3]:
            got[-1] = item[:3] + (got[-1][3] + item[3],)
        else:
            got.append(item)
    return got


def fmt_revisions_from_xml(doc):
    got = []
    for p in doc.iter(W + 'p'):
        for r in p.iter(W + 'r'):
            rpr = r.find(W + 'rPr')
            if rpr is None or r.getparent().tag == W + 'hyperlink':
                continue
            u = rpr.find(W + 'u')
            s = rpr.find(W + 'strike')
            typ = 'ins' if (u is not None and u.get(W + 'val') != 'none') else 'del' if (s is not None and s.get(W + 'val') not in ('0', 'false')) else None
            if not typ:
                continue
            t = text_runs(r)
            prev = r.getprevious()
            if got and got[-1][0] == typ and got[-1][2] is prev and prev is not None:
                got[-1] = (typ, got[-1][1] + t, r)
            else:
                got.append((typ, t, r))
    return [(a, b) for a, b, _ in got]


def check_bad(exp):
    bad = os.path.join(HERE, 'bad')
    res = {}
    try:
        zipfile.ZipFile(os.path.join(bad, 'not-a-zip.docx'))
        res['not-a-zip.docx'] = False
    except zipfile.BadZipFile:
        res['not-a-zip.docx'] = True
    res['no-document.docx'] = zipfile.ZipFile(os.path.join(bad, 'no-document.docx')).namelist() == ['[Content_Types].xml']
    magic = bytes.fromhex('D0CF11E0A1B11AE1')
    pw = open(os.path.join(bad, 'password.docx'), 'rb').read()
    res['password.docx'] = pw[:8] == magic
    try:
        import io, msoffcrypto
        f = msoffcrypto.OfficeFile(io.BytesIO(pw))
        f.load_key(password=exp['bad']['bad/password.docx']['password'], verify_password=True)
        out = io.BytesIO()
        f.decrypt(out, verify_integrity=True)
        res['password.docx'] &= out.getvalue() == open(os.path.join(HERE, 'docx', 'rcc-addendum.docx'), 'rb').read()
        print('password.docx decrypts (msoffcrypto-tool) to docx/rcc-addendum.docx:', res['password.docx'])
    except ImportError:
        print('msoffcrypto-tool not installed: password.docx only checked for the CFB magic')
    d = zipfile.ZipFile(os.path.join(bad, 'doctype.docx')).read('word/document.xml')
    res['doctype.docx'] = b'<!DOCTYPE' in d and b'<!ENTITY lol9' in d
    zi = zipfile.ZipFile(os.path.join(bad, 'zip-bomb.docx')).getinfo('word/document.xml')
    res['zip-bomb.docx'] = zi.file_size > 10 ** 9 and zi.compress_size < 2 * 10 ** 6
    print('zip-bomb.docx: document.xml %d bytes inflated, %d compressed' % (zi.file_size, zi.compress_size))
    try:
        etree.fromstring(zipfile.ZipFile(os.path.join(bad, 'invalid-xml.docx')).read('word/document.xml'), PARSER)
        res['invalid-xml.docx'] = False
    except etree.XMLSyntaxError:
        res['invalid-xml.docx'] = True
    res['legacy.doc'] = open(os.path.join(bad, 'legacy.doc'), 'rb').read(8) == magic
    for k, v in res.items():
        print('bad/%-20s %s' % (k, 'OK' if v else 'FAIL'))
    return sum(not v for v in res.values())


def main():
    exp = json.load(open(os.path.join(HERE, 'expected.json'), encoding='utf-8'))
    failures = 0
    inventory = {}
    for rel, e in exp['fixtures'].items():
        path = os.path.join(HERE, rel)
        name = os.path.basename(path)[:-5]
        errs = check_package(path)
        z = zipfile.ZipFile(path)
        doc = etree.fromstring(z.read('word/document.xml'), PARSER)
        inv = {k: f(doc) for k, f in QUIRKS.items()}
        for part in ('word/footer1.xml', 'word/header1.xml'):
            if part in z.namelist():
                px = etree.fromstring(z.read(part), PARSER)
                inv['fldChar begin'] += QUIRKS['fldChar begin'](px)
                inv['fldSimple'] += QUIRKS['fldSimple'](px)
        inv['comments.xml'] = int('word/comments.xml' in z.namelist())
        inv['footnotes.xml'] = int('word/footnotes.xml' in z.namelist())
        inventory[name] = inv
        # expected tracked changes / formatting revisions
        exp_changes = [c for p in e['proposals'] for c in p['changes']]
        if any(c.get('via') for c in exp_changes):
            got = fmt_revisions_from_xml(doc)
            want = [(c['type'], c['text']) for c in exp_changes]
            got = [(t, x.rstrip()) for t, x in got]
            want = [(t, x.rstrip()) for t, x in want]
        else:
            got = [(t, a, d, x) for t, a, d, x in tracked_from_xml(doc)]
            want = [(c['type'], c['author'], c['date'], c['text']) for c in exp_changes]
        if got != want:
            errs.append('changes differ:\n   got  %s\n   want %s' % (got, want))
        # proposal marks and numbers read from paragraph text
        marks = []
        for p in doc.iter(W + 'p'):
            t = text_runs(p).strip()
            m = re.fullmatch(r'(ADD\*?|MOD|\(MOD\)|SUP|NOC)\s+(\S+)', t)
            if m:
                marks.append((m.group(1), m.group(2)))
        want_marks = [(p['mark'], p['number']) for p in e['proposals']]
        if marks != want_marks:
            errs.append('proposal marks differ: got %s want %s' % (marks, want_marks))
        # counts
        if 'counts' in e:
            c = e['counts']
            n_fn = len(doc.findall('.//' + W + 'footnoteReference'))
            if n_fn != c['footnotes']:
                errs.append('footnotes %d != %d' % (n_fn, c['footnotes']))
            n_cp = sum(1 for p in doc.iter(W + 'p') if p.find('.//' + W + 'commentReference') is not None)
            if n_cp != c['comment_paragraphs']:
                errs.append('comment paragraphs %d != %d' % (n_cp, c['comment_paragraphs']))
            nf = inv['fldChar begin'] + inv['fldSimple']
            if nf != len(c['fields']):
                errs.append('fields %d != %d' % (nf, len(c['fields'])))
            te = c['tracked_elements']
            if inv['ins'] != te.get('ins', 0) + te.get('pPrIns', 0) or inv['rPrChange'] != te.get('rPrChange', 0):
                errs.append('tracked element counts differ: %s vs %s' % (inv, te))
            if inv['tbl'] != c['tables']:
                errs.append('tables %d != %d' % (inv['tbl'], c['tables']))
        try:
            import docx
            d = docx.Document(path)
            n = len(d.paragraphs)
        except Exception as ex:          # python-docx must open them all
            errs.append('python-docx: %s' % ex)
            n = -1
        print('%-28s %s  (python-docx: %d paragraphs)' % (name, 'OK' if not errs else 'FAIL', n))
        for x in errs:
            print('   ', x)
        failures += bool(errs)
    # the inventory
    keys = list(next(iter(inventory.values())).keys())
    print('\nquirk inventory (document.xml; fields include header/footer)')
    print('%-22s' % '' + ''.join('%7s' % n[:6] for n in inventory))
    for k in keys:
        print('%-22s' % k[:22] + ''.join('%7d' % inventory[n][k] for n in inventory))
        if not any(inventory[n][k] for n in inventory):
            print('    MISSING QUIRK', k)
            failures += 1
    for n in WORD_LIKE:
        if not inventory[n]['run rsids']:
            print('    no rsids in', n)
            failures += 1
    if '--pdf' in sys.argv:
        out = sys.argv[sys.argv.index('--pdf') + 1]
        for rel in exp['fixtures']:
            r = subprocess.run(['soffice', '--headless', '--convert-to', 'pdf', '--outdir', out, os.path.join(HERE, rel)],
                               capture_output=True, text=True, timeout=180)
            pdf = os.path.join(out, os.path.basename(rel)[:-5] + '.pdf')
            ok = r.returncode == 0 and os.path.exists(pdf) and os.path.getsize(pdf) > 1000
            pages = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True).stdout if ok else ''
            pages = re.search(r'Pages:\s+(\d+)', pages)
            print('soffice %-28s %s %s page(s)' % (rel, 'OK' if ok else 'FAIL ' + r.stderr[-200:], pages.group(1) if pages else '?'))
            failures += not ok
    failures += check_bad(exp)
    print('\n%d passed, %d failed' % (len(exp['fixtures']) - min(failures, len(exp['fixtures'])), failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
