"""Data that travels: the collection workbook (``workbook``), DHIS2 data value sets (``dhis2``)
and tidy open-data files with their Frictionless descriptor (``tidy``).

Pure Python with openpyxl: readers and writers over plain rows; no Django. The web layer
(``chitieu.web.exchange``) fills them from the database and stores what they read through the
values actions.
"""
