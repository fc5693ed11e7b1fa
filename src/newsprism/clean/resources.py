"""Regexes and word tables for text cleaning, compiled once at import.

Patterns describe *kinds* of page furniture in several languages, not the
lines of any one page: each is a short cue (a verb phrase, a label, a
keyword) that the classifier in :mod:`newsprism.clean.furniture` only trusts
on a line that is also short or otherwise unlike story prose.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _any_of(parts: list[str] | tuple[str, ...], flags: int = 0) -> re.Pattern[str]:
    r"""``"|".join(parts)`` compiled, each run of parts that open on ``\b`` sharing one ``\b``.

    The same alternatives in the same order, so the same matches; but the engine tries every alternative
    at every position, and one shared word-boundary test skips the inside of words at once: the notice
    lexicon scans a line of 118,000 characters four times faster (#12).
    """
    groups: list[str] = []
    run: list[str] = []
    for part in [*parts, None]:
        if part is not None and part.startswith(r"\b"):
            run.append(f"(?:{part[2:]})")
            continue
        if run:
            groups.append(r"\b(?:" + "|".join(run) + ")")
            run = []
        if part is not None:
            groups.append(f"(?:{part})")
    return re.compile("|".join(groups), flags)


# -- stop words (for the prose score; a few languages so foreign prose is prose) --

_ENGLISH_STOP = (
    "a an the and or but if of to in on at by for with from as into about after over under "
    "is are was were be been being has have had do does did will would can could should may might must "
    "it its this that these those he she they we you i his her their our your him them us who whom which "
    "what when where while than then there here not no so also more most some any all such only just "
    "said says told according because since until during before against between through up out "
)
#: English function words alone (the glued-word rules speak of English grammar).
ENGLISH_STOP_WORDS: frozenset[str] = _words(_ENGLISH_STOP)

#: Function words of the languages the prose score knows, by language.
_STOP_BY_LANGUAGE: dict[tuple[str, ...], str] = {
    ("en",): _ENGLISH_STOP,
    ("es", "pt"):
    "el la los las un una unos unas y o de del en con por para que se su sus es son fue ha han al lo "
    "como pero más este esta estos estas ese esa dijo según sobre entre sin ya muy o os as um uma do da "
    "dos das no na nos nas em com não é foi ao pelo pela ",
    ("fr",):
    "le les des du au aux et ou est sont été dans sur pour par avec ne pas plus qui ce cette ces il elle "
    "ils elles nous vous leur leurs son sa ses mais comme selon ",
    ("de",):
    "der die das den dem des ein eine einer eines einem und oder ist sind war waren im auf für mit von "
    "zu zum zur bei nach aus nicht auch sich dass er sie es wir ihr wie als wird werden hat haben ",
    ("it",): "il lo gli di da con su per tra fra che non è sono era anche nel nella della degli delle ",
    ("nl",): "het een en van op te voor dat zijn werd niet ook maar bij naar om aan door heeft hij zij ",
    ("pl",): "i w z na do się nie to że jest od po przez dla jak ale oraz który która które był była są jego jej ",
    ("tr",): "ve bir bu ile için da de olarak olan daha çok ama gibi ise ki en her sonra kadar göre ",
    ("ro",): "și în cu pe la din care că nu au fost este sunt mai dar pentru",
}
STOP_WORDS: frozenset[str] = _words(" ".join(_STOP_BY_LANGUAGE.values()))
#: The languages whose function words :data:`STOP_WORDS` holds: in a text in another language, written in the
#: Latin script or not, the share of those words says nothing of whether a line is prose (#12).
STOP_WORD_LANGUAGES: frozenset[str] = frozenset(lang for langs in _STOP_BY_LANGUAGE for lang in langs)

#: Short words that a lost space glues to the end of the word before them
#: ("Khersonis", "Shoiguto", "Crimeathe", "Khersonwhich").
GLUE_FUNCTION_WORDS: frozenset[str] = _words(
    # two-letter words end too many names ("Saladas", "Dendias", "Judian"): only these three
    "is to of "
    "the which and was were has have had who that this with from for will would said says after while when where"
)

#: English function words: a headline with none of them is not English, whatever langid says of a few words.
ENGLISH_FUNCTION_WORDS: frozenset[str] = _words("the of and to in is was for on with as by at from that a an are be has have it its this")

#: Right parts after a period that are really domain endings ("example.com").
DOMAIN_ENDINGS: frozenset[str] = _words(
    "com org net gov edu int mil info biz io co uk us eu de fr es it ru ua pl nl be ch at se no dk fi "
    "cn jp kr in br mx ar au nz ca za tv me ly gl html htm php asp aspx js css json xml pdf jpg jpeg png gif"
)

#: The two-letter language codes (ISO 639-1): a declared language outside them ("UTF-8") is not one.
ISO_639_1: frozenset[str] = _words(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz "
    "ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io "
    "is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr "
    "ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si "
    "sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh "
    "yi yo za zh zu"
)

# -- tokens --------------------------------------------------------------------

NON_LATIN = re.compile(r"[^\W\d_a-zA-Z\u00c0-\u024f]")
WORD = re.compile(r"[^\W\d_](?:[\w’'-]*\w)?", re.UNICODE)
TOKEN = re.compile(r"\S+")
_OTHER_SPACES = r"\t\u00a0\u2000-\u200a\u202f\u205f\u3000"  # space characters besides the plain space
SPACES = re.compile(rf"[ {_OTHER_SPACES}]+")
#: What normalising :data:`SPACES` changes: two plain spaces or more, or any other space character.
ODD_SPACE = re.compile(rf" {{2,}}|[{_OTHER_SPACES}]")
#: The runs of :data:`SPACES` that are not one plain space: two space characters or more, or another one alone.
ODD_SPACE_RUN = re.compile(rf"[ {_OTHER_SPACES}]{{2,}}|[{_OTHER_SPACES}]")
ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
#: A space character besides the plain space, or a zero-width one: with a test for two plain spaces, what
#: :data:`ODD_SPACE` and :data:`ZERO_WIDTH` find, in one scan that does not stop at every plain space.
OTHER_SPACE = re.compile(rf"[{_OTHER_SPACES}\u200b\u200c\u200d\u2060\ufeff]")
#: a closing quote or bracket may follow the stop after a space, as text rebuilt from tokens writes it (`us. "`)
TERMINAL = re.compile(r"(?:[.!?…:;](?:\s?[\"'”’»)\]])*|[。！？」』）])$")
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?:\s|$)|[。！？]")
#: A reader's comment opening on its author, as blog software sets it ("theprocess12 says:", "Marie a écrit :"), in
#: several languages (#12).
COMMENT_HEADER = re.compile(
    r"^\s*\S+(?:\s+\S+){0,3}\s+(?:says|said|wrote|writes|dice|dijo|escribió|dit|a\s+écrit|sagt|schreibt|schrieb"
    r"|disse|diz|scrive|ha\s+scritto|pisze|napisał|yazdı)\s*:\s*$",
    re.IGNORECASE,
)
#: Where a menu's items met when their line breaks were lost: a lower-case end before a capitalised word
#: ("InsiderNJ", "NewslettersThe"), or capitals before one ("UPKeep") or an acronym ("LIVEEmail", "SportsLIVE").
MENU_GLUE = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])|(?<=[A-Z]{2})(?=[A-Z][a-z]{2})|(?<=[a-z]{2})(?=[A-Z]{2,}\b)")
HAS_DIGIT = re.compile(r"\d")
#: A speaker tag opening a line of an interview transcript: "((WN))", "Q:", "KEYSERS:".
SPEAKER_TAG = re.compile(r"^\s*(?:\(\([^()]{1,60}\)\)|\[[^\]]{1,60}\]|[A-Z][\w .'-]{0,40}:)\s*")
URL = re.compile(r"(?:https?://|www\.)\S+", _I)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")

# -- furniture: one entry per kind, cue regexes searched in a line --------------
# Each rule: (kind, regex, max_words). A cue only counts on a line of at most
# ``max_words`` words, so a story sentence that mentions "cookies" or
# "comments" is never taken for a cookie notice or a comment form.

_COMMENT = [
    r"\b(?:please\s+)?enter\s+your\s+(?:comment|name|e-?mail|message|website)",
    r"\byou\s+have\s+entered\s+an\s+incorrect",
    r"\b(?:leave|post|add|write|submit|join|start)\s+(?:a|your|the)?\s*(?:reply|comment|response|discussion|conversation)",
    r"^\s*cancel\s+reply\b", r"\byour\s+e-?mail\s+(?:address\s+)?will\s+not\s+be\s+published",
    r"\brequired\s+fields?\s+(?:are\s+)?marked", r"\bsave\s+my\s+name",
    r"\bnotify\s+me\s+of\b", r"\bpowered\s+by\s+disqus", r"\bdisqus\b",
    r"^\s*(?:\d+\s+)?(?:comments?|repl(?:y|ies)|responses?)\s*(?:\(\d+\))?\s*[:*]?\s*$", r"\bakismet\b",
    r"\bhow\s+your\s+comment\s+data\b", r"\b(?:when|before)\s+(?:submitting|posting)\s+(?:a\s+)?(?:content|comments?)",
    r"^\s*(?:name|e-?mail|website|comment|message)\s*[*:]\s*(?:\(required\))?\s*$",
    r"\b(?:log|sign)\s*(?:in|on)\s+to\s+(?:comment|reply|join|post)", r"\bbe\s+the\s+first\s+to\s+comment",
    r"\b(?:comments?|commenting)\s+(?:are|is)\s+(?:closed|disabled|moderated)", r"\b(?:show|view|hide|load)\s+(?:\d+\s+)?(?:more\s+)?comments",
    r"\bsort\s+by\s+(?:newest|oldest|best|top)", r"\bcomment\s+policy\b", r"\bcommunity\s+guidelines\b",
    r"\bdeja\s+(?:un|tu)\s+comentario", r"\blaisser\s+un\s+commentaire", r"\bkommentar\s+(?:schreiben|verfassen)",
    r"^\s*(?:post|send|submit|publish)(?:\s+(?:a\s+)?(?:comment|reply|it))?\s*$", r"\bsend\s+(?:a\s+)?comment",
    r"^\s*(?:nickname|username|user\s*name|comment\s+text|your\s+(?:message|reply))\s*[*:]?\s*$",
    r"^\s*(?:your\s+)?(?:comment|name|e-?mail(?:\s+address)?|website|message)\s*(?:\((?:required|optional|will\s+not\s+be\s+published)\)\s*)*[*:]?\s*$",
    r"\bcancel\s+reply\b", r"\bcommenting\s+(?:has\s+been|is)\s+(?:disabled|closed|turned\s+off)", r"^\s*(?:discussions?|conversations?)\s*$",
    r"\b(?:ingrese|introduzca|escriba)\s+(?:su|tu)\s+(?:comentario|nombre|correo)", r"\bveuillez\s+(?:saisir|entrer|indiquer)\s+votre",
    r"\bbitte\s+geben\s+sie\s+ihren", r"\binserisci\s+il\s+tuo", r"\bdigite\s+seu", r"\bdirección\s+de\s+correo\s+(?:electrónico\s+)?incorrecta",
    r"\blascia\s+un\s+commento", r"\bdeixe\s+(?:um|seu)\s+coment", r"\bcomentarios?\s*\(\d+\)",
    # the comment form's box that keeps the name and e-mail "in this browser", as its translations word it: a story
    # speaks of a browser, not of this one (#12)
    r"\b(?:this|этом|este|ce|diesem|neste|questo|tej|bu)\s+(?:browser|браузере|navegador|navigateur|przeglądarce"
    r"|tarayıcı)",
]
_SHARE = [
    r"\bshare\s+(?:this|on|via|the|article|story|to)\b", r"^\s*share\s*[:!]?\s*$", r"\bclick\s+to\s+(?:share|email|print|tweet)",
    r"\(opens\s+in\s+(?:a\s+)?new\s+window\)", r"\bcopy\s+(?:link|url)\b", r"\bshow\s+more\s+sharing",
    r"^\s*(?:facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|e-?mail|print|messenger|flipboard|tumblr|vk|copy)"
    r"(?:\s*[|,/·•]?\s*(?:facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|e-?mail|print|messenger|flipboard|tumblr|vk|copy|link))*\s*$",
    r"\bfollow\s+(?:us|me|him|her|them|our\b|@|\w+\s+on\s+(?:twitter|facebook|instagram|telegram))",
    r"\b(?:tweet|retweet|pin\s+it|like\s+us)\b", r"^\s*(?:print|e-?mail|send|save)\s+(?:this\s+)?(?:page|article|story|link)\b",
    r"^\s*\d+\s+shares?\s*$", r"^\s*follow\s+(?:on|us)\b", r"\bcompart(?:ir|e|ilhar)\b", r"\bpartager\b", r"\bteilen\b", r"\bcondividi\b",
    r"\bsíguenos\b", r"\bsuivez-nous\b", r"\bfolgen\s+sie\s+uns\b", r"\bseguici\b",
]
_SUBSCRIBE = [
    r"\bsubscri(?:be|ption|ber)", r"\bnewsletters?\b", r"\bsign\s+up\b", r"\bin\s+your\s+inbox\b",
    r"\bdaily\s+(?:briefing|digest|email)", r"\bget\s+(?:the|our)\s+(?:latest|best|top)", r"\bsuscr[ií]b",
    r"\bboletín\b", r"\babonne", r"\babonnieren\b", r"\biscriviti\b", r"\bassine\b", r"\bunlimited\s+access\b",
    r"\bsupport\s+(?:our|independent)\s+journalism", r"\bmailing\s+list\b", r"\b(?:donate|become\s+a\s+member)\b",
]
_RELATED = [
    r"^\s*(?:read|see|watch|listen)\s+(?:more|also|next|too)\b", r"^\s*also\s+(?:read|see|watch)\b",
    r"^\s*(?:more\s+)?related(?:\s+(?:articles?|stories|posts|news|content|coverage|topics))?\s*[:\-–—]",
    r"^\s*related(?:\s+(?:articles?|stories|posts|news|content|coverage))?\s*$",
    r"^\s*(?:more\s+(?:on|from|about)\s+(?:this|the|our))\b", r"^\s*(?:recommended|suggested)(?:\s+(?:for\s+you|stories|articles|reading))?\s*[:\-–—]?\s*$",
    r"^\s*you\s+(?:may|might|could)\s+(?:also\s+)?(?:like|enjoy|be\s+interested)", r"^\s*(?:most\s+(?:read|popular|viewed|shared)|trending(?:\s+now)?|top\s+stories|editor'?s\s+picks?)\b",
    r"^\s*[►▶→⇒]+\s*\S", r"^\s*(?:also\s+on\s+\w+|more\s+(?:stories|news|articles|headlines)|up\s+next|don'?t\s+miss|watch(?:\s+(?:now|video|more))?\s*:)",
    r"^\s*(?:más\s+(?:información|noticias)|plus\s+d'infos?|weitere\s+(?:artikel|nachrichten)|ler\s+mais|leggi\s+di\s+più)\b",
    r"^\s*(?:lea|lee|ver|vea)\s+(?:también|tambien|además|más)\b", r"^\s*te\s+puede\s+interesar", r"^\s*(?:noticias\s+)?relacionad[ao]s?\b",
    r"^\s*(?:à\s+)?lire\s+(?:aussi|également|la\s+suite)\b", r"^\s*voir\s+aussi\b", r"^\s*sur\s+le\s+même\s+sujet\b",
    r"^\s*mehr\s+zum\s+thema\b", r"^\s*lesen\s+sie\s+(?:auch|mehr)\b", r"^\s*(?:auch\s+interessant|das\s+könnte\s+sie\s+(?:auch\s+)?interessieren)",
    r"^\s*leggi\s+(?:anche|di\s+più)\b", r"^\s*(?:leia|veja)\s+(?:também|mais)\b", r"^\s*(?:читайте|смотрите)\s+также",
    # a teaser's headline closed by the kind of media it links to ("… admits Kelly Clarkson [WATCH]") (#12)
    r"^.*\[(?:watch|video|videos|photos?|gallery|listen|podcast|audio)\]\s*$",
]
_CREDIT = [
    r"^\s*\(?(?:photo(?:graph)?s?|pictures?|images?|foto(?:grafía|grafia)?s?|bild|crédit(?:o)?s?|credits?|illustration|video|source|fuente|quelle)"
    r"\s*(?:by|:|/|©|-|–)\s*\S", r"\(\s*(?:AP|AFP|EPA|Reuters|Getty)[^)]{0,60}\)\s*$", r"\bAP\s+Photo\s*/",
    r"^\s*(?:photo|image|picture)\s+credits?\s*:", r"^\s*(?:©\s*)?(?:getty(?:\s+images)?|shutterstock|reuters|afp|associated\s+press|ap|epa(?:-efe)?|efe|dpa|xinhua|anadolu|tass|ria\s+novosti|europa\s+press|ansa|bloomberg|alamy|istock(?:photo)?)"
    r"(?:\s*(?:/|via|and|,)\s*[\w .'-]{1,40})?\s*$",
    r"(?:/|\bvia\s+)(?:getty\s+images|shutterstock|reuters|afp|ap|epa|efe|dpa|bloomberg)\s*\)?\s*$",
    r"^\s*(?:caption|credit|hide\s+caption|toggle\s+caption|enlarge\s+(?:this\s+)?image|back\s+to\s+gallery|view\s+(?:gallery|image|photos?))\s*$",
    r"^\s*\(?(?:additional\s+)?(?:reporting|writing|editing|compiled|translated)\s+by\b", r"^\s*\d+\s*(?:/|of)\s*\d+\s*$",
]
_BYLINE = [
    r"^\s*(?:updated|published|posted|last\s+(?:updated|modified)|first\s+published|actualizado|publicado|mis\s+à\s+jour|aktualisiert)\b",
    r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?|h|uhr|utc|gmt|[ecmp][sd]t|cet|bst|ist)(?!\w)", r"\b(?:19|20)\d\d\b.{0,30}\b\d{1,2}:\d{2}\b", r"\b\d+\s+min(?:ute)?s?\s+read\b", r"^\s*\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?)\s+ago\s*$",
]
_TAGS = [
    r"^\s*(?:tags?|tagged(?:\s+with)?|topics?|filed\s+under|categor(?:y|ies)|keywords?|etiquetas?|temas?|mots[- ]clés|schlagw[öo]rter|themen|argomenti)\s*[:|\-–—]",
    r"^\s*(?:posted|filed)\s+(?:in|under)\b", r"^\s*(?:#[^\W\d_][\w-]*[\s,]*)+$",
]
_COOKIE = [
    r"\bcookies?\b.*\b(?:use|using|accept|consent|settings|policy|experience|browsing|continue)",
    r"\b(?:we|this\s+(?:site|website)|our\s+(?:site|website|partners))\b.{0,40}\bcookies\b", r"\buses?\s+cookies\b",
    r"\bcookies?\s+(?:settings|policy|preferences|consent|notice)\b", r"\byour\s+privacy\s+(?:choices|settings|options)\b", r"\b(?:accept|reject)\s+(?:all\s+)?cookies",
    r"\bmanage\s+(?:cookie|consent|preferences)", r"\bprivacy\s+(?:policy|settings|preferences)\b.*\b(?:consent|accept|agree)", r"\bwe\s+value\s+your\s+privacy",
    r"\bby\s+(?:continuing|using)\s+(?:to\s+(?:browse|use)\s+)?(?:this|our)\s+(?:site|website)", r"\bgdpr\b",
]
_ADVERT = [
    r"^\W*(?:advertisement|advertising|advert|ad|ads|sponsored(?:\s+(?:content|links|stories))?|promoted(?:\s+(?:content|stories|links))?|paid\s+(?:content|post)|publicidad|publicité|anzeige|werbung|pubblicità|publicidade|реклама)\W*$",
    r"\b(?:story|article)\s+continues\s+(?:below|after)", r"\bscroll\s+(?:down\s+)?to\s+continue", r"\bcontinue\s+reading\s+(?:the\s+main\s+story|below)",
    r"^\s*(?:skip|close)\s+(?:this\s+)?ad\b", r"\bad\s+feedback\b",
]
_NAVIGATION = [
    r"^\s*(?:home|inicio|accueil|startseite)\s*(?:[>»›/|]\s*[\w &'’-]+\s*)+$", r"^\s*[\w &'’-]+(?:\s+[>»›]\s+[\w &'’-]+)+\s*$",
    r"^\s*(?:(?:load|show|see|view)\s+more|go\s+to\s+(?:the\s+)?home\s*page|main\s+menu|(?:open|close)\s+menu)\s*$",
    r"^\s*(?:next|previous|prev|older|newer)\s+(?:article|post|story|page|entry)\b", r"^\s*(?:back\s+to\s+(?:top|home)|skip\s+to\s+(?:main\s+)?content|jump\s+to)\b",
    r"^\s*(?:menu|search|home|close|open|log\s*in|sign\s*in|register|logout|more|loading\.*|print|top)\s*$",
    r"^\s*[\x21-\x7e]{30,}\s*$",
    r"^\s*(?:artículo\s+(?:anterior|siguiente)|article\s+(?:précédent|suivant)|nächster\s+artikel|vorheriger\s+artikel)\b",
]
_AUTHOR_BIO = [
    r"^\s*(?:about\s+the\s+author|contact\s+the\s+author|more\s+from\s+this\s+author|author\s+profile)\b",
    r"^\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s+(?:is|was|has\s+been)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,5}"
    r"(?:reporter|correspondent|editor|writer|journalist|columnist|contributor|producer|author|analyst|photographer|intern|fellow)\b",
    r"^\s*(?:follow|email|contact)\s+(?:him|her|them|the\s+author)\b", r"^\s*(?:written|words|text)\s+by\b", r"^\s*(?:author|autor|auteur)\s*:",
    r"\|\s*(?:staff|senior|chief|contributing)?\s*(?:writer|reporter|correspondent|editor)\s*$",
    r"^\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+(?:covers|writes\s+about|reports\s+on)\s+[\w ,&-]{3,80}\s+(?:for|at)\s+(?:the|[A-Z])", r"^\s*(?:by|por|par|von|di)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*(?:[,|]\s*[\w ]{1,40})?$",
]
_COPYRIGHT = [
    r"©", r"\(c\)\s*\d{4}", r"\bcopyright\b", r"\ball\s+rights\s+reserved", r"\btodos\s+los\s+derechos\s+reservados",
    r"\btous\s+droits\s+réservés", r"\balle\s+rechte\s+vorbehalten", r"\btutti\s+i\s+diritti\s+riservati",
    r"\b(?:terms\s+of\s+(?:use|service)|privacy\s+policy)\b",
    # legal boilerplate is a full sentence, so these open with "^.*" to count as sure (anchored) cues
    r"^.*\bmay\s+not\s+be\s+(?:published|reproduced|copied|broadcast|rewritten|redistributed)(?:,\s*\w+)*,?\s+(?:or|and)\s+\w+",
    r"^.*\breproduction\b.{0,60}\b(?:prohibited|forbidden|not\s+permitted)\b", r"\bwithout\s+(?:the\s+)?(?:prior\s+)?(?:written\s+)?permission\b",
]


def _rule(kind: str, patterns: list[str], max_words: int) -> tuple[str, re.Pattern[str] | None, re.Pattern[str] | None, int]:
    """One alternation for the anchored cues (``^...``) and one for the free ones: two searches per kind."""
    anchored = [p for p in patterns if p.startswith("^")]
    free = [p for p in patterns if not p.startswith("^")]
    return (
        kind,
        re.compile("|".join(f"(?:{p})" for p in anchored), _I) if anchored else None,
        _any_of(free, _I) if free else None,
        max_words,
    )


#: (kind, anchored cues, free cues, max words of a line the cues may condemn).
#: Anchored cues open the line ("Read more:", "Tags:"); free cues may sit
#: anywhere and so are not trusted on story prose.
FURNITURE_RULES: tuple[tuple[str, re.Pattern[str] | None, re.Pattern[str] | None, int], ...] = (
    _rule("tags", _TAGS, 40),
    _rule("comment_form", _COMMENT, 22),
    _rule("cookie", _COOKIE, 80),
    _rule("advert", _ADVERT, 10),
    _rule("subscribe", _SUBSCRIBE, 16),
    _rule("share", _SHARE, 12),
    _rule("related", _RELATED, 30),
    _rule("navigation", _NAVIGATION, 14),
    _rule("credit", _CREDIT, 12),
    _rule("copyright", _COPYRIGHT, 30),
    _rule("author_bio", _AUTHOR_BIO, 90),
    _rule("byline", _BYLINE, 14),
)

#: A line that ends with a parenthesised or slashed credit is a caption.
CAPTION_WITH_CREDIT = re.compile(
    r"(?:\bcredit\s*(?:\.{2,}|…|:)\s*[\w .'’/-]{2,60}|\(\s*(?:[A-Z][\w.'’-]*\s*){1,4}/\s*[\w .'’-]{2,40}\)|\(\s*(?:photo|foto|image|credit|AP|AFP|Reuters|Getty|EPA)[^)]{0,60}\)"
    r"|(?:photo(?:graph)?|foto|image|credit)\s*:\s*[\w .'’/-]{2,60})\s*$",
    _I,
)
#: What an ASCII line holds wherever :data:`CAPTION_WITH_CREDIT` matches it, once lower-cased: the closing
#: bracket of its two bracketed forms, or the word its other two forms open with.
CAPTION_WITH_CREDIT_PARTS = (")", "credit", "photo", "foto", "image")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
#: A line that is only a date ("Friday, January 4, 2019", "4 January 2019"): the dateline of
#: a news text. It tells when the story was filed, so it stays with the story.
DATELINE = re.compile(
    rf"^\s*(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)\s*$",
    _I,
)
#: A row that opens on a month and a day ("June 9 – West Palm Beach", "Aug. 2 -- DTE Energy Music Theatre"): a
#: schedule's row, keyed by its date. Group 1 is the month, group 2 the day.
DATED_ROW = re.compile(rf"^\s*(?:{_WEEKDAY},?\s+)?({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+(?:19|20)\d\d)", _I)
#: A related-article line set in brackets, as scraped inline links often are.
BRACKETED = re.compile(r"^\s*[\[【]\s*(.{12,}?)\s*[\]】]\s*$")
#: The same in parentheses: a related link only when its language differs from the story's.
PARENTHESISED = re.compile(r"^\s*\(\s*(.{12,}?)\s*\)\s*$")
#: Cue words of image alt text and file names.
IMAGE_WORDS = re.compile(r"\b(?:image|photo|picture|illustration|thumbnail|banner|logo|icon|img|jpe?g|png|webp)\b", _I)
#: Tokens that may appear inside a personal name or agency credit.
NAME_PARTICLES: frozenset[str] = _words("de da di del della van von der den le la du dos das bin al el y / | & and via")
#: A line that speaks to the reader (furniture does; story prose rarely does).
READER_ADDRESS = re.compile(
    r"\b(?:you|your|yours|our|us)\b|^\s*(?:please|click|tap|sign|log|subscribe|follow|share|join|get|download"
    r"|enter|leave|read|watch|accept)\b",
    _I,
)
#: The label in front of a related link ("Read more:", "Lire aussi :").
RELATED_LABEL = re.compile(
    r"^\s*(?:(?:read|see|watch|listen)\s+(?:more|also|next|too)|also\s+(?:read|see)|related(?:\s+\w+)?|more\s+on\s+this"
    r"|l[ee]a\s+también|lee\s+también|ver\s+también|(?:à\s+)?lire\s+aussi|voir\s+aussi|mehr\s+zum\s+thema|lesen\s+sie\s+auch"
    r"|leggi\s+anche|leia\s+também|veja\s+também)\s*[:\-–—|»>]*\s*",
    _I,
)
#: The label in front of a tag line ("Tags:", "Filed under").
TAG_LABEL = re.compile(r"^\s*(?:tags?|tagged(?:\s+with)?|topics?|filed\s+under|categor(?:y|ies)|keywords?|etiquetas?|temas?"
                       r"|mots[- ]clés|schlagw[öo]rter|themen|argomenti|posted\s+in|published\s+in)\s*[:|\-–—]?\s*", _I)
#: Separators between tags.
TAG_SPLIT = re.compile(r"\s*[,;|•·#]\s*")
#: Verbs of reported speech: a line with one is story, not a photo caption.
REPORTING_VERB = re.compile(
    r"\b(?:said|says|told|tells|according|reported|announced|added|stated|explained|warned|insisted|claimed|wrote|tweeted"
    r"|dijo|afirmó|a\s+déclaré|sagte|erklärte)\b",
    _I,
)
#: Openings of headings and list items, never of alt text.
HEADING_START = re.compile(r"^\s*(?:how|why|what|when|where|who|which|q:|a:|step\s+\d|\d+[.)])", _I)

# -- captions by their form (#12) ---------------------------------------------------
#: A caption's label or a gallery counter opening the line: "Media captionJulian Assange…", "Image: …", "2of4A shopper…".
CAPTION_LABEL = re.compile(
    r"^(?:(?:media|image|photo|video)\s*caption\s*|(?:caption|image|photo|picture|pictured|file\s+photo|video|watch|foto|bild|imagen|gallery)"
    r"\s*[:|]\s*)(?=[A-Z“\"'])|^\d+\s*of\s*\d+\s*(?=[A-Z])",
    _I,
)
#: A photographer or agency credit closing a caption: "REUTERS/Brendan McDermid", "J. Scott Applewhite / AP file",
#: "… 2019. Getty Images", "Submitted photo", "[File: Reuters]"; an agency after a lower-case word is a story's
#: ("declined to comment to Reuters.").
CAPTION_CREDIT_END = re.compile(
    r"(?:(?:^|(?<=[\w.!?)\]])\s*|\s+[|/]\s*)(?:[A-Z]{2,}|[A-Z][a-z]+)\s*/\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
    r"(?:\s+file)?"
    r"|(?:(?<=[.!?)\]])|\s+[|/])\s*(?:Getty\s+Images|AFP|AP|Reuters|EPA|Shutterstock|Statista|AP\s+file|Reuters\s+file)"
    r"|\s(?:Submitted|File|Courtesy|Handout)\s+(?:photo|image)|\[(?:File|Photo|Image)[^\]]*\]"
    r"|[.!?]\s*(?:Photo|Photograph|Image)s?\s+(?:by|courtesy\s+of)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
    # a credit in brackets, the scraped page's credit line glued after it ("(Photo: Getty Images)Getty") (#12)
    r"|\((?:Photo|Photograph|Image|Picture|Video|Credit|Foto)s?(?:\s+credit)?\s*:\s*[^()]{2,60}\)(?:\s*[A-Z][\w.'’-]*){0,3})\s*$"
)
#: A credit opening a caption: "Alex Wong | Getty ImagesKristi Noem, governor of South Dakota, …".
CAPTION_CREDIT_START = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*[|/]\s*(?:Getty\s+Images|AFP|AP|Reuters|EPA|Shutterstock)"
)
#: A picture's or a video's stamp closing a caption: an agency's photo credit in brackets ("(AP Photo/Jeffrey T.
#: Barnes)"), which a caption of any length may end on, or when a video was published ("(Published Monday, Nov.
#: 18, 2019)") (#12).
CAPTION_STAMP = re.compile(
    r"\((?:AP|AFP|EPA|Reuters|Getty)\b[^()]{0,10}\b(?:Photo|Images?)\b[^()]{0,60}\)\s*$"
    r"|\((?:Published|Posted|Updated)\s+[^()]{0,40}\b(?:19|20)\d\d\)\s*$"
)
#: A name closing a description after its last sentence, with no verb: the picture's credit ("… for the immune
#: system. RenderBurger for Quanta Magazine"): capitalised words, joined by "for", "via", "of", "and" (#12).
CREDIT_TAIL = re.compile(
    r"(?<=[a-z0-9)”\"’][.!?])\s+([A-Z][\w'’&-]*(?:,?\s+(?:for|via|of|and|[A-Z][\w'’&-]*\.?)){1,5})\s*$"
)
#: Words that point at a picture: "pictured", "(left)", "this image", "an artist's concept", "Satellite image of …".
PICTURE_REFERENCE = re.compile(
    r"(?:\bpictured\b|^(?:\S+\s+){0,3}(?:image|photo|photograph|illustration|picture|map|rendering|portrait|graphic)"
    r"\s+(?:of|shows|showing)\b|\billustration\b|\bsatellite\s+image|\bartist[’']?s\s+(?:concept|impression|rendering)"
    r"|\bfile\s+photo|\bphoto\s+illustration|\bscreen(?:shot|grab)\b|\b(?:seen|shown)\s+here\b"
    r"|\b(?:this|the\s+above)\s+(?:image|photo|photograph|picture|illustration|map|chart|graphic)\b"
    r"|\((?:left|right|center|centre|front|back|top|bottom|L|R|C)\)|\bfrom\s+left\b"
    # a position set off by commas after a name, as captions place people ("Jose Mourinho, left, has…") (#12)
    r"|(?:^|\w)\s*,\s*(?:left|right|center|centre|second\s+(?:left|right)|top|bottom)\s*,|\(L-R\)|\bL-R\b)",
    _I,
)
#: A teaser's time stamp closing a line with no sentence in it: "New study reveals secrets of … 1 hour ago".
TEASER_TIME = re.compile(
    r"(?<![.!?])\s(?:\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?)\s+ago"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4})\s*$"
)
# -- calls to action: subscribe, sign-up and paywall boxes in any language (#12) ---------------
#: What a box asks the reader to give or get: an address, a newsletter, an account, alerts.
CALL_CHANNEL = re.compile(
    r"\b(?:e-?mails?|inbox|newsletters?|subscri\w*|unsubscri\w*|sign(?:ing|ed)?[\s-]*up|signup|log[\s-]*in|"
    r"register|account|alerts?|notify|no\s+spam|membership|paywall|suscri\w*|bolet[ií]n|correo|courriel|abonn\w*|"
    r"inscri\w*|anmeld\w*|iscri\w*|assin\w*|cadastr\w*|berlangganan|surat\s+elektronik|beri\s*tahu|"
    r"подпис\w*|рассылк\w*|почт\w*|电子邮件|订阅|購読|구독)\b|@",
    _I,
)
#: Words of a box that speaks to its reader: "you", "we", "thanks", "please", in several languages.
CALL_READER = re.compile(
    r"\b(?:you|your|yours|our|us|we|me|my|thanks|thank|please|usted|su|sus|vous|votre|vos|nous|sie|ihr|ihre|unser"
    r"|voi|tuo|tua|você|seu|sua|saya|anda|kami|вы|ваш|ваша|мы|моё|мой|мне)\b",
    _I,
)
#: The publisher speaking of itself, as a box does ("Get our analysis…", "Follow us"), in several languages (#12).
PUBLISHER_VOICE = re.compile(
    r"\b(?:our|us|we|nuestr[oa]s?|nosotros|notre|nos|nous|unser\w*|uns|wir|nostr[oaie]|noi|noss[oa]s?|kami"
    r"|nasz\w*|наш\w*|нас|мы)\b",
    _I,
)
#: The reader's consent as a sign-up form's box words it for them to tick ("I agree that … can send me …", "Yes, I
#: would like to receive…"), in several languages (#12).
CONSENT = re.compile(
    r"^\s*(?:yes[,!]?\s+)?(?:i\s+(?:agree|accept|consent|would\s+like|wish|want)|j'accepte|acepto|aceito|accetto"
    r"|ich\s+(?:stimme|willige|möchte))\b",
    _I,
)
#: A sentence opening with an imperative, as a box's buttons and offers do ("Get…", "Sign up", "Stay current…").
CALL_IMPERATIVE = re.compile(
    r"(?:^|[.!?]\s*|\s{2,}|(?-i:(?<=[a-z])(?=[A-Z])))(?:get|sign|join|stay|keep|subscribe|enter|choose|want|don'?t|click|tap|follow|register"
    r"|download|try|start|never|give|pick|manage|plus)\b",
    _I,
)

#: The story's own voice and tense, which a caption describing a picture does not take.
FIRST_PERSON = re.compile(r"\b(?:I|we|us|me|my|our|you|your)\b")
PAST_AUXILIARY = re.compile(r"\b(?:was|were|had|did)\b", _I)
#: A pronoun or link word opening a line: the story going on, not a caption ("He is…", "Below, we…", "Now you…").
STORY_OPENING = re.compile(
    r"^\s*(?:he|she|it|they|we|i|you|his|her|their|its|this|these|those|there|but|and|so|now|below|above|however"
    r"|meanwhile|still|yet|then|also|here|welcome)\b",
    _I,
)


# -- site notices (clean/notices.py) --------------------------------------------------
# Words for what a site tells its reader, in the languages of the news the
# project reads; "cookie", "IP", "JavaScript" and "captcha" are the same in
# most languages, which is what lets the strong cues work beyond this list.

#: One of these makes a short sentence a notice, or counts with one weak cue.
NOTICE_STRONG = _any_of((
    r"cookie", r"\bçerez", r"\bciasteczk", r"куки", r"كوكيز", r"ملفات تعريف الارتباط",
    r"\bad[\s-]?block", r"\bublock", r"\bwerbeblocker", r"\bbloqueador(?:es)?\s+de\s+(?:anuncios|publicidad)",
    r"\bbloqueur\s+de\s+pub", r"\breklam\s+engelle", r"\bblok\w*\s+reklam",
    r"\bcaptcha\b", r"\bnot\s+a\s+robot\b", r"\bnie\s+jestem\s+robotem\b", r"\bkein\s+roboter\b", r"\bno\s+soy\s+un\s+robot\b",
    r"\bIP[-\s]?(?:address|adres\w*|adresse|adresi)\b", r"\b(?:adres\w*|dirección|direccion|adresse|indirizzo)\s+IP\b",
    r"\bjavascript\b", r"\bcloudflare\b",
), re.IGNORECASE)

#: The word "cookie" and its cognates: the one strong cue a long line may be judged on.
COOKIE_WORD = re.compile(r"cookie|\bçerez|\bciasteczk|куки|كوكيز|ملفات تعريف الارتباط|クッキー|쿠키", re.IGNORECASE)
#: A part of each spelling of :data:`COOKIE_WORD` that a lower-cased text holds wherever the pattern matches:
#: without "i" and "s", which "İ", "ı" and "ſ" match case-blind but do not lower-case to.
COOKIE_PARTS = ("cook", "çerez", "teczk", "куки", "كوكيز", "ملفات تعريف الارتباط", "クッキー", "쿠키")

#: Two of these (or one with a strong cue) make a notice.
NOTICE_WEAK = _any_of((
    # consent and privacy
    r"\bconsent", r"\bzustimm", r"\beinwillig", r"\bconsentimiento", r"\bconsenso\b", r"\bconsentement", r"\bzgod[ayęz]",
    r"\bprivacy\b", r"\bdatenschutz", r"\bprivacidad\b", r"\bconfidentialité", r"\bprywatno", r"\bgizlilik", r"\bgdpr\b",
    r"\brodo\b", r"\bkvkk\b", r"سياسة الخصوصية",
    # accounts, subscriptions, paywalls
    r"\blog(?:ged)?\s?(?:in|out)\b", r"\bsign(?:ed)?[\s-]?(?:in|up)\b", r"\banmeld", r"\beinloggen", r"\biniciar\s+sesión",
    r"\bse\s+connecter", r"\bzaloguj", r"\bgiriş\s+yap", r"\bregist(?:er|ered|ration|rieren|rarse|rese)\b", r"\bzarejestr",
    r"\bkayıt\s+ol", r"\bsubscri", r"\babonn", r"\bsuscri", r"\bprenumer", r"\babone", r"\bnewsletter", r"\bboletín",
    r"\bfree\s+(?:trial|access)\b", r"\bunlimited\s+access\b", r"\bpaywall", r"تسجيل الدخول", r"\bاشترك",
    # the site, the browser, clicking and accepting
    r"\bbrowser", r"\bnavegador", r"\bnavigateur", r"\bprzeglądar", r"\btarayıcı", r"\bweb\s?site\b", r"\bwebseite",
    r"\bsitio\s+web\b", r"\bsite\s+web\b", r"\bwitryn", r"\bsitemiz", r"\binternet\s+sitesi", r"\bour\s+site\b",
    r"\bunsere[rnms]?\s+(?:web)?seite", r"\bclick", r"\bklick", r"\bhaga\s+clic", r"\bcliquez", r"\bklikn", r"\btıkla",
    r"\baccept", r"\bakzept", r"\bacepta", r"\bzaakcept", r"\bkabul\s+et", r"\bdonat", r"\bspende", r"\bbağış",
    r"التبرع", r"ادعمونا", r"\bdisclaim", r"\bwarrant(?:y|ies)\b", r"ضمانات",
    r"\badvertis", r"\bwerbung\b", r"\bpublicidad\b", r"\bpublicité\b", r"\breklam", r"\banzeigen\b",
    # addressing the reader
    r"\byou(?:r)?\b", r"\bihnen\b", r"\bsie\s+stimmen\b", r"\bvous\b", r"\bsizlere\b", r"\bkorzystasz\b", r"\bpaństw",
), re.IGNORECASE)
