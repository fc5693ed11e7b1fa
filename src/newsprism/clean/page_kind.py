"""Pages that are not news: shop, product and listing pages, told by what the page declares and by its form.

A web archive holds a site's shop pages beside its stories. Read as articles,
one shop's product pages share every word of their template and would form a
"story" of their own, with prices as claims (#17). Such a page is still
stored (it was read, and a reader may search it), but with a ``W104`` issue
that keeps it out of stories and claims side by side.

Cascade, on the whole page (before furniture is taken out):

1. declared: ``og:type`` ``product`` (``product.item``, ``og:product``), or
   a JSON-LD or microdata object of type ``Product``, ``ProductGroup``,
   ``Offer`` or ``AggregateOffer``, on a page that declares no article type;
2. its form: cart words in any of the common shop languages ("add to cart",
   "お買い物かご", "Warenkorb", "购物车") and a price ("32,800円(税込)",
   "$19.99"), on a page whose main text is no longer than a product
   description (:data:`SHOP_TEXT_CHARS`): a news page with a shop link in its
   menu has a story's length of prose. A page that declares itself an article
   (``og:type`` ``article``, a schema.org ``NewsArticle``) is news whatever
   its form.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from lxml.etree import XPath  # type: ignore[import-untyped]  # lxml ships no stubs

if TYPE_CHECKING:
    from collections.abc import Iterable

    from lxml.html import HtmlElement  # type: ignore[import-untyped]  # lxml ships no stubs for lxml.html

#: A shop page's main text (a product description) is shorter than this; a news story with a shop
#: link in its menu is longer (the extraction dev sets' stories: median over 3,000 characters).
SHOP_TEXT_CHARS = 1_200
_ITEMTYPES = XPath("//@itemtype")
_PRODUCT_TYPES = frozenset({"product", "productgroup", "offer", "aggregateoffer", "individualproduct",
                            "productmodel"})
_ARTICLE_TYPE = re.compile(r"article|posting|report|blog", re.IGNORECASE)
_CART = re.compile(
    r"add to (?:cart|bag|basket)|shopping (?:cart|bag|basket)|your (?:cart|basket)|view cart|checkout|"
    r"warenkorb|in den korb|panier|carrito|cesta de la compra|carrello|carrinho|winkelwagen|koszyk|"
    r"корзин|sepete ekle|alışveriş sepeti|kundvagn|handlekurv|ostoskori|košík|"
    r"カート|買い物かご|買い物カゴ|購物車|购物车|장바구니|سلة التسوق|سلة المشتريات|עגלת קניות",
    re.IGNORECASE)
#: A price is a currency sign or code before an amount ("$19.99", "US$ 5", "CHF 120")...
_PRICE_BEFORE = re.compile(r"(?:[$€£¥₩₹₽₺]|CHF|zł)\s?\d[\d,.\s]{0,12}\d")
#: ... whose signs and codes are these ("US$" and "R$" hold "$")...
_CURRENCY_BEFORE = ("$", "€", "£", "¥", "₩", "₹", "₽", "₺", "CHF", "zł")
#: ... or a currency after an amount ("32,800円(税込)", "19,99 €"), the amount at most this many characters.
_CURRENCY_AFTER = re.compile(r"円|元|원|€|zł|руб|₽|TL|kr|Kč")
_AMOUNT_BEFORE = re.compile(r"\d[\d,.]{0,12}\s?\Z")
_AMOUNT_CHARS = 14


def declared_kind(tree: HtmlElement, json_ld: Iterable[dict[str, Any]], *,
                  metas: Iterable[HtmlElement] | None = None) -> str | None:
    """What the page says it is: ``"product"`` (step 1 of the cascade), ``"article"`` (then its form does
    not count), else ``None``.

    Args:
        tree: The parsed page.
        json_ld: The page's JSON-LD objects (``@graph`` members included).
        metas: The page's ``<meta>`` elements when the caller has found them already; else they are found
            in ``tree``.
    """
    types: set[str] = set()
    for item in json_ld:
        value = item.get("@type")
        types |= {t.casefold() for t in (value if isinstance(value, list) else [value]) if isinstance(t, str)}
    if any(_ARTICLE_TYPE.search(t) for t in types):
        return "article"
    og = {(m.get("content") or "").strip().casefold() for m in (tree.iter("meta") if metas is None else metas)
          if (m.get("property") or m.get("name") or "").strip().casefold() == "og:type"}
    if any(t.startswith("product") or t == "og:product" for t in og):
        return "product"
    if "article" in og:
        return "article"
    # the attribute values by XPath, in C: a walk over every element in Python cost more than the rest (#12)
    itemtypes = {str(value).rstrip("/").rsplit("/", 1)[-1].casefold() for value in _ITEMTYPES(tree) if value}
    if any(_ARTICLE_TYPE.search(t) for t in itemtypes):
        return "article"
    return "product" if (types | itemtypes) & _PRODUCT_TYPES else None


def shop_form(page_text: str) -> bool:
    """Whether a page's whole visible text has a shop's form: cart words and a price (step 2).

    >>> shop_form("利用案内│会員登録│買い物カゴ│注文照会 ... 価格 : 32,800円(税込)")
    True
    >>> shop_form("Police said 12 people were hurt. Subscribe for $1 a week.")
    False
    """
    # the price first: the cart words, thirty case-blind alternatives in several scripts, cost seven times as
    # much to look for, and two pages in three have no price to go with them (#12, speed)
    return has_price(page_text) and _CART.search(page_text) is not None


def has_price(text: str) -> bool:
    """Whether ``text`` holds a price: a currency sign or code before an amount, or a currency after one.

    Each form is looked for from what it must begin with (a sign, a currency after the amount), which the
    search scans for in C: one pattern for both tried every character of the page as a start, a millisecond
    on a page of text (#12, speed).

    >>> has_price("Tickets cost $ 25"), has_price("価格 : 32,800円(税込)"), has_price("Call 555 0199 now")
    (True, True, False)
    """
    if any(sign in text for sign in _CURRENCY_BEFORE) and _PRICE_BEFORE.search(text):
        return True
    return any(_AMOUNT_BEFORE.search(text, max(0, m.start() - _AMOUNT_CHARS), m.start())
               for m in _CURRENCY_AFTER.finditer(text))


def not_news(kind: str | None, *, page_text: str, text: str) -> str | None:
    """Why a page is not news (for its ``W104`` issue), or ``None`` when it may be.

    The shop test scans the whole page's text, so it runs only where it counts: on a short main text
    from a page that declares nothing (it was most of reading's time on some pages, #12).

    Args:
        kind: What the page declares (:func:`declared_kind`).
        page_text: The whole page's visible text, furniture included (for :func:`shop_form`).
        text: The main text read from the page.
    """
    if kind == "article":
        return None
    if kind:
        return f"the page declares itself a {kind} page (og:type or schema.org type)"
    if len(text) <= SHOP_TEXT_CHARS and shop_form(page_text):
        return f"the page has cart words and prices, and {len(text):,} characters of main text"
    return None
