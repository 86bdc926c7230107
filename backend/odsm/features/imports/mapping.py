"""Which column holds which field: guessed from the headings as schools write them, in English or French."""

from __future__ import annotations

import re
import unicodedata

# A heading, folded (lower case, no accents, letters and digits only), to the student field it names.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "first_name": ("firstname", "first", "givenname", "prenom", "name1"),
    "last_name": ("lastname", "last", "surname", "familyname", "nom", "nomdefamille"),
    "date_of_birth": ("dateofbirth", "dob", "birthdate", "birthday", "born", "datedenaissance"),
    "phone": ("phone", "phonenumber", "telephone", "tel", "cell", "cellphone", "mobile"),
    "email": ("email", "emailaddress", "courriel"),
    "address": ("address", "homeaddress", "adresse"),
    "licence_number": (
        "licencenumber",
        "licensenumber",
        "licence",
        "license",
        "driverslicence",
        "driverslicense",
        "dlnumber",
        "numerodepermis",
        "permis",
    ),
    "licence_class": ("licenceclass", "licenseclass", "class", "classe"),
    "g1_issue_date": ("g1issuedate", "g1date", "g1issued", "dateg1"),
    "licence_expiry": ("licenceexpiry", "licenseexpiry", "expiry", "expirydate"),
    "guardian_name": ("guardian", "guardianname", "parent", "parentname"),
    "guardian_phone": ("guardianphone", "parentphone"),
    "guardian_email": ("guardianemail", "parentemail"),
    "notes": ("notes", "note", "comments", "remarques"),
}
_BY_HEADING = {alias: field for field, aliases in SYNONYMS.items() for alias in aliases}
DATE_FIELDS = {"date_of_birth", "g1_issue_date", "licence_expiry"}


def fold(heading: str) -> str:
    plain = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def guess_mapping(headings: list[str]) -> list[str | None]:
    """The field for each column, or None for a column to leave out; a field is taken by one column at most."""
    taken: set[str] = set()
    fields: list[str | None] = []
    for heading in headings:
        field = _BY_HEADING.get(fold(heading))
        if field in taken:
            field = None
        if field is not None:
            taken.add(field)
        fields.append(field)
    return fields
