"""PyInstaller hook (overrides the contrib one): the number metadata only.

The contrib hook collects every submodule, including the offline geocoding,
carrier and time zone data (~45 MB) that the program does not use.
"""

from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("phonenumbers.data") + collect_submodules(
    "phonenumbers.shortdata"
)
excludedimports = ["phonenumbers.geocoder", "phonenumbers.carrier", "phonenumbers.timezone"]
