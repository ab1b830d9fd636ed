"""A small archive for the list, filter, format and feed tests, built with the factories."""

import datetime as dt
import hashlib
from types import SimpleNamespace

import pytest

from readouts.models import Readout
from readouts.writing.derived import refresh_derived

from .factories import make_call, make_office, make_official


@pytest.fixture(name="plain_http", autouse=True)
def plain_http_fixture(settings):
    """The tests run with DEBUG off, where production redirects http to https and wants
    collected, hashed static files; pages here are served over http from the source files."""
    settings.SECURE_SSL_REDIRECT = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def add_readout(call, *, side, language, publisher, text):
    readout = Readout.objects.create(
        call=call,
        side=side,
        language=language,
        publisher=publisher,
        source=f"{call.slug}-{side}.txt",
        text=text,
        content_hash=hashlib.sha256(f"{call.slug}{side}{text}".encode()).hexdigest(),
    )
    refresh_derived([readout.call_id])
    return readout


def build_archive():
    """Four calls, 2020–2023: Aliyev with Pompeo, then Blinken; Bayramov with Blinken."""
    sos = make_office("us-secretary-of-state", "US", "Secretary of State")
    president = make_office("az-president", "AZ", "President of Azerbaijan")
    minister = make_office("az-foreign-minister", "AZ", "Foreign Minister of Azerbaijan")
    aliyev = make_official("Ilham Aliyev", "AZ", president, name_variants=["Aliev", "İlham Əliyev"])
    pompeo = make_official(
        "Mike Pompeo", "US", sos, start=dt.date(2018, 4, 26), end=dt.date(2021, 1, 20)
    )
    blinken = make_official("Antony Blinken", "US", sos, start=dt.date(2021, 1, 26))
    bayramov = make_official("Jeyhun Bayramov", "AZ", minister)

    peace = make_call(
        "2020-10-20",
        [aliyev, pompeo],
        initiator=pompeo,
        statements=[
            (aliyev, "Le chef de l'État a souligné la nécessité de la paix.", ["peace-process"],
             "emphasis"),
        ],
    )  # fmt: skip
    border = make_call(
        "2021-05-17",
        [aliyev, blinken],
        initiator=blinken,
        language="en",
        side="US",
        publisher="us-state-department",
        statements=[
            (blinken, "Secretary Blinken urged progress on border delimitation.",
             ["border-delimitation"], "urge"),
            (aliyev, "President Aliyev welcomed the talks on the border.",
             ["border-delimitation", "peace-process"], "welcome"),
        ],
    )  # fmt: skip
    add_readout(
        border,
        side="AZ",
        language="fr",
        publisher="az-presidency",
        text="Ilham Aliyev a reçu un appel d'Antony Blinken sur la frontière de l'Azerbaïdjan.",
    )
    energy = make_call(
        "2021-11-02",
        [bayramov, blinken],
        language="en",
        side="US",
        publisher="us-state-department",
        statements=[(bayramov, "Minister Bayramov informed about energy exports.", ["energy"],
                     "information")],
    )  # fmt: skip
    joint = make_call(
        "2023-02-01",
        [aliyev, blinken],
        initiator=aliyev,
        statements=[
            (None, "Les deux parties ont discuté de la délimitation de la frontière.",
             ["border-delimitation"], "discussion"),
        ],
    )  # fmt: skip
    return SimpleNamespace(
        aliyev=aliyev, pompeo=pompeo, blinken=blinken, bayramov=bayramov,
        peace=peace, border=border, energy=energy, joint=joint,
    )  # fmt: skip


@pytest.fixture(name="world")
def world_fixture(db):
    return build_archive()


def slugs(response):
    return [row.slug for row in response.context["page_obj"].object_list]
