"""Reads a .docx with python-docx and prints what the Rust tests check, as JSON:
headings (level and text), tables (rows and columns), header and footer texts."""
import json
import sys

import docx


def main(path):
    document = docx.Document(path)
    headings = []
    for paragraph in document.paragraphs:
        name = paragraph.style.name if paragraph.style is not None else ""
        if name.startswith("Heading") or name == "Title":
            headings.append({"style": name, "text": paragraph.text})
    tables = [
        {"rows": len(table.rows), "columns": len(table.columns), "first": table.rows[0].cells[0].text}
        for table in document.tables
    ]
    section = document.sections[0]
    result = {
        "headings": headings,
        "tables": tables,
        "header": "\n".join(p.text for p in section.header.paragraphs),
        "footer": "\n".join(p.text for p in section.footer.paragraphs),
        "first_page_header": "\n".join(p.text for p in section.first_page_header.paragraphs),
        "different_first_page": section.different_first_page_header_footer,
        "page_width_mm": round(section.page_width.mm),
        "title": document.core_properties.title,
        "creator": document.core_properties.author,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1])
