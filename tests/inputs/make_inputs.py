"""Make the real-world-shaped input files of tests/inputs/ (run once; the files are committed).

    .venv/bin/python tests/inputs/make_inputs.py

The text is real: the seed readout and development-corpus readouts. Binary files are made
deterministically (reportlab invariant=1, fixed DOCX core properties) so re-running changes
nothing but encrypted files, whose salt is random. ``encrypted.docx`` was made once with
msoffcrypto-tool (not a briefgen dependency): ``msoffcrypto-tool -e -p secret in.docx out.docx``.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SEED = ROOT / "seeds" / "000_0ff103b2e130dde9.txt"


def paragraphs(path: Path) -> list[str]:
    return [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def seed_paragraphs() -> list[str]:
    """The seed readout without its syndication disclaimer (the last paragraph)."""
    return paragraphs(SEED)[:-1]


# --------------------------------------------------------------------------- text encodings


def make_text_files() -> None:
    title, *body = seed_paragraphs()
    names = "Present were Minister Jean-Yves Le Drian, Ms. Zoë Müller and Mr. José Núñez."
    text = "\r\n\r\n".join([title, *body[:2], names]) + "\r\n"
    (HERE / "latin1.txt").write_bytes(text.encode("latin-1"))
    # Windows-1252: curly quotes and dashes, as text pasted from Word on Windows is.
    quoted = (f"{body[0]}\n\nThe U.S. delegation said it was \u201cdeeply concerned\u201d about "
              "the oil shutdown \u2013 and that the LNA\u2019s affiliation with the Wagner group "
              "must end.\n")
    (HERE / "cp1252.txt").write_bytes(quoted.encode("cp1252"))
    (HERE / "utf16.txt").write_bytes("\n\n".join([title, *body]).encode("utf-16"))


# --------------------------------------------------------------------------- web page

PAGE = """<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="windows-1252">
<title>{title} - United States Department of State</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="United States Department of State">
<meta property="article:published_time" content="2022-06-16T18:02:11+00:00">
<link rel="canonical" href="https://www.state.gov/example-readout/">
<script>window.dataLayer = window.dataLayer || [];
function gtag(){{dataLayer.push(arguments);}}</script>
<style>.site-header {{ background: #0a314d; }}</style>
</head>
<body class="post-template-default single">
<a class="skip-link" href="#content">Skip to content</a>
<header class="site-header">
<nav class="primary-navigation" aria-label="Primary">
<ul>
<li><a href="/">Home</a></li>
<li><a href="/secretary">Secretary of State Antony J. Blinken</a></li>
<li><a href="/bureaus">Bureaus &amp; Offices</a></li>
<li><a href="/countries-and-areas">Countries &amp; Areas</a></li>
<li><a href="/press">Press Releases and Briefings</a></li>
</ul>
</nav>
<div class="breadcrumbs"><a href="/">Home</a> &gt;
<a href="/press">Office of the Spokesperson</a> &gt; Readout</div>
</header>
<main id="content">
<article class="article">
<div class="featured-content__headline">
<p class="article-meta__content-type">Readout</p>
<h1 class="featured-content__headline">{title}</h1>
<p class="article-meta__author-bureau">Office of the Spokesperson</p>
<p class="article-meta__publish-date">June 16, 2022</p>
</div>
<div class="entry-content">
{body}
</div>
<div class="related-tags"><span>Tags</span>
<a href="/tag/vietnam">Vietnam</a> <a href="/tag/space">Space</a></div>
</article>
<aside class="related-articles">
<h2>Related Articles</h2>
<ul>
<li><a href="/a">Secretary Blinken\u2019s Call with Japanese Foreign Minister Hayashi</a></li>
<li><a href="/b">U.S.-Vietnam Comprehensive Partnership Fact Sheet</a></li>
</ul>
</aside>
<section id="comments" class="comments-area">
<h2 class="comments-title">2 thoughts on \u201c{title}\u201d</h2>
<ol class="comment-list">
<li class="comment"><div class="comment-body">
<p>Subscribe to my channel for daily crypto tips, best returns guaranteed!!!</p></div></li>
<li class="comment"><div class="comment-body">
<p>Who paid for this delegation\u2019s hotel? Taxpayers deserve to know.</p></div></li>
</ol>
</section>
</main>
<footer class="site-footer">
<p>White House | USA.gov | Office of the Inspector General | Archives | Contact Us</p>
<p>Privacy Policy | Accessibility Statement | Copyright Information | FOIA | No FEAR Act</p>
</footer>
</body>
</html>
"""


def make_web_page() -> None:
    """A saved State Department readout page: navigation, comments, footer and all."""
    title, _issuer, *body = paragraphs(ROOT / "tests" / "corpus" / "009.txt")
    html = PAGE.format(title=title, body="\n".join(f"<p>{p}</p>" for p in body))
    # Saved by a browser in the encoding the page declares (Windows-1252).
    (HERE / "state_dept_readout.html").write_bytes(html.encode("cp1252"))


# --------------------------------------------------------------------------- Word


def make_docx() -> None:
    """A readout memo in Word: title property, heading, paragraphs, a participants table,
    a header and a footer (which must not be read)."""
    import docx

    title, *body = seed_paragraphs()
    document = docx.Document()
    props = document.core_properties
    props.title = title
    props.author = "Desk Officer"
    props.created = props.modified = dt.datetime(2020, 7, 2, 9, 0, tzinfo=dt.timezone.utc)
    props.revision = 1
    section = document.sections[0]
    section.header.paragraphs[0].text = "SENSITIVE BUT UNCLASSIFIED - HEADER MUST NOT LEAK"
    section.footer.paragraphs[0].text = "Drafted by the desk - FOOTER MUST NOT LEAK"
    document.add_heading(title, level=0)
    for paragraph in body[:3]:
        document.add_paragraph(paragraph)
    document.add_heading("Participants", level=1)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Name", "Title", "Side")):
        cell.text = text
    for row in (("Miguel Correa", "NSC Senior Director", "United States"),
                ("Richard Norland", "U.S. Ambassador to Libya", "United States"),
                ("Aoun Al Farjani", "Head of the LNA Command Apparatus", "LNA")):
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    document.add_paragraph(body[3])
    buffer = io.BytesIO()
    document.save(buffer)
    data = _fixed_zip_times(buffer.getvalue())
    (HERE / "readout_with_table.docx").write_bytes(data)
    # A download cut short: the ZIP's central directory is gone.
    (HERE / "corrupt.docx").write_bytes(data[: len(data) * 2 // 3])


def _fixed_zip_times(data: bytes) -> bytes:
    """Rewrite a ZIP with fixed member timestamps so re-running makes the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2020, 7, 2, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- PDF


def make_pdfs() -> None:
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import inch
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    title, *body = paragraphs(ROOT / "tests" / "corpus" / "013.txt")
    styles = getSampleStyleSheet()

    def furniture(c: canvas.Canvas, doc: SimpleDocTemplate) -> None:
        c.saveState()
        c.setFont("Helvetica", 8)
        c.drawString(inch, 10.5 * inch, "U.S. DEPARTMENT OF STATE | OFFICE OF THE SPOKESPERSON")
        c.drawCentredString(4.25 * inch, 0.5 * inch, f"Page {doc.page}")
        c.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=letter, title=title, author="Office of the "
                            "Spokesperson", invariant=1, leftMargin=1.5 * inch,
                            rightMargin=1.5 * inch)
    story = [Paragraph(title, styles["Title"])]
    # The body twice over, so the readout runs onto a second page like a long one does.
    story += [Paragraph(p, styles["BodyText"]) for p in body + body]
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    text_pdf = buffer.getvalue()
    (HERE / "readout.pdf").write_bytes(text_pdf)

    # A scan: one page that is only a picture of text.
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    image = Image.new("L", (400, 120), 255)
    ImageDraw.Draw(image).text((10, 50), "Scanned readout: no text layer", fill=0)
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=letter, invariant=1)
    c.drawImage(ImageReader(image), inch, 7 * inch, width=6 * inch, height=1.8 * inch)
    c.showPage()
    c.save()
    (HERE / "scanned.pdf").write_bytes(buffer.getvalue())

    from pypdf import PdfReader, PdfWriter

    for name, user in (("encrypted.pdf", "secret"), ("owner_password_only.pdf", "")):
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf)))
        writer.encrypt(user_password=user, owner_password="owner-secret", algorithm="AES-128")
        out = io.BytesIO()
        writer.write(out)
        (HERE / name).write_bytes(out.getvalue())
    (HERE / "truncated.pdf").write_bytes(text_pdf[: len(text_pdf) // 3])


# --------------------------------------------------------------------------- not documents


def make_other_files() -> None:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, format="PNG")
    (HERE / "photo.txt").write_bytes(buffer.getvalue())
    # An Excel workbook (the minimum a ZIP needs to be one) and a Word 97 document's start.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for member, body in (("[Content_Types].xml", "<Types/>"),
                             ("xl/workbook.xml", "<workbook/>"),
                             ("xl/worksheets/sheet1.xml", "<worksheet/>")):
            z.writestr(zipfile.ZipInfo(member, date_time=(2020, 7, 2, 9, 0, 0)), body)
    (HERE / "attendees.xlsx").write_bytes(buffer.getvalue())
    ole = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    ole += "WordDocument".encode("utf-16-le") + bytes(52) + "1Table".encode("utf-16-le")
    (HERE / "memo.doc").write_bytes(bytes(ole) + bytes(512))


def main() -> None:
    make_text_files()
    make_web_page()
    make_docx()
    make_pdfs()
    make_other_files()


if __name__ == "__main__":
    main()
