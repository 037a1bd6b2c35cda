"""The print font: bundled, embedded, registered once; never reportlab's unembedded CID font."""

from __future__ import annotations

import subprocess
import sys

from desktop.paper.fonts import BUNDLED_FONT_NAME, fonts, missing_glyphs


def test_bundled_font_is_used_and_registered_once():
    first = fonts(prefer_system=False)
    assert first.song == first.hei == first.fang == BUNDLED_FONT_NAME
    assert first.fake_bold  # WenQuanYi Micro Hei has no bold weight
    assert fonts(prefer_system=False) is first


def test_missing_glyphs_names_rare_characters():
    assert missing_glyphs("王建国 Zhang 2026-03-05（签字）：— 第1页 共5页") == ""
    # CJK Extension A/B characters are outside WenQuanYi Micro Hei.
    assert missing_glyphs("李䶮䶮𠇔") == "䶮𠇔"


def test_importing_the_package_does_not_import_reportlab():
    # The GUI must start fast: desktop.paper's submodules are imported only when printing.
    code = "import sys, desktop, desktop.paper; print('reportlab' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_windows_system_fonts_preferred_when_present(tmp_path, monkeypatch):
    """On Windows 宋体/黑体/仿宋 are used when present; a missing or broken one falls back."""
    import shutil

    from desktop.paper import fonts as mod
    from desktop.resources import resource_path

    fonts_dir = tmp_path / "Fonts"
    fonts_dir.mkdir()
    # Stand-ins: the bundled TTC as simsun.ttc, a broken simhei.ttf, no simfang.ttf.
    shutil.copy(resource_path("fonts", "wqy-microhei.ttc"), fonts_dir / "simsun.ttc")
    (fonts_dir / "simhei.ttf").write_bytes(b"not a font")
    monkeypatch.setattr(mod.sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", str(tmp_path))
    mod._fonts.cache_clear()
    try:
        got = mod.fonts(prefer_system=True)
        assert got.song == "PioneerSimSun"
        assert got.fang == "PioneerSimSun"  # no 仿宋: falls back to 宋体
        assert got.hei == BUNDLED_FONT_NAME and got.fake_bold  # broken 黑体 ignored
    finally:
        mod._fonts.cache_clear()


def test_fonts_installed_for_one_user_are_found(tmp_path, monkeypatch):
    """Windows 10+ installs a font "for me only" into %LOCALAPPDATA%\\Microsoft\\Windows\\Fonts."""
    import shutil

    from desktop.paper import fonts as mod
    from desktop.resources import resource_path

    system, local = tmp_path / "Windows", tmp_path / "AppData" / "Local"
    (system / "Fonts").mkdir(parents=True)
    user_fonts = local / "Microsoft" / "Windows" / "Fonts"
    user_fonts.mkdir(parents=True)
    shutil.copy(resource_path("fonts", "wqy-microhei.ttc"), system / "Fonts" / "simsun.ttc")
    shutil.copy(resource_path("fonts", "wqy-microhei.ttc"), user_fonts / "simfang.ttf")
    monkeypatch.setattr(mod.sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", str(system))
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    assert mod.windows_font_folders() == [system / "Fonts", user_fonts]
    mod._fonts.cache_clear()
    try:
        got = mod.fonts(prefer_system=True)
        assert got.song == "PioneerSimSun" and got.fang == "PioneerFangSong"
    finally:
        mod._fonts.cache_clear()


def test_environment_forces_bundled_font(monkeypatch):
    from desktop.paper import fonts as mod

    monkeypatch.setattr(mod.sys, "platform", "win32")
    monkeypatch.setenv("PIONEER_PAPER_FONTS", "bundled")
    mod._fonts.cache_clear()
    try:
        assert mod.fonts().song == BUNDLED_FONT_NAME
    finally:
        mod._fonts.cache_clear()


RARE = ["王䶮", "𠮷祥", "赵\U00020164"]  # Extension A, B (𠮷), a 通用规范汉字表 one of B
NO_FONT = "\U00031350"  # Extension H: in no font we ship


def _text_and_fonts(pdf) -> tuple[str, str]:
    import shutil

    import pytest

    if not shutil.which("pdffonts"):
        pytest.skip("needs poppler-utils")
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True)
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True)
    return text.stdout, listing.stdout


def test_rare_name_characters_print_from_the_fallback_font(tmp_path):
    """王䶮 printed as 「王」 and 𠮷祥 as 「 祥」: every character now reaches the paper (and
    its text, for copy and search), set in the bundled fallback face where ours has none."""
    from paper_helpers import make_members

    from desktop.paper.fonts import FALLBACK_FONT_NAME, unprintable
    from desktop.paper.roster import write_roster

    people = make_members(len(RARE))
    for m, name in zip(people, RARE, strict=True):
        m["name"] = name
    people[0]["group"] = "䶮字党小组"
    out = tmp_path / "roster.pdf"
    write_roster(out, {"name": "䶮村党支部"}, people, printed_on="2026-11-24")
    text, listing = _text_and_fonts(out)
    for name in RARE:
        assert name in text and not unprintable(name)
    assert "䶮字党小组" in text and "䶮村党支部" in text
    assert FALLBACK_FONT_NAME in listing
    # No font is referenced without being embedded (the "emb" column).
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    assert rows and all(r[-5] == "yes" for r in rows), listing


