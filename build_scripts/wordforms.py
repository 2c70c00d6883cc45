"""Word forms of the wrong written standard: Bokmål in Nynorsk text, Nynorsk in Bokmål.

Usage: python build_scripts/wordforms.py nn|nb FILE...
A ``.po`` file is checked message by message (its msgstr texts); any other file is
read as plain text (for example the text of a printout). Exit status 1 when a word
is flagged, with one line per word saying what to write instead.

The lists below hold the common function words and the program's own vocabulary.
A clean run does not prove good language, but a flagged word is nearly always a
slip. Each line of a list is ``form  advice``. The form is matched as a whole word
(or a short phrase), without regard to case: ``*`` stands for any letters, or none,
of a compound or an inflection (``*aktører`` also catches ``samarbeidsaktører``),
and a form that starts with ``-`` is an ending (``-inger`` catches ``målinger``).
Words that are right in both written standards (eller, og, om, dersom, ...) are
never listed.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# Bokmål forms that must not appear in Nynorsk text: form, then the Nynorsk word.
NOT_IN_NYNORSK = """
ikke            ikkje
hva             kva
hvem            kven
hvor            kvar
hvordan         korleis
hvorfor         kvifor
hvis            viss / dersom
hvilken         kva for ein / kven
hvilket         kva for eit / kva
hvilke          kva for / kva
hver            kvar
hvert           kvart
hverandre       kvarandre
jeg             eg
hun             ho
fra             frå
mye             mykje
noe             noko
noen            nokon / nokre
noensinne       nokon gong
bare            berre
mer             meir
uten            utan
innen           innan
sammen          saman
mens            medan
ennå            enno
siden           sidan / sida
da              då
frem            fram
hjem            heim
hjemme          heime
intet           inkje / ikkje noko
en              ein
et              eit
ett             eitt
annen           anna / ein annan
annet           anna
være            vere
vært            vore
ble             blei / vart
gjør            gjer
gjøre           gjere
sier            seier
vet             veit
kommer          kjem
fikk            fekk
gikk            gjekk
se              sjå
finnes          finst
hørte           høyrde
hørt            høyrt
velg            vel
velge           velje
valg*           val / vald
dere            de / dykk
deres           dykkar / deira
selv            sjølv
selve           sjølve
egen            eigen
eget            eige
egne            eigne
hele            heile
helt            heilt
flere           fleire
enige           samde
forberedt       førebudd
nåværende       noverande
gammel          gammal
måned           månad
uke             veke
antall          tal
tall            tal
*navn*          namn
beskrivelse*    skildring / omtale
sted            stad
steder          stader
størrelse       storleik
kilde*          kjelde
*fremdrift      framdrift
hoved*          hovud-
*sammendrag     samandrag
sikkerhet*      tryggleik / trygging-
forhåndsvis*    førehandsvis-
advarsel*       åtvaring
advarsl*        åtvaringar
mulig           mogleg
muligheter      moglegheiter
*brukere        brukarar
brukeren        brukaren
brukerne        brukarane
deltaker        deltakar
*deltakere      deltakarar
forsker         forskar
eier            eigar
*prosjekteier   prosjekteigar
arbeidsgiver    arbeidsgjevar
*innbyggere     innbyggjarar
ønsker          ønskjer
innspill*       innspel
*aktører        aktørar
*aktørene       aktørane
*prosjekter     prosjekt
*prosjektene    prosjekta
*effekter       effektar
*gevinster      gevinstar
*ressurser      ressursar
*indikatorer    indikatorar
*indikatorene   indikatorane
*verdier        verdiar
*datoer         datoar
*kommuner       kommunar
*sektorer       sektorar
*faser          fasar
målgruppen      målgruppa
statskassen     statskassa
frivilligheten  frivilligheita
filen           fila
mappen          mappa
rollen          rolla
cellen          cella
*matrisen       matrisa
skrevet         skrive
avsluttet       avslutta
startet         starta
lagret          lagra
slettet         sletta
endret          endra
opprettet       oppretta
skadet          skadd
knyttet         knytt
lukket          lukka
åpne            opne
åpnet           opna
åpner           opnar
åpen            open
åpent           ope
f.eks.          t.d.
-inger          -ingar
-ingene         -ingane
-het            -heit / -skap
-heten          -heita
-heter          -heiter
-hetene         -heitene
-lig            -leg
-lige           -lege
-ligvis         -legvis
"""

# Nynorsk forms that must not appear in Bokmål text: form, then the Bokmål word.
NOT_IN_BOKMAL = """
ikkje           ikke
inkje           ikke / intet
kva             hva
kven            hvem
kvar            hvor / hver
kvart           hvert
korleis         hvordan
kvifor          hvorfor
kvarandre       hverandre
eg              jeg
ho              hun
me              vi
dykk            dere
dykkar          deres
dei             de
deira           deres
frå             fra
mykje           mye
noko            noe
nokon           noen
nokre           noen
berre           bare
meir            mer
utan            uten
innan           innen
saman           sammen
medan           mens
enno            ennå
sidan           siden
då              da
òg              også
ein             en
eit             et
eitt            ett
anna            annet / annen
vere            være
vore            vært
gjer            gjør
gjere           gjøre
seier           sier
veit            vet
kjem            kommer
fekk            fikk
gjekk           gikk
sjå             se
finst           finnes
høyrde          hørte
høyrt           hørt
velje           velge
val             valg
vald            valgt
sjølv           selv
sjølve          selve
eigen           egen
eige            eget
eigne           egne
heile           hele
heilt           helt
fleire          flere
samde           enige
førebudd        forberedt
noverande       nåværende
gjeve           gitt
teke            tatt
gamal           gammel
månad           måned
veke            uke
*namn*          navn
skildring*      beskrivelse
storleik        størrelse
kjelde*         kilde
hovud*          hoved-
*samandrag      sammendrag
førehandsvis*   forhåndsvis-
*åtvaring*      advarsel
mogleg          mulig
moglegheit*     mulighet
brukar          bruker
*brukarar       brukere
brukaren        brukeren
brukarane       brukerne
deltakar        deltaker
*deltakarar     deltakere
forskar         forsker
eigar           eier
*prosjekteigar  prosjekteier
arbeidsgjevar   arbeidsgiver
innbyggjar*     innbygger
ønskjer         ønsker
innspel*        innspill
*aktørar        aktører
*aktørane       aktørene
*prosjekta      prosjektene
*effektar       effekter
*gevinstar      gevinster
*ressursar      ressurser
*indikatorar    indikatorer
*indikatorane   indikatorene
*verdiar        verdier
*datoar         datoer
*kommunar       kommuner
*sektorar       sektorer
*fasar          faser
eining          enhet
målgruppa       målgruppen
statskassa      statskassen
frivilligheita  frivilligheten
gjennomførar    gjennomfører
avslutta        avsluttet
starta          startet
lagra           lagret
laga            laget
sletta          slettet
endra           endret
oppretta        opprettet
skadd           skadet
lukka           lukket
opne            åpne
opna            åpnet
opnar           åpner
t.d.            f.eks.
-ingar          -inger
-ingane         -ingene
-heit           -het
-heita          -heten
-heiter         -heter
-leg            -lig
-legvis         -ligvis
"""

# Words that a form above would catch but that are right in that written standard
# (written the same way as the forms above).
STILL_RIGHT = {
    "nn": ("finger", "ringer", "*villig", "*villige"),
    "nb": (),
}

WRONG_STANDARD = {"nn": "Bokmål", "nb": "Nynorsk"}
LANGUAGE_NAME = {"nn": "Nynorsk", "nb": "Bokmål"}

# Placeholders ({name}, %(name)s, %s) and lists of language codes ("nn, nb eller en")
# are not words; keyboard accelerators (&) are taken out of the word they mark.
_NOT_WORDS = re.compile(
    r"\{[^{}]*\}|%\([^)]*\)[sdifr]|%[sdifr]"
    r"|(?<!\w)(?:nn|nb|en)(?:\s*(?:,|/|\||eller|og|or)\s*(?:nn|nb|en))+(?!\w)"
)


@dataclass(frozen=True)
class Rule:
    form: str
    advice: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Finding:
    lang: str
    word: str
    advice: str
    where: str
    text: str

    def __str__(self) -> str:
        return (
            f"{self.where}: '{self.word}' is {WRONG_STANDARD[self.lang]}; in "
            f"{LANGUAGE_NAME[self.lang]} write {self.advice}  [{self.text.strip()[:80]}]"
        )


def _regex(form: str) -> str:
    body = re.escape(form.strip("*-")).replace(r"\ ", r"\s+")
    if form.startswith("-"):
        body = r"\w+" + body
    if form.startswith("*"):
        body = r"\w*" + body
    if form.endswith("*"):
        body += r"\w*"
    return body


def _rule(form: str, advice: str) -> Rule:
    # Whole words only. A hyphen ends a word ("Ikke-relevant" holds "ikke"), but an
    # ending written after a hyphen ("ID-en", "PDF-ar") is not a word of its own.
    pattern = re.compile(rf"(?<!\w)(?<!\w-){_regex(form)}(?!\w)", re.IGNORECASE)
    return Rule(form, advice, pattern)


def _rules(table: str) -> tuple[Rule, ...]:
    rules = []
    for line in table.strip().splitlines():
        form, advice = line.split(maxsplit=1)
        rules.append(_rule(form, advice.strip()))
    return tuple(rules)


RULES = {"nn": _rules(NOT_IN_NYNORSK), "nb": _rules(NOT_IN_BOKMAL)}
_RIGHT = {
    lang: re.compile("|".join(map(_regex, forms)) or "(?!)", re.IGNORECASE)
    for lang, forms in STILL_RIGHT.items()
}


def check_text(lang: str, text: str, where: str = "text") -> list[Finding]:
    """Every word of the other written standard in ``text`` (``lang``: nn or nb)."""
    clean = _NOT_WORDS.sub(" ", text).replace("&", "")
    found: dict[int, Finding] = {}  # by position: a word is reported once
    for rule in RULES[lang]:
        for match in rule.pattern.finditer(clean):
            if match.start() not in found and not _RIGHT[lang].fullmatch(match.group()):
                found[match.start()] = Finding(lang, match.group(), rule.advice, where, text)
    return [found[start] for start in sorted(found)]


def check_lines(lang: str, lines: Iterable[tuple[str, str]]) -> list[Finding]:
    """``lines``: (where, text) pairs, e.g. (``"file.po:12"``, a msgstr)."""
    return [finding for where, text in lines for finding in check_text(lang, text, where)]


def po_lines(path: Path) -> list[tuple[str, str]]:
    """(file:line, text) of every translation in a catalog (the header left out)."""
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle)
    lines: list[tuple[str, str]] = []
    for message in catalog:
        if not message.id:
            continue
        strings = (message.string,) if isinstance(message.string, str) else message.string
        lines.extend((f"{path}:{message.lineno}", string) for string in strings or () if string)
    return lines


def text_lines(text: str, name: str) -> list[tuple[str, str]]:
    """(name:line, line) of a plain text."""
    return [(f"{name}:{n}", line) for n, line in enumerate(text.splitlines(), start=1)]


def check_file(lang: str, path: Path) -> list[Finding]:
    if path.suffix in (".po", ".pot"):
        return check_lines(lang, po_lines(path))
    return check_lines(lang, text_lines(path.read_text(encoding="utf-8"), str(path)))


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in RULES:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    findings = [f for name in argv[1:] for f in check_file(argv[0], Path(name))]
    for finding in findings:
        print(finding)
    print(f"{len(findings)} word(s) of the wrong written standard", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
