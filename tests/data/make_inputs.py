"""Build the format and encoding test corpus in tests/data/inputs/ from the seed statements.

Run ``python tests/data/make_inputs.py [OUT_DIR]``; needs python-docx and fpdf2 (and a TrueType
font with Cyrillic: DejaVu Sans from /usr/share/fonts, or the one bundled with matplotlib).
"""

from __future__ import annotations

import datetime
import html
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = {
    "jspg7": ROOT / "seeds" / "jspg7-2022-kz-tr.ru.txt",
    "jspg8": ROOT / "seeds" / "jspg8-2026-kz-tr.ru.txt",
}
OUT = Path(__file__).resolve().parent / "inputs"
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
)
# KOI8-R has no en dash: the KOI8-R copy (and its UTF-8 reference) uses a hyphen instead.
KOI8_SUBSTITUTIONS = str.maketrans({"–": "-"})
FIXED_DATE = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)


def paragraphs(text: str) -> list[str]:
    """The seed's non-blank lines: one paragraph each."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def font_path() -> str:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    try:  # matplotlib ships DejaVu Sans
        import matplotlib

        bundled = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
        if bundled.exists():
            return str(bundled)
    except ImportError:
        pass
    raise SystemExit("no Cyrillic TrueType font found: install fonts-dejavu-core or matplotlib")


def write_docx(paras: list[str], path: Path, numbered: bool = False) -> None:
    import docx

    document = docx.Document()
    document.core_properties.created = FIXED_DATE.replace(tzinfo=None)
    document.core_properties.modified = FIXED_DATE.replace(tzinfo=None)
    for index, para in enumerate(paras):
        if index == 0:
            document.add_heading(para, level=1)
        elif numbered and index > 1:
            document.add_paragraph(para, style="List Number")
        else:
            document.add_paragraph(para)
    document.save(path)


def write_pdf(paras: list[str], path: Path, *, running_header: str = "", page_numbers: bool = False, hyphenate: bool = False) -> None:
    from fpdf import FPDF

    class Statement(FPDF):
        def header(self) -> None:
            if running_header:
                self.set_font("DejaVu", size=8)
                self.cell(0, 5, running_header, align="C", new_x="LMARGIN", new_y="NEXT")
                self.ln(4)
                self.set_font("DejaVu", size=11)

        def footer(self) -> None:
            if page_numbers:
                self.set_y(-15)
                self.set_font("DejaVu", size=8)
                self.cell(0, 10, f"— {self.page_no()} —", align="C")
                self.set_font("DejaVu", size=11)

    pdf = Statement(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.add_font("DejaVu", fname=font_path())
    pdf.set_font("DejaVu", size=11)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for para in paras:
        for line in _layout(pdf, para, width, hyphenate):
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(path))


def _layout(pdf: object, text: str, width: float, hyphenate: bool) -> list[str]:
    """Greedy line breaking; with ``hyphenate`` long words are split across lines with a hyphen."""
    lines: list[str] = []
    line = ""
    words = text.split()
    k = 0
    while k < len(words):
        word = words[k]
        candidate = f"{line} {word}" if line else word
        if pdf.get_string_width(candidate) <= width:  # type: ignore[attr-defined]
            line = candidate
            k += 1
            continue
        if hyphenate and word.isalpha() and len(word) >= 7:
            for cut in range(len(word) - 3, 2, -1):
                head = f"{line} {word[:cut]}-" if line else f"{word[:cut]}-"
                if pdf.get_string_width(head) <= width:  # type: ignore[attr-defined]
                    lines.append(head)
                    words[k] = word[cut:]
                    line = ""
                    break
            else:
                lines.append(line)
                line = ""
            continue
        if line:
            lines.append(line)
            line = ""
        else:  # a single word wider than the line
            lines.append(word)
            k += 1
    if line:
        lines.append(line)
    return lines


def write_html(paras: list[str], path: Path, *, messy: bool = False) -> None:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras[1:])
    title = html.escape(paras[0])
    if not messy:
        head = f"<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\n"
        page = f"{head}<body>\n<h1>{title}</h1>\n{body}\n</body></html>\n"
    else:
        page = f"""<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>{title} | Новости</title>
<style>.sidebar {{ float: right }}</style><script>window.dataLayer = ["Стороны договорились о слежке"];</script></head>
<body class="page has-sidebar">
<header class="site-header"><a href="/">Главная</a> | <a href="/news">Новости</a> | <a href="/about">О нас</a></header>
<nav class="breadcrumbs"><a href="/">Главная</a> » <a href="/news">Новости</a> » Заявление</nav>
<div class="layout">
<aside class="sidebar"><h3>Популярное</h3><ul><li><a href="/1">Стороны договорились о визовом режиме с Грузией</a></li>
<li><a href="/2">Министры подтвердили намерение провести форум в Баку</a></li></ul></aside>
<main><article><h1>{title}</h1><div class="meta">24.02.2022 14:05</div>
<div class="entry-content">
{body}
</div>
<div class="share-buttons">Поделиться: <a>VK</a> <a>Telegram</a></div>
</article>
<section id="comments" class="comments-area"><h3>Комментарии (2)</h3>
<div class="comment"><p>Иван: Стороны договорились, а что толку? Пусть сначала выполнят прошлые обещания.</p></div>
<div class="comment"><p>Анна: Стороны подтвердили намерение — посмотрим.</p></div>
<form class="comment-form"><textarea>Оставьте комментарий</textarea><button>Отправить</button></form>
</section></main></div>
<!-- Стороны договорились скрыть этот комментарий -->
<footer class="site-footer">© 2022 Новости. Все права защищены.</footer>
</body></html>
"""
    path.write_text(page, encoding="utf-8")


def build(out: Path = OUT) -> list[Path]:
    """Write every corpus file into ``out``; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for stem, seed in SEEDS.items():
        text = seed.read_text(encoding="utf-8")
        paras = paragraphs(text)
        targets = {
            f"{stem}.docx": lambda p, paras=paras: write_docx(paras, p),
            f"{stem}.pdf": lambda p, paras=paras: write_pdf(paras, p),
            f"{stem}.html": lambda p, paras=paras: write_html(paras, p),
            f"{stem}.utf16.txt": lambda p, text=text: p.write_bytes(text.encode("utf-16")),
        }
        for name, write in targets.items():
            write(out / name)
            written.append(out / name)
    text7 = SEEDS["jspg7"].read_text(encoding="utf-8")
    paras7 = paragraphs(text7)
    extra = {
        "jspg7.cp1251.txt": lambda p: p.write_bytes(text7.encode("cp1251")),
        "jspg7.koi8r.txt": lambda p: p.write_bytes(text7.translate(KOI8_SUBSTITUTIONS).encode("koi8-r")),
        "jspg7.messy.pdf": lambda p: write_pdf(
            paras7, p, running_header="Совместное заявление МИД Казахстана и Турции — 24 февраля 2022 года", page_numbers=True, hyphenate=True
        ),
        "jspg7.messy.html": lambda p: write_html(paras7, p, messy=True),
        "jspg7.numbered.docx": lambda p: write_docx(paras7, p, numbered=True),
        "jspg7.html.txt": lambda p: write_html(paras7, p),  # HTML saved under a .txt name
    }
    for name, write in extra.items():
        write(out / name)
        written.append(out / name)
    return written


if __name__ == "__main__":
    for written_path in build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT):
        print(written_path.relative_to(ROOT) if written_path.is_relative_to(ROOT) else written_path)
