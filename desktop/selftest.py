"""`pioneer --self-test`: prove a build works — open a scratch book, run the checks, print a PDF."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path


def run_self_test(say: Callable[[str], None]) -> int:
    from desktop.book.backup import backup_book, verify_file
    from desktop.book.demo import create_demo
    from desktop.book.printing import print_document
    from desktop.book.scoring import self_test_check
    from desktop.resources import resource_path

    with tempfile.TemporaryDirectory(prefix="pioneer-selftest-") as tmp:
        folder = Path(tmp)
        font = resource_path("fonts", "wqy-microhei.ttc")
        if not font.exists():
            say(f"自检失败：缺少字体文件 {font}")
            return 1
        book = create_demo(folder / "selftest.db")
        try:
            if not book.integrity_ok():
                say("自检失败：临时账本完整性检查未通过")
                return 1
            members = book.roster.members(include_left=False)
            say(f"临时账本：{book.branch()['name']}，在册 {len(members)} 人")
            pdf = print_document(book, "roster", folder / "roster.pdf")
            if not pdf.read_bytes().startswith(b"%PDF"):
                say("自检失败：PDF 输出不正确")
                return 1
            say(f"PDF：{pdf.stat().st_size} 字节")
            pages = _render_check(pdf)
            if not pages:
                say("自检失败：打印预览无法显示 PDF（pypdfium2）")
                return 1
            say(f"打印预览：{pages} 页可显示")
            (folder / "backup").mkdir()
            backup = backup_book(book, dest_dir=folder / "backup")
            verify_file(backup)
            say("备份：已校验")
            say(self_test_check(book, folder))
            missing = _missing_screens()
            if missing:
                say(f"自检失败：程序缺少界面模块 {'、'.join(missing)}")
                return 1
            say("界面：各页面模块齐全")
        finally:
            book.close()
    say("自检通过")
    return 0


def _render_check(pdf: Path) -> int:
    """The print preview's renderer (PDFium, a native library) is in the build and draws ink."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        bitmap = doc[0].render(scale=0.5, grayscale=True)
        inked = min(bytes(bitmap.buffer)) < 128
        return len(doc) if inked else 0
    finally:
        doc.close()


def _missing_screens() -> list[str]:
    """The window's screens imported by name on first show (a bundle may lack them)."""
    from desktop.gui.main_window import LAZY_SCREENS, screen_class

    missing = []
    for title, factory in LAZY_SCREENS:
        try:
            screen_class(factory)
        except (ImportError, AttributeError):
            missing.append(f"{title}（{factory}）")
    return missing
