"""Checks shared by the services. Each raises ValidationError(field, message).

Every text a service stores passes :func:`clean` (through :func:`required_text`,
:func:`optional_text` and the e-mail, phone and organisation-number checks): control
characters are cleaned out and broken characters refused the same way for every
field, and searches are cleaned the same way (``textkeys.like_pattern``). Numbers
and dates are kept within bounds that every column, printout and chart can hold."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from enum import StrEnum
from typing import Any, ParamSpec, TypeVar, cast

from sqlalchemy import ColumnElement, false

from stad_desktop.format import parse_date, parse_number
from stad_desktop.language import N_, current
from stad_desktop.services.errors import ValidationError
from stad_desktop.textkeys import clean_text, has_broken_character, like_pattern

E = TypeVar("E", bound=StrEnum)
P = ParamSpec("P")
T = TypeVar("T")

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")

# Texts allowed up to this length are one-line fields (names, titles, places): a
# line break or tab in them becomes a space. Longer texts keep their lines.
ONE_LINE_MAX = 200
# Numbers (budgets, indicator values, measurements, hours) stay below a million
# millions: an amount in øre then fits the database's integer column, and a float
# holds it to the øre.
MAX_NUMBER = Decimal("999999999999")
# Years a date may have: enough for old baselines and far targets; a typing slip
# such as 0202 or 20266 is caught.
MIN_YEAR = 1900
MAX_YEAR = 2200


def clean(field: str, value: object, *, max_length: int, required: bool = False) -> str:
    """A text as it is stored: control characters removed (line breaks kept only in
    texts longer than ONE_LINE_MAX), a broken character (lone surrogate) refused."""
    raw = "" if value is None else str(value)
    cleaned = clean_text(raw, multiline=max_length > ONE_LINE_MAX)
    if has_broken_character(cleaned):
        raise ValidationError(
            field, N_("The text contains an invalid character. Type the text again.")
        )
    if required and not cleaned:
        raise ValidationError(field, N_("This field is required."))
    if len(cleaned) > max_length:
        raise ValidationError(
            field, N_("At most {max} characters (now {count})."), max=max_length, count=len(cleaned)
        )
    return cleaned


def required_text(field: str, value: str | None, max_length: int = 200) -> str:
    return clean(field, value, max_length=max_length, required=True)


def optional_text(field: str, value: str | None, max_length: int = 20000) -> str:
    return clean(field, value, max_length=max_length)


def choice(field: str, value: str | E | None, enum: type[E]) -> E:
    try:
        return enum(str(value))
    except ValueError:
        raise ValidationError(field, N_("Choose one of the values in the list.")) from None


def org_number(field: str, value: str | None) -> str | None:
    """A Norwegian organisation number (9 digits, MOD-11), compacted; empty is None."""
    from stdnum.exceptions import ValidationError as StdnumError
    from stdnum.no import orgnr

    text = clean(field, value, max_length=ONE_LINE_MAX)
    if not text:
        return None
    try:
        return str(orgnr.validate(text))
    except StdnumError:
        raise ValidationError(
            field,
            N_("{value} is not a valid organisation number (9 digits with a correct check digit)."),
            value=text,
        ) from None


def email(field: str, value: str | None) -> str:
    text = clean(field, value, max_length=ONE_LINE_MAX)
    if text and not _EMAIL.match(text):
        raise ValidationError(field, N_("{value} is not a valid e-mail address."), value=text)
    return text


def phone(field: str, value: str | None) -> str:
    """A phone number, Norwegian unless it starts with +; stored in a readable form."""
    import phonenumbers

    text = clean(field, value, max_length=ONE_LINE_MAX)
    if not text:
        return ""
    try:
        number = phonenumbers.parse(text, "NO")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(field, N_("{value} is not a valid phone number."), value=text)
    if number.country_code == 47:
        return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


def decimal(
    field: str,
    value: object,
    *,
    required: bool = False,
    minimum: Decimal = -MAX_NUMBER,
    maximum: Decimal = MAX_NUMBER,
) -> Decimal | None:
    """A finite number within [minimum, maximum], given as int/float/Decimal or typed
    text ("1 234,5"); empty is None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(field, N_("This field is required."))
        return None
    if isinstance(value, bool):
        raise ValidationError(field, N_("Write a number, for example 1 234,5."))
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))
    else:
        try:
            # Typed text is read the way the person's language writes numbers.
            result = parse_number(str(value), current())
        except ValueError:
            raise ValidationError(field, N_("Write a number, for example 1 234,5.")) from None
    if not result.is_finite():
        raise ValidationError(field, N_("Write a number, for example 1 234,5."))
    if result > maximum:
        raise ValidationError(field, N_("The number can be at most {maximum}."), maximum=maximum)
    if result < minimum:
        if minimum == 0:
            raise ValidationError(field, N_("The number cannot be negative."))
        raise ValidationError(field, N_("The number must be at least {minimum}."), minimum=minimum)
    return result


