"""Checks shared by the services. Each raises ValidationError(field, message)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from stad_desktop.language import N_, current, parse_date, parse_number
from stad_desktop.services.errors import ValidationError

E = TypeVar("E", bound=StrEnum)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


def required_text(field: str, value: str | None, max_length: int = 200) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(field, N_("This field is required."))
    if len(text) > max_length:
        raise ValidationError(
            field, N_("At most {max} characters (now {count})."), max=max_length, count=len(text)
        )
    return text


def optional_text(field: str, value: str | None, max_length: int = 20000) -> str:
    text = (value or "").strip()
    if len(text) > max_length:
        raise ValidationError(
            field, N_("At most {max} characters (now {count})."), max=max_length, count=len(text)
        )
    return text


def choice(field: str, value: str | E | None, enum: type[E]) -> E:
    try:
        return enum(str(value))
    except ValueError:
        raise ValidationError(field, N_("Choose one of the values in the list.")) from None


def org_number(field: str, value: str | None) -> str | None:
    """A Norwegian organisation number (9 digits, MOD-11), compacted; empty is None."""
    from stdnum.exceptions import ValidationError as StdnumError
    from stdnum.no import orgnr

    text = (value or "").strip()
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
    text = (value or "").strip()
    if text and not _EMAIL.match(text):
        raise ValidationError(field, N_("{value} is not a valid e-mail address."), value=text)
    return text


def phone(field: str, value: str | None) -> str:
    """A phone number, Norwegian unless it starts with +; stored in a readable form."""
    import phonenumbers

    text = (value or "").strip()
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


def number(field: str, value: object, *, required: bool = False) -> float | None:
    """A number given as int/float/Decimal or typed text ("1 234,5")."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(field, N_("This field is required."))
        return None
    if isinstance(value, bool):
        raise ValidationError(field, N_("Write a number, for example 1 234,5."))
    if isinstance(value, int | float | Decimal):
        result = float(value)
    else:
        try:
            # Typed text is read the way the person's language writes numbers.
            result = float(parse_number(str(value), current().lang))
        except ValueError:
            raise ValidationError(field, N_("Write a number, for example 1 234,5.")) from None
    if result != result or result in (float("inf"), float("-inf")):
        raise ValidationError(field, N_("Write a number, for example 1 234,5."))
    return result


def non_negative(field: str, value: float | None) -> float | None:
    if value is not None and value < 0:
        raise ValidationError(field, N_("The number cannot be negative."))
    return value


def date(field: str, value: object, *, required: bool = False) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(field, N_("This field is required."))
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return parse_date(str(value))
    except ValueError:
        raise ValidationError(field, N_("Write a date, for example 26.11.2026.")) from None


def date_order(
    start_field: str, start: dt.date | None, end_field: str, end: dt.date | None
) -> None:
    if start is not None and end is not None and end < start:
        raise ValidationError(end_field, N_("The end date cannot be before the start date."))
