#!/usr/bin/env python3
"""Write the Word (.docx) test fixtures for rpmsynth's Word importer.

    python3 make_fixtures.py            # writes docx/, bad/, src/ and expected.json
    python3 make_fixtures.py --no-soffice   # skip the two LibreOffice-made fixtures

Everything is deterministic: fixed zip timestamps, fixed "random" values
derived from hashes, no clock.  The two lo-*.docx files are made by
LibreOffice (soffice --headless --convert-to docx); their zip entries and
docProps dates are normalised afterwards so that reruns give the same bytes
as far as LibreOffice allows.

Standard library only, plus the `cryptography` package for the real
password-encrypted file (bad/password.docx); without it a container with the
right stream names but dummy ciphertext is written instead.
"""
import base64
import hashlib
import hmac
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ooxml import (Doc, T, B, I, FmtIns, FmtDel, Ins, Del, MoveFrom, MoveTo, RPrChange, Fn, Link, Cmt, Fld,
                   ProofErr, Bookmark, SmartTag, SdtText, PageBreakMark, Raw, text_of, changes_of, save_docx,
                   write_zip, esc, FIXED_ZIP_DT, NS, XML_DECL)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'docx')
BAD = os.path.join(HERE, 'bad')
SRC = os.path.join(HERE, 'src')

NB = '\u00a0'      # no-break space
NNB = '\u202f'     # narrow no-break space (Word inserts it in French before ; : ! ?)
NBH = '\u2011'     # written as <w:noBreakHyphen/>
SHY = '\u00ad'     # written as <w:softHyphen/>
LQ, RQ, LS, RS = '\u201c', '\u201d', '\u2018', '\u2019'

EXPECTED = {}


# =========================================================== shared builders
def first_words(s, n=8):
    return ' '.join(s.split()[:n])


def norm_target(t):
    u = t.upper()
    m = re.search(r'R[EÉ]SOLUTION\s+(\d+)', u)
    if 'NEW' in u or 'NOUVELLE' in u:
        return 'new'
    if m:
        return 'res-%s' % m.group(1)
    m = re.search(r'QUESTION\s+(\d+)/(\d+)', u)
    if m:
        return 'q-%s/%s' % m.groups()
    if 'ACTION PLAN' in u or "PLAN D'ACTION" in u or 'PLAN D’ACTION' in u:
        return 'action-plan'
    raise ValueError(t)


def cover_table(doc, conf_lines, meeting, symbol_lines, date_items, original, logo='ITU'):
    """The header block of an ITU conference document, in a borderless table."""
    P = doc.para_xml
    rows = [
        [[P([B('\n'.join(conf_lines))], spacing='w:before="0"')],
         [P([T(logo, b=True, color='1F4E79')], jc='right', spacing='w:before="0"')]],
        [[P([B(meeting)], spacing='w:before="0"')], [P([B('\n'.join(symbol_lines))], spacing='w:before="0"')]],
        [[P([])], [P(date_items, spacing='w:before="0"')]],
        [[P([])], [P([original], spacing='w:before="0"')]],
    ]
    doc.table(rows, [6236, 3403], borders=False)


def render_proposal(doc, pr, mark_style='Proposal', target_style='ResNo', title_style='Restitle',
                    mark_as_heading=None, reasons_style='Reasons'):
    if mark_as_heading:
        doc.p(pr['mark_items'], style=mark_as_heading)
    else:
        doc.p(pr['mark_items'], style=mark_style, **pr.get('mark_kw', {}))
    doc.p(pr['target_items'], style=target_style, **pr.get('target_kw', {}))
    if pr.get('title_items'):
        doc.p(pr['title_items'], style=title_style, **pr.get('title_kw', {}))
    for para in pr.get('body', []):
        if 'table' in para:
            rows = []
            for r, row in enumerate(para['table']):
                rows.append([[doc.para_xml(cell, style='Tablehead' if r == 0 else 'Tabletext')] for cell in row])
            doc.table(rows, para['widths'])
        else:
            kw = {k: v for k, v in para.items() if k != 'items'}
            doc.p(para['items'], **kw)
    doc.p(pr['reasons_items'], style=reasons_style)


def expect_proposal(pr):
    target = text_of(pr['target_items'])
    e = {
        'mark': pr['mark'],
        'action': pr['mark'].strip('()*'),
        'number': pr['number'].replace(NBH, '-'),
        'target': target,
        'target_norm': norm_target(target),
        'title': text_of(pr['title_items']) if pr.get('title_items') else None,
    }
    if text_of(pr['target_items'], 'critic') != target:
        e['target_critic'] = text_of(pr['target_items'], 'critic')
        e['target_original'] = text_of(pr['target_items'], 'original')
    if pr.get('title_items') and text_of(pr['title_items'], 'critic') != e['title']:
        e['title_critic'] = text_of(pr['title_items'], 'critic')
    body, changes, table = [], [], []
    for para in pr.get('body', []):
        if 'table' in para:
            for row in para['table']:
                table.append([text_of(c) for c in row])
                for c in row:
                    changes += changes_of(c)
            continue
        body.append(text_of(para['items'], 'critic'))
        changes += changes_of(para['items'])
    pre = changes_of(pr['target_items']) + changes_of(pr.get('title_items') or [])
    changes = pre + changes
    first = next((text_of(p['items']) for p in pr.get('body', []) if 'items' in p), '')
    reasons = text_of(pr['reasons_items'])
    label = pr.get('reasons_label', 'Reasons:')
    e['body_start'] = first_words(first) if first else None
    e['body_critic'] = body
    if table:
        e['body_table'] = table
    e['reasons_label'] = label
    e['reasons_start'] = first_words(reasons[len(label):].strip()) if reasons.startswith(label) else first_words(reasons)
    e['changes'] = changes
    e['change_authors'] = sorted({c['author'] for c in changes if c.get('author')})
    return e


def prop(mark, number, target, title, body, reasons, reasons_label='Reasons:', sep='\t', mark_fmt=True, **kw):
    """Build a proposal record.  target/title are items lists or strings."""
    tl = lambda x: x if isinstance(x, list) else ([x] if x is not None else None)
    mark_items = [B(mark), sep, B(number)] if mark_fmt else [mark + sep + number]
    d = dict(mark=mark, number=number, mark_items=mark_items, target_items=tl(target), title_items=tl(title),
             body=body, reasons_items=[B(reasons_label), '\t'] + tl(reasons), reasons_label=reasons_label)
    d.update(kw)
    return d


def para(items, style=None, **kw):
    d = dict(items=items if isinstance(items, list) else [items])
    if style:
        d['style'] = style
    d.update(kw)
    return d


def counts(doc):
    st = doc.stats
    return {
        'comment_paragraphs': st['comment_paragraphs'],
        'comments': st['comments'],
        'fields': st['fields'],
        'footnotes': st['footnotes'],
        'hyperlinks': len(doc.hyperlinks),
        'tables': st.get('tables', 0),
        'tracked_elements': {k: v for k, v in st['tracked'].items() if v},
    }


WTDC25 = ['World Telecommunication Development Conference 2025 (WTDC' + NBH + '25)',
          'Baku, Azerbaijan, 17' + '\u2013' + '28 November 2025']