def number(
    field: str,
    value: object,
    *,
    required: bool = False,
    minimum: Decimal = -MAX_NUMBER,
    maximum: Decimal = MAX_NUMBER,
) -> float | None:
    """:func:`decimal` as a float (for the Float columns)."""
    result = decimal(field, value, required=required, minimum=minimum, maximum=maximum)
    return None if result is None else float(result)


def date(field: str, value: object, *, required: bool = False) -> dt.date | None:
    """A date given as a date or typed text, with a year from MIN_YEAR to MAX_YEAR."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(field, N_("This field is required."))
        return None
    if isinstance(value, dt.datetime):
        result = value.date()
    elif isinstance(value, dt.date):
        result = value
    else:
        typed = str(value)
        try:
            result = parse_date(typed, current())
        except ValueError:
            year = _YEAR.search(typed)
            if year is not None and not MIN_YEAR <= int(year.group(1)) <= MAX_YEAR:
                raise _year_error(field) from None  # e.g. 01.01.0000
            raise ValidationError(field, N_("Write a date, for example 26.11.2026.")) from None
    if not MIN_YEAR <= result.year <= MAX_YEAR:
        raise _year_error(field)
    return result


def _year_error(field: str) -> ValidationError:
    return ValidationError(
        field, N_("The year must be between {first} and {last}."), first=MIN_YEAR, last=MAX_YEAR
    )


class Checks:
    """Runs a form's field checks and keeps going past a bad field, so that every
    problem is shown at once::

        check = Checks()
        name = check(required_text, "name", data.name)
        ...
        check.done()  # raises the first ValidationError, the others in its ``others``

    A value whose check failed is None: use the values only after ``done()``."""

    def __init__(self) -> None:
        self.errors: list[ValidationError] = []

    def __call__(self, check: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return check(*args, **kwargs)
        except ValidationError as exc:
            self.errors.append(exc)
            return cast(T, None)

    def failed(self, *fields: str) -> bool:
        """Whether one of ``fields`` is bad already (a check that builds on them,
        such as the order of two dates, then says nothing more)."""
        return any(error.field in fields for error in self.errors)

    def done(self) -> None:
        if self.errors:
            first, *others = self.errors
            first.others = tuple(others)
            raise first


def date_order(
    start_field: str, start: dt.date | None, end_field: str, end: dt.date | None
) -> None:
    if start is not None and end is not None and end < start:
        raise ValidationError(end_field, N_("The end date cannot be before the start date."))


def in_order(column: Any, descending: bool = False, nullable: bool = True) -> Any:
    """``column`` as an ORDER BY term in SQLite's order on every engine: an empty
    value (NULL) first going up and last going down (PostgreSQL would do the reverse).
    A column that is never NULL is ordered plainly, so PostgreSQL can read it in
    order from its index (one in the other NULL order does not serve)."""
    if not nullable:
        return column.desc() if descending else column.asc()
    return column.desc().nulls_last() if descending else column.asc().nulls_first()


def matches(column: Any, query: str) -> ColumnElement[bool]:
    """The condition that a folded search column holds ``query``, cleaned the way
    stored texts are: "Al\\x00fa" finds "Alfa", and a query of control characters
    only (or with a broken character) finds nothing, never everything."""
    pattern = like_pattern(query)
    if pattern is None:
        return false()
    return column.like(pattern, escape="\\")  # type: ignore[no-any-return]
