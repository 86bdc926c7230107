"""The demo school's data: names, people, cars and the shape of a term. The builder writes it through the services."""

from __future__ import annotations

from datetime import date, time
from typing import Any

FIRST = ["Amara", "Ben", "Chloe", "Dev", "Emily", "Farah", "Gurpreet", "Hana", "Isaac", "Jun", "Kiran", "Liam"]
FIRST += ["Maya", "Noah", "Olivia", "Priya", "Quinn", "Ravi", "Sofia", "Tariq", "Uma", "Victor", "Wen", "Yusuf"]
LAST = ["Okafor", "Tremblay", "Singh", "Nguyen", "Smith", "Patel", "Li", "Brown", "Wilson", "Martin", "Roy", "Chen"]
LAST += ["Khan", "Gagnon", "Lee", "Kaur", "Ali", "Wong", "Taylor", "Dubois", "Morales", "Haddad", "Ivanov", "Sato"]
STREETS = ["Yonge St", "Bloor St W", "Dundas St E", "Queen St W", "Eglinton Ave", "Bathurst St", "Finch Ave"]
SKILLS = ["mirrors", "lane changes", "parallel parking", "highway merge", "left turns"]
COHORT_SIZE = 24
SESSIONS_PER_COHORT = 8
SESSION_MINUTES = 150  # 8 sessions of 2.5 h make the 20 h of classroom
LESSONS_PER_STUDENT = 10
LESSON_SLOTS = [time(9), time(10, 30), time(13), time(14, 30), time(16)]

SCHOOL = {
    "name": "Maple Leaf Driving School",
    "address": "1200 Bay St, Suite 400, Toronto ON M5R 2A5",
    "mto_school_number": "BDE-S-04417",
    "hst_number": "81234 5678 RT0001",
    "hst_registered": True,
}

BDE_COURSE: dict[str, Any] = {"name": "BDE Class G (Beginner Driver Education)", "kind": "bde"}
PACKAGE: dict[str, Any] = {
    "name": "Road-test refresher: 5 lessons",
    "kind": "package",
    "in_car_minutes": 300,
    "price_cents": 32500,
}

# (first, last, DI licence expiry as a date or days from today, in-car, classroom). The classroom
# teacher's licence lapses soon: the dashboard warns about it.
INSTRUCTORS: list[tuple[str, str, date | int, bool, bool]] = [
    ("Priya", "Sandhu", date(2028, 3, 31), True, False),
    ("Marc", "Tremblay", date(2027, 3, 31), True, False),
    ("Grace", "Osei", date(2029, 3, 31), True, False),
    ("Daniel", "Kowalski", date(2028, 3, 31), True, False),
    ("Fatima", "Rahman", 40, False, True),
]

# Each car's insurance runs this many days from today: the first lapses inside the term.
CARS: list[dict[str, Any]] = [
    {"plate": "CBXA 123", "vin": "2HGFC2F59MH512345", "make": "Honda", "model": "Civic", "year": 2021, "insured": 30},
    {
        "plate": "CCLM 404",
        "vin": "2T1BURHE5KC198765",
        "make": "Toyota",
        "model": "Corolla",
        "year": 2019,
        "insured": 400,
    },
    {
        "plate": "CDKP 771",
        "vin": "KMHD84LF2LU123456",
        "make": "Hyundai",
        "model": "Elantra",
        "year": 2020,
        "insured": 250,
    },
    {
        "plate": "CEZR 218",
        "vin": "3N1AB7AP6KY234567",
        "make": "Nissan",
        "model": "Sentra",
        "year": 2022,
        "insured": 300,
    },
]
