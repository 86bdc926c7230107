"""What a spreadsheet can hold: students, instructors or vehicles. For each, the form's own schema (so a
row passes exactly the rules the form applies), the fields a column can feed, the headings schools give
them (in English or French), and the fields a row cannot do without."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from pydantic import BaseModel

from odsm.features.instructors.schemas import InstructorFields
from odsm.features.students.schemas import StudentCreate
from odsm.features.vehicles.schemas import VehicleCreate


class ImportKind(StrEnum):
    students = "students"
    instructors = "instructors"
    vehicles = "vehicles"


@dataclass(frozen=True)
class KindSpec:
    schema: type[BaseModel]
    # Field -> the headings (folded: lower case, no accents, letters and digits only) that name it.
    synonyms: dict[str, tuple[str, ...]]
    required: tuple[str, ...]
    # The fields shown in the preview's sample of rows as they will be saved.
    sample: tuple[str, ...]
    dates: frozenset[str] = field(default_factory=frozenset)
    whole_numbers: frozenset[str] = field(default_factory=frozenset)
    yes_no: frozenset[str] = field(default_factory=frozenset)
    lower_case: frozenset[str] = field(default_factory=frozenset)

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(self.synonyms)


_LICENCE = ("licencenumber", "licensenumber", "licence", "license", "driverslicence", "driverslicense", "dlnumber")

SPECS: dict[ImportKind, KindSpec] = {
    ImportKind.students: KindSpec(
        schema=StudentCreate,
        synonyms={
            "first_name": ("firstname", "first", "givenname", "prenom", "name1"),
            "last_name": ("lastname", "last", "surname", "familyname", "nom", "nomdefamille"),
            "date_of_birth": ("dateofbirth", "dob", "birthdate", "birthday", "born", "datedenaissance"),
            "phone": ("phone", "phonenumber", "telephone", "tel", "cell", "cellphone", "mobile"),
            "email": ("email", "emailaddress", "courriel"),
            "address": ("address", "homeaddress", "adresse"),
            "licence_number": (*_LICENCE, "numerodepermis", "permis"),
            "licence_class": ("licenceclass", "licenseclass", "class", "classe"),
            "g1_issue_date": ("g1issuedate", "g1date", "g1issued", "dateg1"),
            "licence_expiry": ("licenceexpiry", "licenseexpiry", "expiry", "expirydate"),
            "guardian_name": ("guardian", "guardianname", "parent", "parentname"),
            "guardian_phone": ("guardianphone", "parentphone"),
            "guardian_email": ("guardianemail", "parentemail"),
            "notes": ("notes", "note", "comments", "remarques"),
        },
        required=("first_name", "last_name", "date_of_birth"),
        sample=("first_name", "last_name", "date_of_birth", "phone", "licence_number"),
        dates=frozenset({"date_of_birth", "g1_issue_date", "licence_expiry"}),
    ),
    ImportKind.instructors: KindSpec(
        schema=InstructorFields,
        synonyms={
            "first_name": ("firstname", "first", "givenname", "prenom"),
            "last_name": ("lastname", "last", "surname", "familyname", "nom", "nomdefamille"),
            "phone": ("phone", "phonenumber", "telephone", "tel", "cell", "cellphone", "mobile"),
            "email": ("email", "emailaddress", "courriel"),
            "di_licence_number": (
                "dilicencenumber",
                "dilicensenumber",
                "dilicence",
                "dilicense",
                "instructorlicence",
                "instructorlicense",
                "dinumber",
                *_LICENCE,
            ),
            "di_licence_expiry": (
                "dilicenceexpiry",
                "dilicenseexpiry",
                "diexpiry",
                "licenceexpiry",
                "licenseexpiry",
                "expiry",
            ),
            "authorised_in_car": ("authorisedincar", "authorizedincar", "incar"),
            "authorised_classroom": ("authorisedclassroom", "authorizedclassroom", "classroom"),
            "criminal_check_date": ("criminalcheckdate", "criminalcheck", "policecheck", "vulnerablesectorcheck"),
            "driver_abstract_date": ("driverabstractdate", "driverabstract", "abstract"),
            "city_licence_expiry": ("citylicenceexpiry", "citylicenseexpiry", "citylicence", "citylicense"),
            "own_car_insurance_expiry": ("owncarinsuranceexpiry", "insuranceexpiry", "carinsurance"),
            "active": ("active", "actif"),
            "notes": ("notes", "note", "comments", "remarques"),
        },
        required=("first_name", "last_name", "di_licence_number", "di_licence_expiry"),
        sample=("first_name", "last_name", "di_licence_number", "di_licence_expiry"),
        dates=frozenset(
            {
                "di_licence_expiry",
                "criminal_check_date",
                "driver_abstract_date",
                "city_licence_expiry",
                "own_car_insurance_expiry",
            }
        ),
        yes_no=frozenset({"authorised_in_car", "authorised_classroom", "active"}),
    ),
    ImportKind.vehicles: KindSpec(
        schema=VehicleCreate,
        synonyms={
            "plate": ("plate", "platenumber", "licenceplate", "licenseplate", "plaque"),
            "vin": ("vin", "vinnumber", "vehicleidentificationnumber", "serialnumber", "nive"),
            "make": ("make", "manufacturer", "marque"),
            "model": ("model", "modele"),
            "year": ("year", "modelyear", "annee"),
            "transmission": ("transmission", "gearbox", "boite"),
            "dual_brake": ("dualbrake", "dualbrakes", "dualcontrol", "instructorbrake"),
            "insurance_expiry": ("insuranceexpiry", "insurance", "assurance"),
            "inspection_expiry": ("inspectionexpiry", "inspection", "safety", "safetyexpiry"),
            "odometer_km": ("odometerkm", "odometer", "km", "mileage", "kilometres", "kilometers"),
            "active": ("active", "actif"),
            "notes": ("notes", "note", "comments", "remarques"),
        },
        required=("plate", "vin", "make", "model", "year", "transmission", "insurance_expiry", "inspection_expiry"),
        sample=("plate", "vin", "make", "model", "year"),
        dates=frozenset({"insurance_expiry", "inspection_expiry"}),
        whole_numbers=frozenset({"year", "odometer_km"}),
        yes_no=frozenset({"dual_brake", "active"}),
        lower_case=frozenset({"transmission"}),
    ),
}
