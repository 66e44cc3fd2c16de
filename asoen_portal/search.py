"""The header search: every kind of record (asoen_portal.kinds) in one ranked list.

Text is compared folded (lower case, no diacritics: asoen_portal.text.fold), so "xuan thuy"
finds "Xuân Thủy". The database folds with `asoen_fold(text)`: on PostgreSQL an immutable SQL
function over `unaccent` (migration asoen_portal 0004), on SQLite Python's `fold` registered on
each connection (asoen_portal.apps). Every word of the query must appear in a record's text.

Why no new index: activities (50,000 rows) are matched on their stored, folded `search_text`,
which the activity list already searches and a trigram GIN index already serves
(working_groups 0003); the other kinds hold at most a few thousand rows and are matched on
their short fields (titles, names, places: not a meeting's minutes), folded at query time. A
second folded copy or an expression index per table would cost writes and migrations in five
apps; measured on the benchmark's 50,000 activities, 2,000 meetings and 1,000 tasks the page
answers well under a second without them (see the lead's report).

Ranking: on PostgreSQL by pg_trgm's word similarity of the query to the folded title, so a
hit in the title comes before a hit in the text, and among title hits the shorter title (the
one that says little else) first; on SQLite a plain score
(phrase in the title, every word in the title, anywhere). Both run as one UNION query. A query
as broad as one letter matches most of the portal: only the MAX_RANKED_PER_KIND newest
matches of each kind are ranked, so its cost stays bounded.
"""

from dataclasses import dataclass
from functools import reduce

from django.contrib.auth.decorators import login_required
from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    F,
    FloatField,
    Func,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Concat, Length
from django.shortcuts import render
from django.utils.translation import get_language

from asoen_portal import access
from asoen_portal.kinds import KINDS, KINDS_BY_CODE, RecordKind, base_queryset
from asoen_portal.pagination import paginate
from asoen_portal.text import fold

# Words past this many add nothing but LIKE clauses.
MAX_WORDS = 8
MAX_QUERY_LENGTH = 200
MAX_RANKED_PER_KIND = 1000
HIT_COLUMNS = ("hit_kind", "hit_pk", "hit_title", "hit_title_en", "hit_rank")


class Fold(Func):
    """The database's asoen_fold(text): the same folding as asoen_portal.text.fold."""

    function = "asoen_fold"
    output_field = TextField()


def query_words(query: str) -> list[str]:
    return fold(query[:MAX_QUERY_LENGTH]).split()[:MAX_WORDS]


def _folded_text(kind: RecordKind):
    if kind.folded_field:
        return F(kind.folded_field)
    parts = []
    for name in kind.search_fields:
        parts += [Cast(name, TextField()), Value(" ")]
    return Fold(Concat(*parts[:-1], output_field=TextField()))


class ContainsEvery(Func):
    """`expression LIKE ALL (ARRAY['%word%', ...])` (PostgreSQL): one evaluation of a folded
    expression for every word, where a chain of LIKEs folds the text again for each word."""

    output_field = BooleanField()

    def __init__(self, expression, words: list[str]):
        escaped = [w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in words]
        super().__init__(expression, *[Value(f"%{w}%") for w in escaped])

    def as_sql(self, compiler, connection, **extra):
        text, *patterns = (compiler.compile(e) for e in self.get_source_expressions())
        sql = f"{text[0]} LIKE ALL (ARRAY[{', '.join(p[0] for p in patterns)}]::text[])"
        return sql, (*text[1], *(param for p in patterns for param in p[1]))


def _matches(kind: RecordKind, user, words: list[str]) -> QuerySet:
    """The records of `kind` the user may read whose text holds every word."""
    queryset = access.filter_readable(base_queryset(kind), user).annotate(
        folded_text=_folded_text(kind)
    )
    if connection.vendor == "postgresql" and not kind.folded_field:
        queryset = queryset.filter(ContainsEvery("folded_text", words))
    else:
        # A stored folded column: its trigram index serves each LIKE.
        for word in words:
            queryset = queryset.filter(folded_text__contains=word)
    newest = queryset.order_by("-pk").values("pk")[:MAX_RANKED_PER_KIND]
    # The rows were chosen above (readable, live, matching); this only reads them back.
    return kind.model._base_manager.filter(pk__in=newest).annotate(
        folded_title=Fold(Cast(kind.title_field, TextField()))
    )


def _hits(queryset: QuerySet, kind: RecordKind, rank) -> QuerySet:
    title_en = F(f"{kind.title_field}_en") if kind.has_english_title() else Value("")
    return (
        queryset.annotate(
            hit_kind=Value(kind.code, output_field=CharField()),
            hit_pk=F("pk"),
            hit_title=Cast(kind.title_field, TextField()),
            hit_title_en=Cast(title_en, TextField()),
            hit_rank=rank,
        )
        .order_by()
        .values(*HIT_COLUMNS)
    )


def _union(parts: list[QuerySet]) -> QuerySet:
    # One flat UNION ALL: nested pairs would nest parentheses past SQLite's parser depth.
    combined = parts[0].union(*parts[1:], all=True)
    return combined.order_by("-hit_rank", "hit_title", "hit_kind", "hit_pk")


def trigram_search(words: list[str], user) -> QuerySet:
    """PostgreSQL: ranked by pg_trgm's word similarity of the folded query."""
    phrase = " ".join(words)
    parts = []
    for kind in KINDS:
        # Among titles that hold the phrase, the shorter one (that says little else) first;
        # a length costs less than a second trigram similarity of the folded title.
        rank = TrigramWordSimilarity(phrase, "folded_title") * 2 - Cast(
            Length(kind.title_field), FloatField()
        ) / Value(1000.0)
        parts.append(_hits(_matches(kind, user, words), kind, rank))
    return _union(parts)


def plain_search(words: list[str], user) -> QuerySet:
    """Any database with asoen_fold (SQLite in the embedded mode): a plain score, 2 for the
    phrase in the title, 1 for every word in the title, 0 for the words elsewhere."""
    phrase = " ".join(words)
    every_word_in_title = reduce(lambda q, w: q & Q(folded_title__contains=w), words, Q())
    rank = Case(
        When(folded_title__contains=phrase, then=Value(2.0)),
        When(every_word_in_title, then=Value(1.0)),
        default=Value(0.0),
        output_field=FloatField(),
    )
    return _union([_hits(_matches(kind, user, words), kind, rank) for kind in KINDS])


def search_records(query: str, user) -> QuerySet | None:
    """The ranked hits of `query` as rows of HIT_COLUMNS; None for a query with no words."""
    words = query_words(query)
    if not words:
        return None
    if connection.vendor == "postgresql":
        return trigram_search(words, user)
    return plain_search(words, user)


@dataclass(frozen=True)
class Hit:
    kind: RecordKind
    title: str
    url: str


def hit_from_row(row: dict) -> Hit:
    kind = KINDS_BY_CODE[row["hit_kind"]]
    title = row["hit_title"]
    if get_language() == "en" and row["hit_title_en"]:
        title = row["hit_title_en"]
    return Hit(kind=kind, title=title, url=kind.url_for(row["hit_pk"]))


@login_required
def search_page(request):
    query = request.GET.get("q", "").strip()
    rows = search_records(query, request.user)
    page = paginate(request, rows) if rows is not None else None
    return render(
        request,
        "asoen_portal/search.html",
        {
            "search_query": query,
            "page": page,
            "hits": [hit_from_row(row) for row in page] if page is not None else [],
        },
    )
