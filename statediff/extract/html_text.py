"""HTML to text with BeautifulSoup: the main content only, one paragraph per block element."""

from __future__ import annotations

import re
from typing import Any

from . import require
from .cells import SpannedCell

# Never text.
_ALWAYS_DROP = frozenset({"script", "style", "noscript", "template", "svg", "canvas", "object", "embed", "iframe", "head", "title", "meta", "link"})
# Tracked changes are read accepted, as a .docx's are (docx_text): deleted or struck-out text is
# dropped and <ins> is read as text ("within <del>90</del><ins>120</ins> days" is "within 120 days",
# not "within 90120 days").
_DELETED = frozenset({"del", "s", "strike"})
# Page furniture around an article.
_FURNITURE_TAGS = frozenset({"nav", "header", "footer", "aside", "form", "button", "select", "textarea", "input", "dialog", "menu"})
_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alert", "form"})
# Words in a class or id that mark furniture: "sidebar", "comments-area", "share_buttons"...
_FURNITURE_WORDS = frozenset({
    "sidebar", "comment", "comments", "menu", "nav", "navbar", "navigation", "breadcrumb", "breadcrumbs", "share", "sharing",
    "social", "cookie", "cookies", "related", "advert", "advertisement", "ads", "banner", "subscribe", "newsletter", "widget",
    "footer", "header", "popup", "modal", "pagination", "pager", "tags", "masthead", "toolbar", "login", "search",
})
_BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "caption", "center", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr", "li", "main", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "body", "html",
})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CELL_TAGS = frozenset({"td", "th"})
# Furniture that can hold more paragraph text than the article (a long comment thread): never the core.
_COMMENT_WORDS = frozenset({"comment", "comments", "respond", "reply", "replies", "discussion", "disqus"})
_WORD_SPLIT_RE = re.compile(r"[\s_\-]+")
_SPACE_RE = re.compile(r"[ \t\r\n\f]+")


def html_to_text(html: str, name: str, headings: list[str] | None = None, left_out: list[str] | None = None,
                 rows: list[list[str]] | None = None) -> str:
    """The readable main content of an HTML page as paragraphs separated by blank lines.
    ``headings``, when given, receives the text of each <h1>…<h6>, in order; ``left_out`` the
    text of each block of page furniture left out (menus, comment forms, share buttons, links to
    other articles), in order, so that a notice can name what was not compared; ``rows`` the
    text of each cell of each table row (<tr>), in order (a nested table's rows first)."""
    require("bs4", "beautifulsoup4", "html", "HTML", name)
    from bs4 import BeautifulSoup, Comment, Doctype, ProcessingInstruction, Tag

    soup = BeautifulSoup(html, "html.parser")
    removed: list[tuple[int, int, str]] | None = None if left_out is None else []
    title = " ".join(soup.title.get_text().split()) if soup.title is not None else ""
    for node in soup.find_all(string=lambda s: isinstance(s, Comment | Doctype | ProcessingInstruction)):
        node.extract()
    for tag in soup.find_all(list(_ALWAYS_DROP | _DELETED)):
        tag.decompose()
    root = _main_content(soup)
    if removed is not None:  # the page around the <article> or <main> read: left out too
        body = soup.body or soup
        node = root
        while node is not body and node.parent is not None:
            for sibling in node.parent.children:
                if sibling is not node and isinstance(sibling, Tag):
                    _note(sibling, removed)
                elif sibling is not node and sibling.strip():  # bare text beside it ("<body>Loose text<article>")
                    before = sibling.find_previous_sibling() or node.parent  # (text has no position of its own: just after this)
                    removed.append((before.sourceline or 0, (before.sourcepos or 0) + 1, " ".join(sibling.split())))
            node = node.parent
    core = _content_core(root)
    # A wrapper such as <div class="has-sidebar"> around the article itself is kept.
    keep = {id(core), *(id(parent) for parent in core.parents)} if core is not None else set()
    stack = [child for child in root.children if isinstance(child, Tag)]
    while stack:  # top-down: a removed element's descendants are never visited
        tag = stack.pop()
        if id(tag) not in keep and _is_furniture(tag):
            _note(tag, removed)
            tag.decompose()
        else:
            stack.extend(child for child in tag.children if isinstance(child, Tag))
    _drop_link_teasers(root, removed)
    if left_out is not None and removed:
        left_out.extend(text for _, _, text in sorted(removed))  # in the page's order
    writer = _Writer()
    writer.walk(root)
    if rows is not None:
        rows.extend(writer.rows)
    if headings is not None:
        headings.extend(writer.headings)
        headings.extend(p for p in writer.paragraphs if p not in writer.headings and _restates_title(p, title))
    return writer.result()


