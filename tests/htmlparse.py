"""A minimal element tree of an HTML page (standard library only), for tests that read generated pages."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"br", "img", "meta", "link", "hr", "input", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list = field(default_factory=list)  # Elements and strings

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self, tag: str | None = None, cls: str | None = None):
        """This element and all below it, in document order, filtered by tag and class."""
        if (tag is None or self.tag == tag) and (cls is None or cls in self.attrs.get("class", "").split()):
            yield self
        for c in self.children:
            if isinstance(c, Element):
                yield from c.iter(tag, cls)

    def find(self, tag: str | None = None, cls: str | None = None) -> "Element | None":
        return next(self.iter(tag, cls), None)

    def style(self) -> dict[str, str]:
        items = [s.split(":", 1) for s in self.attrs.get("style", "").split(";") if ":" in s]
        return {k.strip(): v.strip() for k, v in items}


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        el = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(el)
        if tag not in VOID:
            self.stack.append(el)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return
        raise ValueError(f"unbalanced </{tag}>")

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(page: str) -> Element:
    b = _Builder()
    b.feed(page)
    b.close()
    if len(b.stack) != 1:
        raise ValueError(f"unclosed <{b.stack[-1].tag}>")
    return b.root
