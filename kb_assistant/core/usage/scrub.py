"""Personal data taken out of what agents typed, before the usage log keeps any of it.

The usage log is there to show which questions the knowledge base answers badly,
not who asked them; yet the question an agent pastes into the search box is often
the customer's own message, with their address, phone, card or order number in
it. Each find is replaced by a typed mask (:data:`MASKS`), so the log still says
that a question was about "a card" or "an order number" without saying whose.

Choices made for the ambiguous cases (each one is pinned by a test):

* A URL with a query string is masked whole: tracking links carry ids and
  addresses in their parameters. Without one it is a product or article link the
  KB knows and it stays, though what its path holds (long digit runs, an
  address, a phone) is still masked.
* Digits grouped like a card (fours, or Amex 4-6-5) are ``<card>`` only when 13-19
  of them pass the Luhn check; otherwise they are still somebody's number and
  become ``<number>``, so a mistyped card never survives. A 13-19 digit run
  that happens to pass Luhn (about one in ten) is logged as a card.
* A phone needs ten digits or more and a phone's mark: a ``+`` country code, the
  Russian ``8`` trunk prefix (before a separator, a parenthesis or a mobile 9),
  an area code in parentheses or a separated 3-3-2-2 group. Ten digits typed in
  one run are an order number; seven-digit local numbers such as ``123-45-67``
  stay, since dates, prices and ranges look the same.
* Any other run of six or more digits is ``<number>``, a six-digit price
  included. Letters glued to it stay (``A<number>``, ``KB<number>``): they tell
  what kind of id it was, not whose.
* IBANs are matched in capitals only, since lower case runs of that shape are
  words. A code of IBAN shape (two capitals, two digits, eight or more capitals
  and digits) but not of IBAN length is masked whole as ``<number>`` when it
  holds six digits or more (``RA123456789RU``, a parcel number).
* Hexadecimal error codes of up to eight digits (``0x80070005``) stay: they name
  the error and the article to show, never a person.
* Shorter numbers (prices, dates, times, years, counts, versions, ``E404``) stay:
  the question needs them.

Three passes, each one left-to-right scan whose repetitions are possessive,
bounded, or read a run of their characters once from its start; so the work
grows linearly with the text, whatever it holds. Within a pass the first
alternative that fits at a place wins, which is how precedence is kept: a card
is never half-masked as a phone.
"""

from __future__ import annotations

import re

MASKS: dict[str, str] = {
    "url": "<url>",
    "email": "<email>",
    "iban": "<iban>",
    "card": "<card>",
    "phone": "<phone>",
    "number": "<number>",
}
"""Kind -> the text put in its place: angle brackets end every rule's run, so masks stay as they are."""

_URL = re.compile(r"""(?i:https?://|www\.)[^\s<>"'«»]+""")
_SENTENCE_PUNCTUATION = ".,;:!?)]}»…"
"""What closes the sentence around a link rather than the link: ``…/help?`` has no query."""

_ADDRESS_OR_WORD = re.compile(
    r"""
      (?P<email> [\w.+-]+ @ (?:[\w-]+\.)+ (?:(?i:xn--)[\w-]+ | [^\W\d_]+) )
    | [\w.+-]++
    """,
    re.VERBOSE,
)
"""An address, or a run that is none, taken whole: each run is tried once, from its start."""

_IDENTIFIERS = re.compile(
    r"""
      (?P<iban> (?<![A-Za-z]) [A-Z]{2}\d{2} (?:\ ?[A-Z0-9]{4}){2,7}+ (?:\ ?[A-Z0-9]{1,3})?+ [0-9A-Za-z]*+ )
    | (?P<card> (?<!\d)
          (?: \d{13,19} | \d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,4})? | \d{4}[ -]\d{6}[ -]\d{4,5} )
          (?!\d) )
    | (?P<phone>
          (?: \+7 | (?<!\d)8(?=[\ (-]|9) ) [ -]?\(?\d{3}\)?[ -]?\d{3}[ -]?\d{2}[ -]?\d{2} (?!\d)
        | \+\d{1,3}+ (?:[ -]?\(?\d{1,4}+\)?){2,5} (?!\d)
        | (?: \(\d{3}\)[ -]? | (?<!\d)\d{3}[ -] ) \d{3}[ -]?\d{2}[ -]?\d{2} (?!\d) )
    | (?P<hexcode> 0[xX][0-9A-Fa-f]{1,8}+ (?![0-9A-Za-z]) )
    | (?P<number> \d{6,} )
    """,
    re.VERBOSE,
)
"""Everything built of digits, in precedence order; what a pattern cannot tell is checked in
:func:`_mask_identifier`. Every digit-ending alternative refuses to stop before a digit, so no
match begins inside a run of digits another one left."""

_IBAN = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}")
_LONG_DIGIT_RUN = re.compile(r"\d{6,}")
_NOT_A_DIGIT = re.compile(r"\D")
_MIN_PHONE_DIGITS = 10
_MIN_NUMBER_DIGITS = 6


def scrub(text: str) -> str:
    """``text`` with personal data replaced by typed masks, fit to be written to the usage log.

    Links go first because their query strings hold addresses and ids that would
    otherwise be masked piecemeal; addresses next because their local parts may be
    all digits; then everything built of digits, in one scan. Masks consist of
    characters that end every rule's run, so scrubbing scrubbed text changes nothing.
    """
    without_tracking_links = _URL.sub(_mask_url_with_query, text)
    without_addresses = _ADDRESS_OR_WORD.sub(_mask_address, without_tracking_links)
    return _IDENTIFIERS.sub(_mask_identifier, without_addresses)


def passes_luhn(digits: str) -> bool:
    """Whether the decimal ``digits`` end in a valid Luhn check digit, as card numbers do.

    The checksum is what tells a card from an order number of the same length.
    """
    total = 0
    for position, digit in enumerate(reversed(digits)):
        value = int(digit)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return bool(digits) and total % 10 == 0


def _mask_url_with_query(match: re.Match[str]) -> str:
    """The whole link masked when it has a query, else kept: the KB's own links carry none."""
    url = match.group()
    link = url.rstrip(_SENTENCE_PUNCTUATION)
    if "?" in link:
        return MASKS["url"] + url[len(link):]
    return url


def _mask_address(match: re.Match[str]) -> str:
    """An address masked, any other run kept as typed: it may still hold digits for the last pass."""
    return MASKS["email"] if match.lastgroup == "email" else match.group()


def _mask_identifier(match: re.Match[str]) -> str:
    """The mask for what the scan found; a rejected find is masked or kept whole, never cut
    shorter, since a shorter rest could fit a pattern the next time the text is scrubbed."""
    kind, found = match.lastgroup, match.group()
    digits = _NOT_A_DIGIT.sub("", found)
    if kind == "iban":
        if _IBAN.fullmatch(found.replace(" ", "")):
            return MASKS["iban"]
        return MASKS["number"] if len(digits) >= _MIN_NUMBER_DIGITS else found
    if kind == "card":
        return MASKS["card"] if 13 <= len(digits) <= 19 and passes_luhn(digits) else MASKS["number"]
    if kind == "phone":
        if len(digits) >= _MIN_PHONE_DIGITS:
            return MASKS["phone"]
        return MASKS["number"] if _LONG_DIGIT_RUN.search(found) else found
    if kind == "hexcode":
        return found
    return MASKS["number"]