MAX_ROWSPAN = 100  # rows one cell may span ("rowspan=65534" is a browser's cap, not a table's)


def _rowspan(cell: Any) -> int:
    """The rows a <td>/<th> spans (1 when it says nothing usable)."""
    try:
        return max(1, min(MAX_ROWSPAN, int(str(cell.get("rowspan", "1")).strip() or "1")))
    except ValueError:
        return 1


def _note(tag: Any, left_out: list[tuple[int, int, str]] | None) -> None:
    """Add (line, column, text) of a block about to be removed to ``left_out`` (when asked, and
    when it has any text): the blocks are removed top-down from the end, sorted afterwards."""
    if left_out is not None:
        text = " ".join(tag.get_text(" ").split())
        if text:
            left_out.append((tag.sourceline or 0, tag.sourcepos or 0, text))


def _drop_link_teasers(root: Any, left_out: list[tuple[int, int, str]] | None = None) -> None:
    """A paragraph that is one link and no sentence ("<div><a href="/n/2">Токаев и Эрдоган
    обсудили …</a></div>" between the article's paragraphs) points to another article: its
    headline is no pledge of this one. Read from each link up through the blocks that hold
    nothing else, so the cost is the links' text and their parents' children, not the page
    times its depth."""
    from bs4 import NavigableString

    teasers = []
    for link in root.find_all("a", href=True):
        text = " ".join(link.get_text().split())
        if not text or text[-1] in ".!?…;:\"»”":
            continue
        block, node = None, link
        while node.parent is not None and node.parent is not root:
            parent = node.parent
            alone = all(child is node or (isinstance(child, NavigableString) and not child.strip()) for child in parent.children)
            if not alone:
                break
            if parent.name in _TEASER_BLOCKS:
                block = parent
            node = parent
        if block is not None:
            teasers.append(block)
    for block in teasers:
        if not block.decomposed:
            _note(block, left_out)
            block.decompose()


_TEASER_BLOCKS = frozenset({"p", "div", "li"})


TITLE_MIN_CHARS = 20  # a shorter paragraph that opens the title ("Главная") says nothing of it


def _restates_title(paragraph: str, title: str) -> bool:
    """A page built of <div>s writes its headline as a paragraph: the <title> again, perhaps
    without the site's name after it ("… коридора — Новости Казахстана")."""
    text = " ".join(paragraph.split())
    return bool(title) and (text == title or (len(text) >= TITLE_MIN_CHARS and title.startswith(text)))


def _main_content(soup: Any) -> Any:
    """<article> (the longest) if there is a substantial one, else <main>, else <body>. An
    <article> outside the page's paragraphs is a teaser, not the statement: a sidebar card
    ("<aside><article>Leaders meet …</article></aside>") beside a statement in <div>s was read
    alone, and two different statements compared as the same text (found by a new user's
    review); the article must hold more than the paragraphs that stand outside it, and a third
    of the text outside it that is no furniture (a statement in a layout table's cell, an
    <article> of tags and comments below it)."""
    body = soup.body or soup
    articles = [(len(a.get_text(" ", strip=True)), a) for a in body.find_all("article")]
    mains = [(len(m.get_text(" ", strip=True)), m) for m in body.find_all(["main"])]
    mains += [(len(m.get_text(" ", strip=True)), m) for m in body.find_all(attrs={"role": "main"})]
    longest = max([n for n, _ in articles + mains], default=0)
    if articles:
        size, article = max(articles, key=lambda item: item[0])
        if (size >= 0.3 * longest and size > 0 and not _paragraphs_outside(body, article, size)
                and _content_size(article) >= 0.3 * _content_size(body, skip=article)):
            return article
    if mains:
        size, main = max(mains, key=lambda item: item[0])
        if size > 0:
            return main
    return body


def _content_size(root: Any, skip: Any = None) -> int:
    """Characters of text under ``root`` outside page furniture (``_is_furniture``), links (a list
    of teasers is no statement: found in review) and ``skip``."""
    from bs4 import NavigableString, Tag

    size, stack = 0, [root]
    while stack:  # iterative: deep pages stay linear
        node = stack.pop()
        for child in node.children:
            if isinstance(child, Tag):
                if child is not skip and child.name != "a" and not _is_furniture(child) and not _is_listing(child):
                    stack.append(child)
            elif isinstance(child, NavigableString):
                size += len(child.strip())
    return size


