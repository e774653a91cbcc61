"""Registers in (issue 18, item 7): a grants or contracts register from CSV or XLSX, its columns
mapped to dapi's fields, made into agreements through funding's own service, all or nothing, every
bad row named with its row number, column and what would be accepted."""

from datetime import date
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.http import Http404

from dapi.funding.models import Agreement
from dapi.funding.registers.columns import suggest_mapping
from dapi.funding.registers.files import RegisterFileError, read_register
from dapi.funding.registers.services import RegisterRefused, register_import, register_plan

from .builders import OFFICE_HEADERS, office_row, office_rows, write_csv, write_xlsx


def sheet_of(path):
    return read_register(path.name, path.read_bytes())


def imported(path, by):
    sheet = sheet_of(path)
    return register_import(sheet=sheet, mapping=suggest_mapping(sheet.headers), by=by)


def test_the_office_headers_suggest_dapis_fields():
    mapping = suggest_mapping(OFFICE_HEADERS)
    named = {field: OFFICE_HEADERS[i] if i is not None else None for field, i in mapping.items()}
    assert named == {"reference": "Contract ref", "title": "Name", "programme": "Programme", "kind": "Type",
                     "commissioner": "Funder", "provider": "Supplier", "value": "Amount", "start": "Start date",
                     "end": "End date", "status": "Status", "extension_until": None, "break_notice_months": None}


def test_a_register_of_250_rows_from_xlsx_becomes_250_agreements_each_audited(cast, tmp_path):
    before = Agreement.objects.count()
    path = write_xlsx(tmp_path / "register.xlsx", office_rows(250))
    created = imported(path, cast["finance-officer"])
    assert len(created) == 250 and Agreement.objects.count() == before + 250
    one = Agreement.objects.get(reference="REG-0007")
    assert (one.title, one.kind, one.value, one.start, one.end, one.status, one.provider.name) == (
        "Synthetic register agreement 7", "grant", Decimal("1007.50"), date(2024, 4, 1), date(2025, 3, 31),
        "approved", "Harbour Support Services")
    assert one.programme.slug == "cleveland-complex-needs"
    creates = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Agreement),
                                      action=LogEntry.Action.CREATE, actor=cast["finance-officer"])
    assert creates.count() == 250


def test_a_csv_register_imports_the_same_as_the_xlsx(cast, tmp_path):
    created = imported(write_csv(tmp_path / "register.csv", office_rows(3)), cast["commissioner"])
    assert [a.reference for a in created] == ["REG-0001", "REG-0002", "REG-0003"]
    assert created[1].kind == "contract" and created[1].value == Decimal("1002.50")


def test_a_duplicate_reference_is_refused_naming_both_rows_and_nothing_is_written(cast, tmp_path):
    rows = office_rows(5) + [office_row(99, **{"Contract ref": "REG-0002"})]
    before = Agreement.objects.count()
    with pytest.raises(RegisterRefused) as refused:
        imported(write_csv(tmp_path / "register.csv", rows), cast["finance-officer"])
    assert refused.value.errors == [
        "Row 7, column \u201cContract ref\u201d (Reference): 'REG-0002' is also the reference of row 3; "
        "enter a reference no other row of the file has."]
    assert Agreement.objects.count() == before


def test_a_reference_already_in_the_ledger_is_refused(cast, tmp_path):
    imported(write_csv(tmp_path / "first.csv", office_rows(2)), cast["finance-officer"])
    with pytest.raises(RegisterRefused) as refused:
        imported(write_csv(tmp_path / "again.csv", office_rows(3)), cast["finance-officer"])
    assert len(refused.value.errors) == 2 and "'REG-0001' is already an agreement of Cleveland" in refused.value.errors[0]
    assert not Agreement.objects.filter(reference="REG-0003").exists()


def test_a_bad_amount_and_a_bad_date_are_refused_naming_row_column_and_what_would_be_accepted(cast, tmp_path):
    rows = office_rows(4)
    rows[1] = office_row(2, Amount="twelve pounds")
    rows[3] = office_row(4, **{"End date": "31/13/2025"})
    before = Agreement.objects.count()
    with pytest.raises(RegisterRefused) as refused:
        imported(write_csv(tmp_path / "register.csv", rows), cast["finance-officer"])
    assert refused.value.errors == [
        "Row 3, column \u201cAmount\u201d (Value): 'twelve pounds' is not an amount; enter an amount in pounds such "
        "as 12500.00 or £12,500, or empty.",
        "Row 5, column \u201cEnd date\u201d (End): '31/13/2025' is not a date; enter a date such as 2025-03-31 or "
        "31/03/2025, on or after the start."]
    assert Agreement.objects.count() == before


