"""Registers out (issue 18, item 7): the register in the import's column layout, CSV and XLSX, so an
exported register imports back identically; and `dapi register import/export`."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from dapi.funding.models import Agreement
from dapi.funding.registers.columns import suggest_mapping
from dapi.funding.registers.files import read_register
from dapi.funding.registers.selectors import register_export
from dapi.funding.registers.services import register_import

from .builders import office_row, office_rows, write_csv, write_xlsx


def rows_of(kind, data):
    sheet = read_register(f"register.{kind}", data)
    return sheet.headers, [cells for _, cells in sheet.rows]


def text_rows(kind, data):
    from dapi.funding.registers.columns import text

    headers, rows = rows_of(kind, data)
    return headers, [[text(c.date() if hasattr(c, "date") else c) for c in r] for r in rows]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_an_exported_register_imports_back_identically(cast, tmp_path, kind):
    officer = cast["finance-officer"]
    # The seeds' own agreements share one decision's reference (2022-0007) and some are of programmes
    # Hampshire leads: such a ledger exports, but is refused on the way back in. Start from an empty ledger.
    Agreement.objects.all().delete()
    rows = office_rows(4) + [office_row(5, **{"Name": "=SUM(A1:A2) looks like a formula", "Amount": ""})]
    register_import(sheet=(s := read_register("r.csv", write_csv(tmp_path / "r.csv", rows).read_bytes())),
                    mapping=suggest_mapping(s.headers), by=officer)
    exported = register_export(officer, kind)
    headers, first = rows_of(kind, exported)
    assert headers[:3] == ["Reference", "Title", "Programme"]
    # Take the ledger's agreements out and bring the export back in: the same register comes out again.
    Agreement.objects.all().delete()
    sheet = read_register(f"export.{kind}", exported)
    register_import(sheet=sheet, mapping=suggest_mapping(sheet.headers), by=officer)
    assert text_rows(kind, register_export(officer, kind)) == text_rows(kind, exported)
    assert Agreement.objects.get(reference="REG-0005").title == "=SUM(A1:A2) looks like a formula"
    assert Agreement.objects.get(reference="REG-0005").value is None
    assert len(first) == Agreement.objects.count()


def test_the_csv_export_makes_formula_like_text_inert(cast, tmp_path):
    rows = [office_row(1, Name="=HYPERLINK(\"http://x\")")]
    register_import(sheet=(s := read_register("r.csv", write_csv(tmp_path / "r.csv", rows).read_bytes())),
                    mapping=suggest_mapping(s.headers), by=cast["commissioner"])
    assert "'=HYPERLINK" in register_export(cast["commissioner"], "csv").decode()


def test_the_export_holds_only_the_ledgers_the_user_sees(cast):
    commissioner = register_export(cast["commissioner"], "csv").decode()
    assert "Jenkins Centre perpetrator programme contract" in commissioner
    provider = register_export(cast["provider-manager"], "csv").decode()
    assert provider.splitlines() == [commissioner.splitlines()[0]]  # the headers only: he keeps no ledger


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("register", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_imports_a_register_after_a_dry_run_that_writes_nothing(seeded, tmp_path):
    path = write_xlsx(tmp_path / "register.xlsx", office_rows(3))
    before = Agreement.objects.count()
    out, _ = run("import", path, "--dry-run")
    assert "Reference: 'Contract ref'" in out and "Dry run: 3 agreement(s) would be created" in out
    assert Agreement.objects.count() == before
    out, _ = run("import", path)
    assert "3 agreement(s) created from register.xlsx." in out and Agreement.objects.count() == before + 3


def test_the_command_takes_a_mapping_and_names_bad_rows_on_stderr(seeded, tmp_path):
    rows = office_rows(2) + [office_row(3, Amount="lots")]
    path = write_csv(tmp_path / "register.csv", rows)
    with pytest.raises(CommandError, match="1 problem\\(s\\) in register.csv; nothing was imported"):
        run("import", path, "--mapping", "title=Notes")
    with pytest.raises(CommandError, match="the file has no column headed 'Nope'"):
        run("import", path, "--mapping", "title=Nope")
    assert not Agreement.objects.filter(reference__startswith="REG-").exists()
    out, _ = run("import", write_csv(tmp_path / "ok.csv", office_rows(2)), "--mapping", "title=Notes")
    assert Agreement.objects.filter(title="office's own column, not imported").count() == 2


def test_the_command_refuses_a_bad_file(seeded, tmp_path):
    (tmp_path / "register.txt").write_text("a,b\n")
    with pytest.raises(CommandError, match="upload a .csv or .xlsx file"):
        run("import", tmp_path / "register.txt")
    with pytest.raises(CommandError, match="no such file"):
        run("import", tmp_path / "missing.csv")


@pytest.mark.parametrize("name,kind", [("out.csv", "csv"), ("out.xlsx", "xlsx")])
def test_the_command_exports_in_the_format_its_file_names(seeded, tmp_path, name, kind):
    out, _ = run("export", "--output", tmp_path / name)
    assert f"({kind})" in out
    headers, rows = rows_of(kind, (tmp_path / name).read_bytes())
    assert headers[0] == "Reference" and len(rows) == Agreement.objects.count()


def test_the_command_refuses_an_output_whose_format_it_cannot_tell(seeded, tmp_path):
    with pytest.raises(CommandError, match="the format cannot be told"):
        run("export", "--output", tmp_path / "register.ods")