LISTING_MIN_CARDS = 3  # sibling blocks of one class, each with a heading: a list of other articles' teasers


def _is_listing(tag: Any) -> bool:
    """A block of teaser cards: LISTING_MIN_CARDS children or more that share a class and each hold a
    heading ("<div class=cards><div class=card><h3>Tokayev meets …</h3><p>…</p></div>…"), links or
    none. Beside a short statement <article> its text outweighed the article, and the whole page was
    read (noticed in review)."""
    from bs4 import Tag

    classes: dict[str, int] = {}
    for child in tag.children:
        if isinstance(child, Tag) and child.get("class") and child.find(list(_HEADING_TAGS)) is not None:
            key = " ".join(child.get("class"))
            classes[key] = classes.get(key, 0) + 1
    return any(count >= LISTING_MIN_CARDS for count in classes.values())


def _paragraphs_outside(body: Any, article: Any, size: int) -> bool:
    """Whether the page's paragraph core (``_content_core`` of the body) lies outside ``article``
    and its <p> children hold more text than the whole article."""
    from bs4 import Tag

    core = _content_core(body)
    if core is None or core is article or article in core.parents:  # (the core inside the article)
        return False
    if any(_is_listing(parent) for parent in core.parents):  # one teaser card of a listing (``_is_listing``)
        return False
    return sum(len(child.get_text(" ", strip=True)) for child in core.children if isinstance(child, Tag) and child.name == "p") > size


def _content_core(root: Any) -> Any:
    """The element whose own <p> children hold the most text: the article body, not a comment thread."""
    from bs4 import Tag

    best, best_size = None, 0
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:  # iterative, carrying "inside furniture" down: deep pages stay linear
        node, excluded = stack.pop()
        excluded = excluded or (node is not root and _is_comments_or_structural(node))
        children = [child for child in node.children if isinstance(child, Tag)]
        if not excluded:
            size = sum(len(child.get_text(" ", strip=True)) for child in children if child.name == "p")
            if size > best_size:
                best, best_size = node, size
        stack.extend((child, excluded) for child in children)
    return best


def _is_furniture(tag: Any) -> bool:
    return _is_comments_or_structural(tag) or bool(_attribute_words(tag) & _FURNITURE_WORDS)


def _is_comments_or_structural(tag: Any) -> bool:
    if tag.name in _FURNITURE_TAGS:
        return True
    attrs = tag.attrs or {}
    if str(attrs.get("role", "")).lower() in _FURNITURE_ROLES:
        return True
    if str(attrs.get("aria-hidden", "")).lower() == "true" or "hidden" in attrs:
        return True
    return bool(_attribute_words(tag) & _COMMENT_WORDS)


def _attribute_words(tag: Any) -> set[str]:
    attrs = tag.attrs or {}
    classes = attrs.get("class") or []
    names = [*(classes if isinstance(classes, list) else [classes]), str(attrs.get("id", ""))]
    return {w for n in names for w in _WORD_SPLIT_RE.split(str(n).lower()) if w}


