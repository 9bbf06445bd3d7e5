"""Data that travels, in the web application: collection workbooks (template and upload),
DHIS2 data value sets, open-data exports and backup/restore, for the pages, the API and the
``chitieu`` command. Formats live in ``chitieu.exchange``; every value stored goes through
``chitieu.web.values.actions``."""