def test_a_character_no_font_has_prints_as_a_mark_and_is_named(tmp_path, book):
    """Never dropped silently: printed as 〓 and named before printing."""
    from desktop.book.printing import print_document, unprintable_names
    from desktop.paper.fonts import unprintable

    assert unprintable(f"李{NO_FONT}") == NO_FONT
    book.roster.add_member({"name": f"李{NO_FONT}", "status": "正式党员"})
    book.roster.add_member({"name": "王䶮", "status": "正式党员"})
    lines = unprintable_names(book)
    assert lines == [
        f"姓名“李{NO_FONT}”中的“{NO_FONT}”字，打印字体中没有，将印作“李〓”，请在纸上手写补正。"
    ]
    out = print_document(book, "roster", tmp_path / "r.pdf")
    text, _listing = _text_and_fonts(out)
    assert "李〓" in text and "王䶮" in text


def test_the_cli_says_so_before_printing(tmp_path, book_path, book):
    import os

    book.roster.add_member({"name": f"李{NO_FONT}", "status": "正式党员"})
    book.close()
    out = tmp_path / "r.pdf"
    env = {**os.environ, "PIONEER_PAPER_FONTS": "bundled"}
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "--db",
            str(book_path),
            "print",
            "roster",
            "--out",
            str(out),
        ],
        capture_output=True,
        encoding="utf-8",  # what the CLI writes everywhere (Windows' locale is not UTF-8)
        env=env,
    )
    assert run.returncode == 0 and out.exists()
    assert f"注意：姓名“李{NO_FONT}”" in run.stderr and "印作“李〓”" in run.stderr


def test_windows_title_face_and_notice_body(tmp_path, monkeypatch):
    """Titles in 小标宋 where installed (else 黑体), notice bodies in 仿宋, tables in 宋体."""
    import shutil

    from desktop.paper import fonts as mod
    from desktop.paper.layout import PaperDocument
    from desktop.resources import resource_path

    folder = tmp_path / "Fonts"
    folder.mkdir()
    for name in ("simsun.ttc", "simhei.ttf", "simfang.ttf", "FZXBSJW.TTF"):
        shutil.copy(resource_path("fonts", "wqy-microhei.ttc"), folder / name)
    monkeypatch.setattr(mod.sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", str(tmp_path))
    monkeypatch.delenv("PIONEER_PAPER_FONTS", raising=False)
    mod._fonts.cache_clear()
    try:
        got = mod.fonts(prefer_system=True)
        assert (got.song, got.hei, got.fang, got.title) == (
            "PioneerSimSun",
            "PioneerSimHei",
            "PioneerFangSong",
            "PioneerXiaoBiaoSong",
        )
        assert not got.fake_bold  # a real title face: no stroked "bold"
        doc = PaperDocument(tmp_path / "t.pdf", title="党员积分公示")
        assert doc.story[0].style.fontName == "PioneerXiaoBiaoSong"
    finally:
        mod._fonts.cache_clear()


def test_every_kind_embeds_every_font_it_references(confirmed_demo_book, tmp_path):
    """No printed kind references a font it does not embed (reportlab's STSong-Light, a
    standard Type 1 face): each prints the same on a PC without our fonts."""
    import shutil

    import pytest

    from desktop.book.errors import InputRefused
    from desktop.book.printing import KINDS, print_document

    if not shutil.which("pdffonts"):
        pytest.skip("needs poppler-utils")
    book = confirmed_demo_book
    acts = (
        __import__("desktop.book.meetings", fromlist=["Meetings"]).Meetings(book).activities(2026)
    )
    opts = {"year": 2026, "quarter": 2, "activity": acts[1]["code"], "member": "002"}
    printed = 0
    for kind in KINDS:
        out = tmp_path / f"{kind}.pdf"
        try:
            print_document(book, kind, out, **opts)
        except InputRefused:
            continue  # e.g. a notice nobody was given
        printed += 1
        listing = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
        rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
        assert rows and all(r[-5] == "yes" for r in rows), (kind, listing)
    assert printed >= 20  # the rest need facts this book lacks (a notice given, certificates)


def test_a_sign_in_sheet_of_sixty_embeds_one_font_subset(tmp_path, branch, activity, members):
    """reportlab keeps codes 32–127 of a first subset for ASCII by default, so ~160 distinct
    Chinese characters needed a second subset of the same face, cut and embedded apart (the
    printing benchmark's sign-in sheet); our fonts take 255 characters a subset. Latin and
    digits still copy out as text, and the page streams are not ASCII85-armoured."""
    from desktop.paper.signin import write_signin_sheet

    pdf = tmp_path / "s.pdf"
    write_signin_sheet(pdf, branch, activity, members(60))
    text, listing = _text_and_fonts(pdf)
    subsets = [ln for ln in listing.splitlines() if "WenQuanYiMicroHei" in ln]
    assert len(subsets) == 1, listing
    assert "09:00" in text and "第1页" in text
    assert b"ASCII85Decode" not in pdf.read_bytes()