class _Writer:
    """Walks the tree; block elements end a paragraph, <br> ends a line, inline text flows."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.marker = ""  # a list item's "1. " or "• ", put before its first paragraph
        self.headings: list[str] = []  # the paragraphs that are <h1>…<h6>
        self._heading_depth = 0  # open heading elements around the current text
        self.rows: list[list[str]] = []  # each <tr>'s cells' text, in the order the rows close
        # The <tr> and <td>/<th> elements open around the current text, innermost last, each with its
        # element's id and the number of <table>s around it; a cell with its first paragraph's index.
        self._open_rows: list[tuple[int, int, list[str]]] = []
        self._open_cells: list[tuple[int, int, int, int]] = []  # (element id, tables, first paragraph, rows it spans)
        self._tables = 0
        self._spanning: dict[int, list[list[Any]]] = {}  # tables → [rows still to span, text, its own row's id] of cells with rowspan

    def walk(self, root: Any) -> None:
        """Depth-first over the tree with an explicit stack: deeply nested pages cannot overflow it."""
        from bs4 import NavigableString, Tag

        stack: list[tuple[Any, bool, bool]] = [(child, False, False) for child in reversed(list(root.children))]
        while stack:
            node, pre, leaving = stack.pop()
            if leaving:  # the end of a block element
                self.flush()
                if node.name in _HEADING_TAGS:
                    self._heading_depth -= 1
                elif node.name in _CELL_TAGS and self._open_cells and self._open_cells[-1][0] == id(node):
                    self._close_cell()
                elif node.name == "tr" and self._open_rows and self._open_rows[-1][0] == id(node):
                    self._close_row()
                elif node.name == "table":
                    self._spanning.pop(self._tables, None)  # a rowspan ends with its table, as browsers clip it
                    self._tables -= 1
                if node.name == "li":
                    self.marker = ""
                continue
            if isinstance(node, NavigableString):
                self.current.append(str(node) if pre else _SPACE_RE.sub(" ", str(node)))
                continue
            if not isinstance(node, Tag) or node.name == "img":
                continue
            if node.name == "br":
                self.current.append("\n")
                continue
            inner_pre = pre or node.name == "pre"
            if node.name in _BLOCK_TAGS:
                self.flush()
                if node.name == "li":
                    self.marker = self._marker(node)
                elif node.name in ("ol", "ul"):
                    self._number_items(node)
                elif node.name in _HEADING_TAGS:
                    self._heading_depth += 1
                elif node.name == "tr":
                    self._close_row(self._tables)  # an end tag left out ("<tr><td>A<tr><td>B"): html.parser nests the rows
                    self._open_rows.append((id(node), self._tables, []))
                elif node.name in _CELL_TAGS:
                    self._close_cell(self._tables)  # "<td>A<td>B" nests B in A
                    self._open_cells.append((id(node), self._tables, len(self.paragraphs), _rowspan(node)))
                elif node.name == "table":
                    self._tables += 1
                stack.append((node, pre, True))
            stack.extend((child, inner_pre, False) for child in reversed(list(node.children)))

    def _close_cell(self, tables: int | None = None) -> None:
        """End the innermost open cell (only one inside as many tables as ``tables``, when given):
        its paragraphs are a cell of the innermost open row."""
        if not self._open_cells or (tables is not None and self._open_cells[-1][1] != tables):
            return
        _, depth, first, rows = self._open_cells.pop()
        text = "\n\n".join(self.paragraphs[first:])
        if self._open_rows and self._open_rows[-1][1] == depth:
            self._open_rows[-1][2].append(text)
        if rows > 1 and self._open_rows:  # a cell spanning rows (a shared deadline) is a cell of each of them
            self._spanning.setdefault(depth, []).append([rows - 1, text, self._open_rows[-1][0]])

    def _spanned_cells(self, tables: int, row: int) -> list[str]:
        """The text of the cells of rows above that span into ``row``, inside ``tables`` tables."""
        spanning = [entry for entry in self._spanning.get(tables, []) if entry[2] != row]
        for entry in spanning:
            entry[0] -= 1
        self._spanning[tables] = [entry for entry in self._spanning.get(tables, []) if entry[0] > 0]
        return [SpannedCell(entry[1]) for entry in spanning]

    def _close_row(self, tables: int | None = None) -> None:
        """End the innermost open row (only one inside as many tables as ``tables``, when given),
        and its open cell."""
        if not self._open_rows or (tables is not None and self._open_rows[-1][1] != tables):
            return
        self._close_cell(self._open_rows[-1][1])
        row, depth, cells = self._open_rows.pop()
        # (after its own cells: a row's number stays its first cell)
        self.rows.append(cells + self._spanned_cells(depth, row))

    @staticmethod
    def _number_items(tag: Any) -> None:
        # Numbers of an ordered list as a browser shows them: from start="", one per item, value="" resets.
        try:
            number = int(tag.get("start", 1))
        except ValueError:
            number = 1
        for child in tag.children:
            if getattr(child, "name", None) == "li":
                value = str(child.get("value", "")).strip()
                if value.isdigit():
                    number = int(value)
                child["data-statediff-number"] = str(number)
                number += 1

    @staticmethod
    def _marker(tag: Any) -> str:
        parent = tag.parent
        if parent is not None and parent.name == "ol":
            return f"{tag.get('data-statediff-number', '1')}. "
        return "• "

    def flush(self) -> None:
        text = "".join(self.current)
        self.current = []
        lines = [line.strip() for line in text.split("\n")]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            self.paragraphs.append(self.marker + paragraph)
            self.marker = ""
            if self._heading_depth:
                self.headings.append(self.paragraphs[-1])

    def result(self) -> str:
        self.flush()
        return "\n\n".join(self.paragraphs) + "\n" if self.paragraphs else ""
