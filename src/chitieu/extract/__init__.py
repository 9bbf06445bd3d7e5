"""Reading existing reports into indicator statements.

Owns the pipeline ``readers/{text,docx,pdf}`` → one ``Document`` (numbered, NFC lines) →
``extractor.extract`` (targets and results with their bounds, units, years and verdicts) →
``export`` (the JSON of ``contracts/extraction.md`` or a readable table). Bad input raises
``ExtractionError`` with a Vietnamese and English message; nothing is produced.

Pure Python apart from the readers' document libraries; no Django.
"""

from chitieu.extract.document import Document, ExtractionError
from chitieu.extract.extractor import Statement, extract
from chitieu.extract.readers import read_document

__all__ = ["Document", "ExtractionError", "Statement", "extract", "read_document"]
