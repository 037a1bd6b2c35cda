"""Printed paper (reportlab PDFs) from plain data; never opens the book.

Import the submodules where you print, not at program start (reportlab costs ~0.2 s to
import and the font ~0.25 s to load):

    from desktop.paper.roster import write_roster
    from desktop.paper.signin import write_signin_sheet
    from desktop.paper.layout import PaperDocument, Column, SpanRow, Blank   # new documents

This package's `__init__` deliberately imports nothing.
"""