def test_every_other_bad_cell_is_named_too(cast, tmp_path):
    rows = [office_row(1, Programme="No such programme"), office_row(2, Funder="Nobody Council"),
            office_row(3, Type="loan"), office_row(4, **{"Start date": "2025-04-01"}),
            office_row(5, Name=""), office_row(6, Amount="-5"), office_row(7, Status="terminated")]
    with pytest.raises(RegisterRefused) as refused:
        imported(write_csv(tmp_path / "register.csv", rows), cast["finance-officer"])
    errors = refused.value.errors
    assert errors[0].startswith("Row 2, column \u201cProgramme\u201d: 'No such programme' is not a programme whose "
                                "ledger you keep; enter one of: ")
    assert "Cleveland complex needs perpetrator programme" in errors[0]
    assert errors[1] == ("Row 3, column \u201cFunder\u201d (Commissioner): 'Nobody Council' is not an organisation in "
                         "dapi; enter the name of an organisation in dapi (add it on the organisations page first).")
    assert errors[2] == "Row 4, column \u201cType\u201d (Kind): 'loan' is not one of grant, contract; enter grant or contract."
    assert errors[3] == "Row 5, column \u201cEnd date\u201d (End): The end date must be on or after the start date."
    assert errors[4].startswith("Row 6, column \u201cName\u201d (Title): is empty")
    assert errors[5].startswith("Row 7, column \u201cAmount\u201d (Value): '-5' is not an amount of £0.00")
    assert errors[6].startswith("Row 8, column \u201cStatus\u201d: 'terminated' is not one of draft, approved")
    assert len(errors) == 7


def test_a_provider_manager_keeps_no_ledger_and_can_import_into_none(cast, tmp_path):
    path = write_csv(tmp_path / "register.csv", office_rows(2))
    with pytest.raises(RegisterRefused) as refused:
        imported(path, cast["provider-manager"])
    assert "enter one of: none (you keep no programme's ledger)" in refused.value.errors[0]
    assert len(imported(path, cast["commissioner"])) == 2  # one who keeps the ledger may


def test_a_mapping_without_a_required_field_or_with_a_column_twice_is_refused(cast, tmp_path):
    sheet = sheet_of(write_csv(tmp_path / "register.csv", office_rows(2)))
    mapping = suggest_mapping(sheet.headers) | {"end": None, "start": 1}
    with pytest.raises(Exception) as refused:
        register_plan(sheet=sheet, mapping=mapping, by=cast["commissioner"])
    assert refused.value.message_dict["mapping"] == [
        "The column \u201cName\u201d is chosen for both Title and Start: choose it for one only.",
        "Choose the column that holds End (required): a date such as 2025-03-31 or 31/03/2025, on or after the start."]


@pytest.mark.parametrize("name,data,message", [
    ("register.txt", b"a,b\n1,2\n", "is not a register dapi can read: upload a .csv or .xlsx file"),
    ("register.xlsx", b"\x89PNG\r\n\x1a\n not a workbook", "is not an .xlsx workbook"),
    ("register.csv", b"PK\x03\x04binary", "is not a CSV file (it holds binary data)"),
    ("register.csv", "Name\n".encode("utf-16"), "is not a CSV file"),
    ("register.csv", b"", "is empty"),
    ("register.csv", b"Reference,Title\n", "has headers but no rows"),
])
def test_a_bad_file_is_refused_saying_what_would_be_read(db, name, data, message):
    with pytest.raises(RegisterFileError, match=message.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
        read_register(name, data)


def test_a_file_too_large_or_with_too_many_rows_is_refused_with_the_limit(settings, tmp_path):
    settings.DAPI_REGISTER_MAX_BYTES = 1024 * 1024
    with pytest.raises(RegisterFileError, match="is 1.5 MB; a register may be at most 1 MB"):
        read_register("big.csv", b"x" * (1024 * 1024 * 3 // 2))
    settings.DAPI_REGISTER_MAX_ROWS = 100
    path = write_xlsx(tmp_path / "long.xlsx", office_rows(101))
    with pytest.raises(RegisterFileError, match="has more than 100 rows"):
        read_register(path.name, path.read_bytes())
    path = write_csv(tmp_path / "long.csv", office_rows(101))
    with pytest.raises(RegisterFileError, match="has 101 rows; a register may have at most 100"):
        read_register(path.name, path.read_bytes())


def test_a_workbook_that_unpacks_past_the_limit_is_refused_before_it_is_opened(settings, tmp_path):
    path = write_xlsx(tmp_path / "padded.xlsx", office_rows(50))
    unpacked_limit = 20 * 1024
    settings.DAPI_REGISTER_MAX_UNPACKED_BYTES = unpacked_limit
    with pytest.raises(RegisterFileError, match="unpacks to .* MB; a register workbook may unpack to at most 0 MB"):
        read_register(path.name, path.read_bytes())
    settings.DAPI_REGISTER_MAX_UNPACKED_BYTES = 50 * 1024 * 1024
    assert len(read_register(path.name, path.read_bytes()).rows) == 50


def test_blank_rows_are_skipped_and_row_numbers_stay_those_of_the_file(cast, tmp_path):
    rows = office_rows(2) + [[""] * len(OFFICE_HEADERS)] + [office_row(3, Amount="x")]
    with pytest.raises(RegisterRefused) as refused:
        imported(write_csv(tmp_path / "register.csv", rows), cast["finance-officer"])
    assert refused.value.errors[0].startswith("Row 5, ")


def test_import_service_refuses_someone_who_may_not_change_the_programme(cast, tmp_path):
    from dapi.funding.services.ledger import agreement_create  # the service the import goes through

    with pytest.raises(Http404):
        agreement_create(by=cast["provider-manager"], programme=Agreement.objects.first().programme, kind="grant",
                         title="x", commissioner=Agreement.objects.first().commissioner, end=date(2025, 3, 31))