# ======================================================= chairman's report
def make_chairman():
    doc = Doc('rpm-ams17-chairman', title='Draft report by the Chairman', creator='BDT Americas Regional Office',
              created='2017-02-24T16:20:00Z', track=True)
    A1, D1 = 'Secretariat RPM-AMS', '2017-02-23T18:05:00Z'
    A2, D2 = 'Tremblay, Anne', '2017-02-24T09:41:00Z'
    P = doc.para_xml
    doc.table([
        [[P([B('Regional Preparatory Meeting for WTDC' + NBH + '17 for the Americas (RPM' + NBH + 'AMS)'),
             '\n', 'Asunci', 'ón, Paraguay, from 22 ' + '\u2013' + ' 24 February 2017'], spacing='w:before="0"')],
         [P([T('ITU', b=True, color='1F4E79')], jc='right', spacing='w:before="0"')]],
        [[P([])], [P([B('Document RPM-AMS17/41-E')], spacing='w:before="0"')]],
        [[P([])], [P([B('24 February 2017')], spacing='w:before="0"')]],
        [[P([])], [P([B('Original: English')], spacing='w:before="0"')]],
        [([P([T('DRAFT REPORT BY THE CHAIRMAN', b=True)], jc='center', spacing='w:before="240" w:after="240"')], 2)],
    ], [6236, 3403])

    sections = [
        ('_Toc475540101', '1', 'Opening of the meeting'),
        ('_Toc475540102', '2', 'Election of the Chairman and Vice' + NBH + 'Chairmen'),
        ('_Toc475540103', '3', 'Adoption of the agenda and time management plan'),
        ('_Toc475540104', '4', 'Participation'),
        ('_Toc475540105', '5', 'Digital trends in the Americas region'),
        ('_Toc475540106', '6', 'Report on the implementation of the Dubai Action Plan and the regional initiatives'),
        ('_Toc475540107', '7', 'Identification of regional priorities'),
        ('_Toc475540108', '8', 'Regional initiatives for the Americas'),
        ('_Toc475540109', '9', 'Proposals to WTDC' + NBH + '17'),
        ('_Toc475540110', '10', 'Closing of the meeting'),
    ]
    # -- TOC field: fldChar begin / instrText / separate, one hyperlink + nested PAGEREF per entry, end
    doc.p([B('Contents')], style='TOCHeading')
    doc.stats['fields'].append({'part': 'document', 'instr': 'TOC \\o "1-1" \\h \\z \\u', 'kind': 'fldChar'})
    for k, (bm, num, title) in enumerate(sections):
        x = []
        if k == 0:
            x.append('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-1" \\h \\z \\u </w:instrText></w:r>'
                     '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')
        page = str(2 + k // 3)
        doc.stats['fields'].append({'part': 'document', 'instr': 'PAGEREF %s \\h' % bm, 'kind': 'fldChar', 'nested_in': 'TOC'})
        x.append('<w:hyperlink w:anchor="%s" w:history="1">%s<w:r><w:rPr><w:noProof/></w:rPr><w:tab/></w:r>%s'
                 '<w:r><w:rPr><w:noProof/><w:webHidden/></w:rPr><w:tab/></w:r>%s</w:hyperlink>' % (
                     bm, doc.runs(num, split=False), doc.runs(title.replace(NBH, '-'), split=False),
                     doc.field_runs(' PAGEREF %s \\h ' % bm, page)))
        doc.p([Raw(''.join(x), '')], style='TOC1')
    doc.p([Raw('<w:r><w:fldChar w:fldCharType="end"/></w:r>')])

    def H(i, extra=None):
        bm, num, title = sections[i]
        doc.p([Bookmark(bm, [num, '\t', title])] + (extra or []), style='Heading1')

    def N(items, **kw):
        doc.p(items, **kw)

    H(0)
    N([PageBreakMark(), '1.1\tThe Regional Preparatory Meeting for WTDC' + NBH + '17 for the Americas (RPM' + NBH
       + 'AMS) was held in Asunción, Paraguay, from 22 to 24 February 2017, at the kind invitation of the Government of the '
       'Republic of Paraguay.'])
    N(['1.2\tThe meeting was opened by the Director of the Telecommunication Development Bureau (BDT). Opening remarks were '
       'also delivered by the Minister of Information and Communication Technologies of Paraguay and by the Executive '
       'Secretary of the Inter' + NBH + 'American Telecommunication Commission (CITEL).'])
    N(['1.3\tThe meeting, attended by representatives of twenty' + NBH + 'four Member States and eleven Sector Members, '
       'reviewed ', ProofErr('ITU' + NBH + 'D'), '’s activities in the region and prepared the contribution of the Americas '
       'to the World Telecommunication Development Conference (WTDC' + NBH + '17).'])
    H(1)
    N(['2.1\tOn the proposal of CITEL, the meeting elected Ms Teresa Giménez (Paraguay) as Chairman of the meeting.'])
    N(['2.2\tMr Carlos Ribeiro (Brazil) and Ms Anne Tremblay (Canada) were elected Vice' + NBH + 'Chairmen.'])
    H(2)
    N(['3.1\tThe meeting adopted its agenda as contained in Document RPM' + NBH + 'AMS17/1 and the time management plan '
       'contained in Document RPM' + NBH + 'AMS17/DT/1.'])
    H(3)
    N(['4.1\tThe meeting was attended by ', Cmt(['203 participants'], 'Registration to confirm the final figures before publication.',
                                               'Ortiz, Lucía', '2017-02-24T11:02:00Z', 'LO'),
       ' from 24 Member States, 11 Sector Members, 3 Academia and 4 regional and international organizations, among them '
       'CITEL and the Caribbean Telecommunications Union (CTU).'])
    N(['4.2\tTwelve fellowships were granted to participants from least developed countries, small island developing '
       'States and low' + NBH + 'income countries of the region.'])
    H(4)
    N(['5.1\tThe BDT Regional Director presented Document RPM' + NBH + 'AMS17/3 on digital trends in the region. Mobile broadband '
       'now reaches ', LQ + 'more than 70 per cent' + RQ, ' of the population, but fixed broadband penetration remains below '
       'the world average in many countries, in particular in the Caribbean.'])
    H(5)
    N(['6.1\tThe meeting took note of the report on the implementation of the Dubai Action Plan and of the five regional '
       'initiatives for the Americas adopted at WTDC' + NBH + '14, and thanked the BDT Regional Office for its work.'])
    H(6)
    N(['7.1\tAfter discussing the contributions received, the meeting agreed on the following regional priorities for the '
       'Americas region:'])
    prio = ['Deployment of broadband infrastructure, in particular in rural, remote and underserved areas.',
            'Disaster risk reduction, emergency telecommunications and climate change adaptation.',
            'Spectrum management and the transition to digital broadcasting.',
            'Accessibility of telecommunications/ICTs for persons with disabilities and persons with specific needs.',
            'Building confidence and security in the use of ICTs, including the protection of children online.']
    nid = doc.new_num(0)
    for t in prio:
        N([t], style='ListParagraph', num=(nid, 0))
    H(7)
    N(['8.1\tThe meeting agreed on the following five regional initiatives for the Americas:'])
    inits = [
        ('AMS1', 'Disaster risk reduction and management',
         'To support the countries of the Americas, in particular small island developing States, in all phases of disaster '
         'management using telecommunications/ICTs.',
         ['National emergency telecommunication plans developed or updated.',
          'Early warning systems deployed and tested in vulnerable countries.',
          'Emergency telecommunication equipment available for rapid deployment.']),
        ('AMS2', 'Spectrum management and transition to digital broadcasting',
         'To assist Member States in modernizing spectrum management and completing the transition from analogue to digital '
         'terrestrial television.',
         ['Spectrum management systems upgraded in interested countries.',
          'Roadmaps for the analogue switch' + NBH + 'off prepared and implemented.']),
        ('AMS3', 'Development of broadband access and adoption of broadband',
         'To promote policies and investment that extend affordable broadband to rural, remote and underserved areas.',
         ['National broadband plans reviewed and updated.',
          'Universal service funds used effectively for broadband projects.',
          'Community networks supported in rural areas.']),
        ('AMS4', 'Accessibility and affordability for an inclusive Americas',
         'To ensure that persons with disabilities and persons with specific needs can use telecommunications/ICTs.',
         ['Accessibility policies adopted by Member States.',
          'Training delivered to regulators and operators on accessible services.']),
        ('AMS5', 'Building confidence and security in the use of ICTs',
         'To strengthen national capacities to prevent and respond to cyberthreats and to protect children online.',
         ['National computer incident response teams (CIRTs) established or strengthened.',
          'Regional cyberdrills held every year.',
          'Child online protection strategies adopted.']),
    ]
    for code, title, obj, results in inits:
        doc.p([code + ': ' + title], style='Heading2')
        N([B('Objective:'), ' ' + obj])
        N([B('Expected results:')], keep_next=True)
        nid = doc.new_num(0, start=1)
        for r in results:
            N([r], style='ListParagraph', num=(nid, 0))
    H(8)
    N(['9.1\tThe meeting agreed to forward the following proposals to WTDC' + NBH + '17:'])
    props = [
        prop('MOD', 'AMS/41/1', 'RESOLUTION 34 (REV. DUBAI, 2014)',
             'The role of telecommunications/information and communication technologies in disaster preparedness, early '
             'warning, rescue, mitigation, relief and response',
             [para(['The World Telecommunication Development Conference (', Del('Dubai, 2014', A1, D1),
                    Ins('Buenos Aires, 2017', A1, D1), '),'], 'Normalaftertitle'),
              para(['considering'], 'Call'),
              para(['a)\tthat countries of the Americas, in particular the small island developing States of the Caribbean, '
                    'are highly exposed to hurricanes, earthquakes and floods;']),
              para(['b)\tthat telecommunications/ICTs are essential for early warning and for the coordination of relief',
                    Ins(', and that cell broadcast can reach the whole population of an affected area', A2, D2), ';']),
              para(['resolves to instruct the Director of the Telecommunication Development Bureau'], 'Call'),
              para(['1\tto assist Member States in preparing national emergency telecommunication plans',
                    Del(' as appropriate', A1, D1), Ins(' and in testing them at least once a year', A2, D2, pieces=2), ';']),
              ],
             'Recent disasters in the region showed the need for plans that are prepared and exercised in advance.'),
        prop('ADD', 'AMS/41/2', 'DRAFT NEW RESOLUTION [AMS' + NBH + '1]',
             'Broadband connectivity for small island developing States of the Caribbean',
             [para(['The World Telecommunication Development Conference (Buenos Aires, 2017),'], 'Normalaftertitle'),
              para(['recognizing'], 'Call'),
              para(['that the high cost of international connectivity is the main obstacle to affordable broadband in small '
                    'island developing States;']),
              para(['resolves to instruct the Director of the Telecommunication Development Bureau'], 'Call'),
              para(['to assist the small island developing States of the Caribbean in developing regional approaches to '
                    'submarine cable connectivity and Internet exchange points.']),
              ],
             'Small island developing States need specific assistance to reduce the cost of connectivity.'),
    ]
    for pr in props:
        render_proposal(doc, pr)
    H(9)
    N(['10.1\tThe Chairman thanked the participants, the Government of Paraguay and the secretariat, and closed the meeting '
       'at 17:30' + NB + 'hours on 24' + NB + 'February 2017.'])
    doc.footer = doc.footer_xml('RPM-AMS17/41-E')
    save_docx(doc, os.path.join(OUT, 'rpm-ams17-chairman.docx'))

    EXPECTED['rpm-ams17-chairman.docx'] = {
        'kind': 'chairman-report',
        'language': 'en',
        'region': 'AMS',
        'region_evidence': {'rpm_symbol': 'RPM-AMS', 'meeting_name': 'Regional Preparatory Meeting for WTDC-17 for the Americas (RPM-AMS)'},
        'document': {'as_written': 'Document RPM-AMS17/41-E', 'symbol': 'RPM-AMS17/41', 'language_suffix': 'E',
                     'date': '2017-02-24', 'original': 'English'},
        'title': 'DRAFT REPORT BY THE CHAIRMAN',
        'header_in_table': True,
        'meeting': {
            'symbol': 'RPM-AMS17', 'report_symbol': 'RPM-AMS17/41',
            'title': 'Regional Preparatory Meeting for WTDC-17 for the Americas',
            'venue': 'Asunción, Paraguay',
            'venue_as_written_in_header': 'Asunción, Paraguay, from 22 \u2013 24 February 2017',
            'dates_as_written_in_text': 'from 22 to 24 February 2017',
            'start': '2017-02-22', 'end': '2017-02-24',
            'chair': 'Ms Teresa Giménez (Paraguay)',
            'vice_chairs': ['Mr Carlos Ribeiro (Brazil)', 'Ms Anne Tremblay (Canada)'],
            'regional_organizations': ['CITEL', 'CTU'],
        },
        'participation': {
            'participants': 203, 'member_states': 24, 'sector_members': 11, 'ldc_fellowships': 12,
            'note': '1.3 states "twenty-four Member States and eleven Sector Members" in words; 4.1 gives digits '
                    '(203 participants, 24 Member States, 11 Sector Members, 3 Academia); 4.2 "Twelve fellowships" in words. '
                    'The words and the digits agree.',
        },
        'headings': [(n + ' ' + t).replace(NBH, '-') for _, n, t in sections],
        'toc': {'present': True, 'entries': len(sections),
                'note': 'TOC paragraphs (style TOC1, inside the TOC field) repeat the headings and must not be read as content'},
        'priorities': prio,
        'initiatives': [{'code': c, 'title': t.replace(NBH, '-'), 'objective_start': first_words(o),
                         'expected_results': [r.replace(NBH, '-') for r in rs]} for c, t, o, rs in inits],
        'proposals': [expect_proposal(p) for p in props],
        'counts': counts(doc),
    }


def cover_fields(doc, fields, label_style='Headingb'):
    """Priority area / Summary / Expected results / References blocks."""
    out = {}
    for label, value in fields:
        doc.p([B(label)], style=label_style)
        items = value if isinstance(value, list) else [value]
        doc.p(items)
        out[label.rstrip(':').strip().lower().replace(' ', '_')] = text_of(items)
    return out


def package_expect(doc, *, region, evidence, as_written, symbol, date, original, source, title, props, language='en',
                   cover=None, extra=None):
    e = {'kind': 'common-proposals', 'language': language, 'region': region, 'region_evidence': evidence,
         'document': {'as_written': as_written, 'symbol': symbol, 'language_suffix': symbol and as_written[-1],
                      'date': date, 'original': original},
         'source': source, 'title': title}
    if cover:
        e['cover'] = cover
    if extra:
        e.update(extra)
    e['proposals'] = [expect_proposal(p) for p in props]
    e['counts'] = counts(doc)
    return e


# ===================================================================== ATU
def make_atu():
    doc = Doc('atu-wtdc25-package', title='African common proposals', creator='ATU Secretariat',
              created='2025-09-15T07:45:00Z', track=True)
    A1, D1 = 'Mwangi, Peter', '2025-08-14T10:12:00Z'
    A2, D2 = 'Diallo, Fatou', '2025-08-20T15:40:00Z'
    cover_table(doc, WTDC25, 'PLENARY MEETING', ['Addendum 1 to', 'Document WTDC-25/29-E'], [B('15 September 2025')],
                B('Original: English'))
    doc.p(['African Telecommunication Union Administrations'], style='Source')
    doc.p(['AFRICAN COMMON PROPOSALS FOR THE WORK OF THE CONFERENCE'], style='Title1')
    doc.p(['Part 1 ' + '\u2013' + ' Resolutions and Questions of the Sector'], style='Title2')
    cover = cover_fields(doc, [
        ('Priority area:', '\u2013 Resolutions, Recommendations and Questions'),
        ('Summary:', ['This addendum contains the proposals of the ATU Administrations on Resolution 17, a draft new '
                      'resolution on artificial intelligence for sustainable development, the suppression of Resolution 50 '
                      'and the revision of Question 5/1, agreed at the ATU Preparatory Meeting for WTDC' + NBH + '25 '
                      '(Nairobi, 4' + '\u2013' + '6 June 2025).']),
        ('Expected results:', 'WTDC' + NBH + '25 is invited to consider and adopt these proposals.'),
        ('References:', ['Report of the Regional Preparatory Meeting for Africa (RPM' + NBH + 'AFR), Document ',
                         Bookmark('_Hlk176543210', ['RPM' + NBH + 'AFR25/42']), '.']),
    ])
    body17 = [
        para(['The World Telecommunication Development Conference (', Del('Kigali, 2022', A1, D1),
              Ins('Baku, 2025', A1, D1), '),'], 'Normalaftertitle'),
        para(['considering'], 'Call'),
        para(['a)\tthe importance of the regional initiatives adopted by each WTDC in addressing the specific '
              'telecommunication/ICT priorities of each region;']),
        para(['b)\tthat the ITU' + NBH + 'D regional and area offices play a key role in the implementation of the regional '
              'initiatives', Ins([', in close cooperation with regional telecommunication organizations such as the African '
                                  'Telecommunications Union (ATU)'], A2, D2), ';']),
        para(['recognizing'], 'Call'),
        para(['that the resources available for the implementation of regional initiatives are limited',
              Del(' and should be allocated in a transparent manner', A1, D1), ',']),
        para(['resolves'], 'Call'),
        para(['that the Telecommunication Development Bureau (BDT) shall continue to mobilize the financial resources needed '
              'to implement the regional initiatives', Ins(', including through partnerships with development banks', A2, D2),
              ';'], num=('RES', 0)),
        para(['that BDT shall report to the Telecommunication Development Advisory Group (TDAG) each year on the '
              'implementation of the regional initiatives',
              MoveFrom(', showing the results achieved in each country', 'move176600001', A2, D2), ';'], num=('RES', 0)),
        para(['that the regional initiatives shall be implemented through projects with measurable key performance indicators',
              MoveTo(', showing the results achieved in each country', 'move176600001', A2, D2), ';'], num=('RES', 0)),
        para([Ins('that each region shall identify no more than five regional initiatives,', A1, D1)], num=('RES', 0),
             mark_ins=(A1, D1)),
        para(['instructs the Director of the Telecommunication Development Bureau'], 'Call'),
        para(['1\tto implement this resolution', Del(' within the available resources', A1, D1), ';']),
        para(['2\tto report to ', Ins('WTDC' + NBH + '29', A1, D1), Del('the next WTDC', A1, D1), ' on the results achieved.']),
    ]
    props = [
        prop('MOD', 'AFCP/29A1/1',
             ['RESOLUTION 17 (REV. ', Del('KIGALI, 2022', A1, D1), Ins('BAKU, 2025', A1, D1), ')'],
             'Implementation of regional initiatives at the national, regional, interregional and global levels',
             body17,
             'To strengthen the implementation and the monitoring of the regional initiatives and the role of regional '
             'organizations in them.'),
        prop('ADD', 'AFCP/29A1/2', 'DRAFT NEW RESOLUTION [AFCP' + NBH + '1]',
             'Artificial intelligence for sustainable development in Africa',
             [para(['The World Telecommunication Development Conference (Baku, 2025),'], 'Normalaftertitle'),
              para(['considering'], 'Call'),
              para(['a)\tthat artificial intelligence (AI) can accelerate progress towards the Sustainable Development Goals;']),
              para(['b)\tthat most African countries lack the computing infrastructure, the data and the skills needed to '
                    'benefit from AI;']),
              para(['resolves to instruct the Director of the Telecommunication Development Bureau'], 'Call'),
              para(['1\tto assist African Member States in developing national AI strategies and ', LQ + 'AI' + NBH
                    + 'ready' + RQ, ' data policies;']),
              para(['2\tto organize capacity' + NBH + 'building programmes on AI for policy' + NBH + 'makers and regulators, '
                    'in collaboration with ATU and the African Union Commission.']),
              ],
             'Africa needs specific support to benefit from artificial intelligence.'),
        prop('SUP', 'AFCP/29A1/3', 'RESOLUTION 50 (REV. KIGALI, 2022)', None, [],
             'The content of this resolution is covered by Resolution 37 and by the WTDC Action Plan.'),
        prop('MOD', 'AFCP/29A1/4', 'QUESTION 5/1',
             'Telecommunications/ICTs for rural and remote areas',
             [para([B('1\tStatement of the situation or problem')], 'Headingb'),
              para([PageBreakMark(), 'Rural and remote areas of Africa remain underserved',
                    Ins(', and the cost of backhaul remains a major obstacle to the deployment of networks', A1, D1), '. ',
                    RPrChange('Community networks', A2, D2), ' and satellite solutions offer new opportunities.']),
              para([B('2\tQuestion or issue for study')], 'Headingb'),
              para(['a)\tPolicies and business models for connecting rural and remote areas', Del(', including the use of '
                                                                                              'universal service funds', A2, D2), ';']),
              para([Ins('b)\tThe use of low Earth orbit satellite systems for backhaul and direct access;', A2, D2)],
                   mark_ins=(A2, D2)),
              ],
             'To take account of new technologies for rural connectivity.'),
    ]
    nid = doc.new_num(2)
    for pr in props:
        for b in pr['body']:
            if b.get('num') == ('RES', 0):
                b['num'] = (nid, 0)
    for pr in props:
        render_proposal(doc, pr)
    doc.header = doc.header_xml('WTDC-25/29(Add.1)-E')
    save_docx(doc, os.path.join(OUT, 'atu-wtdc25-package.docx'))
    EXPECTED['atu-wtdc25-package.docx'] = package_expect(
        doc, region='AFR', evidence={'source': 'African Telecommunication Union Administrations', 'number_prefix': 'AFCP'},
        as_written='Addendum 1 to Document WTDC-25/29-E', symbol='WTDC-25/29(Add.1)', date='2025-09-15',
        original='English', source='African Telecommunication Union Administrations',
        title='AFRICAN COMMON PROPOSALS FOR THE WORK OF THE CONFERENCE', props=props, cover=cover,
        extra={'notes': ['Resolves items 1-4 of AFCP/29A1/1 are Word auto-numbered (w:numPr, numbering.xml '
                         'abstractNum 2, "%1" multilevel); the instructs items carry typed numbers "1<tab>".',
                         'The 4th resolves item is a whole inserted paragraph (w:pPr/w:rPr/w:ins).',
                         'move176600001: the phrase moves from resolves 2 to resolves 3 (w:moveFrom/w:moveTo with range marks).',
                         '"Community networks" has a formatting-only tracked change (w:rPrChange): not a text change.',
                         'Header has a PAGE w:fldSimple.']})


# =================================================================== CITEL
def make_citel():
    doc = Doc('citel-iap', title='Inter-American Proposals', creator='CITEL Secretariat', created='2025-09-22T13:00:00Z',
              track=True)
    A1, D1 = 'CITEL Secretariat', '2025-07-30T16:25:00Z'
    A2, D2 = 'Rodríguez, Ana María', '2025-08-05T12:03:00Z'
    cover_table(doc, WTDC25, 'PLENARY MEETING', ['Addendum 2 to', 'Document WTDC-25/32-E'],
                [SdtText('22 September 2025', 'DocDate', 'Date'), ''], B('Original: Spanish'))
    doc.p(['Member States of the Inter' + NBH + 'American Telecommunication Commission (CITEL)'], style='Source')
    doc.p(['INTER' + NBH + 'AMERICAN PROPOSALS FOR THE WORK OF THE CONFERENCE'], style='Title1')
    doc.p(['Part 2 ' + '\u2013' + ' Resolutions and Action Plan'], style='Heading1')
    cover = cover_fields(doc, [
        ('Summary:', 'The Member States of CITEL submit the following Inter' + NBH + 'American Proposals (IAPs), adopted by '
                     'the Permanent Consultative Committee I (PCC.I) of CITEL.'),
        ('Expected results:', 'WTDC' + NBH + '25 is invited to adopt the IAPs contained in this addendum.'),
        ('References:', 'Resolution 34 (Rev. Kigali, 2022); Resolution 20 (Rev. Kigali, 2022); Kigali Action Plan.'),
    ], label_style='Headingb')
    nid = doc.new_num(0)
    props = [
        prop('MOD', 'IAP' + NBH + '1', 'RESOLUTION 34 (REV. KIGALI, 2022)',
             'The role of telecommunications/information and communication technologies in disaster preparedness, early '
             'warning, rescue, mitigation, relief and response',
             [para(['The World Telecommunication Development Conference (Baku, 2025),'], 'Normalaftertitle'),
              para(['recognizing'], 'Call'),
              para(['a)\tthe ', LQ + 'Early Warnings for All' + RQ, ' initiative of the United Nations Secretary' + NBH
                    + 'General', Ins(', which aims to ensure that everyone on Earth is protected by early warning systems by 2027',
                                      A1, D1), ';']),
              para(['b)\tthat ', RPrChange('cell broadcast', A2, D2), ' and location' + NBH + 'based alerting can reach every '
                    'mobile phone in an affected area;']),
              para(['resolves to instruct the Director of the Telecommunication Development Bureau'], 'Call'),
              para(['to assist Member States in developing national emergency telecommunication plans', Ins(' and in testing '
                    'them through regular exercises', A2, D2), ';'], num=(nid, 0)),
              para(['to maintain a regional roster of experts', Del(' and equipment', A1, D1), ' that can be deployed rapidly '
                    'after a disaster.'], num=(nid, 0)),
              ],
             'Alerts reach the population only where plans have been prepared and exercised in advance.'),
        prop('ADD*', 'IAP' + NBH + '2', 'DRAFT NEW RESOLUTION [IAP' + NBH + '2]',
             'Meaningful connectivity for indigenous peoples and rural communities',
             [para(['The World Telecommunication Development Conference (Baku, 2025),'], 'Normalaftertitle'),
              para(['considering'], 'Call'),
              para(['that indigenous peoples in the Americas are among the least connected populations;']),
              para(['resolves'], 'Call'),
              para(['to promote infrastructure, content and skills that allow indigenous and rural communities to benefit from '
                    'connectivity, including community networks operated by the communities themselves.']),
              ],
             'Indigenous and rural communities need targeted measures to benefit from connectivity.'),
        prop('NOC', 'IAP' + NBH + '3', 'RESOLUTION 20 (REV. KIGALI, 2022)',
             'Non' + NBH + 'discriminatory access to modern telecommunication/information and communication technology '
             'facilities, services and applications',
             [],
             'The resolution remains valid and should be maintained without change.'),
        prop('MOD', 'IAP' + NBH + '4', 'WTDC ACTION PLAN',
             'Output 1.2: Meaningful connectivity and key performance indicators',
             [para(['The Action Plan should contain a results framework in which every output has a baseline, a target for '
                    '2029', Ins(' and a source of data', A1, D1), '.']),
              ],
             'The membership asked for better evidence of results at every TDAG meeting.'),
    ]
    for pr in props:
        render_proposal(doc, pr)
    doc.footer = doc.footer_xml('WTDC-25/32(Add.2)-E')
    save_docx(doc, os.path.join(OUT, 'citel-iap.docx'))
    EXPECTED['citel-iap.docx'] = package_expect(
        doc, region='AMS', evidence={'source': 'Member States of the Inter-American Telecommunication Commission (CITEL)',
                                     'number_prefix': 'IAP'},
        as_written='Addendum 2 to Document WTDC-25/32-E', symbol='WTDC-25/32(Add.2)', date='2025-09-22',
        original='Spanish', source='Member States of the Inter-American Telecommunication Commission (CITEL)',
        title='INTER-AMERICAN PROPOSALS FOR THE WORK OF THE CONFERENCE', props=props, cover=cover,
        extra={'notes': ['Proposal numbers are CITEL "IAP-n" (with a no-break hyphen in the XML), not ORG/doc/serial.',
                         'The date in the header table is an inline w:sdt content control.',
                         'ADD* is a mark of its own (action ADD); NOC has no title text change and no body.',
                         '"Part 2 - Resolutions and Action Plan" is a Heading 1 that is not a proposal.',
                         'Resolves items of IAP-1 are auto-numbered (numbering.xml, decimal).']})


# ============================================================ Arab States
def make_arb():
    doc = Doc('arb-package', title='Arab States common proposals', creator='Arab Group', created='2025-09-30T10:00:00Z',
              track=True)
    A1, D1 = 'ARB Coordinator', '2025-09-02T08:30:00Z'
    # no ITU template here: a plain table, bold paragraphs instead of styles
    cover_table(doc, WTDC25, 'PLENARY MEETING', ['Addendum 5 to', 'Document WTDC-25/20-E'],
                [SmartTag('date', '30 September 2025')], B('Original: Arabic'))
    doc.p([B('Arab States')], jc='center', spacing='w:before="720"')
    doc.p([B('ARAB STATES COMMON PROPOSALS FOR THE WORK OF THE CONFERENCE')], jc='center')
    doc.p([B('Summary')])
    doc.p(['These proposals were agreed at the coordination meeting of the Arab Group held in ',
           SmartTag('City', 'Cairo'), ' after the Regional Preparatory Meeting for the Arab States (RPM' + NBH + 'ARB), and '
           'concern Resolution 37, Question 2/2 and a draft new resolution on the Arabic language.'])
    ttl = lambda s: [T(s, b=True)]
    props = [
        prop('(MOD)', 'ARB/20A5/1', [T('Resolution 37 (Rev. Kigali, 2022)', caps=True)], ttl('Bridging the digital divide'),
             [para(['The World Telecommunication Development Conference (Baku, 2025),']),
              para([I('considering')], ind='w:left="794"'),
              para(['that ', Del('information and communication technologies (ICTs)', A1, D1),
                    Ins('telecommunications/ICTs', A1, D1), ' are essential for the achievement of the Sustainable Development '
                    'Goals;']),
              ],
             'Editorial alignment with the terminology of the Constitution.'),
        prop('MOD', 'ARB/20A5/2', [T('Question 2/2', caps=True)],
             ttl('Enabling technologies for e' + NBH + 'services and applications, including e' + NBH + 'health and e'
                 + NBH + 'education'),
             [para([B('1\tStatement of the situation or problem')]),
              para(['E' + NBH + 'services are growing rapidly in the Arab region', Ins(', in particular digital government '
                    'and ', A1, D1), ProofErr('e' + NBH + 'payment'), Ins(' services', A1, D1), '.']),
              ],
             'To reflect the growth of digital government services.'),
        prop('ADD', 'ARB/20A5/3', [T('Draft new Resolution [ARB' + NBH + '1]', caps=True)],
             ttl('Use of the Arabic language in the Telecommunication Development Sector'),
             [para(['The World Telecommunication Development Conference (Baku, 2025),']),
              para([I('recalling')], ind='w:left="794"'),
              para(['Resolution 154 (Rev. Bucharest, 2022) of the Plenipotentiary Conference on the use of the six official '
                    'languages of the Union on an equal footing,']),
              para([I('resolves')], ind='w:left="794"'),
              para(['that ITU' + NBH + 'D publications of interest to the Arab region shall be made available in Arabic at the '
                    'same time as in English.']),
              ],
             'Equal treatment of the official languages of the Union.'),
    ]
    for pr in props:
        # mark paragraph as bold Normal text, target centred with direct caps, title bold centred: no ITU styles
        doc.p(pr['mark_items'], keep_next=True, spacing='w:before="240"')
        doc.p(pr['target_items'], jc='center', keep_next=True, spacing='w:before="360"')
        doc.p(pr['title_items'], jc='center', keep_next=True)
        for b in pr['body']:
            kw = {k: v for k, v in b.items() if k not in ('items', 'style')}
            doc.p(b['items'], **kw)
        doc.p(pr['reasons_items'])
    doc.header = doc.header_xml('WTDC-25/20(Add.5)-E')
    save_docx(doc, os.path.join(OUT, 'arb-package.docx'))
    EXPECTED['arb-package.docx'] = package_expect(
        doc, region='ARB', evidence={'source': 'Arab States', 'number_prefix': 'ARB'},
        as_written='Addendum 5 to Document WTDC-25/20-E', symbol='WTDC-25/20(Add.5)', date='2025-09-30',
        original='Arabic', source='Arab States', title='ARAB STATES COMMON PROPOSALS FOR THE WORK OF THE CONFERENCE',
        props=props, extra={'notes': [
            'No paragraph styles at all (every paragraph is Normal): marks, targets and titles are told by bold, centring '
            'and direct w:caps formatting.',
            'Targets are stored in mixed case with w:caps ("Resolution 37 (Rev. Kigali, 2022)" shown as capitals): '
            '"target" is the stored text.',
            'The date is inside a w:smartTag (element "date") and "Cairo" inside a smartTag "City".',
            '"(MOD)" is the editorial-change mark: action MOD.']})


# ==================================================================== APT
def make_apt():
    doc = Doc('apt-acp', title='APT common proposals', creator='APT Secretariat', created='2025-10-01T03:15:00Z', track=True)
    A1, D1 = 'APT WTDC-25 Editor', '2025-08-28T05:20:00Z'
    A2, D2 = 'Tanaka, Hiroshi', '2025-09-03T02:48:00Z'
    cover_table(doc, WTDC25, 'PLENARY MEETING', ['Addendum 1 to', 'Document WTDC-25/67-E'], [B('1 October 2025')],
                B('Original: English'))
    doc.p(['Asia' + NBH + 'Pacific Telecommunity Member Administrations'], style='Source')
    doc.p(['APT COMMON PROPOSALS FOR THE WORK OF THE CONFERENCE'], style='Title1')
    doc.p([B('Priority area:'), '\t', SdtText('Resolutions, Recommendations and Questions', 'PriorityArea', 'Priority area')])
    cover = {'priority_area': 'Resolutions, Recommendations and Questions'}
    cover.update(cover_fields(doc, [
        ('Summary:', ['This document contains the Asia' + NBH + 'Pacific common proposals (ACPs) on Resolutions 45, 37 and '
                      '17 and a draft new resolution on Pacific small island developing States, adopted at the fourth '
                      'meeting of the APT Preparatory Group for WTDC' + NBH + '25 (APT WTDC25' + NBH + '4).']),
        ('Expected results:', 'The conference is invited to adopt these proposals.'),
        ('References:', 'Resolutions 17, 37 and 45 (Rev.' + NB + 'Kigali, 2022).'),
    ]))
    adm = ('Australia; Bangladesh (People' + RS + 's Republic of); China (People' + RS + 's Republic of); Fiji (Republic of); '
           'India (Republic of); Indonesia (Republic of); Japan; Korea (Republic of); Malaysia; Papua New Guinea; Philippines '
           '(Republic of the); Thailand; Viet Nam (Socialist Republic of)')
    doc.p([B('Adopted by: '), adm])
    props = [
        prop('MOD', 'ACP/67A1/1', 'RESOLUTION 45 (REV. KIGALI, 2022)',
             'Mechanisms for enhancing cooperation on cybersecurity, including countering and combating spam',
             [para(['The World Telecommunication Development Conference (Baku, 2025),'], 'Normalaftertitle'),
              para(['considering'], 'Call'),
              para(['a)\tthe increasing number of cyber' + SHY + 'attacks on critical tele' + SHY + 'communication infrastructure',
                    Ins(' and on the health and energy sectors', A1, D1), ';']),
              para(['b)\t', Del('the need to counter and combat spam, which remains a concern for developing countries;',
                                A2, D2)]),
              para(['resolves to instruct the Director of the Telecommunication Development Bureau'], 'Call'),
              para(['1\tto support Member States in developing national cybersecurity strategies and in establishing '
                    'computer incident response teams', Ins(', with priority to countries that have none', A2, D2), ';']),
              ],
             'To focus ITU' + NBH + 'D work on capacity building and avoid overlap with Resolution 69.'),
        prop('NOC', 'ACP/67A1/2', 'RESOLUTION 37 (REV. KIGALI, 2022)', 'Bridging the digital divide', [],
             'APT Members consider that the resolution remains relevant and should be maintained without change.'),
        prop('ADD', 'ACP/67A1/3', 'DRAFT NEW RESOLUTION [ACP' + NBH + '1]',
             'Connectivity for Pacific small island developing States',
             [para(['The World Telecommunication Development Conference (Baku, 2025),'], 'Normalaftertitle'),
              para(['recognizing'], 'Call'),
              para(['that Pacific small island developing States depend on a small number of submarine cables and satellite '
                    'links, which makes them vulnerable to outages;']),
              para(['resolves to instruct the Director of the Telecommunication Development Bureau'], 'Call'),
              para(['to assist Pacific small island developing States in improving the resilience and affordability of their '
                    'international connectivity.']),
              ],
             'The Pacific island countries face specific connectivity challenges.'),
        prop('MOD', 'ACP/67A1/4', 'RESOLUTION 17 (REV. KIGALI, 2022)',
             'Implementation of regional initiatives at the national, regional, interregional and global levels',
             [para(['resolves'], 'Call'),
              para(['that each regional initiative shall have a lead partner and an estimate of the resources required',
                    Ins(', and shall be reviewed at mid' + NBH + 'term by the relevant regional telecommunication organization',
                        A1, D1, pieces=3), ';']),
              ],
             'Better planning of the resources needed for regional initiatives.'),
    ]
    for pr in props:
        render_proposal(doc, pr)
    doc.footer = doc.footer_xml('WTDC-25/67(Add.1)-E', simple=True)
    save_docx(doc, os.path.join(OUT, 'apt-acp.docx'))
    EXPECTED['apt-acp.docx'] = package_expect(
        doc, region='ASP', evidence={'source': 'Asia-Pacific Telecommunity Member Administrations', 'number_prefix': 'ACP'},
        as_written='Addendum 1 to Document WTDC-25/67-E', symbol='WTDC-25/67(Add.1)', date='2025-10-01',
        original='English', source='Asia-Pacific Telecommunity Member Administrations',
        title='APT COMMON PROPOSALS FOR THE WORK OF THE CONFERENCE', props=props, cover=cover,
        extra={'adopted_by': [a.strip() for a in adm.split(';')],
               'notes': ['"Priority area:" value is an inline w:sdt content control on the same line (label, tab, sdt).',
                         'Soft hyphens (w:softHyphen) inside "cyber-attacks"/"telecommunication" vanish in the text.',
                         'The insertion in ACP/67A1/4 is written as three adjacent w:ins (same author and date): one change.',
                         'ACP/67A1/1 b) is a paragraph whose whole text is deleted (the paragraph mark is not).',
                         'Footer PAGE is a w:fldSimple.']})


# ==================================================================== RCC
def make_rcc():
    doc = Doc('rcc-addendum', title='Draft revision to Resolution 17', creator='RCC Executive Committee',
              created='2025-09-10T11:30:00Z')
    cover_table(doc, WTDC25, 'PLENARY MEETING', ['Addendum 10 to', 'Document WTDC-25/19-E'], [B('10 September 2025')],
                B('Original: Russian'))
    doc.p(['ITU Member States, members of the RCC'], style='Source')
    doc.p(['DRAFT REVISION TO RESOLUTION 17'], style='Title1')
    cover = {}
    doc.p([B('Priority area:')], style='Headingb')
    doc.p(['Regional initiatives'])
    cover['priority_area'] = 'Regional initiatives'
    doc.p([B('Summary:')], style='Headingb')
    summ = ['The RCC Administrations propose to revise Resolution 17 so that regional initiatives are fewer, better '
            'prepared and implemented jointly with regional telecommunication organizations.']
    doc.raw('<w:sdt><w:sdtPr><w:alias w:val="Summary"/><w:tag w:val="Summary"/><w:id w:val="-1472398845"/></w:sdtPr>'
            '<w:sdtContent>%s</w:sdtContent></w:sdt>' % doc.para_xml(summ))
    cover['summary'] = text_of(summ)
    cover.update(cover_fields(doc, [
        ('Expected results:', 'Adoption of the revised Resolution 17 by WTDC' + NBH + '25.'),
        ('References:', 'Resolution 17 (Rev. Kigali, 2022) of WTDC; Resolution 135 (Rev. Bucharest, 2022) of the '
                        'Plenipotentiary Conference.'),
    ]))
    ru = T('Исполнительный комитет РСС', lang='ru-RU')
    body = [
        para(['The World Telecommunication Development Conference (', FmtDel('Kigali, 2022'), FmtIns('Baku, 2025'), '),'],
             'Normalaftertitle'),
        para(['considering'], 'Call'),
        para(['a)\tthat regional initiatives are an effective tool for meeting the specific needs of each region;']),
        para(['b)\tthat ', FmtDel('a large number of'), FmtIns('too many'), ' regional initiatives were adopted in previous '
              'cycles with limited resources;']),
        para(['resolves'], 'Call'),
        para(['1\tthat each region shall adopt no more than ', FmtIns('five'), FmtDel('seven'), ' regional initiatives;']),
        para(['2\tthat, for each regional initiative, the Telecommunication Development Bureau shall prepare',
              FmtIns(' within six months'), ' a project document with a budget, a lead partner', FmtIns(', key performance '
              'indicators and an exit strategy'), ';']),
        para([FmtIns('3\tthat regional initiatives shall be implemented jointly with the regional telecommunication '
                     'organizations, in the CIS region with the RCC;')]),
        para(['instructs the Director of the Telecommunication Development Bureau'], 'Call'),
        para(['to report on the implementation of this resolution to ', FmtDel('each meeting of '), FmtIns('every meeting of '),
              'TDAG.']),
    ]
    props = [prop('MOD', 'RCC/19A10/1', 'RESOLUTION 17 (REV. KIGALI, 2022)',
                  'Implementation of regional initiatives at the national, regional, interregional and global levels',
                  body, 'Previous cycles adopted a large number of initiatives with limited resources; concentrating efforts '
                        'on a few well' + NBH + 'prepared initiatives will increase their impact.')]
    for pr in props:
        render_proposal(doc, pr)
    doc.p([T('Source text: ', i=True), ru], style='Note')
    doc.footer = doc.footer_xml('WTDC-25/19(Add.10)-E')
    save_docx(doc, os.path.join(OUT, 'rcc-addendum.docx'))
    EXPECTED['rcc-addendum.docx'] = package_expect(
        doc, region='CIS', evidence={'source': 'ITU Member States, members of the RCC', 'number_prefix': 'RCC'},
        as_written='Addendum 10 to Document WTDC-25/19-E', symbol='WTDC-25/19(Add.10)', date='2025-09-10',
        original='Russian', source='ITU Member States, members of the RCC', title='DRAFT REVISION TO RESOLUTION 17',
        props=props, cover=cover, extra={'notes': [
            'No Word tracking: revisions are formatting copied from a marked-up text, underline (w:u, blue) = added, '
            'strike (w:strike, red) = deleted. Changes have no author or date.',
            'Resolves 3 is entirely underlined: an inserted paragraph.',
            'The Summary paragraph is wrapped in a block-level w:sdt content control.',
            'A trailing Note paragraph has a Russian run (w:lang ru-RU) after the Reasons: not part of the proposal.']})


# ============================================================= CEPT, English
def cept_props(lang, A1, D1, A2, D2):
    fr = lang == 'fr'
    L = (lambda en, f: f if fr else en)
    reasons_label = 'Motifs' + NB + ':' if fr else 'Reasons:'
    mk = lambda *a, **k: prop(*a, reasons_label=reasons_label, **k)
    r37_body = [
        para([L('The World Telecommunication Development Conference (', 'La Conférence mondiale de développement des '
                'télécommunications ('), Del(L('Buenos Aires, 2017', 'Buenos Aires, 2017'), A1, D1),
              Ins('Bakou, 2025' if fr else 'Baku, 2025', A1, D1), '),'], 'Normalaftertitle'),
        para([L('considering', 'considérant')], 'Call'),
        para([L('a)\tthat the digital divide persists between and within countries, in particular between urban and rural '
                'areas', 'a)\tque la fracture numérique persiste entre les pays et à l' + RS + 'intérieur des pays, en '
                'particulier entre les zones urbaines et rurales'),
              Ins(L(', and between women and men', ', ainsi qu' + RS + 'entre les femmes et les hommes'), A2, D2),
              (NNB + ';') if fr else ';']),
        para([L('b)\tthat the ', 'b)\tque l' + RS), L(LQ + 'meaningful connectivity' + RQ,
                                                      '«' + NB + 'connectivité significative' + NB + '»'),
              L(' framework of ITU provides indicators for measuring progress', ' définie par l' + RS + 'UIT fournit des '
                'indicateurs permettant de mesurer les progrès'),
              Fn(L('See the report of the ITU' + NBH + 'D Study Group 1 on meaningful connectivity (2024).',
                   'Voir le rapport de la Commission d' + RS + 'études 1 de l' + RS + 'UIT' + NBH + 'D sur la connectivité '
                   'significative (2024).')), ';']),
        para([L('resolves to instruct the Director of the Telecommunication Development Bureau',
                'charge le Directeur du Bureau de développement des télécommunications')], 'Call'),
        para([L('1\tto continue to collect and publish data on the digital divide',
                '1\tde continuer à recueillir et à publier des données sur la fracture numérique'),
              Del(L(', as appropriate', ', selon qu' + RS + 'il conviendra'), A1, D1),
              Ins(L(', disaggregated by sex, age and location', ', ventilées par sexe, âge et lieu'), A2, D2),
              ';']),
        para([L('2\tto make the data available through ', '2\tde mettre ces données à disposition sur '),
              Link(L('the ITU DataHub', 'la plateforme DataHub de l' + RS + 'UIT'), 'https://datahub.itu.int/'), '.']),
    ]
    props = [
        mk('MOD', 'EUR/33A3/1', L('RESOLUTION 37 (REV. BUENOS AIRES, 2017)', 'RÉSOLUTION 37 (RÉV. BUENOS AIRES, 2017)'),
           L('Bridging the digital divide', 'Réduire la fracture numérique'), r37_body,
           L('The digital divide must be measured better to be reduced.',
             'Il faut mieux mesurer la fracture numérique pour la réduire.')),
        mk('ADD', 'EUR/33A3/2', L('DRAFT NEW RESOLUTION [EUR' + NBH + '1]', 'PROJET DE NOUVELLE RÉSOLUTION [EUR' + NBH + '1]'),
           L('Digital skills for all', 'Des compétences numériques pour tous'),
           [para([L('The World Telecommunication Development Conference (Baku, 2025),',
                    'La Conférence mondiale de développement des télécommunications (Bakou, 2025),')], 'Normalaftertitle'),
            para([L('recognizing', 'reconnaissant')], 'Call'),
            para([L('that a lack of digital skills prevents people from benefiting from connectivity;',
                    'que le manque de compétences numériques empêche de tirer parti de la connectivité' + NNB + ';')]),
            para([L('resolves', 'décide')], 'Call'),
            para([L('that ITU' + NBH + 'D shall help Member States to assess digital skills and to set national targets.',
                    'que l' + RS + 'UIT' + NBH + 'D aide les États Membres à évaluer les compétences numériques et à fixer '
                    'des objectifs nationaux.')]),
            ],
           L('Skills are a condition for meaningful connectivity.',
             'Les compétences sont une condition de la connectivité significative.')),
        mk('MOD', 'EUR/33A3/3', 'QUESTION 2/1',
           L('Strategies, policies, regulations and methods of migration to and adoption of digital broadcasting and '
             'implementation of new services',
             'Stratégies, politiques, réglementations et méthodes de transition vers la radiodiffusion numérique et '
             'd' + RS + 'adoption de cette technologie et mise en œuvre de nouveaux services'),
           [para([L('1\tStatement of the situation or problem', '1\tExposé de la situation ou du problème')], 'Headingb'),
            para([L('Most countries have completed the transition to digital terrestrial television',
                    'La plupart des pays ont achevé le passage à la télévision numérique de Terre'),
                  Ins(L('; the study should now address the future use of the UHF band',
                        NNB + '; l' + RS + 'étude devrait désormais porter sur l' + RS + 'utilisation future de la bande '
                        'UHF'), A1, D1), '.']),
            ],
           L('To update the Question to the situation after the transition.',
             'Mettre la Question à jour compte tenu de la situation après la transition.')),
        mk('MOD', 'EUR/33A3/4', L('WTDC ACTION PLAN', 'PLAN D' + RS + 'ACTION DE LA CMDT'),
           L('Outputs and key performance indicators', 'Produits et indicateurs fondamentaux de performance'),
           [para([L('The table below lists the outputs that Europe proposes to measure.',
                    'Le tableau ci' + NBH + 'dessous énumère les produits que l' + RS + 'Europe propose de mesurer.')]),
            {'table': [[[L('Output', 'Produit')], [L('Indicator', 'Indicateur')], [L('Target 2029', 'Objectif 2029')]],
                       [['1.1'], [L('Countries with a national broadband plan', 'Pays dotés d' + RS + 'un plan national '
                                    'large bande')], ['120' if fr else '120']],
                       [['2.3'], [L('National CIRTs established', 'Équipes nationales CIRT créées')],
                        [Del('90', A2, D2), Ins('100', A2, D2)]]],
             'widths': [1500, 5639, 2500]},
            ],
           L('Results-based management of the Action Plan.', 'Gestion axée sur les résultats du Plan d' + RS + 'action.')),
        mk('SUP', 'EUR/33A3/5', L('RESOLUTION 50 (REV. KIGALI, 2022)', 'RÉSOLUTION 50 (RÉV. KIGALI, 2022)'), None, [],
           L('Streamlining of WTDC resolutions.', 'Rationalisation des résolutions de la CMDT.')),
    ]
    return props


def make_cept(lang):
    fr = lang == 'fr'
    name = 'cept-fr' if fr else 'cept-eur'
    doc = Doc(name, lang='fr-FR' if fr else 'en-GB', title='Propositions européennes communes' if fr else
              'European common proposals', creator='CEPT Com' + NBH + 'ITU', created='2025-10-03T09:00:00Z', track=True)
    A1, D1 = ('Dupont, Claire', '2025-09-18T14:22:00Z') if fr else ('Smith, John', '2025-09-10T09:05:00Z')
    A2, D2 = ('Müller, Andreas', '2025-09-19T08:10:00Z') if fr else ('Müller, Andreas', '2025-09-12T16:47:00Z')
    if fr:
        cover_table(doc, ['Conférence mondiale de développement des télécommunications 2025 (CMDT' + NBH + '25)',
                          'Bakou, Azerbaïdjan, 17' + '\u2013' + '28 novembre 2025'], 'SÉANCE PLÉNIÈRE',
                    ['Addendum 3 au', 'Document WTDC-25/33-F'], [B('3 octobre 2025')], B('Original: anglais'), logo='UIT')
        src = 'Conférence européenne des administrations des postes et des télécommunications (CEPT)'
        title = 'PROPOSITIONS EUROPÉENNES COMMUNES POUR LES TRAVAUX DE LA CONFÉRENCE'
    else:
        cover_table(doc, WTDC25, 'PLENARY MEETING', ['Addendum 3 to', 'Document WTDC-25/33-E'], [B('3 October 2025')],
                    B('Original: English'))
        src = 'European Conference of Postal and Telecommunications Administrations (CEPT)'
        title = 'EUROPEAN COMMON PROPOSALS FOR THE WORK OF THE CONFERENCE'
    doc.p([src], style='Source')
    doc.p([title], style='Title1')
    props = cept_props(lang, A1, D1, A2, D2)
    if fr:
        doc.p([B('Résumé' + NB + ':')], style='Headingb')
        doc.p(['Le présent addendum contient cinq propositions européennes communes (ECP), dont une sur la «' + NB
               + 'connectivité significative' + NB + '».'])
        for pr in props:
            render_proposal(doc, pr)
    else:
        doc.p(['Introduction'], style='Heading1')
        doc.p(['CEPT presents five European Common Proposals (ECPs) in this addendum. Further information on the CEPT '
               'preparations is available on the ', Link('CEPT website', 'https://cept.org/com-itu/'), '.'])
        doc.p(['Proposals'], style='Heading1')
        for pr in props:
            render_proposal(doc, pr, mark_as_heading='Heading2', target_style='Heading3', title_style='Restitle')
    doc.footer = doc.footer_xml('WTDC-25/33(Add.3)-' + ('F' if fr else 'E'))
    save_docx(doc, os.path.join(OUT, name + '.docx'))
    ev = {'source': src, 'number_prefix': 'EUR'}
    EXPECTED[name + '.docx'] = package_expect(
        doc, region='EUR', evidence=ev, language=lang,
        as_written=('Addendum 3 au Document WTDC-25/33-F' if fr else 'Addendum 3 to Document WTDC-25/33-E'),
        symbol='WTDC-25/33(Add.3)', date='2025-10-03', original='anglais' if fr else 'English', source=src, title=title,
        props=props, extra={'notes': (
            ['French: "Motifs' + NB + ':" with U+00A0 before the colon, « guillemets » with U+00A0 inside, U+202F '
             '(narrow no-break space) before ";" in some places; "Original: anglais".',
             'Same five proposals as cept-eur.docx (same numbers EUR/33A3/1-5), in French.',
             'The table cell "90"/"100" in EUR/33A3/4 carries a tracked deletion/insertion.'] if fr else
            ['Proposal marks are in Heading 2 paragraphs and targets in Heading 3 (outline levels 1 and 2), next to real '
             'section headings ("Introduction", "Proposals") in Heading 1: the importer must not take those for proposals.',
             'EUR/33A3/1 has a footnote (footnotes.xml) and an external hyperlink (r:id -> document.xml.rels); the '
             'Introduction has another hyperlink.',
             'EUR/33A3/4 has a table in the proposal body; its cell "90"/"100" carries a tracked deletion/insertion.'])})


# ================================================== LibreOffice-made fixtures
def html_inline(items):
    out = []
    for it in items:
        if isinstance(it, str):
            out.append(esc(it).replace('\t', ' ').replace('\n', '<br>').replace(NBH, '&#8209;'))
        elif isinstance(it, T):
            s = html_inline([it.text])
            if it.rev == 'ins':
                s = '<u><font color="#0000ff">%s</font></u>' % s
            elif it.rev == 'del':
                s = '<s><font color="#ff0000">%s</font></s>' % s
            else:
                if it.b: s = '<b>%s</b>' % s
                if it.i: s = '<i>%s</i>' % s
            out.append(s)
        else:
            raise TypeError(it)
    return ''.join(out)


def lo_html_props():
    body = [
        para(['The World Telecommunication Development Conference (', FmtDel('Kigali, 2022'), FmtIns('Baku, 2025'), '),']),
        para([I('considering')], 'Call'),
        para(['that national computer incident response teams (CIRTs) created with ITU support in earlier cycles are not '
              'always ', FmtIns('sustainable'), FmtDel('operational'), ';']),
        para([I('resolves to instruct the Director of the Telecommunication Development Bureau')], 'Call'),
        para(['to organize regional cyberdrills', FmtIns(' every year'), ';'], list=True),
        para(['to give priority to countries that have no operational CIRT', FmtDel(' when resources permit'), ';'], list=True),
        para([FmtIns('to establish a mentoring programme that pairs mature teams with newly created ones.')], list=True),
    ]
    return [
        prop('MOD', 'RCC/19A2/1', 'RESOLUTION 69 (REV. KIGALI, 2022)',
             'Facilitating the creation of national computer incident response teams, particularly for developing countries, '
             'and cooperation between them', body,
             'Several teams created with ITU support are no longer operational; sustainability must become an explicit '
             'objective.'),
        prop('NOC', 'RCC/19A2/2', 'RESOLUTION 59 (REV. KIGALI, 2022)',
             'Strengthening coordination and cooperation among the three ITU Sectors on matters of mutual interest', [],
             'The resolution remains valid.'),
    ]


def write_lo_html(path, props):
    h = ['<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Addendum 2 to Document WTDC-25/19-E</title>\n'
         '<style>p.call{font-style:italic;margin-left:1.4cm} p.resno,p.restitle{text-align:center} '
         'p.restitle{font-weight:bold}</style>\n</head>\n<body>\n',
         '<table width="100%"><tr><td><b>' + html_inline(['\n'.join(WTDC25)]) + '</b></td>'
         '<td><b>Addendum 2 to<br>Document WTDC-25/19-E</b><br>12 September 2025<br>Original: Russian</td></tr></table>\n',
         '<p align="center"><b>ITU Member States, members of the RCC</b></p>\n',
         '<p align="center">DRAFT REVISION TO RESOLUTION 69</p>\n',
         '<h2>Summary</h2>\n<p>The RCC Administrations propose to strengthen the sustainability of national CIRTs.</p>\n']
    for pr in props:
        h.append('<p class="proposal">%s</p>\n' % html_inline(pr['mark_items']))
        h.append('<p class="resno" align="center">%s</p>\n' % html_inline(pr['target_items']))
        h.append('<p class="restitle" align="center"><b>%s</b></p>\n' % html_inline(pr['title_items']))
        in_list = False
        for b in pr['body']:
            if b.get('list') and not in_list:
                h.append('<ol>\n')
                in_list = True
            if not b.get('list') and in_list:
                h.append('</ol>\n')
                in_list = False
            if b.get('list'):
                h.append('<li>%s</li>\n' % html_inline(b['items']))
            else:
                cls = ' class="call"' if b.get('style') == 'Call' else ''
                h.append('<p%s>%s</p>\n' % (cls, html_inline(b['items'])))
        if in_list:
            h.append('</ol>\n')
        h.append('<p>%s</p>\n' % html_inline(pr['reasons_items']))
    h.append('</body>\n</html>\n')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(''.join(h))


def fodt_inline(items):
    out = []
    for it in items:
        if isinstance(it, str):
            s = esc(it).replace('\t', '<text:tab/>').replace('\n', '<text:line-break/>').replace(NBH, '\u2011')
            out.append(s)
        elif isinstance(it, T):
            st = {'ins': 'Tins', 'del': 'Tdel'}.get(it.rev) or ('Tb' if it.b else 'Ti' if it.i else None)
            s = fodt_inline([it.text])
            out.append('<text:span text:style-name="%s">%s</text:span>' % (st, s) if st else s)
        else:
            raise TypeError(it)
    return ''.join(out)


def lo_odt_props():
    body = [
        para(['The World Telecommunication Development Conference (', FmtDel('Kigali, 2022'), FmtIns('Baku, 2025'), '),'],
             'Normal_after_title'),
        para(['considering'], 'Call'),
        para(['a)\tthat ', FmtDel('one third'), FmtIns('a third'), ' of the world' + RS + 's population remains offline, most of '
              'them in Africa;']),
        para(['b)\tthat affordability, skills and relevant content are the main barriers to adoption', FmtIns(', rather than '
              'coverage'), ';']),
        para(['resolves to instruct the Director of the Telecommunication Development Bureau'], 'Call'),
        para(['to assist African Member States in measuring meaningful connectivity;'], list=True),
        para(['to support programmes that make devices and data plans affordable', FmtDel(' for all'), ';'], list=True),
        para([FmtIns('to promote local content in African languages.')], list=True),
    ]
    return [
        prop('MOD', 'AFCP/29A2/1', 'RESOLUTION 37 (REV. KIGALI, 2022)', 'Bridging the digital divide', body,
             'The usage gap is now larger than the coverage gap in Africa.'),
        prop('SUP', 'AFCP/29A2/2', 'RESOLUTION 80 (REV. KIGALI, 2022)', None, [],
             'Its content is now covered by Resolution 37 and by the Action Plan.'),
    ]


def write_lo_fodt(path, props):
    ps = {'Proposal': 'fo:font-weight="bold"', 'Res_No': 'fo:text-transform="uppercase" fo:font-size="14pt"',
          'Res_title': 'fo:font-weight="bold" fo:font-size="14pt"', 'Call': 'fo:font-style="italic"',
          'Reasons': '', 'Normal_after_title': '', 'Source': 'fo:font-weight="bold" fo:font-size="14pt"'}
    ppp = {'Res_No': 'fo:text-align="center" fo:margin-top="0.85cm"', 'Res_title': 'fo:text-align="center"',
           'Call': 'fo:margin-left="1.4cm" fo:margin-top="0.28cm"', 'Source': 'fo:text-align="center" fo:margin-top="1.5cm"',
           'Proposal': 'fo:margin-top="0.42cm"', 'Reasons': 'fo:margin-top="0.42cm"', 'Normal_after_title': 'fo:margin-top="0.63cm"'}
    styles = ''.join(
        '<style:style style:name="%s" style:family="paragraph" style:parent-style-name="Standard" style:class="text">'
        '<style:paragraph-properties %s/><style:text-properties %s/></style:style>' % (n, ppp.get(n, ''), v) for n, v in ps.items())
    body = ['<text:p text:style-name="Hdr"><text:span text:style-name="Tb">%s</text:span></text:p>' % fodt_inline(['\n'.join(WTDC25)]),
            '<text:p text:style-name="Hdr"><text:span text:style-name="Tb">Addendum 2 to<text:line-break/>Document '
            'WTDC-25/29-E</text:span><text:line-break/>19 September 2025<text:line-break/>Original: French</text:p>',
            '<text:p text:style-name="Source">African Telecommunication Union Administrations</text:p>',
            '<text:p text:style-name="Res_title">DRAFT REVISION TO RESOLUTION 37</text:p>']
    for pr in props:
        body.append('<text:p text:style-name="Proposal">%s</text:p>' % fodt_inline(pr['mark_items']))
        body.append('<text:p text:style-name="Res_No">%s</text:p>' % fodt_inline(pr['target_items']))
        if pr['title_items']:
            body.append('<text:p text:style-name="Res_title">%s</text:p>' % fodt_inline(pr['title_items']))
        in_list = False
        for b in pr['body']:
            if b.get('list') and not in_list:
                body.append('<text:list text:style-name="Resolves">')
                in_list = True
            if not b.get('list') and in_list:
                body.append('</text:list>')
                in_list = False
            p = '<text:p text:style-name="%s">%s</text:p>' % (b.get('style', 'Standard'), fodt_inline(b['items']))
            body.append('<text:list-item>%s</text:list-item>' % p if b.get('list') else p)
        if in_list:
            body.append('</text:list>')
        body.append('<text:p text:style-name="Reasons">%s</text:p>' % fodt_inline(pr['reasons_items']))
    x = ('<?xml version="1.0" encoding="UTF-8"?>\n'
         '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
         'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
         'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
         'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
         'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">\n'
         '<office:meta><dc:title>Addendum 2 to Document WTDC-25/29-E</dc:title><meta:creation-date>2025-09-19T10:00:00'
         '</meta:creation-date><dc:date>2025-09-19T10:00:00</dc:date></office:meta>\n'
         '<office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="\'Liberation Serif\'" '
         'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>\n'
         '<office:styles><style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0.21cm"/>'
         '<style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt" fo:language="en" fo:country="GB"/>'
         '</style:default-style><style:style style:name="Standard" style:family="paragraph" style:class="text"/>%s'
         '<text:list-style style:name="Resolves"><text:list-level-style-number text:level="1" style:num-format="1" '
         'style:num-suffix="."><style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
         '<style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.27cm" '
         'fo:text-indent="-0.635cm" fo:margin-left="1.27cm"/></style:list-level-properties></text:list-level-style-number>'
         '<text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")">'
         '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
         '<style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.9cm" '
         'fo:text-indent="-0.635cm" fo:margin-left="1.9cm"/></style:list-level-properties></text:list-level-style-number>'
         '</text:list-style></office:styles>\n'
         '<office:automatic-styles><style:style style:name="Tins" style:family="text"><style:text-properties '
         'style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color" '
         'fo:color="#0000ff"/></style:style><style:style style:name="Tdel" style:family="text"><style:text-properties '
         'style:text-line-through-style="solid" fo:color="#ff0000"/></style:style><style:style style:name="Tb" '
         'style:family="text"><style:text-properties fo:font-weight="bold"/></style:style><style:style style:name="Ti" '
         'style:family="text"><style:text-properties fo:font-style="italic"/></style:style>'
         '<style:style style:name="Hdr" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties '
         'fo:text-align="end"/></style:style></office:automatic-styles>\n'
         '<office:body><office:text>\n%s\n</office:text></office:body></office:document>\n' % (styles, '\n'.join(body)))
    with open(path, 'w', encoding='utf-8') as f:
        f.write(x)


def normalise_lo_docx(path):
    """Fixed zip dates and docProps dates so that reruns differ as little as possible."""
    with zipfile.ZipFile(path) as z:
        files = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    out = []
    for name, data in files:
        if name == 'docProps/core.xml':
            s = data.decode('utf-8')
            s = re.sub(r'(<dcterms:(created|modified)[^>]*>)[^<]*', r'\g<1>2025-09-19T10:00:00Z', s)
            data = s.encode('utf-8')
        if name == 'docProps/app.xml':
            s = data.decode('utf-8')
            s = re.sub(r'<TotalTime>\d+</TotalTime>', '<TotalTime>0</TotalTime>', s)
            data = s.encode('utf-8')
        out.append((name, data))
    write_zip(path, out)


def make_lo():
    if not shutil.which('soffice'):
        print('soffice not found: lo-*.docx not made', file=sys.stderr)
        return
    tmp = tempfile.mkdtemp(prefix='fx19-')
    hp = lo_html_props()
    op = lo_odt_props()
    write_lo_html(os.path.join(SRC, 'lo-from-html.html'), hp)
    write_lo_fodt(os.path.join(SRC, 'lo-from-odt.fodt'), op)
    env = dict(os.environ, HOME=tmp)
    prof = '-env:UserInstallation=file://%s/profile' % tmp
    for src, filt in [('lo-from-html.html', ['--infilter=HTML (StarWriter)']), ('lo-from-odt.fodt', [])]:
        subprocess.run(['soffice', prof, '--headless'] + filt + ['--convert-to', 'docx:MS Word 2007 XML', '--outdir', tmp,
                        os.path.join(SRC, src)], check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        out = os.path.join(tmp, src.rsplit('.', 1)[0] + '.docx')
        dst = os.path.join(OUT, os.path.basename(out))
        shutil.move(out, dst)
        normalise_lo_docx(dst)
    shutil.rmtree(tmp, ignore_errors=True)
    note_fmt = ('Made by LibreOffice ' + lo_version() + ' from the source kept in src/: no rsids, LibreOffice style ids, '
                'LibreOffice numbering (w:abstractNum per list), revisions as formatting (underline+blue = added, '
                'strike+red = deleted), no Word tracked changes.')
    EXPECTED['lo-from-html.docx'] = {
        'kind': 'common-proposals', 'language': 'en', 'producer': 'LibreOffice (HTML import: Writer/Web -> docx)',
        'source_file': 'src/lo-from-html.html', 'region': 'CIS',
        'region_evidence': {'source': 'ITU Member States, members of the RCC', 'number_prefix': 'RCC'},
        'document': {'as_written': 'Addendum 2 to Document WTDC-25/19-E', 'symbol': 'WTDC-25/19(Add.2)',
                     'language_suffix': 'E', 'date': '2025-09-12', 'original': 'Russian'},
        'source': 'ITU Member States, members of the RCC', 'title': 'DRAFT REVISION TO RESOLUTION 69',
        'notes': [note_fmt, 'The resolves items are an HTML <ol>: auto-numbered in the docx, text without the numbers.',
                  'Mark and number are separated by a space (HTML has no tab), not a tab.'],
        'proposals': [expect_proposal(p) for p in hp],
    }
    EXPECTED['lo-from-odt.docx'] = {
        'kind': 'common-proposals', 'language': 'en', 'producer': 'LibreOffice (flat ODT -> docx)',
        'source_file': 'src/lo-from-odt.fodt', 'region': 'AFR',
        'region_evidence': {'source': 'African Telecommunication Union Administrations', 'number_prefix': 'AFCP'},
        'document': {'as_written': 'Addendum 2 to Document WTDC-25/29-E', 'symbol': 'WTDC-25/29(Add.2)',
                     'language_suffix': 'E', 'date': '2025-09-19', 'original': 'French'},
        'source': 'African Telecommunication Union Administrations', 'title': 'DRAFT REVISION TO RESOLUTION 37',
        'notes': [note_fmt, 'Custom paragraph styles Proposal, Res_No (text-transform uppercase: stored text is already '
                  'upper case), Res_title, Call, Reasons, Normal_after_title come out as w:pStyle ids chosen by LibreOffice.',
                  'Header lines are one paragraph with line breaks (w:br), not a table.'],
        'proposals': [expect_proposal(p) for p in op],
    }


def lo_version():
    try:
        return subprocess.run(['soffice', '--version'], capture_output=True, text=True).stdout.split()[1]
    except Exception:
        return '?'


# ============================================ compound file (CFB / OLE2) writer
ENDOFCHAIN, FREESECT, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def _cfb_key(name):
    return (len(name), name.upper())


def write_cfb(tree):
    """tree: {name: bytes | {…}}.  Returns a version-3 compound file (512-byte sectors)
    with a mini stream for streams under 4096 bytes and red-black sibling trees."""
    entries = [{'name': 'Root Entry', 'type': 5, 'kids': []}]

    def add(parent, d):
        for name, v in d.items():
            idx = len(entries)
            entries[parent]['kids'].append(idx)
            if isinstance(v, dict):
                entries.append({'name': name, 'type': 1, 'kids': []})
                add(idx, v)
            else:
                entries.append({'name': name, 'type': 2, 'kids': [], 'data': v})
    add(0, tree)
    for e in entries:
        e.update(left=NOSTREAM, right=NOSTREAM, child=NOSTREAM, color=1, start=0, size=0)

    def build(idxs, depth, depths):
        if not idxs:
            return NOSTREAM
        mid = len(idxs) // 2
        root = idxs[mid]
        depths[root] = depth
        entries[root]['left'] = build(idxs[:mid], depth + 1, depths)
        entries[root]['right'] = build(idxs[mid + 1:], depth + 1, depths)
        return root
    for e in entries:
        if e['kids']:
            kids = sorted(e['kids'], key=lambda i: _cfb_key(entries[i]['name']))
            depths = {}
            e['child'] = build(kids, 0, depths)
            mx = max(depths.values())
            full = len(kids) == 2 ** (mx + 1) - 1
            for i, d in depths.items():       # deepest level red unless the tree is perfect
                entries[i]['color'] = 0 if (d == mx and mx > 0 and not full) else 1
    # mini stream
    mini, minifat = bytearray(), []
    big = []
    for e in entries:
        if e['type'] != 2:
            continue
        data = e['data']
        e['size'] = len(data)
        if len(data) < 4096:
            n = (len(data) + 63) // 64
            first = len(minifat)
            e['start'] = first if n else ENDOFCHAIN
            minifat += [first + k + 1 for k in range(n - 1)] + ([ENDOFCHAIN] if n else [])
            mini += data + b'\0' * (n * 64 - len(data))
        else:
            big.append(e)
    n_dir = (len(entries) + 3) // 4
    n_minifat = (len(minifat) * 4 + 511) // 512
    n_mini = (len(mini) + 511) // 512
    n_big = [(len(e['data']) + 511) // 512 for e in big]
    n_other = n_dir + n_minifat + n_mini + sum(n_big)
    n_fat = 1
    while n_fat * 128 < n_fat + n_other:
        n_fat += 1
    fat = [FATSECT] * n_fat
    sectors = []

    def chain(count, payload):
        assert len(payload) <= count * 512
        first = len(fat)
        for k in range(count):
            fat.append(first + k + 1 if k < count - 1 else ENDOFCHAIN)
        sectors.append(payload + b'\0' * (count * 512 - len(payload)))
        return first if count else ENDOFCHAIN
    dir_first_pos = len(fat)
    # directory payload needs start sectors of streams: compute positions first
    pos = n_fat + n_dir
    minifat_first = pos if n_minifat else ENDOFCHAIN
    pos += n_minifat
    mini_first = pos if n_mini else ENDOFCHAIN
    pos += n_mini
    for e, n in zip(big, n_big):
        e['start'] = pos
        pos += n
    entries[0]['start'] = mini_first
    entries[0]['size'] = len(mini)
    d = bytearray()
    for e in entries:
        nm = e['name'].encode('utf-16-le') + b'\0\0'
        d += nm + b'\0' * (64 - len(nm))
        d += struct.pack('<HBBIII', len(nm), e['type'], e['color'], e['left'], e['right'], e['child'])
        d += b'\0' * 16 + struct.pack('<I', 0) + b'\0' * 16
        d += struct.pack('<IQ', e['start'], e['size'])
    while len(d) % 512:
        d += b'\0' * 64 + struct.pack('<HBBIII', 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM) + b'\0' * 48
    assert chain(n_dir, bytes(d)) == dir_first_pos
    chain(n_minifat, b''.join(struct.pack('<I', v) for v in minifat) + b'\xff' * (n_minifat * 512 - 4 * len(minifat)))
    chain(n_mini, bytes(mini))
    for e, n in zip(big, n_big):
        chain(n, e['data'])
    fat += [FREESECT] * (n_fat * 128 - len(fat))
    hdr = (b'\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1' + b'\0' * 16 + struct.pack('<HHHHH', 0x3E, 3, 0xFFFE, 9, 6) + b'\0' * 6
           + struct.pack('<IIIIIIIII', 0, n_fat, dir_first_pos, 0, 4096, minifat_first, n_minifat, ENDOFCHAIN, 0)
           + b''.join(struct.pack('<I', i) for i in range(n_fat)) + b'\xff\xff\xff\xff' * (109 - n_fat))
    assert len(hdr) == 512
    return hdr + b''.join(struct.pack('<I', v) for v in fat) + b''.join(sectors)


# ====================================== ECMA-376 agile encryption (as Word 2013+)
def _lp4(s):
    b = s.encode('utf-16-le')
    return struct.pack('<I', len(b)) + b + b'\0' * ((4 - len(b) % 4) % 4)


def dataspaces():
    version = _lp4('Microsoft.Container.DataSpaces') + struct.pack('<HHHHHH', 1, 0, 1, 0, 1, 0)
    entry = struct.pack('<II', 1, 0) + _lp4('EncryptedPackage') + _lp4('StrongEncryptionDataSpace')
    dsmap = struct.pack('<II', 8, 1) + struct.pack('<I', len(entry) + 4) + entry
    dsinfo = struct.pack('<II', 8, 1) + _lp4('StrongEncryptionTransform')
    tid = _lp4('{FF9A3F03-56EF-4613-BDD5-5A41C1D07246}')
    hdr = struct.pack('<I', 1) + tid
    primary = (struct.pack('<I', len(hdr) + 4) + hdr + _lp4('Microsoft.Container.EncryptionTransform')
               + struct.pack('<HHHHHH', 1, 0, 1, 0, 1, 0) + struct.pack('<I', 0) + struct.pack('<III', 0, 0, 4))
    return {'Version': version, 'DataSpaceMap': dsmap,
            'DataSpaceInfo': {'StrongEncryptionDataSpace': dsinfo},
            'TransformInfo': {'StrongEncryptionTransform': {'\x06Primary': primary}}}


def agile_encrypt(plain, password):
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    def aes(key, iv, data):
        e = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
        return e.update(data) + e.finalize()
    H = lambda b: hashlib.sha512(b).digest()
    det = lambda label, n: H(b'fixtures19/' + label)[:n]      # deterministic stand-ins for random values
    secret, kd_salt, pw_salt = det(b'secret', 32), det(b'keydata-salt', 16), det(b'password-salt', 16)
    verifier, hmac_key = det(b'verifier', 16), det(b'hmac-key', 64)
    out = bytearray(struct.pack('<Q', len(plain)))
    for i in range(0, len(plain), 4096):
        chunk = plain[i:i + 4096]
        chunk += b'\0' * ((16 - len(chunk) % 16) % 16)
        out += aes(secret, H(kd_salt + struct.pack('<I', i // 4096))[:16], chunk)
    package = bytes(out)
    enc_hmac_key = aes(secret, H(kd_salt + bytes([0x5f, 0xb2, 0xad, 0x01, 0x0c, 0xb9, 0xe1, 0xf6]))[:16], hmac_key)
    mac = hmac.new(hmac_key, package, hashlib.sha512).digest()
    enc_hmac_val = aes(secret, H(kd_salt + bytes([0xa0, 0x67, 0x7f, 0x02, 0xb2, 0x2c, 0x84, 0x33]))[:16], mac)
    h = H(pw_salt + password.encode('utf-16-le'))
    for i in range(100000):
        h = H(struct.pack('<I', i) + h)
    key = lambda blk: H(h + bytes(blk))[:32]
    evhi = aes(key([0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79]), pw_salt, verifier)
    evhv = aes(key([0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e]), pw_salt, H(verifier))
    ekv = aes(key([0x14, 0x6e, 0x0b, 0xe7, 0xab, 0xac, 0xd0, 0xd6]), pw_salt, secret)
    b64 = lambda b: base64.b64encode(b).decode()
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" '
           'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password" '
           'xmlns:c="http://schemas.microsoft.com/office/2006/keyEncryptor/certificate"><keyData saltSize="16" blockSize="16" '
           'keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" '
           'saltValue="%s"/><dataIntegrity encryptedHmacKey="%s" encryptedHmacValue="%s"/><keyEncryptors><keyEncryptor '
           'uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="100000" '
           'saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" '
           'hashAlgorithm="SHA512" saltValue="%s" encryptedVerifierHashInput="%s" encryptedVerifierHashValue="%s" '
           'encryptedKeyValue="%s"/></keyEncryptor></keyEncryptors></encryption>' % (
               b64(kd_salt), b64(enc_hmac_key), b64(enc_hmac_val), b64(pw_salt), b64(evhi), b64(evhv), b64(ekv)))
    info = struct.pack('<HHI', 4, 4, 0x40) + xml.encode('utf-8')
    return info, package


PASSWORD = 'WTDC-25'


def make_bad():
    with open(os.path.join(BAD, 'not-a-zip.docx'), 'w') as f:
        f.write('Document WTDC-25/29-E\nThis is a plain text file that was given a .docx name.\n')
    write_zip(os.path.join(BAD, 'no-document.docx'), [
        ('[Content_Types].xml', XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
         'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')])
    # the plaintext inside password.docx is a real fixture package
    plain = open(os.path.join(OUT, 'rcc-addendum.docx'), 'rb').read()
    try:
        info, package = agile_encrypt(plain, PASSWORD)
        real = True
    except ImportError:                      # no `cryptography`: right container, dummy ciphertext
        info = struct.pack('<HHI', 4, 4, 0x40) + b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption/>'
        package = struct.pack('<Q', len(plain)) + hashlib.sha512(plain).digest() * 4
        real = False
    with open(os.path.join(BAD, 'password.docx'), 'wb') as f:
        f.write(write_cfb({'\x06DataSpaces': dataspaces(), 'EncryptionInfo': info, 'EncryptedPackage': package}))

    def minimal(document_xml):
        return [('[Content_Types].xml', XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
                 'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
                ('_rels/.rels', XML_DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                 'Target="word/document.xml"/></Relationships>'),
                ('word/document.xml', document_xml)]
    ents = ['<!ENTITY lol "lol">'] + ['<!ENTITY lol%d "%s">' % (i, ('&lol%s;' % (i - 1 if i > 1 else '')) * 10)
                                      for i in range(1, 10)]
    write_zip(os.path.join(BAD, 'doctype.docx'), minimal(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<!DOCTYPE w:document [\n ' + '\n '.join(ents) + '\n]>\r\n'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
        'MOD ATU/1/1 &lol9;</w:t></w:r></w:p></w:body></w:document>'))
    write_zip(os.path.join(BAD, 'invalid-xml.docx'), minimal(
        XML_DECL + '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
        '<w:t>MOD</w:t></w:r><w:r><w:t>AFCP/29A1/1</w:r></w:p></w:body></w:document>'))
    # zip bomb: > 1 GB of one character behind ~1 MB of deflate
    path = os.path.join(BAD, 'zip-bomb.docx')
    parts = minimal('')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in parts[:2]:
            zi = zipfile.ZipInfo(name, FIXED_ZIP_DT)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
        zi = zipfile.ZipInfo('word/document.xml', FIXED_ZIP_DT)
        zi.compress_type = zipfile.ZIP_DEFLATED
        head = (XML_DECL + '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                '<w:p><w:r><w:t>').encode()
        tail = b'</w:t></w:r></w:p></w:body></w:document>'
        chunk = b'A' * (1 << 24)
        n_chunks = 66                   # 66 x 16 MiB = 1.03 GiB (1,107,296,256 bytes of "A")
        with z.open(zi, 'w', force_zip64=True) as w:
            w.write(head)
            for _ in range(n_chunks):
                w.write(chunk)
            w.write(tail)
    bomb_size = len(head) + len(tail) + n_chunks * len(chunk)
    # legacy Word 97-2003 name and container: a compound file holding a (junk) WordDocument stream
    fib = struct.pack('<HH', 0xA5EC, 0x00C1) + b'\0' * 508
    with open(os.path.join(BAD, 'legacy.doc'), 'wb') as f:
        f.write(write_cfb({'WordDocument': fib + b'RESOLUTION 17 (REV. KIGALI, 2022)'.ljust(4096, b'\0'),
                           '1Table': b'\0' * 1024,
                           '\x05SummaryInformation': b'\xfe\xff' + b'\0' * 46}))
    return {'password_real_encryption': real, 'zip_bomb_uncompressed_bytes': bomb_size,
            'zip_bomb_file_bytes': os.path.getsize(path)}


BAD_EXPECTED = {
    'not-a-zip.docx': 'reject: not a zip (plain text)',
    'no-document.docx': 'reject: zip without word/document.xml (only [Content_Types].xml, which names the missing part)',
    'password.docx': 'reject: encrypted OOXML (OLE compound file, magic D0 CF 11 E0 A1 B1 1A E1, streams EncryptionInfo '
                     'and EncryptedPackage, storage \\x06DataSpaces); should say "password-protected", not "corrupt"',
    'doctype.docx': 'reject (or parse without expanding entities): word/document.xml has a DOCTYPE with nested entity '
                    'declarations (billion laughs, &lol9; = 10^9 "lol")',
    'zip-bomb.docx': 'reject: word/document.xml inflates to over 1 GB; the importer must cap the inflated size',
    'invalid-xml.docx': 'reject: word/document.xml is not well-formed (<w:t> not closed)',
    'legacy.doc': 'reject: Word 97-2003 binary (.doc name; OLE compound file with a WordDocument stream); should say '
                  '"save as .docx"',
}


# ===================================================================== main
CONVENTIONS = {
    'text': 'Text is the paragraph text with w:noBreakHyphen read as "-", w:softHyphen dropped, w:tab and w:br read as '
            'one space; U+00A0 and U+202F are kept as they are; typographic quotes are kept. Auto-numbers (w:numPr) are '
            'not part of the text; typed numbers ("1<tab>", "a)<tab>") are. Compare after trimming trailing spaces.',
    'accepted_text': 'body_start, target and title are the text with all changes accepted (w:ins, w:moveTo and '
                     'underline-revisions kept; w:del, w:moveFrom and strike-revisions dropped); w:rPrChange is no text change.',
    'body_critic': 'one string per body paragraph (between the title and the Reasons paragraph, tables excepted) with '
                   'insertions as {++…++} and deletions as {--…--}, in document order.',
    'changes': 'every text change in document order: type ins/del (Word w:ins/w:del, or "via" underline/strike when the '
               'revision is done as formatting), move_from/move_to (w:moveFrom/w:moveTo, "move" is the w:name of the '
               'range), with w:author and w:date (null when done as formatting). Adjacent w:ins elements with the same '
               'author and date written for one insertion count as one change.',
    'target_norm': 'res-N for a resolution, q-N/M for a Question, new for a draft new resolution, action-plan for the WTDC '
                   'Action Plan.',
    'action': 'the mark without "(", ")", "*": (MOD) -> MOD, ADD* -> ADD.',
    'symbol': 'ITU symbol without language suffix; an addendum n to document d is written d(Add.n).',
    'counts': 'fields lists every field (part: document/header/footer; fldChar = complex field, fldSimple); nested '
              'PAGEREF fields of the TOC are listed with nested_in. tables counts w:tbl in the body including the header '
              'table. tracked_elements counts XML elements (w:ins, w:del, w:moveFrom, w:moveTo, w:rPrChange, and '
              'pPrIns = inserted paragraph marks).',
}


def main():
    for d in (OUT, BAD, SRC):
        os.makedirs(d, exist_ok=True)
    make_chairman()
    make_atu()
    make_citel()
    make_arb()
    make_apt()
    make_rcc()
    make_cept('en')
    make_cept('fr')
    if '--no-soffice' not in sys.argv:
        make_lo()
    info = make_bad()
    bad = {k: {'expect': v} for k, v in BAD_EXPECTED.items()}
    bad['password.docx']['password'] = PASSWORD
    bad['password.docx']['plaintext'] = 'docx/rcc-addendum.docx'
    bad['password.docx']['real_encryption'] = info['password_real_encryption']
    bad['password.docx']['encryption'] = ('ECMA-376 agile encryption (EncryptionInfo 4.4, AES-256-CBC, SHA-512, spinCount '
                                          '100000, dataIntegrity HMAC), salts and keys derived from fixed strings')
    bad['zip-bomb.docx']['inflated_bytes'] = info['zip_bomb_uncompressed_bytes']
    bad['zip-bomb.docx']['file_bytes'] = info['zip_bomb_file_bytes']
    order = ['rpm-ams17-chairman.docx', 'atu-wtdc25-package.docx', 'citel-iap.docx', 'arb-package.docx', 'apt-acp.docx',
             'rcc-addendum.docx', 'cept-eur.docx', 'cept-fr.docx', 'lo-from-html.docx', 'lo-from-odt.docx']
    fixtures = {('docx/' + k): EXPECTED[k] for k in order if k in EXPECTED}
    with open(os.path.join(HERE, 'expected.json'), 'w', encoding='utf-8') as f:
        json.dump({'conventions': CONVENTIONS, 'fixtures': fixtures, 'bad': {'bad/' + k: v for k, v in bad.items()}},
                  f, ensure_ascii=False, indent=2)
        f.write('\n')
    print('wrote %d fixtures, %d bad inputs' % (len(fixtures), len(bad)))


if __name__ == '__main__':
    main()
