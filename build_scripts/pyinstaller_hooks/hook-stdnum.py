"""PyInstaller hook (overrides the contrib one): no data files.

The contrib hook collects all of python-stdnum's databases (~2 MB: IBAN, ISBN,
OUI, ...); the program uses only stdnum.no.orgnr, which needs none of them.
"""

datas: list[tuple[str, str]] = []
